//! The secretary's annual review (述职评议): the latest review of the period,
//! its composite score and grade, and what capped the grade.

use super::super::branch::Rec;
use super::latest::Latest;
use crate::lookup::At;
use crate::secretary_review::{assess, Grade};
use dangjian_core::number::Num;
use dangjian_core::Locale;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A branch secretary's latest annual review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SecretaryFigures {
    /// Index of the record among the supervised records.
    pub record: usize,
    /// Where the record came from.
    pub source: String,
    /// The secretary.
    pub secretary: String,
    /// The year reported on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i64>,
    /// The day of the review meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_on: Option<String>,
    /// The composite score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub composite: Option<Num>,
    /// The grade after the caps (好 / 较好 / 一般 / 差).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<Grade>,
    /// The grade in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade_title: Option<String>,
    /// Ids of the caps that lowered the grade.
    pub caps: Vec<String>,
    /// The grade the superior committee recorded, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_grade: Option<Grade>,
    /// Reviews of the period (the latest is shown).
    pub reviews: usize,
}

/// The reviews of a branch so far.
#[derive(Debug, Default)]
pub(in super::super) struct SecretaryState {
    latest: Latest<SecretaryFigures>,
    reviews: usize,
}

impl SecretaryState {
    /// Takes a review without errors; the latest by date (then input order) is the branch's.
    pub(in super::super) fn add(&mut self, rec: &Rec<'_>, locale: Locale) {
        self.reviews += 1;
        if !self.latest.newer(rec.date, rec.index) {
            return;
        }
        let a = assess(rec.data, rec.settings, locale);
        let text = |p: &str| {
            rec.data
                .at(p)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let figures = SecretaryFigures {
            record: rec.index,
            source: rec.source.to_owned(),
            secretary: text("/subject/secretary"),
            year: rec.data.at("/subject/year").and_then(Value::as_i64),
            held_on: rec.date.map(super::super::input::iso),
            composite: a.composite,
            grade: a.grade,
            grade_title: a.grade_title,
            caps: a.caps.into_iter().map(|c| c.id).collect(),
            recorded_grade: a.recorded_grade,
            reviews: 0,
        };
        self.latest.keep(rec.date, rec.index, figures);
    }

    /// Takes the reviews of `other` (the same branch under another key).
    pub(in super::super) fn absorb(&mut self, other: SecretaryState) {
        self.reviews += other.reviews;
        self.latest.absorb(other.latest);
    }

    /// The latest review, or `None` without any.
    pub(in super::super) fn finish(self) -> Option<SecretaryFigures> {
        let mut f = self.latest.take()?;
        f.reviews = self.reviews;
        Some(f)
    }
}
