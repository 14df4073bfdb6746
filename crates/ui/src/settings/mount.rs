//! `mountSettings(element, options)` and the handle the page holds.

use super::editor::{EditorProps, Link, SettingsEditor};
use super::preview::read_examples;
use crate::host;
use dangjian_wasm::convert::{describe, from_js, to_js};
use dangjian_wasm::error::{js_error, Code};
use dangjian_wasm::options::Options;
use serde_json::{Map, Value};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

/// The options `mountSettings()` knows.
pub const SETTINGS_OPTIONS: &[&str] = &[
    "form", "settings", "locale", "today", "examples", "onChange",
];

/// A mounted settings editor.
#[wasm_bindgen]
pub struct SettingsHandle {
    app: Option<AppHandle<SettingsEditor>>,
    link: Rc<Link>,
    element: Element,
}

#[wasm_bindgen]
impl SettingsHandle {
    /// The changed settings, `{ name: value }` (what `<dj-form settings>` takes).
    #[wasm_bindgen(js_name = getSettings)]
    pub fn get_settings(&self) -> Result<JsValue, JsValue> {
        to_js(&*self.link.settings.borrow())
    }

    /// Replaces the changed settings (`{ name: value }`; `null` resets them all).
    #[wasm_bindgen(js_name = setSettings)]
    pub fn set_settings(&self, settings: JsValue) -> Result<(), JsValue> {
        let values = settings_arg(&settings, "setSettings")?;
        if let Some(set) = &*self.link.set.borrow() {
            set.emit(values);
        }
        Ok(())
    }

    /// The spec with the new values (`null` while the engine refuses them).
    #[wasm_bindgen(js_name = getSpec)]
    pub fn get_spec(&self) -> Result<JsValue, JsValue> {
        match &*self.link.spec.borrow() {
            Some(spec) => to_js(spec),
            None => Ok(JsValue::NULL),
        }
    }

    /// Removes the editor from the page.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        host::release(&self.element);
    }
}

/// `{ name: value }` from JavaScript (`null` / `undefined`: none).
fn settings_arg(value: &JsValue, what: &str) -> Result<Map<String, Value>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Map::new());
    }
    match (value.is_object() && !js_sys::Array::is_array(value))
        .then(|| from_js(value, what))
        .transpose()?
    {
        Some(Value::Object(map)) => Ok(map),
        _ => Err(js_error(
            Code::BadOptions,
            &format!(
                "{what}: settings must be an object {{ name: value }}, got {}",
                describe(value)
            ),
        )),
    }
}

/// Mounts the settings editor of a form into `element`. Options: `form` (a
/// built-in id, a spec object or a spec as JSON text), `settings` (the values
/// to start from), `locale`, `today` (for examples without their own date),
/// `examples` (the records to preview with: the package's `examples/<id>.json`
/// or a list of records), `onChange(settings, valid)`. The element also emits
/// `dj-settings-change` with `{ settings, valid }`.
#[wasm_bindgen(js_name = mountSettings)]
pub fn mount_settings(element: JsValue, options: JsValue) -> Result<SettingsHandle, JsValue> {
    let element = crate::api::element_arg(element, "mountSettings")?;
    let o = Options::read(&options)?;
    crate::embed::warn_unknown(&options, SETTINGS_OPTIONS, "mountSettings()");
    let form = crate::api::compile(&o.get("form"))?;
    let initial = settings_arg(&o.get("settings"), "mountSettings")?;
    // Starting values the engine refuses are still shown, with its messages.
    let examples_value = o.get("examples");
    let examples = if examples_value.is_undefined() || examples_value.is_null() {
        Vec::new()
    } else {
        read_examples(
            &from_js(&examples_value, "options.examples")?,
            &form.spec().id,
        )
    };
    let today = match o.today()? {
        Some(t) if !o.get("today").is_undefined() => t,
        _ => crate::draft::today_local(),
    };
    let on_change = {
        let value = o.get("onChange");
        if value.is_undefined() || value.is_null() {
            None
        } else {
            Some(value.dyn_into::<js_sys::Function>().map_err(|v| {
                js_error(
                    Code::BadOptions,
                    &format!(
                        "options.onChange must be a function (settings, valid) => …, got {}",
                        describe(&v)
                    ),
                )
            })?)
        }
    };
    let target = element.clone();
    let notify = yew::Callback::from(move |(settings, valid): (Map<String, Value>, bool)| {
        let js = to_js(&settings).unwrap_or(JsValue::NULL);
        if let Some(f) = &on_change {
            if let Err(e) = f.call2(&JsValue::NULL, &js, &JsValue::from_bool(valid)) {
                web_sys::console::error_2(
                    &"dangjian-forms: the onChange callback threw".into(),
                    &e,
                );
            }
        }
        let detail = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&detail, &"settings".into(), &js);
        let _ = js_sys::Reflect::set(&detail, &"valid".into(), &JsValue::from_bool(valid));
        host::dispatch(&target, "dj-settings-change", &detail);
    });
    let link = Rc::new(Link::default());
    let root = host::prepare(&element).map_err(|e| crate::api::dom_error("mountSettings", &e))?;
    let props = EditorProps {
        base: Rc::new(form),
        initial,
        examples: Rc::new(examples),
        locale: o.locale()?,
        today,
        on_change: notify,
        link: link.clone(),
    };
    let app = yew::Renderer::<SettingsEditor>::with_root_and_props(root, props).render();
    Ok(SettingsHandle {
        app: Some(app),
        link,
        element,
    })
}
