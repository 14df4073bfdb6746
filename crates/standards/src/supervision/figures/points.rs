//! Member points (积分制): each member's latest points record up to the as-of
//! date (by the end of the period it scores), summed up — members, average,
//! lowest and highest, stars.

use super::super::branch::Rec;
use crate::lookup::At;
use dangjian_core::dates::Date;
use dangjian_core::number::Num;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// A branch's member points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PointsFigures {
    /// Points records counted.
    pub records: usize,
    /// Members (each counted once, by the latest record).
    pub members: usize,
    /// Their average points.
    pub average: Num,
    /// The lowest points.
    pub lowest: Num,
    /// The highest points.
    pub highest: Num,
    /// Members by stars, from five stars down to none (0: unqualified).
    pub stars: Vec<StarCount>,
    /// Members whose record hit a veto.
    pub vetoed: usize,
    /// The latest period end of the records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_end: Option<String>,
}

/// How many have a number of stars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StarCount {
    /// Stars (0: the band below one star).
    pub stars: u8,
    /// How many.
    pub count: usize,
}

/// Counts by stars, from five down to zero.
pub(in super::super) fn star_counts(stars: impl Iterator<Item = u8>) -> Vec<StarCount> {
    let mut counts = [0usize; 6];
    for s in stars {
        if let Some(c) = counts.get_mut(usize::from(s)) {
            *c += 1;
        }
    }
    (0..=5u8)
        .rev()
        .map(|s| StarCount {
            stars: s,
            count: counts.get(usize::from(s)).copied().unwrap_or(0),
        })
        .collect()
}

#[derive(Debug, Clone)]
struct Member {
    period_end: Option<Date>,
    record: usize,
    total: f64,
    stars: Option<u8>,
    vetoed: bool,
}

/// The points records of a branch so far, one member each.
#[derive(Debug, Default)]
pub(in super::super) struct PointsState {
    records: usize,
    /// Position in `members` by name.
    index: BTreeMap<String, usize>,
    members: Vec<Member>,
}

impl PointsState {
    /// Takes a points record without errors; a member's later record (by
    /// period end, then input order) replaces an earlier one.
    pub(in super::super) fn add(&mut self, rec: &Rec<'_>) {
        let Some(score) = &rec.report.score else {
            return;
        };
        self.records += 1;
        let name = rec
            .data
            .at("/member/name")
            .and_then(Value::as_str)
            .map(str::trim)
            .unwrap_or_default()
            .to_owned();
        let member = Member {
            period_end: rec.date,
            record: rec.index,
            total: score.total.get(),
            stars: score.grade.as_ref().and_then(|g| g.stars),
            vetoed: !score.vetoes.is_empty(),
        };
        self.keep(name, member);
    }

    fn keep(&mut self, name: String, member: Member) {
        match self.index.get(&name).and_then(|i| self.members.get_mut(*i)) {
            Some(m) if (m.period_end, m.record) > (member.period_end, member.record) => {}
            Some(m) => *m = member,
            None => {
                self.index.insert(name, self.members.len());
                self.members.push(member);
            }
        }
    }

    /// Takes the records of `other` (the same branch under another key).
    pub(in super::super) fn absorb(&mut self, other: PointsState) {
        self.records += other.records;
        let mut members: Vec<Option<Member>> = other.members.into_iter().map(Some).collect();
        for (name, i) in other.index {
            if let Some(m) = members.get_mut(i).and_then(Option::take) {
                self.keep(name, m);
            }
        }
    }

    /// The figures, or `None` without any record.
    pub(in super::super) fn finish(self) -> Option<PointsFigures> {
        if self.records == 0 {
            return None;
        }
        let totals: Vec<f64> = self.members.iter().map(|m| m.total).collect();
        #[allow(clippy::cast_precision_loss)]
        let average = totals.iter().sum::<f64>() / totals.len().max(1) as f64;
        let (lowest, highest) = totals
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), t| {
                (lo.min(*t), hi.max(*t))
            });
        Some(PointsFigures {
            records: self.records,
            members: self.members.len(),
            average: Num::round2(average),
            lowest: Num::round2(lowest),
            highest: Num::round2(highest),
            stars: star_counts(self.members.iter().filter_map(|m| m.stars)),
            vetoed: self.members.iter().filter(|m| m.vetoed).count(),
            period_end: self
                .members
                .iter()
                .filter_map(|m| m.period_end)
                .max()
                .map(super::super::input::iso),
        })
    }
}
