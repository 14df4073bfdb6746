//! The totals of each month (the monthly 调度) and quarter (the quarterly
//! 检查): branches with every meeting held or some missing, each requirement
//! over all branches, minutes, checklists and rectification items.

use super::super::branch::BranchReport;
use super::super::figures::meetings::RequirementFigures;
use super::super::input::parse_date;
use super::super::periods::span;
use super::super::report::{
    PeriodHead, PeriodState, PeriodTotal, RectificationFlow, RequirementTotal,
};
use crate::meetings::{Period, PeriodStatus};
use dangjian_core::dates::Date;
use dangjian_core::number::Num;

/// The totals of one period so far.
#[derive(Debug)]
pub(super) struct Tally {
    head: PeriodHead,
    kind: Period,
    /// The period's days.
    days: Option<(Date, Date)>,
    /// The last day the period is looked at: its last day, or the as-of date.
    end: String,
    total: PeriodTotal,
    score_sum: f64,
}

impl Tally {
    /// An empty tally of `head`, a period of `kind`.
    pub(super) fn new(head: PeriodHead, kind: Period, as_of: &str) -> Tally {
        let end = if head.to.as_str() < as_of {
            head.to.clone()
        } else {
            as_of.to_owned()
        };
        let total = PeriodTotal {
            key: head.key.clone(),
            label: head.label.clone(),
            state: head.state,
            branches: 0,
            met: 0,
            missing: 0,
            requirements: Vec::new(),
            minutes: 0,
            invalid_minutes: 0,
            checklists: 0,
            average_score: None,
            vetoed: 0,
            rectification: RectificationFlow::default(),
        };
        Tally {
            days: parse_date(&head.from).zip(parse_date(&head.to)),
            head,
            kind,
            end,
            total,
            score_sum: 0.0,
        }
    }

    fn inside(&self, from: Date, to: Date) -> bool {
        self.days.is_some_and(|(f, t)| from >= f && to <= t)
    }

    /// Takes one branch; `days` holds the first and last day of each period of
    /// each of its requirements ([`period_days`]).
    pub(super) fn add(&mut self, b: &BranchReport, days: &[Vec<Option<(Date, Date)>>]) {
        self.total.branches += 1;
        let (mut judged, mut missing) = (0usize, 0usize);
        for (r, d) in b.meetings.requirements.iter().zip(days) {
            let (j, m) = self.requirement(r, d);
            judged += j;
            missing += m;
        }
        if missing > 0 {
            self.total.missing += 1;
        } else if judged > 0 && self.head.state == PeriodState::Closed {
            self.total.met += 1;
        }
        if let Some(cell) = b
            .meetings
            .calendar
            .iter()
            .find(|row| row.period == self.kind)
            .and_then(|row| row.cells.iter().find(|c| c.key == self.head.key))
        {
            self.total.minutes += cell.minutes;
            self.total.invalid_minutes += cell.invalid;
        }
        self.checklists(b);
        self.rectification(b);
    }

    /// Adds the periods of `r` inside this one; returns how many were judged
    /// and how many are missing.
    fn requirement(
        &mut self,
        r: &RequirementFigures,
        days: &[Option<(Date, Date)>],
    ) -> (usize, usize) {
        let inside: Vec<_> = r
            .periods
            .iter()
            .zip(days)
            .filter(|(_, d)| d.is_some_and(|(f, t)| self.inside(f, t)))
            .map(|(p, _)| p)
            .collect();
        if inside.is_empty() {
            return (0, 0);
        }
        let met = inside
            .iter()
            .filter(|p| p.status == PeriodStatus::Met)
            .count();
        let missing = inside
            .iter()
            .filter(|p| p.status == PeriodStatus::Missing)
            .count();
        let held: usize = inside.iter().map(|p| p.held).sum();
        let pos = match self.total.requirements.iter().position(|t| t.id == r.id) {
            Some(i) => i,
            None => {
                self.total.requirements.push(RequirementTotal {
                    id: r.id.clone(),
                    title: r.title.clone(),
                    period: r.period,
                    held: 0,
                    met: 0,
                    missing: 0,
                    branches_missing: 0,
                });
                self.total.requirements.len() - 1
            }
        };
        if let Some(t) = self.total.requirements.get_mut(pos) {
            t.held += held;
            t.met += met;
            t.missing += missing;
            t.branches_missing += usize::from(missing > 0);
        }
        (met + missing, missing)
    }

    fn checklists(&mut self, b: &BranchReport) {
        let Some(c) = &b.checklist else {
            return;
        };
        for h in &c.history {
            let Some(d) = h.assessed_on.as_deref().and_then(parse_date) else {
                continue;
            };
            if self.inside(d, d) {
                self.total.checklists += 1;
                self.score_sum += h.score.get();
                self.total.vetoed += usize::from(h.vetoed);
            }
        }
    }

    fn rectification(&mut self, b: &BranchReport) {
        let flow = &mut self.total.rectification;
        let (from, to) = (self.head.from.as_str(), self.head.to.as_str());
        let within = |d: &Option<String>| d.as_deref().is_some_and(|d| d >= from && d <= to);
        for i in b.rectification.lists.iter().flat_map(|l| &l.items) {
            flow.due += usize::from(within(&i.deadline));
            flow.closed += usize::from(within(&i.closed_on));
            if self.head.state == PeriodState::Future {
                continue;
            }
            let end = self.end.as_str();
            let late = i.deadline.as_deref().is_some_and(|d| d < end);
            let open = i.closed_on.as_deref().is_none_or(|c| c > end);
            flow.overdue_at_end += usize::from(late && open);
        }
    }

    /// The period's totals.
    pub(super) fn finish(mut self) -> PeriodTotal {
        if self.total.checklists > 0 {
            #[allow(clippy::cast_precision_loss)]
            let n = self.total.checklists as f64;
            self.total.average_score = Some(Num::round2(self.score_sum / n));
        }
        self.total
    }
}

/// The first and last day of each period of each requirement of `b`.
pub(super) fn period_days(b: &BranchReport) -> Vec<Vec<Option<(Date, Date)>>> {
    b.meetings
        .requirements
        .iter()
        .map(|r| {
            r.periods
                .iter()
                .map(|p| span(r.period, &p.key).map(|s| (s.from, s.to)))
                .collect()
        })
        .collect()
}
