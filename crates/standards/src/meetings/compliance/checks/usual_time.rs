//! `compliance.unusual_time`: a requirement usually held in some months
//! (组织生活会: the fourth quarter) whose meetings of a period that is over all
//! fell outside them.

use super::super::context::{iso, Context};
use super::super::options::Requirement;
use super::super::report::PeriodResult;
use super::frequency::Tally;
use crate::wording::params;
use dangjian_core::dates::Date;
use dangjian_core::{Locale, Severity, Sink};
use serde_json::json;

/// Warns about each period over whose meetings all fall outside the usual months.
pub(in super::super) fn check(
    ctx: &Context<'_>,
    req: &Requirement,
    tally: &Tally,
    sink: &mut Sink<'_>,
) {
    if req.usual_months.is_empty() {
        return;
    }
    for (slot, (p, span)) in tally.periods.iter().zip(&tally.spans).enumerate() {
        let over = ctx.today.is_none_or(|t| span.to < t) && span.within(ctx.from, ctx.to);
        let in_slot: Vec<Date> = tally
            .counted
            .iter()
            .filter(|c| c.slot == slot)
            .map(|c| c.date)
            .collect();
        let usual = in_slot
            .iter()
            .any(|d| req.usual_months.contains(&d.month()));
        if over && !in_slot.is_empty() && !usual {
            issue(req, p, &in_slot, sink);
        }
    }
}

fn issue(req: &Requirement, p: &PeriodResult, dates: &[Date], sink: &mut Sink<'_>) {
    let locale = sink.locale();
    let months: Vec<String> = req.usual_months.iter().map(ToString::to_string).collect();
    let held: Vec<String> = dates.iter().map(|d| iso(*d)).collect();
    let (sep, usual) = match locale {
        Locale::ZhCn => ("、", format!("{} 月", months.join("、"))),
        Locale::En => (", ", format!("months {}", months.join(", "))),
    };
    sink.add(
        "",
        "compliance.unusual_time",
        Severity::Warning,
        params(json!({
            "requirement": req.id,
            "title": req.title.get(locale),
            "period": p.label,
            "period_key": p.key,
            "usual": usual,
            "usual_months": req.usual_months,
            "dates": held.join(sep),
        })),
    );
}
