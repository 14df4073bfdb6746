//! The identity errors the verdict computes itself — citizen ID number, declared
//! birth date and gender, age on election day, credit code of an enterprise —
//! the same ones the form's rules report.

use super::super::messages;
use super::super::settings::ReviewSettings;
use super::{text, Blocker};
use crate::ident::citizen_id::{self, iso, years_between};
use crate::ident::uscc;
use crate::lookup::At;
use dangjian_core::dates::Date;
use dangjian_core::Locale;
use serde_json::Value;

/// True when the candidate runs an enterprise.
pub(super) fn runs_enterprise(record: &Value) -> bool {
    record
        .at("/candidate/runs_enterprise")
        .and_then(Value::as_bool)
        .unwrap_or(false)
}

fn blocker(path: &str, code: &str, key: &str, locale: Locale) -> Blocker {
    Blocker {
        path: path.to_owned(),
        code: code.to_owned(),
        message: messages::word(key, locale).to_owned(),
        from_report: false,
    }
}

/// The identity errors the verdict computes itself (the form's rules report the same ones).
pub(super) fn identity_blockers(
    record: &Value,
    s: &ReviewSettings,
    today: Option<Date>,
    on: Option<Date>,
    locale: Locale,
) -> Vec<Blocker> {
    let mut out = citizen_id_blockers(record, s, today, on, locale);
    if runs_enterprise(record) {
        out.extend(enterprise_blockers(record, locale));
    }
    out
}

/// The citizen ID number: given, valid, agreeing with the declared birth date
/// and gender, and old enough on election day.
fn citizen_id_blockers(
    record: &Value,
    s: &ReviewSettings,
    today: Option<Date>,
    on: Option<Date>,
    locale: Locale,
) -> Vec<Blocker> {
    const ID: &str = "/candidate/citizen_id";
    let Some(number) = text(record, ID) else {
        return vec![blocker(
            ID,
            "required",
            "blocker.citizen_id_missing",
            locale,
        )];
    };
    let id = match citizen_id::parse(number, today) {
        Ok(id) => id,
        Err(problems) => {
            return problems
                .iter()
                .map(|p| Blocker {
                    path: ID.into(),
                    code: p.code.clone(),
                    message: p.message(locale),
                    from_report: false,
                })
                .collect()
        }
    };
    let mut out = Vec::new();
    if let Some(declared) = text(record, "/candidate/birth_date") {
        if declared != iso(id.birth_date) {
            out.push(blocker(
                "/candidate/birth_date",
                "candidate.birth_date_mismatch",
                "blocker.birth_date_mismatch",
                locale,
            ));
        }
    }
    if let Some(declared) = text(record, "/candidate/gender") {
        if declared != id.gender.as_str() {
            out.push(blocker(
                "/candidate/gender",
                "candidate.gender_mismatch",
                "blocker.gender_mismatch",
                locale,
            ));
        }
    }
    if let Some(on) = on {
        let age = years_between(id.birth_date, on);
        if age < s.min_age {
            let message = messages::text(
                "blocker.too_young",
                locale,
                &serde_json::json!({"min_age": s.min_age}),
            );
            out.push(Blocker {
                path: ID.into(),
                code: "candidate.too_young".into(),
                message,
                from_report: false,
            });
        }
    }
    out
}

/// The enterprise's credit code: given, valid, or confirmed by hand with a
/// note, a reviewer and a date.
fn enterprise_blockers(record: &Value, locale: Locale) -> Vec<Blocker> {
    const USCC: &str = "/candidate/enterprise/uscc";
    let overridden = record
        .at("/candidate/enterprise/uscc_override")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    match text(record, USCC) {
        None => vec![blocker(USCC, "required", "blocker.uscc_missing", locale)],
        Some(code) if !overridden => match uscc::check(code) {
            Ok(_) => Vec::new(),
            Err(problems) => problems
                .iter()
                .map(|p| Blocker {
                    path: USCC.into(),
                    code: p.code.clone(),
                    message: p.message(locale),
                    from_report: false,
                })
                .collect(),
        },
        Some(_) => {
            let needed = [
                (
                    "/candidate/enterprise/uscc_override_note",
                    "blocker.uscc_override_note",
                ),
                (
                    "/candidate/enterprise/uscc_override_by",
                    "blocker.uscc_override_by",
                ),
                (
                    "/candidate/enterprise/uscc_override_on",
                    "blocker.uscc_override_on",
                ),
            ];
            needed
                .into_iter()
                .filter(|(path, _)| text(record, path).is_none())
                .map(|(path, key)| blocker(path, "required", key, locale))
                .collect()
        }
    }
}
