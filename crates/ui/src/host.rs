//! The host page side: a shadow root with the form's own style sheet (so styles
//! leak neither in nor out), and DOM events.

use wasm_bindgen::JsValue;
use web_sys::{Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// The components' style sheet: custom properties on `:host` are the theme.
/// The settings entry's module carries the settings editor's rules too
/// (`styles/ui.css` between `SETTINGS BEGIN` and `SETTINGS END`); the full
/// entry's leaves them out.
#[cfg(not(feature = "settings"))]
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/ui.min.css"));
/// The components' style sheet with the settings editor's rules.
#[cfg(feature = "settings")]
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/ui-settings.min.css"));

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

/// Empties the shadow root of `element` (the form or calendar is gone).
pub fn release(element: &Element) {
    let shadow = element.shadow_root().or_else(|| {
        // The fallback holder of elements that cannot host a shadow root.
        element
            .last_element_child()
            .and_then(|holder| holder.shadow_root())
    });
    if let Some(shadow) = shadow {
        while let Some(child) = shadow.first_child() {
            let _ = shadow.remove_child(&child);
        }
    }
}
