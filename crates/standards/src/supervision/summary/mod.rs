//! What a report says across branches, folded one branch at a time (so a
//! stream of branch reports, or the branches of several shards, never needs
//! to be held at once): the ranking, the attention list, the overdue items,
//! the distributions and the totals of each month and quarter.

mod distributions;
mod ranking;
mod totals;

use super::branch::BranchReport;
use super::figures::rectification::ItemStatus;
use super::input::{iso, Days};
use super::order::by_key;
use super::report::{
    AttentionEntry, Distributions, OverdueEntry, PeriodHead, PeriodState, RankEntry, Totals,
};
use crate::meetings::Period;
use dangjian_core::Locale;
use distributions::Spread;
use ranking::Ranking;
use totals::Tally;

/// The parts of a report drawn across branches.
#[derive(Debug)]
pub(super) struct Parts {
    /// Branches taken.
    pub(super) branches: usize,
    /// The ranking.
    pub(super) ranking: Vec<RankEntry>,
    /// Branches needing attention.
    pub(super) attention: Vec<AttentionEntry>,
    /// Overdue items.
    pub(super) overdue: Vec<OverdueEntry>,
    /// The distributions.
    pub(super) distributions: Distributions,
    /// The totals.
    pub(super) totals: Totals,
}

/// The fold.
#[derive(Debug)]
pub(super) struct Summary {
    locale: Locale,
    branches: usize,
    ranking: Ranking,
    attention: Vec<AttentionEntry>,
    overdue: Vec<OverdueEntry>,
    spread: Spread,
    months: Vec<Tally>,
    quarters: Vec<Tally>,
}

impl Summary {
    /// Nothing taken yet.
    pub(super) fn new(days: &Days, locale: Locale) -> Summary {
        let as_of = iso(days.as_of);
        let tallies = |kind: Period| {
            heads(days, kind, locale)
                .into_iter()
                .map(|h| Tally::new(h, kind, &as_of))
                .collect()
        };
        Summary {
            locale,
            branches: 0,
            ranking: Ranking::default(),
            attention: Vec::new(),
            overdue: Vec::new(),
            spread: Spread::default(),
            months: tallies(Period::Month),
            quarters: tallies(Period::Quarter),
        }
    }

    /// The parts of a report without branches.
    pub(super) fn empty(locale: Locale) -> Parts {
        Parts {
            branches: 0,
            ranking: Vec::new(),
            attention: Vec::new(),
            overdue: Vec::new(),
            distributions: Spread::default().finish(locale),
            totals: Totals {
                months: Vec::new(),
                quarters: Vec::new(),
            },
        }
    }

    /// Takes one branch, its attention reasons judged.
    pub(super) fn add(&mut self, b: &BranchReport) {
        self.branches += 1;
        self.ranking.add(b);
        self.spread.add(b);
        let days = totals::period_days(b);
        for t in self.months.iter_mut().chain(self.quarters.iter_mut()) {
            t.add(b, &days);
        }
        if !b.attention.is_empty() {
            self.attention.push(AttentionEntry {
                branch: b.key.clone(),
                name: b.name.clone(),
                reasons: b.attention.iter().map(|i| i.code.clone()).collect(),
            });
        }
        for (list, i) in b
            .rectification
            .lists
            .iter()
            .flat_map(|l| l.items.iter().map(move |i| (l, i)))
            .filter(|(_, i)| i.status == ItemStatus::Overdue)
        {
            self.overdue.push(OverdueEntry {
                branch: b.key.clone(),
                name: b.name.clone(),
                record: list.record,
                source: list.source.clone(),
                seq: i.seq,
                item: i.item.clone(),
                owner: i.owner.clone(),
                deadline: i.deadline.clone().unwrap_or_default(),
                days_late: i.days_late.unwrap_or(0),
            });
        }
    }

    /// The parts.
    pub(super) fn finish(self) -> Parts {
        let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        let attention = by_key(self.attention, |a| {
            (-count(a.reasons.len()), a.branch.clone(), 0, 0)
        });
        let overdue = by_key(self.overdue, |o| {
            let seq = i64::try_from(o.seq).unwrap_or(i64::MAX);
            (-o.days_late, o.branch.clone(), count(o.record), seq)
        });
        Parts {
            branches: self.branches,
            ranking: self.ranking.finish(),
            attention,
            overdue,
            distributions: self.spread.finish(self.locale),
            totals: Totals {
                months: self.months.into_iter().map(Tally::finish).collect(),
                quarters: self.quarters.into_iter().map(Tally::finish).collect(),
            },
        }
    }
}

/// The periods of `kind` over the supervised period, with where each stands.
pub(super) fn heads(days: &Days, kind: Period, locale: Locale) -> Vec<PeriodHead> {
    kind.spans(days.from, days.to)
        .into_iter()
        .map(|s| PeriodHead {
            key: s.key(),
            label: s.label(locale),
            from: iso(s.from),
            to: iso(s.to),
            state: if s.to <= days.as_of {
                PeriodState::Closed
            } else if s.from > days.as_of {
                PeriodState::Future
            } else {
                PeriodState::Open
            },
        })
        .collect()
}
