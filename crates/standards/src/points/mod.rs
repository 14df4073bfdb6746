//! Member points (`forms/member-points.json`): the branch's ranking of its
//! members by the points each report earned.
//!
//! The points themselves — categories, caps, additions, deductions, star bands —
//! are the spec; this module only orders finished reports.

use crate::lookup::At;
use dangjian_core::number::Num;
use dangjian_core::{Form, Report, ValidateOptions};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::cmp::Ordering;

/// Id of the built-in member-points form.
pub const POINTS_FORM_ID: &str = "member-points";

/// One member's report, named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberReport {
    /// The member's name, as shown in the ranking.
    pub member: String,
    /// The member-points report.
    pub report: Report,
}

/// The branch's ranking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ranking {
    /// Ranked members, best first. Equal totals share a rank (1, 2, 2, 4).
    pub entries: Vec<RankEntry>,
    /// Members left out, with the reason.
    pub unranked: Vec<Unranked>,
}

/// One ranked member.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankEntry {
    /// Rank, from 1; equal totals share a rank.
    pub rank: u32,
    /// The member's name.
    pub member: String,
    /// Points: the normalised score plus additions.
    pub total: Num,
    /// Additions included in `total`.
    pub bonus: Num,
    /// Id of the band reached (or forced by a veto), if the form has bands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    /// The band's title in the report's locale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade_title: Option<String>,
    /// Stars of the band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stars: Option<u8>,
    /// True when a veto forced the grade.
    pub vetoed: bool,
}

/// A member left out of the ranking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unranked {
    /// The member's name.
    pub member: String,
    /// `invalid` (the record has errors) or `unscored` (the form gives no score).
    pub reason: String,
    /// Errors in the record.
    pub errors: usize,
}

/// Ranks members by total, highest first. Members whose record has errors, or
/// whose report has no score, are listed in `unranked` instead: a ranking is
/// published, and a wrong record must be fixed before it is.
pub fn rank_members(reports: &[MemberReport]) -> Ranking {
    let mut scored: Vec<RankEntry> = Vec::new();
    let mut unranked = Vec::new();
    for r in reports {
        let reason = match (&r.report.score, r.report.valid) {
            (_, false) => Some("invalid"),
            (None, true) => Some("unscored"),
            (Some(_), true) => None,
        };
        match (reason, &r.report.score) {
            (None, Some(s)) => scored.push(RankEntry {
                rank: 0,
                member: r.member.clone(),
                total: s.total,
                bonus: s.bonus,
                grade: s.grade.as_ref().map(|g| g.id.clone()),
                grade_title: s.grade.as_ref().map(|g| g.title.clone()),
                stars: s.grade.as_ref().and_then(|g| g.stars),
                vetoed: !s.vetoes.is_empty(),
            }),
            (reason, _) => unranked.push(Unranked {
                member: r.member.clone(),
                reason: reason.unwrap_or("unscored").to_owned(),
                errors: r.report.counts.errors,
            }),
        }
    }
    // A vetoed member ranks below everyone who was not, whatever the points.
    dangjian_core::order::sort_by(&mut scored, |a, b| {
        order(a, b).then_with(|| a.member.cmp(&b.member))
    });
    let mut previous: Option<(bool, f64, u32)> = None;
    for (i, e) in scored.iter_mut().enumerate() {
        let position = u32::try_from(i + 1).unwrap_or(u32::MAX);
        e.rank = match previous {
            Some((vetoed, total, rank)) if vetoed == e.vetoed && total == e.total.get() => rank,
            _ => position,
        };
        previous = Some((e.vetoed, e.total.get(), e.rank));
    }
    Ranking {
        entries: scored,
        unranked,
    }
}

fn order(a: &RankEntry, b: &RankEntry) -> Ordering {
    a.vetoed
        .cmp(&b.vetoed)
        .then_with(|| b.total.get().total_cmp(&a.total.get()))
}

/// Validates each member-points record with `form` and ranks the members, named
/// by `/member/name` (or `#N` when a record has no name).
pub fn rank_records(form: &Form, records: &[Value], options: &ValidateOptions) -> Ranking {
    let reports: Vec<MemberReport> = records
        .iter()
        .enumerate()
        .map(|(i, record)| MemberReport {
            member: record
                .at("/member/name")
                .and_then(Value::as_str)
                .filter(|s| !s.trim().is_empty())
                .map_or_else(|| format!("#{}", i + 1), str::to_owned),
            report: form.validate(record, options),
        })
        .collect();
    rank_members(&reports)
}
