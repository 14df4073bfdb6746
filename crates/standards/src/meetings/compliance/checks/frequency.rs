//! `compliance.missing`: at least `min` meetings in every period of a
//! requirement; periods still open, not yet begun or partly outside the range
//! are not judged.

use super::super::context::{iso, Context};
use super::super::messages::text;
use super::super::options::Requirement;
use super::super::report::{ComplianceCounts, PeriodResult, PeriodStatus};
use crate::meetings::period::Span;
use crate::wording::params;
use dangjian_core::dates::Date;
use dangjian_core::{Locale, Severity, Sink};
use serde_json::json;

/// A meeting counted for a requirement.
#[derive(Debug, Clone, Copy)]
pub(in super::super) struct Counted {
    /// Index in the list of minutes.
    pub(in super::super) record: usize,
    /// The meeting's date.
    pub(in super::super) date: Date,
    /// Index of its period.
    pub(in super::super) slot: usize,
}

/// One requirement's periods with the meetings counted in each.
pub(in super::super) struct Tally {
    /// The periods overlapping the range.
    pub(in super::super) spans: Vec<Span>,
    /// Their results (status still to judge).
    pub(in super::super) periods: Vec<PeriodResult>,
    /// Meetings counted.
    pub(in super::super) held: usize,
    /// Matching records with errors.
    pub(in super::super) invalid: usize,
    /// Every meeting counted, in record order.
    pub(in super::super) counted: Vec<Counted>,
}

/// Places each matching record in its period.
pub(in super::super) fn tally(ctx: &Context<'_>, req: &Requirement) -> Tally {
    let spans = req.period.spans(ctx.from, ctx.to);
    let periods = spans.iter().map(|s| empty_period(s, ctx.locale)).collect();
    let mut t = Tally {
        spans,
        periods,
        held: 0,
        invalid: 0,
        counted: Vec::new(),
    };
    for r in &ctx.records {
        if !req.counts.iter().any(|m| m.matches(r.kind, r.record)) {
            continue;
        }
        let Some(slot) = t
            .spans
            .iter()
            .position(|s| s.from <= r.date && r.date <= s.to)
        else {
            continue;
        };
        let Some(p) = t.periods.get_mut(slot) else {
            continue;
        };
        if let Some(bad) = &r.invalid {
            p.invalid.push(bad.clone());
            t.invalid += 1;
            if !ctx.count_invalid {
                continue;
            }
        }
        p.held += 1;
        p.dates.push(iso(r.date));
        p.records.push(r.index);
        t.held += 1;
        t.counted.push(Counted {
            record: r.index,
            date: r.date,
            slot,
        });
    }
    t
}

fn empty_period(span: &Span, locale: Locale) -> PeriodResult {
    PeriodResult {
        key: span.key(),
        label: span.label(locale),
        from: iso(span.from),
        to: iso(span.to),
        held: 0,
        dates: Vec::new(),
        records: Vec::new(),
        invalid: Vec::new(),
        status: PeriodStatus::Missing,
    }
}

/// Judges every period of the tally; records each missing one. Returns how many are missing.
pub(in super::super) fn judge(
    ctx: &Context<'_>,
    req: &Requirement,
    tally: &mut Tally,
    counts: &mut ComplianceCounts,
    sink: &mut Sink<'_>,
) -> usize {
    let mut missing = 0;
    for (p, span) in tally.periods.iter_mut().zip(&tally.spans) {
        p.status = verdict(p.held, req.min, span, ctx);
        match p.status {
            PeriodStatus::Met => {
                counts.periods_judged += 1;
                counts.periods_met += 1;
            }
            PeriodStatus::Missing => {
                counts.periods_judged += 1;
                counts.periods_missing += 1;
                missing += 1;
                missing_issue(req, p, sink);
            }
            PeriodStatus::Open | PeriodStatus::Future | PeriodStatus::Partial => {}
        }
    }
    missing
}

fn verdict(held: usize, min: u32, span: &Span, ctx: &Context<'_>) -> PeriodStatus {
    if held >= min as usize {
        return PeriodStatus::Met;
    }
    match ctx.today {
        Some(t) if span.from > t => PeriodStatus::Future,
        Some(t) if span.to >= t => PeriodStatus::Open,
        _ if !span.within(ctx.from, ctx.to) => PeriodStatus::Partial,
        _ => PeriodStatus::Missing,
    }
}

fn missing_issue(req: &Requirement, p: &PeriodResult, sink: &mut Sink<'_>) {
    let locale = sink.locale();
    let key = if p.invalid.is_empty() {
        "compliance.missing"
    } else {
        "compliance.missing.with_invalid"
    };
    let records: Vec<usize> = p.invalid.iter().map(|r| r.record).collect();
    sink.add_worded(
        "",
        "compliance.missing",
        key,
        Severity::Error,
        params(json!({
            "requirement": req.id,
            "title": req.title.get(locale),
            "period": p.label,
            "period_key": p.key,
            "frequency": req.period.per(locale),
            "min": req.min,
            "held": p.held,
            "invalid": p.invalid.len(),
            "invalid_records": records,
        })),
    );
}

/// The frequency as people read it: 每季度至少 1 次 / at least 1 per quarter.
pub(in super::super) fn frequency(req: &Requirement, locale: Locale) -> String {
    text(
        "compliance.frequency",
        locale,
        &json!({"per": req.period.per(locale), "min": req.min}),
    )
}
