//! `compliance.minutes_form`: the built-in minutes form, with the options'
//! settings, that every record is validated with.

use super::super::options::ComplianceOptions;
use super::super::MINUTES_FORM_ID;
use crate::wording::params;
use dangjian_core::{Form, Locale, Severity, Sink, SpecError};
use serde_json::json;

/// The built-in minutes form with the options' settings, or `None` after recording why not.
pub(in super::super) fn compile(options: &ComplianceOptions, sink: &mut Sink<'_>) -> Option<Form> {
    let locale = sink.locale();
    let form = match crate::compile_builtin(&crate::engine(), MINUTES_FORM_ID) {
        Some(Ok(form)) => form,
        Some(Err(e)) => return fail(detail(&e, locale), sink),
        None => return fail(MINUTES_FORM_ID.to_owned(), sink),
    };
    match &options.minutes_settings {
        Some(settings) if !settings.is_empty() => match form.with_settings(settings) {
            Ok(f) => Some(f),
            Err(e) => fail(detail(&e, locale), sink),
        },
        _ => Some(form),
    }
}

fn fail(detail: String, sink: &mut Sink<'_>) -> Option<Form> {
    sink.add(
        "/minutes_settings",
        "compliance.minutes_form",
        Severity::Error,
        params(json!({"detail": detail})),
    );
    None
}

fn detail(e: &SpecError, locale: Locale) -> String {
    let mut parts: Vec<String> = e
        .diagnostics
        .iter()
        .map(|d| format!("{} [{}]", d.message(locale), d.code))
        .collect();
    // A check between settings gives the same error at each setting it names: say it once.
    parts.dedup();
    parts.join("; ")
}
