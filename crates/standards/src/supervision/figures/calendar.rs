//! The calendar of a branch: for each kind of period (month, quarter, …) that
//! has requirements, one cell per period with those requirements together —
//! what a heat map of branches × months draws.

use super::super::input::parse_date;
use crate::meetings::{Period, PeriodStatus, RequirementResult};
use dangjian_core::dates::Date;
use serde::{Deserialize, Serialize};

/// The periods of one kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalendarRow {
    /// The kind of period.
    pub period: Period,
    /// The requirements of this kind, by id.
    pub requirements: Vec<String>,
    /// One cell per period overlapping the supervised period, in order.
    pub cells: Vec<CalendarCell>,
}

/// One period with every requirement of its kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalendarCell {
    /// The period's key: `2026-03`, `2026-Q2`, `2026`.
    pub key: String,
    /// `missing` when any requirement is missing, `met` when all are met,
    /// else `open` (the period holds the as-of date), `future` or `partial`.
    pub status: PeriodStatus,
    /// Requirements met.
    pub met: usize,
    /// Ids of the requirements missing.
    pub missing: Vec<String>,
    /// Minutes (of any meeting) dated in the period and counted.
    pub minutes: usize,
    /// Minutes dated in the period with errors.
    pub invalid: usize,
}

/// The rows, from the shortest period to the longest; `dated` holds each
/// minutes record's date and whether it has no error.
pub(super) fn rows(requirements: &[RequirementResult], dated: &[(Date, bool)]) -> Vec<CalendarRow> {
    let kinds = [
        Period::Week,
        Period::Month,
        Period::Quarter,
        Period::HalfYear,
        Period::Year,
    ];
    kinds
        .into_iter()
        .filter_map(|kind| {
            let of_kind: Vec<&RequirementResult> =
                requirements.iter().filter(|r| r.period == kind).collect();
            let first = of_kind.first()?;
            let cells = first
                .periods
                .iter()
                .enumerate()
                .map(|(slot, p)| cell(&of_kind, slot, &p.key, &p.from, &p.to, dated))
                .collect();
            Some(CalendarRow {
                period: kind,
                requirements: of_kind.iter().map(|r| r.id.clone()).collect(),
                cells,
            })
        })
        .collect()
}

fn cell(
    of_kind: &[&RequirementResult],
    slot: usize,
    key: &str,
    from: &str,
    to: &str,
    dated: &[(Date, bool)],
) -> CalendarCell {
    let statuses: Vec<(&str, PeriodStatus)> = of_kind
        .iter()
        .filter_map(|r| r.periods.get(slot).map(|p| (r.id.as_str(), p.status)))
        .collect();
    let has = |s: PeriodStatus| statuses.iter().any(|(_, x)| *x == s);
    let status = if has(PeriodStatus::Missing) {
        PeriodStatus::Missing
    } else if statuses.iter().all(|(_, s)| *s == PeriodStatus::Met) {
        PeriodStatus::Met
    } else if has(PeriodStatus::Open) {
        PeriodStatus::Open
    } else if has(PeriodStatus::Future) {
        PeriodStatus::Future
    } else {
        PeriodStatus::Partial
    };
    let (from, to) = (parse_date(from), parse_date(to));
    let within = |d: &Date| from.is_some_and(|f| f <= *d) && to.is_some_and(|t| *d <= t);
    CalendarCell {
        key: key.to_owned(),
        status,
        met: statuses
            .iter()
            .filter(|(_, s)| *s == PeriodStatus::Met)
            .count(),
        missing: statuses
            .iter()
            .filter(|(_, s)| *s == PeriodStatus::Missing)
            .map(|(id, _)| (*id).to_owned())
            .collect(),
        minutes: dated.iter().filter(|(d, ok)| *ok && within(d)).count(),
        invalid: dated.iter().filter(|(d, ok)| !*ok && within(d)).count(),
    }
}
