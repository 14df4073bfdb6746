//! The ranking of branches by their latest checklist score: equal scores
//! share a rank, and a branch whose checklist hit a veto ranks below every
//! branch without one. Branches without a checklist are not ranked.

use super::super::branch::BranchReport;
use super::super::order::{by_key, hundredths};
use super::super::report::RankEntry;

/// The branches ranked so far.
#[derive(Debug, Default)]
pub(super) struct Ranking {
    entries: Vec<RankEntry>,
}

impl Ranking {
    /// Takes a branch with a checklist.
    pub(super) fn add(&mut self, b: &BranchReport) {
        let Some(c) = &b.checklist else {
            return;
        };
        self.entries.push(RankEntry {
            rank: 0,
            branch: b.key.clone(),
            name: b.name.clone(),
            score: c.score,
            grade: c.grade.as_ref().map(|g| g.title.clone()),
            stars: c.grade.as_ref().and_then(|g| g.stars),
            vetoed: !c.vetoes.is_empty(),
        });
    }

    /// Best first, with ranks.
    pub(super) fn finish(mut self) -> Vec<RankEntry> {
        // A vetoed branch below every other; then the score, highest first.
        self.entries = by_key(self.entries, |e| {
            let first = i64::from(e.vetoed) * 1_000_000_000_000 - hundredths(e.score.get());
            (first, e.branch.clone(), 0, 0)
        });
        let mut previous: Option<(bool, f64, u32)> = None;
        for (i, e) in self.entries.iter_mut().enumerate() {
            let position = u32::try_from(i + 1).unwrap_or(u32::MAX);
            e.rank = match previous {
                Some((vetoed, score, rank)) if vetoed == e.vetoed && score == e.score.get() => rank,
                _ => position,
            };
            previous = Some((e.vetoed, e.score.get(), e.rank));
        }
        self.entries
    }
}
