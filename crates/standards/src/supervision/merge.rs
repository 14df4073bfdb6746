//! Combining the reports of shards of branches — a province runs one
//! supervision per county, on whatever batch engine it has, and merges them.
//! Each branch must be in exactly one shard (shard by county: a branch
//! belongs to one); the branches are taken as they are, their attention
//! reasons judged again with the merge's thresholds, and everything across
//! branches drawn up anew, one branch at a time.

use super::branch::BranchReport;
use super::checks::{self, Judge};
use super::input::{parse_date, Days};
use super::options::Thresholds;
use super::report::{SupervisionCounts, SupervisionReport};
use super::summary::Summary;
use super::supervisor::{assemble, ReportHead};
use dangjian_core::{Issue, Locale};
use std::collections::BTreeSet;

/// Why shards cannot be merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeError {
    /// Two shards were drawn up with different versions, days or locales.
    Mismatch {
        /// `report_version`, `as_of`, `from`, `to` or `locale`.
        field: &'static str,
        /// The first shard's value.
        first: String,
        /// The other's.
        other: String,
    },
    /// A branch appears in two shards.
    Duplicate {
        /// Its key.
        branch: String,
    },
    /// A branch came before any report head, or a head's days are not dates.
    NoHead,
}

impl std::fmt::Display for MergeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MergeError::Mismatch {
                field,
                first,
                other,
            } => write!(
                f,
                "the shards differ in {field} (“{first}” and “{other}”): run every shard with the same --as-of, period and locale"
            ),
            MergeError::Duplicate { branch } => write!(
                f,
                "branch {branch} is in two shards: shard by county, so that each branch is in one"
            ),
            MergeError::NoHead => write!(
                f,
                "a branch came before its report's head, or a head has no valid days"
            ),
        }
    }
}

impl std::error::Error for MergeError {}

/// A merge in progress: heads, branches and shard totals go in, in any
/// number, one at a time.
pub struct Merger {
    attention: Option<Thresholds>,
    head: Option<(ReportHead, Days, Locale)>,
    counts: SupervisionCounts,
    issues: Vec<Issue>,
    summary: Option<Summary>,
    seen: BTreeSet<String>,
    shards: usize,
}

impl Merger {
    /// A merge judging attention with `attention` (default: the first shard's thresholds).
    pub fn new(attention: Option<Thresholds>) -> Merger {
        Merger {
            attention,
            head: None,
            counts: SupervisionCounts::default(),
            issues: Vec::new(),
            summary: None,
            seen: BTreeSet::new(),
            shards: 0,
        }
    }

    /// A shard's head. Every shard must share the first one's version, days
    /// and locale; the first one's thresholds judge every branch unless the
    /// merge was given its own.
    pub fn head(&mut self, head: &ReportHead) -> Result<(), MergeError> {
        if let Some((first, _, _)) = &self.head {
            let pairs = [
                (
                    "report_version",
                    first.report_version.to_string(),
                    head.report_version.to_string(),
                ),
                ("as_of", first.as_of.clone(), head.as_of.clone()),
                ("from", first.from.clone(), head.from.clone()),
                ("to", first.to.clone(), head.to.clone()),
                ("locale", first.locale.clone(), head.locale.clone()),
            ];
            for (field, first, other) in pairs {
                if first != other {
                    return Err(MergeError::Mismatch {
                        field,
                        first,
                        other,
                    });
                }
            }
            return Ok(());
        }
        let (Some(from), Some(to), Some(as_of)) = (
            parse_date(&head.from),
            parse_date(&head.to),
            parse_date(&head.as_of),
        ) else {
            return Err(MergeError::NoHead);
        };
        let days = Days { from, to, as_of };
        let locale = Locale::parse(&head.locale).unwrap_or_default();
        let attention = self
            .attention
            .get_or_insert_with(|| head.attention_settings.clone())
            .clone();
        self.summary = Some(Summary::new(&days, locale));
        self.head = Some((
            ReportHead {
                attention_settings: attention,
                ..head.clone()
            },
            days,
            locale,
        ));
        Ok(())
    }

    /// A branch of a shard whose head came first: its attention judged again;
    /// given back to be written out.
    pub fn branch(&mut self, mut b: BranchReport) -> Result<BranchReport, MergeError> {
        let (Some((_, days, locale)), Some(summary), Some(t)) =
            (&self.head, &mut self.summary, &self.attention)
        else {
            return Err(MergeError::NoHead);
        };
        if !self.seen.insert(b.key.clone()) {
            return Err(MergeError::Duplicate { branch: b.key });
        }
        let (from, _, as_of) = super::setup::written(days);
        let judge = Judge {
            thresholds: t,
            from: &from,
            as_of: &as_of,
            locale: *locale,
        };
        b.attention = checks::attention(&b, &judge);
        summary.add(&b);
        Ok(b)
    }

    /// A shard's totals and issues (its report, whose branches are taken
    /// separately): the issues' paths are put under `/shards/<n>`.
    pub fn totals(&mut self, report: &SupervisionReport) {
        let c = &report.counts;
        let m = &mut self.counts;
        m.records += c.records;
        m.counted += c.counted;
        m.invalid += c.invalid;
        m.outside += c.outside;
        m.unreadable += c.unreadable;
        m.unrecognised += c.unrecognised;
        m.unassigned += c.unassigned;
        m.unchecked += c.unchecked;
        for (form, t) in &c.by_form {
            let mine = m.by_form.entry(form.clone()).or_default();
            mine.records += t.records;
            mine.counted += t.counted;
            mine.invalid += t.invalid;
            mine.outside += t.outside;
        }
        let shard = self.shards;
        self.shards += 1;
        self.issues.extend(report.issues.iter().map(|i| Issue {
            path: format!("/shards/{shard}{}", i.path),
            ..i.clone()
        }));
    }

    /// A whole shard report: its head, totals and branches, each branch given
    /// to `each` once judged.
    pub fn report(
        &mut self,
        report: SupervisionReport,
        mut each: impl FnMut(BranchReport),
    ) -> Result<(), MergeError> {
        self.head(&report.head)?;
        self.totals(&report);
        for b in report.branches {
            each(self.branch(b)?);
        }
        Ok(())
    }

    /// The merged report, without its branches (they went out as they came).
    pub fn finish(self) -> Result<SupervisionReport, MergeError> {
        let (Some((head, days, _)), Some(summary)) = (self.head, self.summary) else {
            return Err(MergeError::NoHead);
        };
        let parts = summary.finish();
        Ok(assemble(
            head,
            self.counts,
            Some((days, parts)),
            self.issues,
        ))
    }
}

/// Merges whole reports, keeping every branch (by key).
pub fn merge(
    reports: Vec<SupervisionReport>,
    attention: Option<Thresholds>,
) -> Result<SupervisionReport, MergeError> {
    let mut merger = Merger::new(attention);
    let mut all = Vec::new();
    for r in reports {
        merger.report(r, |b| all.push(b))?;
    }
    let mut report = merger.finish()?;
    report.branches = super::order::by_key(all, |b| (0, b.key.clone(), 0, 0));
    Ok(report)
}
