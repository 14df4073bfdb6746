//! Printing one form alone, whatever page it sits in.
//!
//! `@page` rules inside a shadow root are ignored and the host page's own print
//! styles are unknown, so the Print button puts a small style sheet into the
//! document for the length of one print: A4 pages, and every element of the
//! page hidden except the form's host element and the elements around it. The
//! host element and its ancestors are marked with an attribute; their other
//! children are hidden. `afterprint` takes it all away again.

use std::cell::RefCell;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// Marks the printed form's host element.
const HOST_ATTR: &str = "data-dj-print";
/// Marks the elements around it.
const PATH_ATTR: &str = "data-dj-print-path";
/// The id of the injected `<style>`.
const STYLE_ID: &str = "dj-print-style";

/// The document-level style sheet of a print of one form.
pub const PRINT_CSS: &str = "@page { size: A4; margin: 16mm 14mm; }
@media print {
  [data-dj-print-path] > :not([data-dj-print-path]):not([data-dj-print]) { display: none !important; }
  [data-dj-print-path] { margin: 0 !important; padding: 0 !important; border: 0 !important; box-shadow: none !important;
    background: transparent !important; max-width: none !important; width: auto !important; min-height: 0 !important;
    display: block !important; position: static !important; }
  [data-dj-print] { display: block !important; margin: 0 !important; box-shadow: none !important; position: static !important; }
}
";

/// The sheet in the document: adopted (no `style-src` policy applies to it) or,
/// where constructed sheets are missing, a `<style>` element.
enum Sheet {
    Adopted(Document, web_sys::CssStyleSheet),
    Element(Element),
}

/// What one print put into the document.
struct Job {
    sheet: Sheet,
    marked: Vec<Element>,
}

/// Adopts `sheet` into `document`, keeping the sheets it already has.
fn adopt(document: &Document, sheet: &web_sys::CssStyleSheet) -> bool {
    let key = JsValue::from_str("adoptedStyleSheets");
    let Ok(current) = js_sys::Reflect::get(document, &key) else {
        return false;
    };
    if !js_sys::Array::is_array(&current) {
        return false;
    }
    let list = js_sys::Array::from(&current);
    list.push(sheet);
    js_sys::Reflect::set(document, &key, &list).unwrap_or(false)
}

/// Takes `sheet` out of `document`'s adopted sheets.
fn unadopt(document: &Document, sheet: &web_sys::CssStyleSheet) {
    let key = JsValue::from_str("adoptedStyleSheets");
    if let Ok(current) = js_sys::Reflect::get(document, &key) {
        let kept = js_sys::Array::from(&current)
            .filter(&mut |s, _, _| !js_sys::Object::is(&s, sheet.as_ref()));
        let _ = js_sys::Reflect::set(document, &key, &kept);
    }
}

thread_local! {
    static JOB: RefCell<Option<Job>> = const { RefCell::new(None) };
}

/// Puts the print style sheet into `host`'s document and marks `host` and its
/// ancestors. A print already prepared is ended first.
pub fn begin(host: &Element) -> Result<(), JsValue> {
    end();
    let document: Document = host
        .owner_document()
        .ok_or("the form is not in a document")?;
    let constructed = web_sys::CssStyleSheet::new()
        .ok()
        .filter(|s| s.replace_sync(PRINT_CSS).is_ok())
        .filter(|s| adopt(&document, s));
    let sheet = match constructed {
        Some(s) => Sheet::Adopted(document.clone(), s),
        None => {
            let style = document.create_element("style")?;
            style.set_id(STYLE_ID);
            style.set_text_content(Some(PRINT_CSS));
            let head = document
                .head()
                .map(Element::from)
                .or_else(|| document.document_element())
                .ok_or("the document has no root element")?;
            head.append_child(&style)?;
            Sheet::Element(style)
        }
    };
    host.set_attribute(HOST_ATTR, "")?;
    let mut marked = vec![host.clone()];
    let mut here = up(host);
    while let Some(el) = here {
        el.set_attribute(PATH_ATTR, "")?;
        here = up(&el);
        marked.push(el);
    }
    JOB.with(|j| *j.borrow_mut() = Some(Job { sheet, marked }));
    Ok(())
}

/// The parent element, crossing out of a shadow root to its host.
fn up(el: &Element) -> Option<Element> {
    use wasm_bindgen::JsCast;
    el.parent_element().or_else(|| {
        el.parent_node()
            .and_then(|n| n.dyn_into::<web_sys::ShadowRoot>().ok())
            .map(|root| root.host())
    })
}

/// Removes what [`begin`] put into the document (nothing when no print is prepared).
pub fn end() {
    if let Some(job) = JOB.with(|j| j.borrow_mut().take()) {
        match job.sheet {
            Sheet::Adopted(document, sheet) => unadopt(&document, &sheet),
            Sheet::Element(style) => style.remove(),
        }
        for el in job.marked {
            let _ = el.remove_attribute(HOST_ATTR);
            let _ = el.remove_attribute(PATH_ATTR);
        }
    }
}

/// Prints the form alone once every node is drawn: the placeholders of a long
/// form are asked to draw, and the print waits for them (up to `tries` looks).
pub fn print_form(host: Element, root: Element, tries: u32) {
    use crate::components::lazy;
    if lazy::pending(&root) > 0 && tries > 0 {
        lazy::reveal_all(&root);
        gloo::timers::callback::Timeout::new(20, move || print_form(host, root, tries - 1))
            .forget();
        return;
    }
    if let Err(e) = begin(&host) {
        web_sys::console::error_2(&"dangjian-forms: cannot prepare the print".into(), &e);
    }
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// True while a print of one form is prepared.
pub fn active() -> bool {
    JOB.with(|j| j.borrow().is_some())
}
