//! The options read once into what the run needs: the days, the meeting
//! frequencies and the fields they match on. A wrong option is an issue of
//! the report (path into the options), and the run then counts nothing.

use super::branch::Run;
use super::figures::stand_in::match_fields;
use super::input::{form_ids, iso, parse_date, plan, Days};
use super::messages::text;
use super::options::SupervisionOptions;
use crate::meetings::compliance::MAX_YEARS;
use crate::meetings::ComplianceOptions;
use dangjian_core::dates::Date;
use dangjian_core::{Severity, Sink};
use serde_json::json;

/// Most records with errors listed under one branch (all are counted): a
/// bound on what one branch's listing can hold.
pub(super) const MAX_LISTED_INVALID: usize = 1_000;

/// The run read from the options, or `None` after recording why it cannot be.
pub(super) fn run(options: &SupervisionOptions, sink: &mut Sink<'_>) -> Option<Run> {
    let locale = options.locale;
    let as_of = parse_date(&options.as_of);
    if as_of.is_none() {
        problem(
            sink,
            "/as_of",
            "supervision.options.as_of",
            json!({"value": options.as_of}),
        );
    }
    let today = match &options.today {
        Some(t) if parse_date(t).is_none() => {
            problem(
                sink,
                "/today",
                "supervision.options.today",
                json!({"value": t}),
            );
            None
        }
        Some(t) => Some(t.clone()),
        None => Some(options.as_of.clone()),
    };
    let range = range(options, as_of);
    if range.is_none() && as_of.is_some() {
        let value = match (&options.from, &options.to, options.year) {
            (None, None, Some(y)) => y.to_string(),
            (f, t, _) => format!(
                "{} – {}",
                f.as_deref().unwrap_or(""),
                t.as_deref().unwrap_or("")
            ),
        };
        problem(
            sink,
            "/from",
            "supervision.options.range",
            json!({"value": value, "max": MAX_YEARS}),
        );
    }
    let mut known = true;
    for id in options.form_settings.keys() {
        if plan(id).is_none() {
            known = false;
            sink.add(
                &format!(
                    "/form_settings/{}",
                    id.replace('~', "~0").replace('/', "~1")
                ),
                "supervision.unknown_form",
                Severity::Error,
                crate::wording::params(json!({"form": id, "forms": form_ids()})),
            );
        }
    }
    let (as_of, (from, to), today) = (as_of?, range?, today?);
    let compliance = ComplianceOptions {
        from: Some(iso(from)),
        to: Some(iso(to)),
        // The as-of day is counted whole: a period ending on it is over.
        today: Some(iso(as_of.succ().unwrap_or(as_of))),
        locale,
        requirements: options.requirements.clone(),
        minutes_check: options.minutes_check,
        ..ComplianceOptions::default()
    };
    known.then(|| Run {
        days: Days { from, to, as_of },
        today,
        locale,
        match_fields: match_fields(&options.requirements),
        compliance,
        max_listed: MAX_LISTED_INVALID,
        review_settings: std::sync::OnceLock::new(),
    })
}

/// The period: `from`–`to`, else `year`, else the as-of date's year.
fn range(options: &SupervisionOptions, as_of: Option<Date>) -> Option<(Date, Date)> {
    let year_of = |y: i32| Some((Date::from_ymd(y, 1, 1)?, Date::from_ymd(y, 12, 31)?));
    let (from, to) = match (&options.from, &options.to, options.year) {
        (Some(f), Some(t), _) => (parse_date(f)?, parse_date(t)?),
        (None, None, Some(y)) => year_of(y)?,
        (None, None, None) => year_of(as_of?.year())?,
        _ => return None,
    };
    (from <= to && to.days_since(from) <= MAX_YEARS * 366).then_some((from, to))
}

fn problem(sink: &mut Sink<'_>, path: &str, detail_key: &str, params: serde_json::Value) {
    let detail = text(detail_key, sink.locale(), &params);
    sink.add(
        path,
        "supervision.invalid_options",
        Severity::Error,
        crate::wording::params(json!({"detail": detail})),
    );
}

/// The days as the report writes them.
pub(super) fn written(days: &Days) -> (String, String, String) {
    (iso(days.from), iso(days.to), iso(days.as_of))
}
