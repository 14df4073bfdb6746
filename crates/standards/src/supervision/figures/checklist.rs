//! The branch checklist: the latest one's score, grade and stars, vetoes and
//! the points it lost (largest first), and the score of every checklist of
//! the period.

use super::super::branch::Rec;
use super::latest::Latest;
use crate::checklist::{rectification_list, RectificationOptions};
use dangjian_core::dates::Date;
use dangjian_core::number::Num;
use dangjian_core::report::{Grade, VetoHit};
use serde::{Deserialize, Serialize};

/// The latest checklist of a branch, and the scores of all of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChecklistFigures {
    /// Index of the record among those supervised.
    pub record: usize,
    /// Where the record came from (a file, a line).
    pub source: String,
    /// The day it was assessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessed_on: Option<String>,
    /// The score (with bonus points), what the grade is read from.
    pub score: Num,
    /// Bonus points included in the score.
    pub bonus: Num,
    /// The grade band (forced to the lowest by a veto).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<Grade>,
    /// Automatic-fail conditions that apply (一票否决).
    pub vetoes: Vec<VetoHit>,
    /// Every item that lost points, most first.
    pub losses: Vec<LostPoints>,
    /// Every checklist of the period, oldest first.
    pub history: Vec<ChecklistScore>,
}

/// An item that lost points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LostPoints {
    /// JSON Pointer of the item in the checklist record.
    pub path: String,
    /// Title of its section.
    pub section: String,
    /// Title of the item.
    pub item: String,
    /// `unmet`, `partial`, `deducted`, `shortfall` or `unanswered`.
    pub status: String,
    /// Points the item is worth.
    pub points: Num,
    /// Points lost.
    pub lost: Num,
    /// Why, one reason per line.
    pub reasons: String,
}

/// One checklist's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChecklistScore {
    /// Index of the record among those supervised.
    pub record: usize,
    /// The day it was assessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessed_on: Option<String>,
    /// The score.
    pub score: Num,
    /// Id of the grade band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    /// Stars of the band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stars: Option<u8>,
    /// True when a veto applied.
    pub vetoed: bool,
}

/// The checklists of a branch so far.
#[derive(Debug, Default)]
pub(in super::super) struct ChecklistState {
    latest: Latest<ChecklistFigures>,
    history: Vec<(Option<Date>, ChecklistScore)>,
}

impl ChecklistState {
    /// Takes a checklist without errors; the latest by date (then by input
    /// order) is the branch's.
    pub(in super::super) fn add(&mut self, rec: &Rec<'_>) {
        let Some(score) = &rec.report.score else {
            return;
        };
        let assessed_on = rec.date.map(super::super::input::iso);
        self.history.push((
            rec.date,
            ChecklistScore {
                record: rec.index,
                assessed_on: assessed_on.clone(),
                score: score.total,
                grade: score.grade.as_ref().map(|g| g.id.clone()),
                stars: score.grade.as_ref().and_then(|g| g.stars),
                vetoed: !score.vetoes.is_empty(),
            },
        ));
        if !self.latest.newer(rec.date, rec.index) {
            return;
        }
        let list = rectification_list(rec.report, &RectificationOptions::default());
        let losses = list
            .problems
            .entries
            .into_iter()
            .filter(|e| e.kind == "item")
            .map(|e| LostPoints {
                path: e.item_path,
                section: e.section,
                item: e.item,
                status: e.status,
                points: e.points,
                lost: e.points_lost,
                reasons: e.reasons,
            })
            .collect();
        let figures = ChecklistFigures {
            record: rec.index,
            source: rec.source.to_owned(),
            assessed_on,
            score: score.total,
            bonus: score.bonus,
            grade: score.grade.clone(),
            vetoes: score.vetoes.clone(),
            losses,
            history: Vec::new(),
        };
        self.latest.keep(rec.date, rec.index, figures);
    }

    /// Takes the checklists of `other` (the same branch under another key).
    pub(in super::super) fn absorb(&mut self, other: ChecklistState) {
        self.latest.absorb(other.latest);
        self.history.extend(other.history);
    }

    /// The latest checklist with the history, or `None` without any.
    pub(in super::super) fn finish(self) -> Option<ChecklistFigures> {
        let mut latest = self.latest.take()?;
        let history = super::super::order::by_key(self.history, |(d, s)| {
            let day = d.map_or(i64::MIN, |d| d.num_days_from_ce());
            (
                day,
                String::new(),
                i64::try_from(s.record).unwrap_or(i64::MAX),
                0,
            )
        });
        latest.history = history.into_iter().map(|(_, s)| s).collect();
        Some(latest)
    }
}
