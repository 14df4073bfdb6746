//! The verdict on one candidate: 通过 only when every department has answered
//! clear and the record has no error; 建议不予提名 when any department flags a
//! negative-list item (inside its time window); 待审 otherwise.

mod identity;
mod summary;

use super::messages;
use super::settings::ReviewSettings;
use super::words;
use crate::ident::citizen_id::{parse_iso_date, years_between};
use crate::lookup::At;
use dangjian_core::dates::Date;
use dangjian_core::number::Num;
use dangjian_core::{Form, Locale, Report, Severity, ValidateOptions};
use identity::{identity_blockers, runs_enterprise};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use summary::finish;

/// The three outcomes of a joint review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VerdictStatus {
    /// 通过: every department answered clear and the record has no error.
    Pass,
    /// 待审: a department has not answered, or the record has errors to correct.
    Pending,
    /// 建议不予提名: a department flagged a negative-list item.
    NotNominated,
}

impl VerdictStatus {
    /// `pass`, `pending` or `not_nominated`.
    pub fn as_str(self) -> &'static str {
        match self {
            VerdictStatus::Pass => "pass",
            VerdictStatus::Pending => "pending",
            VerdictStatus::NotNominated => "not_nominated",
        }
    }

    /// 通过 / 待审 / 建议不予提名, or the English words.
    pub fn title(self, locale: Locale) -> &'static str {
        match self {
            VerdictStatus::Pass => messages::word("verdict.pass", locale),
            VerdictStatus::Pending => messages::word("verdict.pending", locale),
            VerdictStatus::NotNominated => messages::word("verdict.not_nominated", locale),
        }
    }
}

/// The verdict and every reason for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    /// The outcome.
    pub status: VerdictStatus,
    /// The outcome in words (通过 / 待审 / 建议不予提名).
    pub title: String,
    /// One sentence naming the departments and items behind the outcome.
    pub summary: String,
    /// Departments that flagged items that count.
    pub flags: Vec<Flag>,
    /// Flags whose items all fall outside their time windows: reported, not counted.
    pub discounted: Vec<Flag>,
    /// Departments still to answer (a `pending` answer, or no answer at all).
    pub outstanding: Vec<Outstanding>,
    /// Errors in the record that keep the verdict from 通过.
    pub blocking: Vec<Blocker>,
    /// Departments that answered clear.
    pub cleared: Vec<String>,
}

/// A department's flag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    /// JSON Pointer of the answer, e.g. `/review/departments/3`.
    pub path: String,
    /// Department id.
    pub department: String,
    /// Department name.
    pub department_title: String,
    /// The items it found (those that count; for a discounted flag, all of them).
    pub items: Vec<Finding>,
}

/// One negative-list item a department found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// JSON Pointer of the finding.
    pub path: String,
    /// Negative-list item id.
    pub item: String,
    /// The item in words.
    pub title: String,
    /// The dated event, if any (e.g. `criminal_sentence`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// Its date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_date: Option<String>,
    /// The window of the event, in years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_years: Option<Num>,
    /// False when the event is outside its window.
    pub counts: bool,
}

/// A department that has not answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outstanding {
    /// Department id.
    pub department: String,
    /// Department name.
    pub title: String,
    /// JSON Pointer of its `pending` answer; absent when it has no answer at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// An error in the record that keeps the verdict from 通过.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Blocker {
    /// JSON Pointer into the record.
    pub path: String,
    /// Issue code, as in the validation report.
    pub code: String,
    /// Message.
    pub message: String,
    /// True when only the validation report knows it (see [`verdict_with_report`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub from_report: bool,
}

/// How to compute a verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct VerdictOptions {
    /// Today's date: for birth dates in the future, and for windows and ages
    /// when the record gives no election day.
    pub today: Option<Date>,
    /// Language of titles and messages.
    pub locale: Locale,
}

/// Issue codes of the verdict itself, which never block it.
pub const VERDICT_CODES: [&str; 5] = [
    "review.flag",
    "review.pending",
    "review.verdict_pending",
    "review.verdict_not_nominated",
    "review.department_missing",
];

fn text<'a>(v: &'a Value, pointer: &str) -> Option<&'a str> {
    v.at(pointer)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn list<'a>(v: &'a Value, pointer: &str) -> &'a [Value] {
    v.at(pointer)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// The day ages and windows are counted to: the election day, else today.
pub fn reference_date(record: &Value, today: Option<Date>) -> Option<Date> {
    text(record, "/election/election_date")
        .and_then(parse_iso_date)
        .or(today)
}

/// The ids of the items of a finding list that count, and whether the row counts at all.
pub(crate) fn findings(
    row: &Value,
    row_path: &str,
    settings: &ReviewSettings,
    on: Option<Date>,
    locale: Locale,
) -> Vec<Finding> {
    list(row, "/findings")
        .iter()
        .enumerate()
        .filter_map(|(j, f)| {
            let item = text(f, "/item")?.to_owned();
            let event = text(f, "/event").map(str::to_owned);
            let event_date = text(f, "/event_date").map(str::to_owned);
            let window_years = event.as_deref().and_then(|e| settings.window_years(e));
            Some(Finding {
                path: format!("{row_path}/findings/{j}"),
                title: words::item(settings, &item, locale),
                counts: finding_counts(window_years, event_date.as_deref(), on),
                item,
                event,
                event_date,
                window_years: window_years.map(Num::round2),
            })
        })
        .collect()
}

/// True unless the finding's dated event lies at least its window before `on`.
pub(crate) fn finding_counts(
    window_years: Option<f64>,
    event_date: Option<&str>,
    on: Option<Date>,
) -> bool {
    let (Some(years), Some(date), Some(on)) =
        (window_years, event_date.and_then(parse_iso_date), on)
    else {
        return true;
    };
    #[allow(clippy::cast_precision_loss)]
    let elapsed = years_between(date, on) as f64;
    elapsed < years
}

/// A row counts as a flag when it names no item, or when any item counts.
pub(crate) fn row_counts(findings: &[Finding]) -> bool {
    findings.is_empty() || findings.iter().any(|f| f.counts)
}

/// The verdict on one candidate-review record, from its answers and the record's
/// identity data. `settings` are the form's settings (`Form::settings()`).
///
/// This sees the errors it can compute from the record itself (citizen ID
/// number, declared birth date and gender, age, credit code); use
/// [`verdict_with_report`] or [`assess`] to also count every other error of the
/// validation report.
pub fn verdict(record: &Value, settings: &Value, options: &VerdictOptions) -> Verdict {
    verdict_in(record, &ReviewSettings::from_values(settings), options)
}

/// [`verdict`] with the settings already read.
pub(crate) fn verdict_in(record: &Value, s: &ReviewSettings, options: &VerdictOptions) -> Verdict {
    let locale = options.locale;
    let on = reference_date(record, options.today);
    let mut flags = Vec::new();
    let mut discounted = Vec::new();
    let mut outstanding = Vec::new();
    let mut cleared = Vec::new();
    let rows = list(record, "/review/departments");
    for (i, row) in rows.iter().enumerate() {
        let path = format!("/review/departments/{i}");
        let Some(dept) = text(row, "/department") else {
            continue;
        };
        let title = words::department(s, dept, locale);
        match text(row, "/result") {
            Some("clear") => cleared.push(dept.to_owned()),
            Some("flag") => {
                let found = findings(row, &path, s, on, locale);
                let counts = row_counts(&found);
                let items: Vec<Finding> = if counts && !found.is_empty() {
                    found.into_iter().filter(|f| f.counts).collect()
                } else {
                    found
                };
                let flag = Flag {
                    path,
                    department: dept.to_owned(),
                    department_title: title,
                    items,
                };
                if counts {
                    flags.push(flag);
                } else {
                    discounted.push(flag);
                }
            }
            _ => outstanding.push(Outstanding {
                department: dept.to_owned(),
                title,
                path: Some(path),
            }),
        }
    }
    for d in s.required_departments(runs_enterprise(record)) {
        let answered = rows
            .iter()
            .any(|r| text(r, "/department") == Some(d.id.as_str()));
        if !answered {
            outstanding.push(Outstanding {
                department: d.id.clone(),
                title: words::department(s, &d.id, locale),
                path: None,
            });
        }
    }
    let mut blocking = identity_blockers(record, s, options.today, on, locale);
    if rows.is_empty() && s.departments.is_empty() {
        let message = messages::word("blocker.no_answers", locale).to_owned();
        blocking.push(Blocker {
            path: "/review/departments".into(),
            code: "review.no_answers".into(),
            message,
            from_report: false,
        });
    }
    finish(
        Verdict {
            status: VerdictStatus::Pending,
            title: String::new(),
            summary: String::new(),
            flags,
            discounted,
            outstanding,
            blocking,
            cleared,
        },
        locale,
    )
}

/// Like [`verdict`], and every error of `report` (other than the verdict's own
/// issues) also keeps the verdict from 通过. Messages come from the report.
pub fn verdict_with_report(
    record: &Value,
    settings: &Value,
    options: &VerdictOptions,
    report: &Report,
) -> Verdict {
    let mut v = verdict(record, settings, options);
    for issue in report
        .issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
    {
        if VERDICT_CODES.contains(&issue.code.as_str()) {
            continue;
        }
        if let Some(b) = v
            .blocking
            .iter_mut()
            .find(|b| b.path == issue.path && b.code == issue.code)
        {
            b.message.clone_from(&issue.message);
        } else {
            v.blocking.push(Blocker {
                path: issue.path.clone(),
                code: issue.code.clone(),
                message: issue.message.clone(),
                from_report: true,
            });
        }
    }
    finish(v, options.locale)
}

/// Like [`verdict`], and every error code of the validation report (other than
/// the verdict's own) also keeps the verdict from 通过 — what the form's
/// `verdict` outcome computes from `$error_codes`. A code the verdict already
/// counts itself (a wrong check character of the ID number) is not counted twice.
pub fn verdict_with_codes(
    record: &Value,
    settings: &Value,
    options: &VerdictOptions,
    codes: &[&str],
) -> Verdict {
    with_codes(verdict(record, settings, options), codes, options.locale)
}

/// Adds the blocking codes of `codes` to a verdict, as [`verdict_with_codes`] does.
pub(crate) fn with_codes(mut v: Verdict, codes: &[&str], locale: Locale) -> Verdict {
    let mut own: Vec<&str> = v.blocking.iter().map(|b| b.code.as_str()).collect();
    let mut reported = Vec::new();
    for &code in codes {
        if VERDICT_CODES.contains(&code) {
            continue;
        }
        if let Some(i) = own.iter().position(|c| *c == code) {
            own.swap_remove(i);
            continue;
        }
        reported.push(Blocker {
            path: String::new(),
            code: code.to_owned(),
            message: code.to_owned(),
            from_report: true,
        });
    }
    v.blocking.extend(reported);
    finish(v, locale)
}

/// Validates a candidate-review record with `form` and gives the report and the
/// verdict together — what the CLI and the npm package show.
pub fn assess(form: &Form, record: &Value, options: &ValidateOptions) -> (Report, Verdict) {
    let report = form.validate(record, options);
    let vo = VerdictOptions {
        today: options.today.as_deref().and_then(parse_iso_date),
        locale: options.locale,
    };
    let v = verdict_with_report(record, form.settings(), &vo, &report);
    (report, v)
}
