//! Meeting compliance per type and period up to the as-of date: the branch's
//! minutes, each already validated, run through the compliance check
//! ([`compliance_checked`]) once the input has ended.
//!
//! While the input streams, each minutes record is kept as a few numbers (its
//! index, date, meeting type and the values of the fields a requirement
//! matches on, as symbols), not as the record: at the end, small stand-in
//! records carrying exactly those values are checked in its place.

use super::super::branch::{Rec, Run};
use super::super::symbols::{Sym, Symbols};
use super::calendar::{self, CalendarRow};
use super::stand_in::{renumbered, stand_in};
use crate::lookup::At;
use crate::meetings::{
    compliance_checked, InvalidRecord, Period, PeriodStatus, RecordErrors, RequirementResult,
};
use dangjian_core::dates::Date;
use dangjian_core::Issue;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A branch's meetings over the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingFigures {
    /// Minutes counted (no errors).
    pub minutes: usize,
    /// Minutes with errors (listed under the branch's `invalid`; not counted as
    /// held unless `minutes_check` is `count_invalid`).
    pub invalid: usize,
    /// Periods over by the as-of date (met or missing), all requirements together.
    pub due: usize,
    /// Of those, periods with enough meetings.
    pub met: usize,
    /// Of those, periods without enough meetings.
    pub missing: usize,
    /// Each requirement with its periods.
    pub requirements: Vec<RequirementFigures>,
    /// The periods of each kind with the requirements of that kind together:
    /// the rows of a heat map (branches × months).
    pub calendar: Vec<CalendarRow>,
    /// The compliance check's warnings: meetings off their fixed day or their
    /// usual months (paths into the supervised records). Missing periods are
    /// in `requirements` and `calendar`, and summed up in the attention list.
    pub issues: Vec<Issue>,
}

/// One requirement over the period, as the compliance check judged it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequirementFigures {
    /// Requirement id.
    pub id: String,
    /// What must be held, in the report's locale.
    pub title: String,
    /// How often.
    pub period: Period,
    /// Fewest meetings per period.
    pub min: u32,
    /// Meetings counted.
    pub held: usize,
    /// Matching minutes with errors.
    pub invalid: usize,
    /// Periods missing.
    pub missing: usize,
    /// Every period overlapping the supervised period.
    pub periods: Vec<PeriodFigures>,
}

/// One period of one requirement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodFigures {
    /// `2026-03`, `2026-Q2`, `2026-H1`, `2026`, `2026-W05` (the report's
    /// `months` and `quarters` give their labels and days).
    pub key: String,
    /// The verdict.
    pub status: PeriodStatus,
    /// Meetings counted.
    pub held: usize,
    /// Their dates.
    pub dates: Vec<String>,
    /// Their indexes among the supervised records.
    pub records: Vec<usize>,
    /// Matching minutes with errors (not counted unless `minutes_check` is
    /// `count_invalid`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invalid: Vec<InvalidRecord>,
}

/// The minutes of a branch, kept small.
#[derive(Debug, Default)]
pub(in super::super) struct MeetingsState {
    meetings: Vec<Meeting>,
}

/// One minutes record, kept as a few numbers.
#[derive(Debug)]
pub(super) struct Meeting {
    /// Index among the supervised records.
    pub(super) index: usize,
    /// The meeting's date.
    pub(super) date: Date,
    /// Its `/meeting/type`.
    pub(super) kind: Sym,
    /// `(position in Run::match_fields, JSON text of the value)`.
    pub(super) fields: Box<[(usize, Sym)]>,
    /// Its errors: how many, and their codes.
    pub(super) errors: Option<Box<(usize, Box<[Sym]>)>>,
}

impl MeetingsState {
    /// Keeps a minutes record: `errors` are its errors (count and codes), if any.
    /// A record without a meeting type or a date cannot be placed and is only
    /// listed as invalid by the caller.
    pub(in super::super) fn add(
        &mut self,
        rec: &Rec<'_>,
        errors: Option<(usize, &[String])>,
        run: &Run,
        symbols: &mut Symbols,
    ) {
        let kind = rec.data.at("/meeting/type").and_then(Value::as_str);
        let (Some(kind), Some(date)) = (kind.filter(|k| !k.is_empty()), rec.date) else {
            return;
        };
        let fields = run
            .match_fields
            .iter()
            .enumerate()
            .filter_map(|(i, ptr)| {
                let v = rec.data.at(ptr)?;
                Some((i, symbols.intern(&v.to_string())))
            })
            .collect();
        let errors = errors
            .map(|(n, codes)| Box::new((n, codes.iter().map(|c| symbols.intern(c)).collect())));
        self.meetings.push(Meeting {
            index: rec.index,
            date,
            kind: symbols.intern(kind),
            fields,
            errors,
        });
    }

    /// Takes the meetings of `other` (the same branch under another key).
    pub(in super::super) fn absorb(&mut self, other: MeetingsState) {
        let mine = std::mem::take(&mut self.meetings);
        self.meetings = super::super::order::merged(mine, other.meetings, |m| m.index);
    }

    /// The figures, once every record is in.
    pub(in super::super) fn finish(self, run: &Run, symbols: &Symbols) -> MeetingFigures {
        let stand_ins: Vec<Value> = self
            .meetings
            .iter()
            .map(|m| stand_in(m, run, symbols))
            .collect();
        let errors: Vec<Option<RecordErrors>> = self
            .meetings
            .iter()
            .map(|m| {
                m.errors.as_ref().map(|e| RecordErrors {
                    errors: e.0,
                    codes: e.1.iter().map(|c| symbols.get(*c).to_owned()).collect(),
                })
            })
            .collect();
        let mut report = compliance_checked(&stand_ins, &errors, &run.compliance);
        // The check was asked as of the day after the as-of day (so that a
        // period ending on it is judged): a period starting on that day has
        // not begun as of the as-of day.
        let as_of = super::super::input::iso(run.days.as_of);
        for p in report.requirements.iter_mut().flat_map(|r| &mut r.periods) {
            if p.status == PeriodStatus::Open && p.from > as_of {
                p.status = PeriodStatus::Future;
            }
        }
        let index = |i: usize| self.meetings.get(i).map_or(i, |m| m.index);
        let dated: Vec<(Date, bool)> = self
            .meetings
            .iter()
            .map(|m| (m.date, m.errors.is_none()))
            .collect();
        MeetingFigures {
            minutes: dated.iter().filter(|d| d.1).count(),
            invalid: dated.iter().filter(|d| !d.1).count(),
            due: report.counts.periods_judged,
            met: report.counts.periods_met,
            missing: report.counts.periods_missing,
            calendar: calendar::rows(&report.requirements, &dated),
            requirements: report
                .requirements
                .into_iter()
                .map(|r| RequirementFigures::of(r, &index))
                .collect(),
            issues: report
                .issues
                .into_iter()
                .filter_map(|i| renumbered(i, &index, run))
                .collect(),
        }
    }
}

impl RequirementFigures {
    /// A compliance result, its records renumbered as the supervised records.
    fn of(r: RequirementResult, index: &dyn Fn(usize) -> usize) -> RequirementFigures {
        RequirementFigures {
            periods: r
                .periods
                .into_iter()
                .map(|p| PeriodFigures {
                    key: p.key,
                    status: p.status,
                    held: p.held,
                    dates: p.dates,
                    records: p.records.into_iter().map(index).collect(),
                    invalid: p
                        .invalid
                        .into_iter()
                        .map(|b| InvalidRecord {
                            record: index(b.record),
                            ..b
                        })
                        .collect(),
                })
                .collect(),
            id: r.id,
            title: r.title,
            period: r.period,
            min: r.min,
            held: r.held,
            invalid: r.invalid,
            missing: r.missing,
        }
    }
}
