//! The JavaScript API of the supervision entry: `mountSupervision(element,
//! options)` returning a [`SupervisionHandle`].
//!
//! `options`: `{ run, locale?, asOf?, runNow? }` — `run(request)` is the
//! package's (it reads the records and supervises them in a Web Worker and
//! resolves to `{ text }`, the report as JSON); `asOf` defaults to today.

use super::app::{Msg, Props, SupervisionApp};
use super::text::Lang;
use dangjian_core::Locale;
use dangjian_wasm::convert::describe;
use dangjian_wasm::error::{js_error, Code};
use dangjian_wasm::options::{is_date, locale_value, Options};
use wasm_bindgen::prelude::*;
use web_sys::{Element, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

/// The component's style sheet (screen, 375 px and up, and A4 print),
/// minified by the build script, each `@container` block followed by its
/// fallback for browsers without container queries.
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/supervision.min.css"));

/// A mounted `<dj-supervision>`.
#[wasm_bindgen]
pub struct SupervisionHandle {
    app: Option<AppHandle<SupervisionApp>>,
}

#[wasm_bindgen]
impl SupervisionHandle {
    /// Reads and supervises the records again (the host's records changed).
    pub fn run(&self) {
        if let Some(app) = &self.app {
            app.send_message(Msg::Run);
        }
    }

    /// Switches the language (`zh-CN` or `en`) and supervises again in it.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, locale: JsValue) -> Result<(), JsValue> {
        let lang = lang_of(&locale)?;
        if let Some(app) = &self.app {
            app.send_message(Msg::Lang(lang));
        }
        Ok(())
    }

    /// A new as-of date (`YYYY-MM-DD`), and a run as of it.
    #[wasm_bindgen(js_name = setAsOf)]
    pub fn set_as_of(&self, date: JsValue) -> Result<(), JsValue> {
        let date = date.as_string().filter(|d| is_date(d)).ok_or_else(|| {
            js_error(
                Code::BadArgument,
                &format!(
                    "setAsOf expects a date \"YYYY-MM-DD\", got {}",
                    describe(&date)
                ),
            )
        })?;
        if let Some(app) = &self.app {
            app.send_message(Msg::AsOf(date));
        }
        Ok(())
    }

    /// Removes the component from the page.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

fn lang_of(locale: &JsValue) -> Result<Lang, JsValue> {
    Ok(Lang {
        zh: locale_value(locale, "the locale")? == Locale::ZhCn,
    })
}

/// Draws the supervision of the records `options.run` reads into `element`
/// (in its shadow root, with the component's own styles).
#[wasm_bindgen(js_name = mountSupervision)]
pub fn mount_supervision(element: JsValue, options: JsValue) -> Result<SupervisionHandle, JsValue> {
    let element: Element = element.dyn_into().map_err(|v| {
        js_error(
            Code::BadArgument,
            &format!(
                "mountSupervision expects a DOM element, got {}",
                describe(&v)
            ),
        )
    })?;
    let opts = Options::read(&options)?;
    let runner: js_sys::Function = opts.get("run").dyn_into().map_err(|v| {
        js_error(
            Code::BadOptions,
            &format!(
                "options.run must be a function (request) => Promise<{{ text }}>, got {}",
                describe(&v)
            ),
        )
    })?;
    let lang = Lang {
        zh: opts.locale()? == Locale::ZhCn,
    };
    let as_of_option = opts.get("asOf");
    let as_of = if as_of_option.is_undefined() || as_of_option.is_null() {
        crate::draft::today_local()
    } else {
        as_of_option
            .as_string()
            .filter(|d| is_date(d))
            .ok_or_else(|| {
                js_error(
                    Code::BadOptions,
                    &format!(
                        "options.asOf must be a date \"YYYY-MM-DD\", got {}",
                        describe(&as_of_option)
                    ),
                )
            })?
    };
    let run_now = opts.get("runNow").as_bool().unwrap_or(false);
    let root = shadow(&element)?;
    let props = Props {
        runner,
        host: element,
        lang,
        as_of,
        run_now,
    };
    let app = yew::Renderer::<SupervisionApp>::with_root_and_props(root, props).render();
    Ok(SupervisionHandle { app: Some(app) })
}

/// An open shadow root on `element`, emptied, with the style sheet; returns the element to render into.
fn shadow(element: &Element) -> Result<Element, JsValue> {
    let shadow = match element.shadow_root() {
        Some(s) => s,
        None => element.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    while let Some(child) = shadow.first_child() {
        shadow.remove_child(&child)?;
    }
    let document = element
        .owner_document()
        .ok_or("the element is not in a document")?;
    let style = document.create_element("style")?;
    style.set_text_content(Some(CSS));
    shadow.append_child(&style)?;
    let mount = document.create_element("div")?;
    shadow.append_child(&mount)?;
    Ok(mount)
}
