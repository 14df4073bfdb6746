//! One branch: the records counted for it while the input streams, and its
//! report once the input has ended.

use super::figures::checklist::{ChecklistFigures, ChecklistState};
use super::figures::meetings::{MeetingFigures, MeetingsState};
use super::figures::points::{PointsFigures, PointsState};
use super::figures::rectification::{RectificationFigures, RectificationState};
use super::figures::reviews::{ReviewFigures, ReviewsState};
use super::figures::secretary::{SecretaryFigures, SecretaryState};
use super::input::{Days, Role};
use super::report::FormTotals;
use super::symbols::Symbols;
use crate::branch::Branch;
use crate::meetings::ComplianceOptions;
use crate::review::ReviewSettings;
use dangjian_core::dates::Date;
use dangjian_core::{Issue, Locale, Report};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Most other names kept for one branch.
const MAX_NAMES: usize = 20;

/// Everything supervised about one branch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BranchReport {
    /// What its records share: `code:<code>`, else `name:<name>`.
    pub key: String,
    /// Its name (as the first record counted for it gives it).
    pub name: String,
    /// The county's code for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Other names its records give.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_names: Vec<String>,
    /// Its records, counted and with errors, by form.
    pub records: RecordCounts,
    /// The latest branch checklist, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checklist: Option<ChecklistFigures>,
    /// Meeting compliance per type and period.
    pub meetings: MeetingFigures,
    /// Rectification items.
    pub rectification: RectificationFigures,
    /// Member points, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<PointsFigures>,
    /// Candidate reviews, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviews: Option<ReviewFigures>,
    /// The secretary's latest annual review, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secretary_review: Option<SecretaryFigures>,
    /// Records with errors, not counted (at most the run's listing limit).
    pub invalid: Vec<InvalidRecord>,
    /// Why the branch needs attention (empty when it does not).
    pub attention: Vec<Issue>,
}

/// A branch's records.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RecordCounts {
    /// Records counted.
    pub counted: usize,
    /// Records with errors.
    pub invalid: usize,
    /// By form id (`outside` is always 0 here: a record outside the period
    /// is not given to a branch).
    pub by_form: BTreeMap<String, FormTotals>,
}

/// A record with errors: listed, not counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvalidRecord {
    /// Index among the supervised records.
    pub record: usize,
    /// Where it came from (a file, a line).
    pub source: String,
    /// Its form.
    pub form: String,
    /// Its date, when it gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Number of errors.
    pub errors: usize,
    /// Their codes, each once, in the order of the report.
    pub codes: Vec<String>,
}

/// What every branch's figures read from the run.
#[derive(Debug, Clone)]
pub(super) struct Run {
    /// The period and the as-of date.
    pub(super) days: Days,
    /// Today for the records' own checks (`YYYY-MM-DD`).
    pub(super) today: String,
    /// Language of messages and titles.
    pub(super) locale: Locale,
    /// The compliance check every branch's minutes go through: the period,
    /// the as-of day (as its `today`, the day after: the as-of day is counted
    /// whole), the frequencies and whether minutes with errors count.
    pub(super) compliance: ComplianceOptions,
    /// The fields the requirements match on.
    pub(super) match_fields: Vec<String>,
    /// Most invalid records listed per branch.
    pub(super) max_listed: usize,
    /// The joint review's settings, read once from its form.
    pub(super) review_settings: OnceLock<ReviewSettings>,
}

/// A record of a branch, with what its validation found.
pub(super) struct Rec<'a> {
    /// Index among the supervised records.
    pub(super) index: usize,
    /// Where it came from.
    pub(super) source: &'a str,
    /// Its form id.
    pub(super) form: &'a str,
    /// What its form gives the supervisor.
    pub(super) role: Role,
    /// The record.
    pub(super) data: &'a Value,
    /// Its date, when it gives one.
    pub(super) date: Option<Date>,
    /// Its validation report.
    pub(super) report: &'a Report,
    /// Its form's settings (`{name: value}`).
    pub(super) settings: &'a Value,
    /// Its errors (codes, each once) that keep it from counting.
    pub(super) errors: &'a [String],
    /// How many errors that is.
    pub(super) error_count: usize,
}

/// A branch while the records stream in.
#[derive(Debug)]
pub(super) struct BranchState {
    branch: Branch,
    /// Other names its records give (at most [`MAX_NAMES`]).
    names: Vec<String>,
    counts: RecordCounts,
    checklist: ChecklistState,
    meetings: MeetingsState,
    rectification: RectificationState,
    points: PointsState,
    reviews: ReviewsState,
    secretary: SecretaryState,
    invalid: Vec<InvalidRecord>,
}

impl BranchState {
    /// A branch with no record yet.
    pub(super) fn new(branch: Branch) -> BranchState {
        BranchState {
            branch,
            names: Vec::new(),
            counts: RecordCounts::default(),
            checklist: ChecklistState::default(),
            meetings: MeetingsState::default(),
            rectification: RectificationState::default(),
            points: PointsState::default(),
            reviews: ReviewsState::default(),
            secretary: SecretaryState::default(),
            invalid: Vec::new(),
        }
    }

    /// The branch's name and code.
    pub(super) fn branch(&self) -> &Branch {
        &self.branch
    }

    /// Counts one record: listed when it has errors, else given to its figure.
    pub(super) fn add(&mut self, rec: &Rec<'_>, name: &str, run: &Run, symbols: &mut Symbols) {
        if self.branch.name.is_empty() {
            name.clone_into(&mut self.branch.name);
        } else {
            self.also_named(name);
        }
        let by_form = self.counts.by_form.entry(rec.form.to_owned()).or_default();
        by_form.records += 1;
        if !rec.errors.is_empty() {
            by_form.invalid += 1;
            self.counts.invalid += 1;
            if self.invalid.len() < run.max_listed {
                self.invalid.push(InvalidRecord {
                    record: rec.index,
                    source: rec.source.to_owned(),
                    form: rec.form.to_owned(),
                    date: rec.date.map(super::input::iso),
                    errors: rec.error_count,
                    codes: rec.errors.to_vec(),
                });
            }
            if rec.role == Role::Minutes {
                let errors = Some((rec.error_count, rec.errors));
                self.meetings.add(rec, errors, run, symbols);
            }
            return;
        }
        by_form.counted += 1;
        self.counts.counted += 1;
        match rec.role {
            Role::Checklist => self.checklist.add(rec),
            Role::Minutes => self.meetings.add(rec, None, run, symbols),
            Role::Rectification => self.rectification.add(rec, symbols),
            Role::Points => self.points.add(rec),
            Role::Candidate => self.reviews.add(rec, run),
            Role::Secretary => self.secretary.add(rec, run.locale),
            Role::Decision => {}
        }
    }

    /// Notes another name of the branch.
    fn also_named(&mut self, name: &str) {
        if !name.is_empty()
            && name != self.branch.name
            && self.names.len() < MAX_NAMES
            && !self.names.iter().any(|n| n == name)
        {
            self.names.push(name.to_owned());
        }
    }

    /// Takes every record of `other`: the same branch, whose records gave
    /// only its name.
    pub(super) fn absorb(&mut self, other: BranchState, run: &Run) {
        self.also_named(&other.branch.name);
        for n in &other.names {
            self.also_named(n);
        }
        self.counts.counted += other.counts.counted;
        self.counts.invalid += other.counts.invalid;
        for (form, c) in other.counts.by_form {
            let mine = self.counts.by_form.entry(form).or_default();
            mine.records += c.records;
            mine.counted += c.counted;
            mine.invalid += c.invalid;
        }
        self.checklist.absorb(other.checklist);
        self.meetings.absorb(other.meetings);
        self.rectification.absorb(other.rectification);
        self.points.absorb(other.points);
        self.reviews.absorb(other.reviews);
        self.secretary.absorb(other.secretary);
        let mine = std::mem::take(&mut self.invalid);
        self.invalid = super::order::merged(mine, other.invalid, |r| r.record);
        self.invalid.truncate(run.max_listed);
    }

    /// The branch's report (its attention reasons still to judge).
    pub(super) fn finish(self, run: &Run, symbols: &Symbols) -> BranchReport {
        let mut names = self.names;
        names.sort();
        BranchReport {
            key: self.branch.key(),
            name: self.branch.name,
            code: self.branch.code,
            other_names: names,
            records: self.counts,
            checklist: self.checklist.finish(),
            meetings: self.meetings.finish(run, symbols),
            rectification: self.rectification.finish(run.days.as_of, symbols),
            points: self.points.finish(),
            reviews: self.reviews.finish(),
            secretary_review: self.secretary.finish(),
            invalid: self.invalid,
            attention: Vec::new(),
        }
    }
}
