//! The built-in forms every record is checked with, compiled once per run with
//! the options' settings, the first time a record of the form comes.

use super::messages::MESSAGES;
use dangjian_core::{Form, Locale, SpecError};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The run's forms, by id.
pub(super) struct Forms {
    engine: dangjian_core::Engine,
    settings: BTreeMap<String, Map<String, Value>>,
    /// Each form compiled so far, or why it could not be.
    compiled: Vec<(String, Result<Form, String>)>,
    locale: Locale,
}

impl Forms {
    /// No form compiled yet; `settings` are the options' `form_settings`.
    pub(super) fn new(settings: BTreeMap<String, Map<String, Value>>, locale: Locale) -> Forms {
        Forms {
            engine: crate::engine(),
            settings,
            compiled: Vec::new(),
            locale,
        }
    }

    /// The form `id` with its settings, or why it cannot be had (once per form:
    /// `first` is true the first time the reason is given).
    pub(super) fn get(&mut self, id: &str) -> (Result<&Form, &str>, bool) {
        let at = self.compiled.iter().position(|(f, _)| f == id);
        let first = at.is_none();
        let at = at.unwrap_or_else(|| {
            let compiled = self.compile(id);
            self.compiled.push((id.to_owned(), compiled));
            self.compiled.len() - 1
        });
        match self.compiled.get(at) {
            Some((_, Ok(form))) => (Ok(form), first),
            Some((_, Err(why))) => (Err(why.as_str()), first),
            None => (Err(""), first),
        }
    }

    fn compile(&self, id: &str) -> Result<Form, String> {
        let form = match crate::compile_builtin(&self.engine, id) {
            Some(Ok(form)) => form,
            Some(Err(e)) => return Err(detail(&e, self.locale)),
            None => return Err(id.to_owned()),
        };
        match self.settings.get(id) {
            Some(s) if !s.is_empty() => form.with_settings(s).map_err(|e| detail(&e, self.locale)),
            _ => Ok(form),
        }
    }
}

/// Every mistake of a spec error, in one line.
fn detail(e: &SpecError, locale: Locale) -> String {
    let sep = crate::wording::render(MESSAGES, "supervision.list.separator", locale, &Value::Null);
    let mut parts: Vec<String> = e
        .diagnostics
        .iter()
        .map(|d| format!("{} [{}]", d.message(locale), d.code))
        .collect();
    // A check between settings gives the same error at each setting it names: say it once.
    parts.dedup();
    parts.join(&sep)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn compiled_once_with_settings_and_errors_given_once() {
        let mut settings = BTreeMap::new();
        settings.insert(
            "meeting-minutes".to_owned(),
            json!({"majority_strict": false})
                .as_object()
                .cloned()
                .unwrap(),
        );
        settings.insert(
            "member-points".to_owned(),
            json!({"no_such": 1}).as_object().cloned().unwrap(),
        );
        let mut forms = Forms::new(settings, Locale::En);
        let (f, first) = forms.get("meeting-minutes");
        assert!(first);
        assert_eq!(f.unwrap().settings()["majority_strict"], false);
        assert!(!forms.get("meeting-minutes").1);
        let (f, first) = forms.get("member-points");
        assert!(first && f.unwrap_err().contains("no_such"));
        assert!(!forms.get("member-points").1);
    }
}
