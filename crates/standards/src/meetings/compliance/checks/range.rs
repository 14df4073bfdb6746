//! `compliance.invalid_range`: the range to check is a year, or `from`–`to`.

use super::super::context::parse_date;
use super::super::messages::text;
use super::super::options::ComplianceOptions;
use dangjian_core::dates::Date;
use dangjian_core::{Severity, Sink};
use serde_json::json;

/// The longest range checked, in years: a bound on the periods a report lists
/// (a range of centuries would list tens of thousands of weeks), far above any
/// supervision period.
pub(crate) const MAX_YEARS: i64 = 20;

/// The range to check, or `None` after recording why it is invalid.
pub(in super::super) fn check(
    options: &ComplianceOptions,
    sink: &mut Sink<'_>,
) -> Option<(Date, Date)> {
    let problem = match (&options.from, &options.to, options.year) {
        (Some(f), Some(t), _) => match (parse_date(f), parse_date(t)) {
            (Some(a), Some(b)) if a <= b && b.days_since(a) <= MAX_YEARS * 366 => {
                return Some((a, b))
            }
            (Some(a), Some(b)) if a <= b => "compliance.range.too_long",
            (Some(_), Some(_)) => "compliance.range.from_after_to",
            _ => "compliance.range.date_format",
        },
        (None, None, Some(y)) => match (Date::from_ymd(y, 1, 1), Date::from_ymd(y, 12, 31)) {
            (Some(a), Some(b)) => return Some((a, b)),
            _ => "compliance.range.year",
        },
        (Some(_), None, _) | (None, Some(_), _) => "compliance.range.both",
        (None, None, None) => "compliance.range.none",
    };
    let detail = text(problem, sink.locale(), &json!({"max": MAX_YEARS}));
    sink.add(
        "",
        "compliance.invalid_range",
        Severity::Error,
        crate::wording::params(json!({"detail": detail})),
    );
    None
}
