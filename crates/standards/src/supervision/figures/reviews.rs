//! Candidate qualification reviews (资格联审): each candidate's verdict, 通过 /
//! 待审 / 建议不予提名, with the one-sentence reason.

use super::super::branch::{Rec, Run};
use crate::lookup::At;
use crate::review::verdict::verdict_in;
use crate::review::{ReviewSettings, VerdictOptions, VerdictStatus};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A branch's candidate reviews.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewFigures {
    /// Candidates reviewed.
    pub candidates: usize,
    /// 通过.
    pub pass: usize,
    /// 待审.
    pub pending: usize,
    /// 建议不予提名.
    pub not_nominated: usize,
    /// Each candidate, in input order.
    pub verdicts: Vec<CandidateVerdict>,
}

/// One candidate's verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CandidateVerdict {
    /// Index of the record among the supervised records.
    pub record: usize,
    /// Where the record came from.
    pub source: String,
    /// The candidate's name.
    pub name: String,
    /// The verdict.
    pub status: VerdictStatus,
    /// The verdict in words.
    pub title: String,
    /// The departments and items behind it, in one sentence.
    pub summary: String,
}

/// The reviews of a branch so far.
#[derive(Debug, Default)]
pub(in super::super) struct ReviewsState {
    verdicts: Vec<CandidateVerdict>,
}

impl ReviewsState {
    /// Takes a review whose only errors are the verdict's own (so the
    /// validation report adds nothing to the verdict's reasons).
    pub(in super::super) fn add(&mut self, rec: &Rec<'_>, run: &Run) {
        let options = VerdictOptions {
            today: Some(run.days.as_of),
            locale: run.locale,
        };
        let settings = run
            .review_settings
            .get_or_init(|| ReviewSettings::from_values(rec.settings));
        let v = verdict_in(rec.data, settings, &options);
        self.verdicts.push(CandidateVerdict {
            record: rec.index,
            source: rec.source.to_owned(),
            name: rec
                .data
                .at("/candidate/name")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            status: v.status,
            title: v.title,
            summary: v.summary,
        });
    }

    /// Takes the reviews of `other` (the same branch under another key).
    pub(in super::super) fn absorb(&mut self, other: ReviewsState) {
        let mine = std::mem::take(&mut self.verdicts);
        self.verdicts = super::super::order::merged(mine, other.verdicts, |v| v.record);
    }

    /// The figures, or `None` without any review.
    pub(in super::super) fn finish(self) -> Option<ReviewFigures> {
        if self.verdicts.is_empty() {
            return None;
        }
        let count = |s| self.verdicts.iter().filter(|v| v.status == s).count();
        Some(ReviewFigures {
            candidates: self.verdicts.len(),
            pass: count(VerdictStatus::Pass),
            pending: count(VerdictStatus::Pending),
            not_nominated: count(VerdictStatus::NotNominated),
            verdicts: self.verdicts,
        })
    }
}
