//! The assessment of one review record: each evaluator group's score, the
//! weighted evaluation score, the composite with the annual check, the grade by
//! score band, and the caps the votes and the satisfaction rate put on it.
//!
//! The context (the record's groups, votes and satisfaction) is read once;
//! every figure is computed from it and the settings.

use super::grade::Grade;
use super::messages::MESSAGES;
use super::settings::ReviewSettings;
use crate::lookup::At;
use dangjian_core::number::Num;
use dangjian_core::Locale;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// What a review record comes to. Plain data: a supervisor's report reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// Each evaluator group, in record order.
    pub groups: Vec<GroupResult>,
    /// The votes of all groups together.
    pub votes: Votes,
    /// The groups' scores weighted together; none without votes or weights.
    pub evaluation_score: Option<Num>,
    /// The annual party-building check score, when given.
    pub annual_check_score: Option<Num>,
    /// The evaluation score, combined with the annual check score when given.
    pub composite: Option<Num>,
    /// The grade the composite reaches by score band.
    pub band: Option<Grade>,
    /// The grade after the caps.
    pub grade: Option<Grade>,
    /// The grade in words.
    pub grade_title: Option<String>,
    /// Each cap that lowered the grade, in the order applied.
    pub caps: Vec<Cap>,
    /// Satisfied and basically satisfied, % of the satisfaction survey; none without one.
    pub satisfaction_percent: Option<Num>,
    /// The grade the superior committee recorded, if any.
    pub recorded_grade: Option<Grade>,
}

/// One evaluator group's ratings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupResult {
    /// Group id (`leaders`, `members`, `representatives`, `masses`).
    pub group: String,
    /// Its weight in the settings.
    pub weight: Num,
    /// Its votes.
    pub votes: Votes,
    /// Points per vote on average; none without votes.
    pub score: Option<Num>,
}

/// Votes by grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Votes {
    /// All votes (the four grades together).
    pub total: u64,
    /// 好.
    pub good: u64,
    /// 较好.
    pub fairly_good: u64,
    /// 一般.
    pub average: u64,
    /// 差.
    pub poor: u64,
}

impl Votes {
    fn add(&mut self, other: Votes) {
        self.total += other.total;
        self.good += other.good;
        self.fairly_good += other.fairly_good;
        self.average += other.average;
        self.poor += other.poor;
    }

    fn of(&self, grade: Grade) -> u64 {
        match grade {
            Grade::Good => self.good,
            Grade::FairlyGood => self.fairly_good,
            Grade::Average => self.average,
            Grade::Poor => self.poor,
        }
    }
}

/// A cap that lowered the grade.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cap {
    /// `poor_votes`, `lower_votes` or `satisfaction`.
    pub id: String,
    /// The grade it set.
    pub grade: Grade,
    /// Why, in words.
    pub reason: String,
}

/// Assesses a `secretary-review` record with a form's settings (`Form::settings()`).
pub fn assess(record: &Value, settings: &Value, locale: Locale) -> Assessment {
    assess_with(record, &ReviewSettings::from_values(settings), locale)
}

/// [`assess`] with the settings already read.
pub fn assess_with(record: &Value, s: &ReviewSettings, locale: Locale) -> Assessment {
    let read = Read::of(record, s);
    let composite = read.evaluation.map(|e| {
        let c = match read.annual {
            Some(c) => {
                let a = (s.annual_check_weight_percent / 100.0).clamp(0.0, 1.0);
                e * (1.0 - a) + c * a
            }
            None => e,
        };
        Num::round2(c)
    });
    let band = composite.map(|c| band(c.get(), s));
    let mut caps = Vec::new();
    let grade = band.map(|b| capped(b, &read, s, locale, &mut caps));
    Assessment {
        votes: read.votes,
        evaluation_score: read.evaluation.map(Num::round2),
        annual_check_score: read.annual.map(Num::round2),
        composite,
        band,
        grade,
        grade_title: grade.map(|g| g.title(locale)),
        caps,
        satisfaction_percent: read.satisfaction.map(Num::round2),
        recorded_grade: record
            .at("/assessment/recorded_grade")
            .and_then(Value::as_str)
            .and_then(Grade::parse),
        groups: read.groups,
    }
}

/// The record's figures, read once.
struct Read {
    groups: Vec<GroupResult>,
    votes: Votes,
    /// The weighted evaluation score, unrounded.
    evaluation: Option<f64>,
    annual: Option<f64>,
    satisfaction: Option<f64>,
}

impl Read {
    fn of(record: &Value, s: &ReviewSettings) -> Read {
        let list = record
            .at("/evaluation/groups")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let mut groups = Vec::new();
        let mut votes = Votes::default();
        let (mut weighted, mut weights) = (0.0, 0.0);
        for g in list {
            let Some(group) = g.get("group").and_then(Value::as_str) else {
                continue;
            };
            let v = Votes::read(g);
            let weight = s.weight(group);
            let score = v.score(s);
            if let Some(score) = score.filter(|_| weight > 0.0) {
                weighted += weight * score;
                weights += weight;
            }
            votes.add(v);
            groups.push(GroupResult {
                group: group.to_owned(),
                weight: Num::round2(weight),
                votes: v,
                score: score.map(Num::round2),
            });
        }
        Read {
            groups,
            votes,
            evaluation: (weights > 0.0).then(|| weighted / weights),
            annual: record
                .at("/assessment/annual_check_score")
                .and_then(Value::as_f64)
                .filter(|v| v.is_finite()),
            satisfaction: satisfaction(record),
        }
    }
}

impl Votes {
    /// The votes of one group's line.
    fn read(line: &Value) -> Votes {
        let mut v = Votes {
            total: 0,
            good: count(line.get("good")),
            fairly_good: count(line.get("fairly_good")),
            average: count(line.get("average")),
            poor: count(line.get("poor")),
        };
        v.total = v.good + v.fairly_good + v.average + v.poor;
        v
    }

    /// Points per vote on average; none without votes.
    fn score(&self, s: &ReviewSettings) -> Option<f64> {
        #[allow(clippy::cast_precision_loss)]
        let points: f64 = Grade::ALL
            .iter()
            .map(|g| s.points(g.id()) * self.of(*g) as f64)
            .sum();
        #[allow(clippy::cast_precision_loss)]
        let total = self.total as f64;
        (self.total > 0).then(|| points / total)
    }
}

/// A whole number of votes (anything else counts as none).
fn count(v: Option<&Value>) -> u64 {
    v.and_then(Value::as_f64)
        .filter(|n| n.is_finite() && *n >= 0.0 && n.fract() == 0.0 && *n <= 1.0e9)
        .map_or(0, |n| {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let c = n as u64;
            c
        })
}

/// Satisfied and basically satisfied, % of the survey; none without one.
fn satisfaction(record: &Value) -> Option<f64> {
    let at = |key: &str| count(record.at(&format!("/evaluation/satisfaction/{key}")));
    let yes = at("satisfied") + at("basically_satisfied");
    let all = yes + at("dissatisfied");
    #[allow(clippy::cast_precision_loss)]
    let percent = (all > 0).then(|| yes as f64 * 100.0 / all as f64);
    percent
}

/// The grade a composite score reaches.
fn band(score: f64, s: &ReviewSettings) -> Grade {
    let [good, fairly_good, average] = s.band_mins;
    if score >= good {
        Grade::Good
    } else if score >= fairly_good {
        Grade::FairlyGood
    } else if score >= average {
        Grade::Average
    } else {
        Grade::Poor
    }
}

/// The band lowered by each cap that applies, each recorded with its reason.
fn capped(
    band: Grade,
    read: &Read,
    s: &ReviewSettings,
    locale: Locale,
    caps: &mut Vec<Cap>,
) -> Grade {
    let v = &read.votes;
    let mut grade = band;
    let mut lower = |to: Grade, id: &str, params: Value, grade: &mut Grade| {
        if *grade > to {
            *grade = to;
            let reason = crate::wording::render(MESSAGES, &format!("cap.{id}"), locale, &params);
            caps.push(Cap {
                id: id.to_owned(),
                grade: to,
                reason,
            });
        }
    };
    let (poor, lower_votes) = (s.poor_votes, s.lower_votes);
    if poor.reached(v.poor, v.total) {
        let p = json!({"poor": v.poor, "votes": v.total, "num": poor.num, "den": poor.den});
        lower(Grade::Poor, "poor_votes", p, &mut grade);
    }
    if lower_votes.reached(v.average + v.poor, v.total) {
        let p = json!({"lower": v.average + v.poor, "votes": v.total, "num": lower_votes.num, "den": lower_votes.den});
        lower(Grade::Average, "lower_votes", p, &mut grade);
    }
    if let Some(pct) = read
        .satisfaction
        .filter(|p| *p < s.satisfaction_min_percent)
    {
        let p =
            json!({"percent": Num::round2(pct), "min": Num::round2(s.satisfaction_min_percent)});
        lower(Grade::Average, "satisfaction", p, &mut grade);
    }
    grade
}
