//! The catalogue of built-in forms (`forms/*.json`, minified by `build.rs`).
//!
//! With the feature `embedded-forms` (on by default: the CLI, the Node module
//! and the tests use it) every spec is compiled into the binary, once. Without
//! it — the WebAssembly modules browsers download — only the index is (id,
//! version, titles: a few hundred bytes), and a spec becomes available when
//! the host hands its text to [`provide`] (the npm package fetches
//! `forms/<id>.json` on demand). Either way a spec is read through [`builtin`].

use dangjian_core::{Engine, Form, Locale, SpecError};
use std::sync::OnceLock;

/// A built-in form whose spec is at hand: its id and its spec as JSON text.
#[derive(Debug, Clone, Copy)]
pub struct BuiltinForm {
    /// Form id, e.g. `branch-checklist`.
    pub id: &'static str,
    /// The spec, as JSON text.
    pub spec: &'static str,
}

/// What the catalogue knows of a built-in form without reading its spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormInfo {
    /// Form id, e.g. `branch-checklist`.
    pub id: &'static str,
    /// The spec's version.
    pub version: &'static str,
    /// The title in Simplified Chinese.
    pub title_zh: &'static str,
    /// The title in English.
    pub title_en: &'static str,
}

impl FormInfo {
    /// The title in `locale`.
    pub fn title(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::ZhCn => self.title_zh,
            Locale::En => self.title_en,
        }
    }
}

/// Every built-in form, in catalogue order (generated from `forms/`).
static INDEX: &[FormInfo] = include!(concat!(env!("OUT_DIR"), "/index.rs"));

/// The spec texts in hand, one slot per entry of [`INDEX`]: filled from the
/// binary when the specs are embedded, else by [`provide`] (once each, so the
/// memory they take is bounded by the catalogue).
fn slots() -> &'static [OnceLock<&'static str>] {
    static SLOTS: OnceLock<Vec<OnceLock<&'static str>>> = OnceLock::new();
    SLOTS.get_or_init(|| {
        INDEX
            .iter()
            .map(|info| {
                let slot = OnceLock::new();
                if let Some(text) = embedded(info.id) {
                    let _ = slot.set(text);
                }
                slot
            })
            .collect()
    })
}

/// The embedded spec text of `id` (a `match` over the catalogue, generated).
#[cfg(feature = "embedded-forms")]
fn embedded(id: &str) -> Option<&'static str> {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"))
}

/// Nothing is embedded without the feature `embedded-forms`.
#[cfg(not(feature = "embedded-forms"))]
fn embedded(_id: &str) -> Option<&'static str> {
    None
}

/// True when the specs are compiled into this build (feature `embedded-forms`).
pub const EMBEDDED: bool = cfg!(feature = "embedded-forms");

/// The built-in forms: id, version and titles, in catalogue order, whether or
/// not their specs are at hand.
pub fn catalogue() -> &'static [FormInfo] {
    INDEX
}

/// The catalogue entry of `id`.
pub fn info(id: &str) -> Option<&'static FormInfo> {
    INDEX.iter().find(|f| f.id == id)
}

/// Every built-in form whose spec is at hand (all of them when embedded).
pub fn builtin_forms() -> Vec<BuiltinForm> {
    INDEX.iter().filter_map(|f| builtin(f.id)).collect()
}

/// The built-in form `id`, when there is one and its spec is at hand.
pub fn builtin(id: &str) -> Option<BuiltinForm> {
    let position = INDEX.iter().position(|f| f.id == id)?;
    let spec = slots().get(position)?.get()?;
    Some(BuiltinForm {
        id: INDEX.get(position)?.id,
        spec,
    })
}

/// Compiles the built-in form `id` with `engine`; `None` when there is no such
/// form or its spec is not at hand (see [`provide`]).
pub fn compile_builtin(engine: &Engine, id: &str) -> Option<Result<Form, SpecError>> {
    builtin(id).map(|f| engine.compile_str(f.spec))
}

/// Why [`provide`] refused a spec text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProvideError {
    /// No built-in form has this id.
    UnknownForm,
    /// The text is not the spec of this form (not JSON, or another `id`):
    /// e.g. a server answered with an error page.
    NotTheSpec(String),
}

impl std::fmt::Display for ProvideError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProvideError::UnknownForm => write!(f, "no built-in form has this id"),
            ProvideError::NotTheSpec(why) => write!(f, "the text is not this form's spec: {why}"),
        }
    }
}

impl std::error::Error for ProvideError {}

/// Hands the spec text of the built-in form `id` to the catalogue (a build
/// without embedded specs gets them this way). The text must be a JSON object
/// whose `id` is `id` (checked first, always); it is kept for the life of the
/// program, so each form is taken once — later calls, and calls for embedded
/// forms, change nothing.
pub fn provide(id: &str, text: &str) -> Result<(), ProvideError> {
    let position = INDEX
        .iter()
        .position(|f| f.id == id)
        .ok_or(ProvideError::UnknownForm)?;
    // Read as a derived `struct Head { id: Cow<str> }` reads it, so the
    // message keeps serde_json's wording, line and column.
    let head = dangjian_core::json_text::string_member(text, "id", "Head")
        .map_err(|e| ProvideError::NotTheSpec(format!("not a JSON object with an id ({e})")))?;
    if head != id {
        let shown: String = head.chars().take(64).collect();
        return Err(ProvideError::NotTheSpec(format!(
            "its id is “{shown}”, not “{id}”"
        )));
    }
    let Some(slot) = slots().get(position) else {
        return Err(ProvideError::UnknownForm);
    };
    if slot.get().is_none() {
        let _ = slot.set(Box::leak(text.to_owned().into_boxed_str()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_lists_every_form_with_its_titles() {
        let ids: Vec<&str> = catalogue().iter().map(|f| f.id).collect();
        assert_eq!(
            ids,
            [
                "branch-checklist",
                "rectification-list",
                "meeting-minutes",
                "village-decision",
                "member-points",
                "candidate-review",
                "secretary-review"
            ]
        );
        for f in catalogue() {
            let form = compile_builtin(&crate::engine(), f.id).unwrap().unwrap();
            assert_eq!(form.spec().version, f.version);
            assert_eq!(form.spec().title.get(Locale::ZhCn), f.title_zh);
            assert_eq!(form.spec().title.get(Locale::En), f.title_en);
        }
    }

    #[test]
    fn provide_checks_the_id_and_keeps_embedded_specs() {
        assert_eq!(provide("nope", "{}"), Err(ProvideError::UnknownForm));
        assert!(builtin_forms().len() == catalogue().len());
        assert!(matches!(
            provide("meeting-minutes", "<html>Not found</html>"),
            Err(ProvideError::NotTheSpec(_))
        ));
        assert!(matches!(
            provide("meeting-minutes", "{\"id\": \"branch-checklist\"}"),
            Err(ProvideError::NotTheSpec(_))
        ));
        // Embedded: a right text changes nothing.
        assert_eq!(
            provide("meeting-minutes", "{\"id\": \"meeting-minutes\"}"),
            Ok(())
        );
        assert!(builtin("meeting-minutes").unwrap().spec.len() > 1000);
    }
}
