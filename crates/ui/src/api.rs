//! The JavaScript API: `mount(element, options)` returning a [`FormHandle`],
//! `mountCalendar(element, options)`, and `defineElements()` for `<dj-form>` and
//! `<dj-calendar>`.

use crate::bridge::{Bridge, HostEvent};
use crate::components::app::{AppProps, FormApp};
use crate::draft::{today_local, DraftStore};
use crate::host::{self, error, from_js, func, prop, to_js};
use crate::state::{Action, Setup};
use crate::views::calendar::{CalendarProps, ComplianceCalendar};
use dangjian_core::{Form, Locale, ValidateOptions};
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
}

#[wasm_bindgen]
impl FormHandle {
    /// The record as it stands (a plain object).
    #[wasm_bindgen(js_name = getData)]
    pub fn get_data(&self) -> JsValue {
        to_js(&*self.bridge.latest().0)
    }

    /// Replaces the record; the form shows it and checks it again.
    #[wasm_bindgen(js_name = setData)]
    pub fn set_data(&self, data: JsValue) -> Result<(), JsValue> {
        let value = from_js(&data)?;
        let value = if value.is_null() {
            self.setup.form.empty_data()
        } else {
            value
        };
        self.bridge.send(Action::Replace(value));
        Ok(())
    }

    /// The engine's report on the record (and every message is shown in the form).
    pub fn validate(&self) -> JsValue {
        let (data, view) = self.bridge.latest();
        self.bridge.send(Action::Reveal);
        let options = ValidateOptions {
            locale: Locale::parse(&view.report.locale).unwrap_or_default(),
            today: self.setup.today.clone(),
            ..ValidateOptions::default()
        };
        to_js(&self.setup.form.validate(&data, &options))
    }

    /// Switches the language (`zh-CN` or `en`).
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, locale: &str) -> Result<(), JsValue> {
        let l = Locale::parse(locale).ok_or_else(|| {
            error(
                "bad_locale",
                &format!("unknown locale {locale:?}: use zh-CN or en"),
            )
        })?;
        self.bridge.send(Action::Locale(l));
        Ok(())
    }

    /// Removes the form from the page.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        if let Some(shadow) = self.element.shadow_root() {
            while let Some(child) = shadow.first_child() {
                let _ = shadow.remove_child(&child);
            }
        }
    }
}

/// Compiles the `form` option: a built-in form id or a spec object.
fn compile(form: &JsValue) -> Result<Form, JsValue> {
    let engine = dangjian_standards::engine();
    let compiled = if let Some(id) = form.as_string() {
        dangjian_standards::compile_builtin(&engine, &id).ok_or_else(|| {
            let known: Vec<&str> = dangjian_standards::builtin_forms()
                .iter()
                .map(|f| f.id)
                .collect();
            error(
                "unknown_form",
                &format!(
                    "no built-in form {id:?}; built-in forms: {}",
                    known.join(", ")
                ),
            )
        })?
    } else if form.is_object() {
        engine.compile(&from_js(form)?)
    } else {
        return Err(error(
            "bad_option",
            "options.form must be a built-in form id or a spec object",
        ));
    };
    compiled.map_err(|e| {
        let lines: Vec<String> = e
            .diagnostics
            .iter()
            .map(|d| format!("{} {}: {}", d.path, d.code, d.message_en))
            .collect();
        error(
            "spec_invalid",
            &format!("the spec has errors:\n{}", lines.join("\n")),
        )
    })
}

fn locale_option(options: &JsValue) -> Result<Locale, JsValue> {
    match prop(options, "locale").as_string() {
        None => Ok(Locale::ZhCn),
        Some(s) => Locale::parse(&s).ok_or_else(|| {
            error(
                "bad_locale",
                &format!("unknown locale {s:?}: use zh-CN or en"),
            )
        }),
    }
}

fn bool_option(options: &JsValue, name: &str) -> Option<bool> {
    prop(options, name).as_bool()
}

/// Mounts a form into `element` (inside its shadow root). Options: `form` (a
/// built-in id or a spec object), `data`, `locale` (`zh-CN` default, `en`),
/// `readOnly`, `draftKey` (default `dangjian:draft:<form id>`; `false` turns
/// drafts off), `elder`, `today` (`YYYY-MM-DD`, default the local date),
/// `onChange(data, report)`, `onSubmit(data, report)`. The element also emits
/// `dj-change` and `dj-submit` events with `{data, report}` as detail.
#[wasm_bindgen]
pub fn mount(element: Element, options: JsValue) -> Result<FormHandle, JsValue> {
    let form = compile(&prop(&options, "form"))?;
    let locale = locale_option(&options)?;
    let read_only = bool_option(&options, "readOnly").unwrap_or(false);
    let today = prop(&options, "today")
        .as_string()
        .or_else(|| Some(today_local()));
    let data = from_js(&prop(&options, "data"))?;
    let data = if data.is_null() {
        form.empty_data()
    } else {
        data
    };
    let draft_key = prop(&options, "draftKey");
    let draft = if read_only
        || draft_key.as_bool() == Some(false)
        || draft_key.as_string().is_some_and(|s| s.is_empty())
    {
        None
    } else {
        let key = draft_key
            .as_string()
            .unwrap_or_else(|| format!("dangjian:draft:{}", form.spec().id));
        Some(DraftStore::new(&key))
    };
    let elder = bool_option(&options, "elder")
        .or_else(crate::draft::remembered_elder)
        .unwrap_or(false);
    let on_change = func(&options, "onChange");
    let on_submit = func(&options, "onSubmit");

    let setup = Setup::new(form, today);
    let first = Rc::new(setup.validate(&data, locale));
    let target = element.clone();
    let notify = Box::new(
        move |event: HostEvent, data: &Value, view: &crate::report_view::ReportView| {
            let (name, callback) = match event {
                HostEvent::Change => ("dj-change", &on_change),
                HostEvent::Submit => ("dj-submit", &on_submit),
            };
            let js_data = to_js(data);
            let js_report = to_js(&view.report);
            if let Some(f) = callback {
                if let Err(e) = f.call2(&JsValue::NULL, &js_data, &js_report) {
                    web_sys::console::error_2(
                        &format!("dangjian-forms: the {name} callback threw").into(),
                        &e,
                    );
                }
            }
            let detail = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&detail, &"data".into(), &js_data);
            let _ = js_sys::Reflect::set(&detail, &"report".into(), &js_report);
            host::dispatch(&target, name, &detail);
        },
    );
    let data = Rc::new(data);
    let bridge = Bridge::new(data.clone(), first, notify);
    let root = host::prepare(&element)?;
    let props = AppProps {
        setup: setup.clone(),
        initial: data,
        locale,
        read_only,
        elder,
        draft,
        bridge: bridge.clone(),
    };
    let app = yew::Renderer::<FormApp>::with_root_and_props(root, props).render();
    Ok(FormHandle {
        app: Some(app),
        bridge,
        setup,
        element,
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
        let merged = js_sys::Object::assign_many(
            &js_sys::Object::new(),
            &[
                self.options.clone().unchecked_into(),
                options.unchecked_into(),
            ],
        )?;
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
        if let Some(shadow) = self.element.shadow_root() {
            while let Some(child) = shadow.first_child() {
                let _ = shadow.remove_child(&child);
            }
        }
    }
}

fn calendar_props(options: &JsValue) -> Result<CalendarProps, JsValue> {
    let minutes = match from_js(&prop(options, "minutes"))? {
        Value::Array(items) => items,
        Value::Null => Vec::new(),
        _ => {
            return Err(error(
                "bad_option",
                "options.minutes must be an array of meeting-minutes records",
            ))
        }
    };
    let today = prop(options, "today")
        .as_string()
        .unwrap_or_else(today_local);
    let year = prop(options, "year")
        .as_f64()
        .map(|y| y as i32)
        .or_else(|| today.get(..4).and_then(|y| y.parse().ok()))
        .unwrap_or(2026);
    Ok(CalendarProps {
        minutes: Rc::new(minutes),
        year,
        locale: locale_option(options)?,
        today: Some(today),
        branch: prop(options, "branch")
            .as_string()
            .unwrap_or_default()
            .into(),
        elder: bool_option(options, "elder")
            .or_else(crate::draft::remembered_elder)
            .unwrap_or(false),
    })
}

/// Mounts the annual compliance calendar of a branch's meeting minutes into
/// `element`. Options: `minutes` (array of records), `year`, `locale`, `today`,
/// `branch`, `elder`.
#[wasm_bindgen(js_name = mountCalendar)]
pub fn mount_calendar(element: Element, options: JsValue) -> Result<CalendarHandle, JsValue> {
    let props = calendar_props(&options)?;
    let root = host::prepare(&element)?;
    let app = yew::Renderer::<ComplianceCalendar>::with_root_and_props(root, props).render();
    let kept = js_sys::Object::assign(&js_sys::Object::new(), options.unchecked_ref());
    Ok(CalendarHandle {
        app: Some(app),
        element,
        options: kept.into(),
    })
}

#[wasm_bindgen(module = "/js/elements.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineElements)]
    fn define_elements_js(form: &JsValue, calendar: &JsValue);
}

/// Registers the custom elements `<dj-form>` and `<dj-calendar>` (once; later calls do nothing).
#[wasm_bindgen(js_name = defineElements)]
pub fn define_elements() {
    thread_local!(static DONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if DONE.with(|d| d.replace(true)) {
        return;
    }
    let form = Closure::<dyn Fn(Element, JsValue) -> Result<JsValue, JsValue>>::new(|el, opts| {
        mount(el, opts).map(JsValue::from)
    });
    let calendar =
        Closure::<dyn Fn(Element, JsValue) -> Result<JsValue, JsValue>>::new(|el, opts| {
            mount_calendar(el, opts).map(JsValue::from)
        });
    define_elements_js(form.as_ref(), calendar.as_ref());
    // The element classes keep calling these for the life of the page.
    form.forget();
    calendar.forget();
}
