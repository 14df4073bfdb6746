//! What a portal page gives `mount()` and the elements beyond the form itself:
//! the names it may use (anything else is a console warning naming it and the
//! known ones), a county's `settings`, the toolbar buttons it hides, and the
//! default draft key of each element.

use dangjian_core::Form;
use dangjian_wasm::convert::{describe, from_js};
use dangjian_wasm::error::{js_error, spec_error, Code};
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// The options `mount()` knows.
pub const MOUNT_OPTIONS: &[&str] = &[
    "form", "data", "locale", "readOnly", "draftKey", "elder", "today", "settings", "hide",
    "onChange", "onSubmit",
];

/// The options `mountCalendar()` and `CalendarHandle.update()` know.
pub const CALENDAR_OPTIONS: &[&str] = &[
    "minutes",
    "year",
    "locale",
    "today",
    "branch",
    "elder",
    "requirements",
    "settings",
    "minutesCheck",
];

/// Logs a console warning for every own property of `options` not in `known`:
/// a misspelt option never silently keeps its default.
pub fn warn_unknown(options: &JsValue, known: &[&str], function: &str) {
    let Some(object) = options.dyn_ref::<js_sys::Object>() else {
        return;
    };
    let unknown: Vec<String> = js_sys::Object::keys(object)
        .iter()
        .filter_map(|k| k.as_string())
        .filter(|k| !known.contains(&k.as_str()))
        .collect();
    if unknown.is_empty() {
        return;
    }
    let names = unknown
        .iter()
        .map(|n| format!("“{n}”"))
        .collect::<Vec<_>>()
        .join(", ");
    web_sys::console::warn_1(
        &format!(
            "dangjian-forms: {function} ignores the unknown option(s) {names}; the known options are: {}",
            known.join(", ")
        )
        .into(),
    );
}

/// `options.settings`: `{ name: value }` applied to the form as a county's
/// variant (`Form::with_settings`); an unknown name, a value of another type or
/// out of its range throws `spec_invalid` with the diagnostics.
pub fn apply_settings(form: Form, settings: &JsValue) -> Result<Form, JsValue> {
    if settings.is_undefined() || settings.is_null() {
        return Ok(form);
    }
    if !settings.is_object() || js_sys::Array::is_array(settings) {
        return Err(js_error(
            Code::BadOptions,
            &format!(
                "options.settings must be an object {{ name: value }}, got {}",
                describe(settings)
            ),
        ));
    }
    match from_js(settings, "options.settings")? {
        Value::Object(map) if map.is_empty() => Ok(form),
        Value::Object(map) => form
            .with_settings(&map)
            .map_err(|e| spec_error("settings", &e)),
        _ => Err(js_error(
            Code::BadOptions,
            "options.settings must be an object { name: value }",
        )),
    }
}

/// A button of the toolbar a page may hide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    /// 中文 / English.
    Language,
    /// 大字模式.
    Elder,
    /// 打印.
    Print,
    /// 导出数据 (and 导出整改清单).
    Export,
    /// 导入数据.
    Import,
    /// 草稿记录.
    History,
}

impl Tool {
    /// Every tool, in the toolbar's order.
    pub const ALL: [Tool; 6] = [
        Tool::Language,
        Tool::Elder,
        Tool::Print,
        Tool::Export,
        Tool::Import,
        Tool::History,
    ];

    /// The name a page uses in `hide`.
    pub fn name(self) -> &'static str {
        match self {
            Tool::Language => "language",
            Tool::Elder => "elder",
            Tool::Print => "print",
            Tool::Export => "export",
            Tool::Import => "import",
            Tool::History => "history",
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// The toolbar buttons a page hides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Hidden(u8);

impl Hidden {
    /// True when `tool` is hidden.
    pub fn hides(self, tool: Tool) -> bool {
        self.0 & tool.bit() != 0
    }

    /// Reads names (`"language print"` or `["language", "print"]`); an unknown
    /// name is a console warning naming the known ones.
    pub fn read(value: &JsValue) -> Result<Hidden, JsValue> {
        if value.is_undefined() || value.is_null() {
            return Ok(Hidden::default());
        }
        let names: Vec<String> = if let Some(text) = value.as_string() {
            text.split([' ', ',']).map(str::to_owned).collect()
        } else if js_sys::Array::is_array(value) {
            js_sys::Array::from(value)
                .iter()
                .map(|v| v.as_string().unwrap_or_default())
                .collect()
        } else {
            return Err(js_error(
                Code::BadOptions,
                &format!(
                    "options.hide must be a list of toolbar buttons such as [\"language\", \"print\"], got {}",
                    describe(value)
                ),
            ));
        };
        let mut hidden = Hidden::default();
        for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
            match Tool::ALL.iter().find(|t| t.name() == name) {
                Some(tool) => hidden.0 |= tool.bit(),
                None => web_sys::console::warn_1(
                    &format!(
                        "dangjian-forms: hide: there is no toolbar button “{name}”; the known ones are: {}",
                        Tool::ALL.map(Tool::name).join(", ")
                    )
                    .into(),
                ),
            }
        }
        Ok(hidden)
    }
}

/// The default draft key of a form mounted into `element`:
/// `dangjian:draft:<form id>@<version>:<where>`, where is the element's `id`,
/// else its tag and position among the elements of that tag in the document
/// (`dj-form-2`). Two forms of the same type on one page keep two drafts.
pub fn default_draft_key(form: &Form, element: &Element) -> String {
    let spec = form.spec();
    format!(
        "dangjian:draft:{}@{}:{}",
        spec.id,
        spec.version,
        place_of(element)
    )
}

/// The element's id, or its tag and 1-based position among its document's elements of that tag.
fn place_of(element: &Element) -> String {
    let id = element.id();
    if !id.is_empty() {
        return format!("#{id}");
    }
    let tag = element.local_name();
    let position = element
        .owner_document()
        .and_then(|d| d.query_selector_all(&tag).ok())
        .and_then(|list| {
            (0..list.length()).find(|&i| {
                list.item(i)
                    .is_some_and(|n| n.is_same_node(Some(element.unchecked_ref())))
            })
        })
        .map_or(1, |i| i + 1);
    format!("{tag}-{position}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tool_has_its_own_bit_and_name() {
        let mut seen = 0u8;
        for tool in Tool::ALL {
            assert_eq!(seen & tool.bit(), 0, "{}", tool.name());
            seen |= tool.bit();
        }
        assert!(!Hidden::default().hides(Tool::Print));
        assert!(Hidden(Tool::Print.bit()).hides(Tool::Print));
    }
}
