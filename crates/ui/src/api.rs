//! The JavaScript API: `mount(element, options)` returning a [`FormHandle`],
//! `mountCalendar(element, options)`, and `defineElements()` for `<dj-form>` and
//! `<dj-calendar>`.
//!
//! Errors are those of the engine API (`dangjian_wasm::error`): a thrown
//! `DangjianError` with a stable `code` — `unknown_form`, `spec_invalid` (with
//! `diagnostics`), `bad_json`, `bad_argument`, `bad_options` — never a trap.

use crate::bridge::{Bridge, HostEvent};
use crate::components::app::{AppProps, FormApp};
use crate::draft::{today_local, DraftStore};
use crate::host;
use crate::state::{Action, Setup};
use crate::views::calendar::{CalendarProps, ComplianceCalendar};
use dangjian_core::json_text::Json;
use dangjian_core::Form;
use dangjian_standards::meetings::{MinutesCheck, Requirement};
use dangjian_wasm::convert::{describe, from_js, to_js, to_js_via_json};
use dangjian_wasm::error::{js_error, Code};
use dangjian_wasm::options::{locale_value, Options};
use serde_json::Value;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

/// A mounted form, as the host page holds it.
#[wasm_bindgen]
pub struct FormHandle {
    app: Option<AppHandle<FormApp>>,
    bridge: Rc<Bridge>,
    setup: Rc<Setup>,
    element: Element,
    draft_key: Option<String>,
}

#[wasm_bindgen]
impl FormHandle {
    /// The `localStorage` key of the form's draft (`null` when it keeps none).
    #[wasm_bindgen(getter, js_name = draftKey)]
    pub fn draft_key(&self) -> Option<String> {
        self.draft_key.clone()
    }

    /// The record as it stands (a plain object).
    #[wasm_bindgen(js_name = getData)]
    pub fn get_data(&self) -> Result<JsValue, JsValue> {
        to_js(&*self.bridge.latest().0)
    }

    /// Replaces the record (`null` empties it); the form shows it and checks it again.
    #[wasm_bindgen(js_name = setData)]
    pub fn set_data(&self, data: JsValue) -> Result<(), JsValue> {
        let value = record_arg(&self.setup.form, &data, "the record")?;
        self.bridge.send(Action::Replace(value));
        Ok(())
    }

    /// The engine's report on the record (and every message is shown in the form).
    pub fn validate(&self) -> Result<JsValue, JsValue> {
        let (_, view) = self.bridge.latest();
        self.bridge.send(Action::Reveal);
        to_js_via_json(view.public_report())
    }

    /// Switches the language (`zh-CN` or `en`).
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, locale: JsValue) -> Result<(), JsValue> {
        self.bridge
            .send(Action::Locale(locale_value(&locale, "the locale")?));
        Ok(())
    }

    /// Removes the form from the page.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        host::release(&self.element);
    }
}

/// Compiles the `form` option exactly as `compile()` does: a built-in form id,
/// a spec object or a spec as JSON text, with the same errors (`unknown_form`,
/// `spec_invalid` with `diagnostics`, `bad_json`, `bad_argument`).
pub(crate) fn compile(form: &JsValue) -> Result<Form, JsValue> {
    if form.is_undefined() || form.is_null() {
        return Err(js_error(
            Code::BadOptions,
            "options.form is missing: give a built-in form id (e.g. \"branch-checklist\"), a spec object or a spec as JSON text",
        ));
    }
    dangjian_wasm::compile(form.clone()).map(dangjian_wasm::Form::into_inner)
}

/// The element to mount into; anything else is a `bad_argument`.
pub(crate) fn element_arg(element: JsValue, what: &str) -> Result<Element, JsValue> {
    let is_element = element.is_instance_of::<Element>()
        || (element.is_object()
            && js_sys::Reflect::get(&element, &"nodeType".into())
                .ok()
                .and_then(|t| t.as_f64())
                == Some(1.0));
    if !is_element {
        return Err(js_error(
            Code::BadArgument,
            &format!(
                "{what} expects a DOM element to render into, got {}",
                describe(&element)
            ),
        ));
    }
    if element
        .unchecked_ref::<Element>()
        .owner_document()
        .is_none()
    {
        return Err(js_error(
            Code::BadArgument,
            &format!("{what}: the element belongs to no document"),
        ));
    }
    Ok(element.unchecked_into())
}

/// A failure of the DOM while preparing the element (a coded error).
pub(crate) fn dom_error(what: &str, e: &JsValue) -> JsValue {
    let message = e
        .dyn_ref::<js_sys::Error>()
        .and_then(|e| e.message().as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the browser refused".to_owned());
    js_error(
        Code::BadArgument,
        &format!("{what}: cannot render into this element: {message}"),
    )
}

/// `options.today`: absent means the browser's local date, `null` switches
/// date limits off, anything else must be `YYYY-MM-DD`.
fn today_option(options: &Options<'_>) -> Result<Option<String>, JsValue> {
    if options.get("today").is_undefined() {
        return Ok(Some(today_local()));
    }
    options.today()
}

/// An optional boolean option: `None` when absent, `bad_options` when not a boolean.
fn bool_option(options: &Options<'_>, name: &str) -> Result<Option<bool>, JsValue> {
    if options.get(name).is_undefined() {
        return Ok(None);
    }
    options.flag(name).map(Some)
}

/// An optional callback option.
fn func_option(options: &Options<'_>, name: &str) -> Result<Option<js_sys::Function>, JsValue> {
    let value = options.get(name);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value.dyn_into::<js_sys::Function>().map(Some).map_err(|v| {
        js_error(
            Code::BadOptions,
            &format!(
                "options.{name} must be a function (data, report) => …, got {}",
                describe(&v)
            ),
        )
    })
}

/// True when `options.draftKey` asks for the default key (absent, `null` or `true`).
fn default_draft_key(options: &Options<'_>) -> bool {
    let value = options.get("draftKey");
    value.is_undefined() || value.is_null() || value.as_bool() == Some(true)
}

/// `options.draftKey`: absent or `true` — the default key (form id, version and
/// the element's id or position, see [`crate::embed::default_draft_key`]);
/// `false` or `""` — no drafts; a string — that key.
fn draft_option(
    options: &Options<'_>,
    form: &Form,
    element: &Element,
    read_only: bool,
) -> Result<Option<String>, JsValue> {
    let value = options.get("draftKey");
    let key = if value.is_undefined() || value.is_null() || value.as_bool() == Some(true) {
        Some(crate::embed::default_draft_key(form, element))
    } else if value.as_bool() == Some(false) {
        None
    } else if let Some(s) = value.as_string() {
        (!s.is_empty()).then_some(s)
    } else {
        return Err(js_error(
            Code::BadOptions,
            &format!(
                "options.draftKey must be a string or false, got {}",
                describe(&value)
            ),
        ));
    };
    Ok(key.filter(|_| !read_only))
}

/// A record from JavaScript: `undefined` and `null` are the form's empty record.
fn record_arg(form: &Form, value: &JsValue, what: &str) -> Result<Value, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(form.empty_data());
    }
    from_js(value, what)
}

/// Mounts a form into `element` (inside its shadow root). Options: `form` (a
/// built-in id, a spec object or a spec as JSON text), `settings` (a county's
/// values, `{name: value}`), `data`, `locale` (`zh-CN` default, `en`),
/// `readOnly`, `draftKey` (default `dangjian:draft:<form id>@<version>:<the
/// element's id or position>`; `false` turns drafts off), `elder`, `today`
/// (`YYYY-MM-DD`, default the local date; `null` switches date limits off),
/// `hide` (toolbar buttons), `onChange(data, report)`, `onSubmit(data,
/// report)`. An unknown option is a console warning. The element also emits
/// `dj-change` and `dj-submit` events with `{data, report}` as detail.
#[wasm_bindgen]
pub fn mount(element: JsValue, options: JsValue) -> Result<FormHandle, JsValue> {
    let element = element_arg(element, "mount")?;
    let o = Options::read(&options)?;
    crate::embed::warn_unknown(&options, crate::embed::MOUNT_OPTIONS, "mount()");
    let form = compile(&o.get("form"))?;
    let form = crate::embed::apply_settings(form, &o.get("settings"))?;
    let hidden = crate::embed::Hidden::read(&o.get("hide"))?;
    let locale = o.locale()?;
    let today = today_option(&o)?;
    let read_only = bool_option(&o, "readOnly")?.unwrap_or(false);
    let elder = bool_option(&o, "elder")?
        .or_else(crate::draft::remembered_elder)
        .unwrap_or(false);
    let on_change = func_option(&o, "onChange")?;
    let on_submit = func_option(&o, "onSubmit")?;
    let draft_key = draft_option(&o, &form, &element, read_only)?;
    let draft = draft_key.as_deref().map(DraftStore::new);
    if let (Some(store), true) = (&draft, default_draft_key(&o)) {
        // A draft saved under the old default key (form id alone) is not lost.
        let id = &form.spec().id;
        store.adopt(&crate::draft::legacy_key(id), id);
    }
    let data = record_arg(&form, &o.get("data"), "options.data")?;

    let setup = Setup::new(form, today);
    let first = Rc::new(setup.validate(&data, locale));
    let target = element.clone();
    let notify = Box::new(
        move |event: HostEvent, data: &Rc<Value>, view: &Rc<crate::report_view::ReportView>| {
            let (name, callback) = match event {
                HostEvent::Change => ("dj-change", &on_change),
                HostEvent::Submit => ("dj-submit", &on_submit),
            };
            if let Some(f) = callback {
                let js_data = to_js(&**data).unwrap_or(JsValue::NULL);
                let js_report = to_js_via_json(view.public_report()).unwrap_or(JsValue::NULL);
                if let Err(e) = f.call2(&JsValue::NULL, &js_data, &js_report) {
                    web_sys::console::error_2(
                        &format!("dangjian-forms: the {name} callback threw").into(),
                        &e,
                    );
                }
            }
            // The event's detail converts the record and the report only if a listener reads them.
            let (d, v) = (data.clone(), view.clone());
            let get_data =
                Closure::<dyn Fn() -> JsValue>::new(move || to_js(&*d).unwrap_or(JsValue::NULL))
                    .into_js_value();
            let get_report = Closure::<dyn Fn() -> JsValue>::new(move || {
                to_js_via_json(v.public_report()).unwrap_or(JsValue::NULL)
            })
            .into_js_value();
            host::dispatch(&target, name, &lazy_detail(&get_data, &get_report));
        },
    );
    let data = Rc::new(data);
    let bridge = Bridge::new(data.clone(), first, notify);
    let root = host::prepare(&element).map_err(|e| dom_error("mount", &e))?;
    let props = AppProps {
        setup: setup.clone(),
        initial: data,
        locale,
        read_only,
        elder,
        draft,
        bridge: bridge.clone(),
        host: element.clone(),
        hidden,
    };
    let app = yew::Renderer::<FormApp>::with_root_and_props(root, props).render();
    Ok(FormHandle {
        app: Some(app),
        bridge,
        setup,
        element,
        draft_key,
    })
}

/// A mounted compliance calendar.
#[wasm_bindgen]
pub struct CalendarHandle {
    app: Option<AppHandle<ComplianceCalendar>>,
    element: Element,
    options: JsValue,
}

#[wasm_bindgen]
impl CalendarHandle {
    /// Shows new minutes or options (`{minutes, year, locale, today, branch, elder}`,
    /// merged over the current ones).
    pub fn update(&mut self, options: JsValue) -> Result<(), JsValue> {
        let o = Options::read(&options)?;
        crate::embed::warn_unknown(
            &options,
            crate::embed::CALENDAR_OPTIONS,
            "CalendarHandle.update()",
        );
        let base: js_sys::Object = self.options.clone().unchecked_into();
        let merged = match o.value() {
            Some(v) => js_sys::Object::assign(
                &js_sys::Object::assign(&js_sys::Object::new(), &base),
                v.unchecked_ref(),
            ),
            None => base,
        };
        let props = calendar_props(&merged)?;
        self.options = merged.into();
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
        Ok(())
    }

    /// Removes the calendar from the page.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        host::release(&self.element);
    }
}

fn calendar_props(options: &JsValue) -> Result<CalendarProps, JsValue> {
    let o = Options::read(options)?;
    let raw = o.get("minutes");
    let minutes = if raw.is_undefined() || raw.is_null() {
        Vec::new()
    } else if js_sys::Array::is_array(&raw) {
        match from_js(&raw, "options.minutes")? {
            Value::Array(items) => items,
            _ => Vec::new(),
        }
    } else {
        return Err(js_error(
            Code::BadOptions,
            &format!(
                "options.minutes must be an array of meeting-minutes records, got {}",
                describe(&raw)
            ),
        ));
    };
    let today = match today_option(&o)? {
        Some(t) => t,
        None => today_local(),
    };
    let year_value = o.get("year");
    let year = if year_value.is_undefined() || year_value.is_null() {
        today.get(..4).and_then(|y| y.parse().ok()).unwrap_or(2026)
    } else {
        match year_value.as_f64() {
            Some(y) if y.fract() == 0.0 && (1900.0..=2200.0).contains(&y) => y as i32,
            _ => {
                return Err(js_error(
                    Code::BadOptions,
                    &format!(
                        "options.year must be a whole year such as 2026, got {}",
                        describe(&year_value)
                    ),
                ))
            }
        }
    };
    let branch = o.get("branch");
    let branch = if branch.is_undefined() || branch.is_null() {
        String::new()
    } else {
        branch.as_string().ok_or_else(|| {
            js_error(
                Code::BadOptions,
                &format!("options.branch must be text, got {}", describe(&branch)),
            )
        })?
    };
    Ok(CalendarProps {
        requirements: requirements_option(&o)?,
        settings: settings_option(&o)?,
        minutes_check: minutes_check_option(&o)?,
        minutes: Rc::new(minutes),
        year,
        locale: o.locale()?,
        today: Some(today),
        branch: branch.into(),
        elder: bool_option(&o, "elder")?
            .or_else(crate::draft::remembered_elder)
            .unwrap_or(false),
    })
}

/// `options.requirements`: a county's required frequencies, the objects
/// `annualCompliance` takes (`{id, title, period, min, counts, …}`); absent:
/// the regulation's defaults.
fn requirements_option(o: &Options<'_>) -> Result<Option<Rc<Vec<Requirement>>>, JsValue> {
    let raw = o.get("requirements");
    if raw.is_undefined() || raw.is_null() {
        return Ok(None);
    }
    if !js_sys::Array::is_array(&raw) {
        return Err(js_error(
            Code::BadOptions,
            &format!(
                "options.requirements must be an array of requirements {{id, title, period, min, counts}}, got {}",
                describe(&raw)
            ),
        ));
    }
    // The engine's reader, as `Requirement`'s `Deserialize` reads each one
    // (same messages), without serde's owned-`Value` deserializer.
    dangjian_core::spec::read::list(
        &Json::view(&from_js(&raw, "options.requirements")?),
        Requirement::read,
    )
    .map(|r| Some(Rc::new(r)))
    .map_err(|e| {
        js_error(
            Code::BadOptions,
            &format!("options.requirements are not understood: {e}"),
        )
    })
}

/// `options.settings`: settings of the `meeting-minutes` form the records are checked with.
fn settings_option(o: &Options<'_>) -> Result<Option<Rc<serde_json::Map<String, Value>>>, JsValue> {
    let raw = o.get("settings");
    if raw.is_undefined() || raw.is_null() {
        return Ok(None);
    }
    match (raw.is_object() && !js_sys::Array::is_array(&raw))
        .then(|| from_js(&raw, "options.settings"))
        .transpose()?
    {
        Some(Value::Object(map)) => Ok(Some(Rc::new(map))),
        _ => Err(js_error(
            Code::BadOptions,
            &format!(
                "options.settings must be an object {{ name: value }} of meeting-minutes settings, got {}",
                describe(&raw)
            ),
        )),
    }
}

/// `options.minutesCheck`: `"exclude_invalid"` (default), `"count_invalid"` or `"off"`.
fn minutes_check_option(o: &Options<'_>) -> Result<MinutesCheck, JsValue> {
    let raw = o.get("minutesCheck");
    if raw.is_undefined() || raw.is_null() {
        return Ok(MinutesCheck::default());
    }
    raw.as_string()
        .and_then(|s| MinutesCheck::read(&Json::String(s.into())).ok())
        .ok_or_else(|| {
            js_error(
                Code::BadOptions,
                &format!(
                    "options.minutesCheck must be \"exclude_invalid\", \"count_invalid\" or \"off\", got {}",
                    describe(&raw)
                ),
            )
        })
}

/// Mounts the annual compliance calendar of a branch's meeting minutes into
/// `element`. Options: `minutes` (array of records), `year`, `locale`, `today`,
/// `branch`, `elder`, `requirements` (a county's frequencies), `settings` (of
/// the `meeting-minutes` form the records are checked with), `minutesCheck`.
/// An unknown option is a console warning.
#[wasm_bindgen(js_name = mountCalendar)]
pub fn mount_calendar(element: JsValue, options: JsValue) -> Result<CalendarHandle, JsValue> {
    let element = element_arg(element, "mountCalendar")?;
    crate::embed::warn_unknown(&options, crate::embed::CALENDAR_OPTIONS, "mountCalendar()");
    let props = calendar_props(&options)?;
    let root = host::prepare(&element).map_err(|e| dom_error("mountCalendar", &e))?;
    let app = yew::Renderer::<ComplianceCalendar>::with_root_and_props(root, props).render();
    let kept = match options.dyn_ref::<js_sys::Object>() {
        Some(o) => js_sys::Object::assign(&js_sys::Object::new(), o),
        None => js_sys::Object::new(),
    };
    Ok(CalendarHandle {
        app: Some(app),
        element,
        options: kept.into(),
    })
}

#[wasm_bindgen(module = "/js/elements.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineElements)]
    fn define_elements_js(form: &JsValue, calendar: &JsValue, settings: &JsValue);
    #[wasm_bindgen(js_name = lazyDetail)]
    fn lazy_detail(data: &JsValue, report: &JsValue) -> JsValue;
}

/// Registers the custom elements `<dj-form>`, `<dj-calendar>` and
/// `<dj-settings>` (once; later calls do nothing). `<dj-settings>` is mounted
/// only by the settings entry's module (feature `settings`); on a page with the
/// full entry alone it keeps its placeholder.
///
/// `mountForm`, `mountCalendar` and `mountSettings`, when given, are the
/// functions the elements mount with — the package passes its own, whose
/// handles survive an engine reset and wait for a built-in spec (and its
/// examples) to be fetched; without them the elements use this module's.
#[wasm_bindgen(js_name = defineElements)]
pub fn define_elements(
    #[wasm_bindgen(js_name = "mountForm")] form_mounter: JsValue,
    #[wasm_bindgen(js_name = "mountCalendar")] calendar_mounter: JsValue,
    #[wasm_bindgen(js_name = "mountSettings")] settings_mounter: JsValue,
) {
    thread_local!(static DONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if DONE.with(|d| d.replace(true)) {
        return;
    }
    let form = if form_mounter.is_function() {
        form_mounter
    } else {
        // The element classes keep calling it for the life of the page.
        Closure::<dyn Fn(JsValue, JsValue) -> Result<JsValue, JsValue>>::new(|el, opts| {
            mount(el, opts).map(JsValue::from)
        })
        .into_js_value()
    };
    let calendar = if calendar_mounter.is_function() {
        calendar_mounter
    } else {
        Closure::<dyn Fn(JsValue, JsValue) -> Result<JsValue, JsValue>>::new(|el, opts| {
            mount_calendar(el, opts).map(JsValue::from)
        })
        .into_js_value()
    };
    let settings = if settings_mounter.is_function() {
        settings_mounter
    } else {
        own_settings_mounter()
    };
    define_elements_js(&form, &calendar, &settings);
}

/// This module's `mountSettings` for `<dj-settings>`: the settings entry's
/// module has one.
#[cfg(feature = "settings")]
fn own_settings_mounter() -> JsValue {
    Closure::<dyn Fn(JsValue, JsValue) -> Result<JsValue, JsValue>>::new(|el, opts| {
        crate::settings::mount::mount_settings(el, opts).map(JsValue::from)
    })
    .into_js_value()
}

/// The full entry's module has no settings editor: `<dj-settings>` waits for
/// the settings entry (`dangjian-forms/settings`) to define its mounter.
#[cfg(not(feature = "settings"))]
fn own_settings_mounter() -> JsValue {
    JsValue::NULL
}
