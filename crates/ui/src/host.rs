//! The host page side: a shadow root with the form's own style sheet (so styles
//! leak neither in nor out), DOM events, and JSON across the boundary.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// The components' style sheet: custom properties on `:host` are the theme.
pub const CSS: &str = include_str!("../styles/ui.css");

/// An open shadow root on `element` (or, for elements that cannot have one, on
/// a `<div>` appended to it), emptied, with the style sheet adopted; returns the
/// element to render into.
pub fn prepare(element: &Element) -> Result<Element, JsValue> {
    let shadow = shadow_root(element)?;
    while let Some(child) = shadow.first_child() {
        shadow.remove_child(&child)?;
    }
    adopt_styles(&shadow)?;
    let document = element
        .owner_document()
        .ok_or("the element is not in a document")?;
    let mount = document.create_element("div")?;
    mount.set_class_name("dj-mount");
    shadow.append_child(&mount)?;
    Ok(mount)
}

fn shadow_root(element: &Element) -> Result<ShadowRoot, JsValue> {
    if let Some(existing) = element.shadow_root() {
        return Ok(existing);
    }
    let init = ShadowRootInit::new(ShadowRootMode::Open);
    match element.attach_shadow(&init) {
        Ok(root) => Ok(root),
        Err(_) => {
            // e.g. <td> or <form> cannot host a shadow root: use a child <div>.
            let document = element
                .owner_document()
                .ok_or("the element is not in a document")?;
            let holder = document.create_element("div")?;
            element.append_child(&holder)?;
            holder.attach_shadow(&init)
        }
    }
}

/// Adopts the shared constructed style sheet, or falls back to a `<style>` element.
fn adopt_styles(shadow: &ShadowRoot) -> Result<(), JsValue> {
    thread_local! {
        static SHEET: Option<web_sys::CssStyleSheet> = web_sys::CssStyleSheet::new().ok().filter(|s| s.replace_sync(CSS).is_ok());
    }
    let adopted = SHEET.with(|sheet| {
        sheet.as_ref().is_some_and(|sheet| {
            let list = js_sys::Array::of1(sheet);
            js_sys::Reflect::set(shadow, &"adoptedStyleSheets".into(), &list).unwrap_or(false)
        })
    });
    if !adopted {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        let style = document.create_element("style")?;
        style.set_text_content(Some(CSS));
        shadow.append_child(&style)?;
    }
    Ok(())
}

/// Dispatches a bubbling, composed `CustomEvent` named `name` on `target`.
pub fn dispatch(target: &Element, name: &str, detail: &JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}

/// A Rust value as a plain JS object (through JSON, so it is exactly the JSON shape).
pub fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> JsValue {
    serde_json::to_string(value)
        .ok()
        .and_then(|s| js_sys::JSON::parse(&s).ok())
        .unwrap_or(JsValue::NULL)
}

/// A JS value as JSON (`undefined` and functions become null).
pub fn from_js(value: &JsValue) -> Result<serde_json::Value, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(serde_json::Value::Null);
    }
    let text: String = js_sys::JSON::stringify(value)?
        .as_string()
        .unwrap_or_default();
    serde_json::from_str(&text)
        .map_err(|e| JsValue::from(js_sys::Error::new(&format!("not JSON data: {e}"))))
}

/// Property `name` of a JS object.
pub fn prop(obj: &JsValue, name: &str) -> JsValue {
    if obj.is_object() {
        js_sys::Reflect::get(obj, &name.into()).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

/// Property `name` as a function, if it is one.
pub fn func(obj: &JsValue, name: &str) -> Option<js_sys::Function> {
    prop(obj, name).dyn_into::<js_sys::Function>().ok()
}

/// An `Error` to throw, with a stable `code` property.
pub fn error(code: &str, message: &str) -> JsValue {
    let e = js_sys::Error::new(message);
    let _ = js_sys::Reflect::set(&e, &"code".into(), &code.into());
    e.into()
}
