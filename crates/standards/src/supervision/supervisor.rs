//! The run: records go in one at a time, each recognised, dated, validated
//! once and given to its branch; when the input ends, each branch's report
//! is drawn up, judged and folded into the summary.

use super::branch::{BranchReport, BranchState, Rec, Run};
use super::checks::{self, Judge};
use super::forms::Forms;
use super::input::{self, Role, Unrecognised};
use super::messages::MESSAGES;
use super::options::{SupervisionOptions, Thresholds};
use super::report::{SupervisionCounts, SupervisionReport, SUPERVISION_REPORT_VERSION};
use super::shards::{Shard, ShardRun};
use super::summary::{self, Summary};
use super::symbols::Symbols;
use crate::meetings::Period;
use crate::review::verdict::VERDICT_CODES;
use dangjian_core::{Detail, Issue, Locale, Report, Severity, Sink, ValidateOptions, Workspace};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// A supervision run over records given one at a time (see [`super::supervise`]
/// for records given at once). Memory holds each branch's figures, not the
/// records: a record is dropped once it is counted.
pub struct Supervisor {
    run: Option<Run>,
    thresholds: Thresholds,
    as_of: String,
    locale: Locale,
    forms: Forms,
    /// Position in `branches` by key.
    index: BTreeMap<String, usize>,
    /// Each branch (`None` once taken into another of the same name).
    branches: Vec<Option<BranchState>>,
    symbols: Symbols,
    counts: SupervisionCounts,
    sink: Sink<'static>,
    /// The validation memory every record reuses.
    workspace: Workspace,
    /// The part of the branches this run checks (all when `None`).
    shard: Option<ShardRun>,
}

impl Supervisor {
    /// A run with `options`. Never fails: wrong options are issues of the
    /// report, and then no record is counted.
    pub fn new(options: &SupervisionOptions) -> Supervisor {
        let mut sink = Sink::new(options.locale, MESSAGES);
        let run = super::setup::run(options, &mut sink);
        Supervisor {
            run,
            thresholds: options.attention.clone(),
            as_of: options.as_of.clone(),
            locale: options.locale,
            forms: Forms::new(options.form_settings.clone(), options.locale),
            index: BTreeMap::new(),
            branches: Vec::new(),
            symbols: Symbols::default(),
            counts: SupervisionCounts::default(),
            sink,
            workspace: Workspace::new(),
            shard: None,
        }
    }

    /// This run checking only the branches of `shard` (see
    /// [`super::merge_shards`]): every record is still read and counted, but
    /// only those of the shard's branches are validated and summed up.
    pub fn with_shard(mut self, shard: Shard) -> Supervisor {
        self.shard = Some(ShardRun::new(shard));
        self
    }

    /// Counts one record: bare, or in an envelope `{"form", "data", "source"}`.
    /// `source` says where it came from (a file, a line) unless the envelope does.
    pub fn add(&mut self, record: &Value, source: &str) {
        let index = self.counts.records;
        self.counts.records += 1;
        if self.run.is_none() {
            return;
        }
        let found = match input::recognise(record) {
            Ok(found) => found,
            Err(why) => return self.unrecognised(index, source, &why),
        };
        let Some(run) = &self.run else {
            return;
        };
        let source = found.source.unwrap_or(source);
        let totals = self
            .counts
            .by_form
            .entry(found.form.to_owned())
            .or_default();
        totals.records += 1;
        let date = input::date_of(found.plan, found.data);
        if !run.days.admits(found.plan, date) {
            totals.outside += 1;
            self.counts.outside += 1;
            return;
        }
        let Some(branch) = crate::branch::branch_of(found.form, found.data) else {
            self.counts.unassigned += 1;
            let n = index + 1;
            self.sink.add(
                &format!("/records/{index}"),
                "supervision.no_branch",
                Severity::Warning,
                crate::wording::params(
                    json!({"n": n, "index": index, "source": source, "form": found.form}),
                ),
            );
            return;
        };
        let (form, first) = self.forms.get(found.form);
        let form = match form {
            Ok(form) => form,
            Err(detail) => {
                if first {
                    self.sink.add(
                        &format!("/form_settings/{}", found.form),
                        "supervision.form_settings",
                        Severity::Error,
                        crate::wording::params(json!({"form": found.form, "detail": detail})),
                    );
                }
                self.counts.unchecked += 1;
                return;
            }
        };
        let key = branch.key();
        if !self.shard.as_mut().is_none_or(|s| s.takes(&branch, &key)) {
            return;
        }
        let report = form.validate_in(
            &mut self.workspace,
            found.data,
            &validate_options(found.plan.role, run),
        );
        let (errors, error_count) = errors(&report, found.plan.role);
        if errors.is_empty() {
            totals.counted += 1;
            self.counts.counted += 1;
        } else {
            totals.invalid += 1;
            self.counts.invalid += 1;
        }
        let rec = Rec {
            index,
            source,
            form: found.form,
            role: found.plan.role,
            data: found.data,
            date,
            report: &report,
            settings: form.settings(),
            errors: &errors,
            error_count,
        };
        let slot = match self.index.get(&key) {
            Some(i) => *i,
            None => {
                self.index.insert(key, self.branches.len());
                self.branches.push(Some(BranchState::new(branch.clone())));
                self.branches.len() - 1
            }
        };
        if let Some(Some(state)) = self.branches.get_mut(slot) {
            state.add(&rec, &branch.name, run, &mut self.symbols);
        }
    }

    /// Counts a record that could not be read at all (text that is not JSON):
    /// `detail` says why.
    pub fn unreadable(&mut self, source: &str, detail: &str) {
        let index = self.counts.records;
        self.counts.records += 1;
        self.counts.unreadable += 1;
        self.sink.add(
            &format!("/records/{index}"),
            "supervision.unreadable",
            Severity::Warning,
            crate::wording::params(
                json!({"n": index + 1, "index": index, "source": source, "detail": detail}),
            ),
        );
    }

    fn unrecognised(&mut self, index: usize, source: &str, why: &Unrecognised<'_>) {
        self.counts.unrecognised += 1;
        let path = format!("/records/{index}");
        match why {
            Unrecognised::UnknownForm(form) => {
                self.sink.add(
                    &format!("{path}/form"),
                    "supervision.unknown_form",
                    Severity::Warning,
                    crate::wording::params(json!({"form": form, "forms": input::form_ids()})),
                );
            }
            Unrecognised::Shape => self.sink.add(
                &path,
                "supervision.unrecognised",
                Severity::Warning,
                crate::wording::params(json!({"n": index + 1, "index": index, "source": source})),
            ),
        }
    }

    /// The report's head: version, days and locale (known before any branch
    /// is finished).
    pub fn head(&self) -> ReportHead {
        let (from, to) = self
            .run
            .as_ref()
            .map(|r| super::setup::written(&r.days))
            .map_or((String::new(), String::new()), |(f, t, _)| (f, t));
        ReportHead {
            report_version: SUPERVISION_REPORT_VERSION,
            as_of: self.as_of.clone(),
            from,
            to,
            locale: self.locale.tag().to_owned(),
            attention_settings: self.thresholds.clone(),
        }
    }

    /// Ends the run: the report with every branch.
    pub fn finish(self) -> SupervisionReport {
        let mut all = Vec::new();
        let mut report = self.finish_each(|b| all.push(b));
        report.branches = all;
        report
    }

    /// Ends the run, handing each branch's report to `each` as soon as it is
    /// drawn up (in key order) instead of keeping it: the report returned has
    /// no `branches`.
    pub fn finish_each(mut self, mut each: impl FnMut(BranchReport)) -> SupervisionReport {
        let head = self.head();
        let Some(run) = self.run.take() else {
            let issues = self.sink.finish().0;
            return assemble(head, self.counts, None, issues);
        };
        match &self.shard {
            None => super::names::merge(&mut self.index, &mut self.branches, &run),
            Some(shard) => {
                let coded = shard.settle(&mut self.index, &mut self.branches);
                super::names::merge_into(&mut self.index, &mut self.branches, &run, &coded);
            }
        }
        let (from, _, as_of) = super::setup::written(&run.days);
        let judge = Judge {
            thresholds: &self.thresholds,
            from: &from,
            as_of: &as_of,
            locale: run.locale,
        };
        let mut summary = Summary::new(&run.days, run.locale);
        for slot in std::mem::take(&mut self.index).into_values() {
            let Some(state) = self.branches.get_mut(slot).and_then(Option::take) else {
                continue;
            };
            let mut b = state.finish(&run, &self.symbols);
            b.attention = checks::attention(&b, &judge);
            summary.add(&b);
            each(b);
        }
        let parts = summary.finish();
        let days = Some((run.days, parts));
        assemble(head, self.counts, days, self.sink.finish().0)
    }
}

/// What a report says before its branches: version, days, locale and the
/// attention thresholds.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ReportHead {
    /// Shape version, [`SUPERVISION_REPORT_VERSION`].
    pub report_version: u32,
    /// The day the report looks from.
    pub as_of: String,
    /// First day of the period (empty when the options are invalid).
    pub from: String,
    /// Last day of the period.
    pub to: String,
    /// Locale of messages and titles.
    pub locale: String,
    /// The thresholds the attention list was drawn with.
    pub attention_settings: Thresholds,
}

/// The report from its parts (`days` absent when the options were wrong).
pub(super) fn assemble(
    head: ReportHead,
    mut counts: SupervisionCounts,
    days: Option<(input::Days, summary::Parts)>,
    issues: Vec<Issue>,
) -> SupervisionReport {
    let locale = Locale::parse(&head.locale).unwrap_or_default();
    let (months, quarters, parts) = match days {
        Some((d, parts)) => (
            summary::heads(&d, Period::Month, locale),
            summary::heads(&d, Period::Quarter, locale),
            Some(parts),
        ),
        None => (Vec::new(), Vec::new(), None),
    };
    let parts = parts.unwrap_or_else(|| Summary::empty(locale));
    counts.branches = parts.branches;
    counts.needing_attention = parts.attention.len();
    SupervisionReport {
        head,
        counts,
        months,
        quarters,
        branches: Vec::new(),
        ranking: parts.ranking,
        attention: parts.attention,
        overdue: parts.overdue,
        distributions: parts.distributions,
        totals: parts.totals,
        issues,
    }
}

fn validate_options(role: Role, run: &Run) -> ValidateOptions {
    ValidateOptions {
        // The checklist's report explains every lost point; the others' totals suffice.
        detail: if role == Role::Checklist {
            Detail::Full
        } else {
            Detail::Summary
        },
        locale: run.locale,
        today: Some(run.today.clone()),
        ..ValidateOptions::default()
    }
}

/// The codes (each once, in report order) and number of the errors that keep
/// a record from counting: every error, except a joint review's verdict,
/// which is the review's result.
fn errors(report: &Report, role: Role) -> (Vec<String>, usize) {
    let mut codes: Vec<String> = Vec::new();
    let mut n = 0;
    for i in report
        .issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
    {
        if role == Role::Candidate && VERDICT_CODES.contains(&i.code.as_str()) {
            continue;
        }
        n += 1;
        if !codes.contains(&i.code) {
            codes.push(i.code.clone());
        }
    }
    (codes, n)
}
