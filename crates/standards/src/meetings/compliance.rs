//! Annual compliance of a branch's meetings ("一月一调度、一季度一检查"): given
//! all the minutes of one branch for a year or a date range, what was held in
//! each month, quarter, half-year and year, and what is missing.
//!
//! The frequencies are data ([`Requirement`]s in [`ComplianceOptions`]); the
//! defaults follow 《中国共产党支部工作条例（试行）》. A county with other
//! frequencies passes its own list, with no code change.
//!
//! Each record is first checked with the `meeting-minutes` form: by default
//! ([`MinutesCheck::ExcludeInvalid`]) a record with errors — an inquorate
//! general meeting, minutes without an agenda — is not counted as held, and
//! every period lists such records (`invalid`) so that inspectors see why.

use super::fixed_day::FixedDay;
use super::period::{Period, Span};
use crate::lookup::At;
use chrono::{Datelike, NaiveDate};
use dangjian_core::{Detail, Form, Locale, Severity, Text, ValidateOptions};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// Id of the form every record is checked with.
pub const MINUTES_FORM_ID: &str = "meeting-minutes";

/// Version of the [`ComplianceReport`] JSON shape.
pub const COMPLIANCE_REPORT_VERSION: u32 = 1;

/// What to check: the period, the locale, the required frequencies and how the
/// records themselves are checked.
///
/// As JSON: `{"year": 2026}` or `{"from": "2026-01-01", "to": "2026-06-30"}`, with
/// optional `today`, `locale`, `requirements`, `minutes_check` and
/// `minutes_settings` (the defaults when absent). Unknown names are refused, so a
/// misspelt option never silently keeps its default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ComplianceOptions {
    /// A calendar year to check; ignored when `from` and `to` are given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// First day of the range (`YYYY-MM-DD`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Last day of the range (`YYYY-MM-DD`, inclusive).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Today's date: periods not yet over are reported as open instead of missing.
    /// The check never reads a clock; without it every period is judged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub today: Option<String>,
    /// Language of messages and titles.
    pub locale: Locale,
    /// The required frequencies, per meeting type.
    pub requirements: Vec<Requirement>,
    /// Whether each record is validated with the `meeting-minutes` form, and
    /// whether a record with errors counts as held (default: it does not).
    pub minutes_check: MinutesCheck,
    /// Settings of the `meeting-minutes` form for that check (`{name: value}`,
    /// e.g. `{"majority_strict": false}`); default: the built-in form's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minutes_settings: Option<Map<String, Value>>,
}

impl Default for ComplianceOptions {
    fn default() -> Self {
        ComplianceOptions {
            year: None,
            from: None,
            to: None,
            today: None,
            locale: Locale::ZhCn,
            requirements: default_requirements(),
            minutes_check: MinutesCheck::default(),
            minutes_settings: None,
        }
    }
}

/// How the records themselves are checked before they are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MinutesCheck {
    /// Validate each record; one with errors is not counted as held, and is
    /// listed under its period (`invalid`) with a `compliance.invalid_record`
    /// warning. The default: minutes that do not stand up (an inquorate general
    /// meeting) are not a meeting held.
    #[default]
    ExcludeInvalid,
    /// Validate each record; one with errors still counts as held, but is listed
    /// and warned about in the same way.
    CountInvalid,
    /// Do not validate: any record with a meeting type and a date counts.
    Off,
}

impl ComplianceOptions {
    /// The default frequencies, for one calendar year.
    pub fn for_year(year: i32) -> Self {
        ComplianceOptions {
            year: Some(year),
            ..ComplianceOptions::default()
        }
    }

    /// The default frequencies, for `from..=to` (`YYYY-MM-DD`).
    pub fn for_range(from: &str, to: &str) -> Self {
        ComplianceOptions {
            from: Some(from.to_owned()),
            to: Some(to.to_owned()),
            ..ComplianceOptions::default()
        }
    }
}

/// One required frequency: at least `min` meetings matching `counts` in every `period`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Requirement {
    /// Stable id, e.g. `general_meeting`; issues name it.
    pub id: String,
    /// What must be held, e.g. 支部党员大会.
    pub title: Text,
    /// How often.
    pub period: Period,
    /// Fewest meetings in each period.
    pub min: u32,
    /// False leaves the requirement out (e.g. a branch without a committee).
    #[serde(default = "enabled_by_default")]
    pub enabled: bool,
    /// A record counts when any of these matches it.
    pub counts: Vec<Matcher>,
    /// The day the meetings are held on (主题党日: a fixed day each month); a
    /// counted meeting on another day gets a `compliance.not_fixed_day` warning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_day: Option<FixedDay>,
    /// Months (1–12) in which the meetings are usually held (组织生活会: the fourth
    /// quarter); a period that is over whose meetings all fall outside them gets
    /// a `compliance.unusual_time` warning. Empty: any month.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub usual_months: Vec<u32>,
    /// Where the frequency comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

fn enabled_by_default() -> bool {
    true
}

/// Which minutes count towards a requirement: a meeting type, and optionally
/// values other fields must have (keys are JSON Pointers into the record).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Matcher {
    /// The value of `/meeting/type`, e.g. `committee`.
    #[serde(rename = "type")]
    pub meeting_type: String,
    /// Further fields that must hold these values, e.g. `{"/lecture/lecturer_role": "secretary"}`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, Value>,
}

impl Matcher {
    fn of_type(meeting_type: &str) -> Matcher {
        Matcher {
            meeting_type: meeting_type.to_owned(),
            fields: BTreeMap::new(),
        }
    }

    fn with(meeting_type: &str, pointer: &str, value: &str) -> Matcher {
        let mut fields = BTreeMap::new();
        fields.insert(pointer.to_owned(), Value::String(value.to_owned()));
        Matcher {
            meeting_type: meeting_type.to_owned(),
            fields,
        }
    }

    /// True when `record` (of type `meeting_type`) matches.
    fn matches(&self, meeting_type: &str, record: &Value) -> bool {
        self.meeting_type == meeting_type
            && self
                .fields
                .iter()
                .all(|(ptr, want)| record.at(ptr) == Some(want))
    }
}

/// The frequencies of 《中国共产党支部工作条例（试行）》 and local practice (domain rules §1).
pub fn default_requirements() -> Vec<Requirement> {
    const BRANCH_RULES: &str = "[C] 中国共产党支部工作条例（试行）";
    let org_life_as = |held_as: &str| Matcher::with("org_life", "/meeting/held_as", held_as);
    let req = |id: &str, zh: &str, en: &str, period: Period, counts: Vec<Matcher>, source: &str| {
        Requirement {
            id: id.to_owned(),
            title: Text::new(zh, en),
            period,
            min: 1,
            enabled: true,
            counts,
            fixed_day: None,
            usual_months: Vec::new(),
            source: Some(source.to_owned()),
        }
    };
    let mut party_tuesday = req(
        "party_tuesday",
        "党建星期二联合活动",
        "Party-building Tuesday",
        Period::Week,
        vec![Matcher::of_type("party_tuesday")],
        "[L] 里水镇“党建星期二”工作制度（seed 000）；仅适用于结对的镇、村党组织",
    );
    party_tuesday.enabled = false;
    let mut theme_day = req(
        "theme_day",
        "主题党日",
        "Theme party day",
        Period::Month,
        vec![Matcher::of_type("theme_day")],
        "[C] 中国共产党支部工作条例（试行）：每月相对固定一天开展主题党日；[L] 固定日期",
    );
    theme_day.fixed_day = Some(FixedDay::default());
    let mut org_life = req(
        "org_life",
        "组织生活会",
        "Organisational life meeting",
        Period::Year,
        vec![Matcher::of_type("org_life")],
        "[C] 中国共产党支部工作条例（试行）：组织生活会一般每年召开1次，多安排在第四季度",
    );
    org_life.usual_months = vec![10, 11, 12];
    vec![
        req(
            "general_meeting",
            "支部党员大会",
            "General meeting",
            Period::Quarter,
            vec![
                Matcher::of_type("general_meeting"),
                org_life_as("general_meeting"),
            ],
            BRANCH_RULES,
        ),
        req(
            "committee",
            "支部委员会会议",
            "Committee meeting",
            Period::Month,
            vec![Matcher::of_type("committee"), org_life_as("committee")],
            BRANCH_RULES,
        ),
        req(
            "party_group",
            "党小组会",
            "Party-group meeting",
            Period::Month,
            vec![Matcher::of_type("party_group"), org_life_as("party_group")],
            BRANCH_RULES,
        ),
        req(
            "party_lecture",
            "党课",
            "Party lecture",
            Period::Quarter,
            vec![Matcher::of_type("party_lecture")],
            "[C] 中国共产党支部工作条例（试行）；[L] 部分地方为每半年",
        ),
        req(
            "secretary_lecture",
            "支部书记讲党课",
            "Party lecture by the secretary",
            Period::Year,
            vec![Matcher::with(
                "party_lecture",
                "/lecture/lecturer_role",
                "secretary",
            )],
            BRANCH_RULES,
        ),
        theme_day,
        org_life,
        req(
            "evaluation",
            "民主评议党员",
            "Democratic evaluation of members",
            Period::Year,
            vec![Matcher::of_type("evaluation")],
            BRANCH_RULES,
        ),
        req(
            "talk_committee_committee",
            "支委之间谈心谈话",
            "Talks between committee members",
            Period::Year,
            vec![Matcher::with(
                "talk",
                "/talk/pair_type",
                "committee_committee",
            )],
            BRANCH_RULES,
        ),
        req(
            "talk_committee_member",
            "支委与党员谈心谈话",
            "Talks between committee members and members",
            Period::Year,
            vec![Matcher::with("talk", "/talk/pair_type", "committee_member")],
            BRANCH_RULES,
        ),
        req(
            "talk_member_member",
            "党员之间谈心谈话",
            "Talks between members",
            Period::Year,
            vec![Matcher::with("talk", "/talk/pair_type", "member_member")],
            BRANCH_RULES,
        ),
        party_tuesday,
    ]
}

/// The minutes and the options together, as one JSON document:
/// `{"year": 2026, "locale": "zh-CN", "minutes": [...]}`. Names other than
/// `minutes` and those of [`ComplianceOptions`] are refused.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComplianceInput {
    /// Meeting-minutes records of one branch.
    #[serde(default)]
    pub minutes: Vec<Value>,
    /// Period, locale and frequencies.
    #[serde(flatten)]
    pub options: ComplianceOptions,
}

impl<'de> Deserialize<'de> for ComplianceInput {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // `flatten` would let unknown names through: take `minutes` out by hand.
        let mut map = Map::<String, Value>::deserialize(deserializer)?;
        let minutes = match map.remove("minutes") {
            None | Some(Value::Null) => Vec::new(),
            Some(v) => serde_json::from_value(v).map_err(serde::de::Error::custom)?,
        };
        let options =
            serde_json::from_value(Value::Object(map)).map_err(serde::de::Error::custom)?;
        Ok(ComplianceInput { minutes, options })
    }
}

/// The annual compliance report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComplianceReport {
    /// Shape version, [`COMPLIANCE_REPORT_VERSION`].
    pub report_version: u32,
    /// First day checked (empty when the range is invalid).
    pub from: String,
    /// Last day checked.
    pub to: String,
    /// Locale of messages and titles.
    pub locale: String,
    /// True when no period of any requirement is missing and the range is valid.
    pub compliant: bool,
    /// Totals.
    pub counts: ComplianceCounts,
    /// Each enabled requirement with its periods.
    pub requirements: Vec<RequirementResult>,
    /// Every missing period and unreadable record, in requirement then period order.
    pub issues: Vec<ComplianceIssue>,
}

/// Totals of a compliance report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ComplianceCounts {
    /// Records given.
    pub records: usize,
    /// Records dated inside the range.
    pub in_range: usize,
    /// Records dated outside the range (ignored).
    pub outside_range: usize,
    /// Records without a meeting type or a valid date (ignored).
    pub unreadable: usize,
    /// Records in the range whose validation with the `meeting-minutes` form found
    /// errors (not counted as held unless `minutes_check` is `count_invalid`).
    pub invalid_records: usize,
    /// Periods judged (met or missing).
    pub periods_judged: usize,
    /// Periods with enough meetings.
    pub periods_met: usize,
    /// Periods without enough meetings.
    pub periods_missing: usize,
    /// Issues of severity error.
    pub errors: usize,
    /// Issues of severity warning.
    pub warnings: usize,
}

/// One requirement over the whole range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequirementResult {
    /// Requirement id.
    pub id: String,
    /// What must be held, in the report's locale.
    pub title: String,
    /// How often.
    pub period: Period,
    /// Fewest meetings per period.
    pub min: u32,
    /// The frequency as people read it: 每季度至少 1 次.
    pub frequency: String,
    /// Meetings counted in the range.
    pub held: usize,
    /// Matching records with errors in the range (see [`PeriodResult::invalid`]).
    pub invalid: usize,
    /// Periods missing.
    pub missing: usize,
    /// Every period overlapping the range.
    pub periods: Vec<PeriodResult>,
}

/// One period of one requirement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodResult {
    /// Stable key: `2026-03`, `2026-Q2`, `2026-H1`, `2026`, `2026-W05`.
    pub key: String,
    /// The period as people read it.
    pub label: String,
    /// First day.
    pub from: String,
    /// Last day.
    pub to: String,
    /// Meetings counted.
    pub held: usize,
    /// Their dates, in record order.
    pub dates: Vec<String>,
    /// Their indexes in the list of minutes.
    pub records: Vec<usize>,
    /// Matching records whose minutes have errors: held, but not counted (unless
    /// `minutes_check` is `count_invalid`, when they are counted and also listed here).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invalid: Vec<InvalidRecord>,
    /// The verdict.
    pub status: PeriodStatus,
}

/// A record whose minutes have errors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvalidRecord {
    /// Index in the list of minutes.
    pub record: usize,
    /// The meeting's date.
    pub date: String,
    /// Number of errors.
    pub errors: usize,
    /// Their codes, each once, in the order of the report (`minutes.quorum`, …).
    pub codes: Vec<String>,
}

/// The verdict on one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodStatus {
    /// Enough meetings were held.
    Met,
    /// Too few meetings, and the period is over: a frequency violation.
    Missing,
    /// Too few so far, but the period holds `today`.
    Open,
    /// The period starts after `today`.
    Future,
    /// Too few, but the period lies partly outside the range, so it is not judged.
    Partial,
}

/// A finding of the compliance check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComplianceIssue {
    /// JSON Pointer into the input (`/minutes/3/meeting/date`), or `""` for a missing period.
    pub path: String,
    /// Stable code: `compliance.missing`, `compliance.invalid_record`,
    /// `compliance.unreadable_record`, `compliance.not_fixed_day`,
    /// `compliance.unusual_time`, `compliance.invalid_range` or `compliance.minutes_form`.
    pub code: String,
    /// Error or warning.
    pub severity: Severity,
    /// Localized message.
    pub message: String,
    /// Values the message was built from (`requirement`, `period`, `min`, `held`, …).
    pub params: Map<String, Value>,
}

/// Checks the minutes of one branch against the required frequencies, each
/// record validated with the built-in `meeting-minutes` form (with
/// `options.minutes_settings`) unless `options.minutes_check` is `off`.
/// Never fails: a bad range, record or setting is an issue in the report.
pub fn compliance(minutes: &[Value], options: &ComplianceOptions) -> ComplianceReport {
    if options.minutes_check == MinutesCheck::Off {
        return run(minutes, options, None, Vec::new());
    }
    let mut issues = Vec::new();
    let form = minutes_form(options, &mut issues);
    run(minutes, options, form.as_ref(), issues)
}

/// Like [`compliance`], with the records validated by `form` (a `meeting-minutes`
/// form the caller has compiled, e.g. once for many branches, with its own
/// settings); `options.minutes_settings` is not read.
pub fn compliance_with_form(
    minutes: &[Value],
    options: &ComplianceOptions,
    form: &Form,
) -> ComplianceReport {
    let form = (options.minutes_check != MinutesCheck::Off).then_some(form);
    run(minutes, options, form, Vec::new())
}

/// The built-in minutes form with the options' settings, or `None` after recording why not.
fn minutes_form(options: &ComplianceOptions, issues: &mut Vec<ComplianceIssue>) -> Option<Form> {
    let locale = options.locale;
    let mut fail = |detail: String| {
        issues.push(issue(
            "/minutes_settings",
            "compliance.minutes_form",
            Severity::Error,
            locale,
            (
                "无法用会议记录表单检查各份记录：{detail}",
                "The records cannot be checked with the meeting-minutes form: {detail}",
            ),
            json!({"detail": detail}),
        ));
        None
    };
    let form = match crate::compile_builtin(&crate::engine(), MINUTES_FORM_ID) {
        Some(Ok(form)) => form,
        Some(Err(e)) => return fail(spec_detail(&e, locale)),
        None => return fail(MINUTES_FORM_ID.to_owned()),
    };
    match &options.minutes_settings {
        Some(settings) if !settings.is_empty() => match form.with_settings(settings) {
            Ok(f) => Some(f),
            Err(e) => fail(spec_detail(&e, locale)),
        },
        _ => Some(form),
    }
}

fn spec_detail(e: &dangjian_core::SpecError, locale: Locale) -> String {
    let parts: Vec<String> = e
        .diagnostics
        .iter()
        .map(|d| format!("{} [{}]", d.message(locale), d.code))
        .collect();
    parts.join("; ")
}

/// A record in the range, with what its validation found.
struct Readable<'a> {
    index: usize,
    kind: &'a str,
    date: NaiveDate,
    /// Present when the minutes have errors.
    invalid: Option<InvalidRecord>,
}

fn run(
    minutes: &[Value],
    options: &ComplianceOptions,
    form: Option<&Form>,
    mut issues: Vec<ComplianceIssue>,
) -> ComplianceReport {
    let locale = options.locale;
    let mut counts = ComplianceCounts {
        records: minutes.len(),
        ..ComplianceCounts::default()
    };
    let Some((from, to)) = range(options, locale, &mut issues) else {
        return finish(
            String::new(),
            String::new(),
            locale,
            counts,
            Vec::new(),
            issues,
        );
    };
    let today = options.today.as_deref().and_then(parse_date);
    let validate_options = ValidateOptions {
        detail: Detail::Summary,
        locale,
        today: today.map(|t| t.format("%Y-%m-%d").to_string()),
        ..ValidateOptions::default()
    };
    let count_invalid = options.minutes_check == MinutesCheck::CountInvalid;

    let mut readable: Vec<Readable<'_>> = Vec::with_capacity(minutes.len());
    for (i, record) in minutes.iter().enumerate() {
        let kind = record
            .at("/meeting/type")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty());
        let date = record
            .at("/meeting/date")
            .and_then(Value::as_str)
            .and_then(parse_date);
        match (kind, date) {
            (Some(k), Some(d)) if d >= from && d <= to => {
                let invalid = form.and_then(|f| invalid_record(f, record, i, d, &validate_options));
                if let Some(bad) = &invalid {
                    counts.invalid_records += 1;
                    issues.push(invalid_issue(bad, k, count_invalid, locale));
                }
                readable.push(Readable {
                    index: i,
                    kind: k,
                    date: d,
                    invalid,
                });
            }
            (Some(_), Some(_)) => counts.outside_range += 1,
            (k, _) => {
                counts.unreadable += 1;
                let field = if k.is_none() { "type" } else { "date" };
                issues.push(issue(
                    &format!("/minutes/{i}/meeting/{field}"),
                    "compliance.unreadable_record",
                    Severity::Warning,
                    locale,
                    (
                        "第 {n} 份记录缺少会议类型或有效日期，未计入",
                        "Record {n} has no meeting type or valid date and was not counted.",
                    ),
                    json!({"n": i + 1, "index": i}),
                ));
            }
        }
    }
    counts.in_range = readable.len();

    let mut results = Vec::new();
    for req in options.requirements.iter().filter(|r| r.enabled) {
        let spans = req.period.spans(from, to);
        let mut periods: Vec<PeriodResult> = spans
            .iter()
            .map(|span| PeriodResult {
                key: span.key(),
                label: span.label(locale),
                from: span.from.format("%Y-%m-%d").to_string(),
                to: span.to.format("%Y-%m-%d").to_string(),
                held: 0,
                dates: Vec::new(),
                records: Vec::new(),
                invalid: Vec::new(),
                status: PeriodStatus::Missing,
            })
            .collect();
        let mut held = 0;
        let mut invalid = 0;
        // (record index, date) of every meeting counted, for the fixed-day check.
        let mut counted: Vec<(usize, NaiveDate, usize)> = Vec::new();
        for r in &readable {
            let Some(record) = minutes.get(r.index) else {
                continue;
            };
            if !req.counts.iter().any(|m| m.matches(r.kind, record)) {
                continue;
            }
            let Some(slot) = spans
                .iter()
                .position(|s| s.from <= r.date && r.date <= s.to)
            else {
                continue;
            };
            let Some(p) = periods.get_mut(slot) else {
                continue;
            };
            if let Some(bad) = &r.invalid {
                p.invalid.push(bad.clone());
                invalid += 1;
                if !count_invalid {
                    continue;
                }
            }
            p.held += 1;
            p.dates.push(r.date.format("%Y-%m-%d").to_string());
            p.records.push(r.index);
            held += 1;
            counted.push((r.index, r.date, slot));
        }
        let mut missing = 0;
        for (p, span) in periods.iter_mut().zip(&spans) {
            p.status = verdict(p.held, req.min, span, from, to, today);
            match p.status {
                PeriodStatus::Met => {
                    counts.periods_judged += 1;
                    counts.periods_met += 1;
                }
                PeriodStatus::Missing => {
                    counts.periods_judged += 1;
                    counts.periods_missing += 1;
                    missing += 1;
                    issues.push(missing_issue(req, p, locale));
                }
                PeriodStatus::Open | PeriodStatus::Future | PeriodStatus::Partial => {}
            }
        }
        if let Some(fixed) = &req.fixed_day {
            fixed_day_issues(req, fixed, &counted, locale, &mut issues);
        }
        if !req.usual_months.is_empty() {
            for (slot, (p, span)) in periods.iter().zip(&spans).enumerate() {
                let over = today.is_none_or(|t| span.to < t) && span.within(from, to);
                let in_slot: Vec<NaiveDate> = counted
                    .iter()
                    .filter(|c| c.2 == slot)
                    .map(|c| c.1)
                    .collect();
                let usual = in_slot
                    .iter()
                    .any(|d| req.usual_months.contains(&d.month()));
                if over && !in_slot.is_empty() && !usual {
                    issues.push(unusual_issue(req, p, &in_slot, locale));
                }
            }
        }
        results.push(RequirementResult {
            id: req.id.clone(),
            title: req.title.get(locale).to_owned(),
            period: req.period,
            min: req.min,
            frequency: frequency(req.period, req.min, locale),
            held,
            invalid,
            missing,
            periods,
        });
    }
    finish(
        from.format("%Y-%m-%d").to_string(),
        to.format("%Y-%m-%d").to_string(),
        locale,
        counts,
        results,
        issues,
    )
}

/// What validation of one record found, or `None` when it has no error.
fn invalid_record(
    form: &Form,
    record: &Value,
    index: usize,
    date: NaiveDate,
    options: &ValidateOptions,
) -> Option<InvalidRecord> {
    let report = form.validate(record, options);
    if report.valid {
        return None;
    }
    let mut codes: Vec<String> = Vec::new();
    for i in report
        .issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
    {
        if !codes.contains(&i.code) {
            codes.push(i.code.clone());
        }
    }
    Some(InvalidRecord {
        record: index,
        date: date.format("%Y-%m-%d").to_string(),
        errors: report.counts.errors,
        codes,
    })
}

fn invalid_issue(
    bad: &InvalidRecord,
    kind: &str,
    counted: bool,
    locale: Locale,
) -> ComplianceIssue {
    let text = if counted {
        (
            "第 {n} 份记录（{date}）有 {errors} 个错误（{codes}），仍按已召开计入",
            "Record {n} ({date}) has {errors} error(s) ({codes}); counted as held all the same.",
        )
    } else {
        (
            "第 {n} 份记录（{date}）有 {errors} 个错误（{codes}），不计为已召开",
            "Record {n} ({date}) has {errors} error(s) ({codes}) and is not counted as held.",
        )
    };
    issue(
        &format!("/minutes/{}", bad.record),
        "compliance.invalid_record",
        Severity::Warning,
        locale,
        text,
        json!({
            "n": bad.record + 1,
            "index": bad.record,
            "date": bad.date,
            "type": kind,
            "errors": bad.errors,
            "codes": bad.codes.join(", "),
            "counted": counted,
        }),
    )
}

fn missing_issue(req: &Requirement, p: &PeriodResult, locale: Locale) -> ComplianceIssue {
    let text = if p.invalid.is_empty() {
        (
            "{period}{title}未达到要求：应{frequency}至少 {min} 次，实有 {held} 次",
            "{title}: {held} held in {period}; at least {min} {frequency} required.",
        )
    } else {
        (
            "{period}{title}未达到要求：应{frequency}至少 {min} 次，实有 {held} 次（另有 {invalid} 份记录有错误，未计入）",
            "{title}: {held} held in {period}; at least {min} {frequency} required ({invalid} more record(s) with errors not counted).",
        )
    };
    let records: Vec<usize> = p.invalid.iter().map(|r| r.record).collect();
    issue(
        "",
        "compliance.missing",
        Severity::Error,
        locale,
        text,
        json!({
            "requirement": req.id,
            "title": req.title.get(locale),
            "period": p.label,
            "period_key": p.key,
            "frequency": req.period.per(locale),
            "min": req.min,
            "held": p.held,
            "invalid": p.invalid.len(),
            "invalid_records": records,
        }),
    )
}

fn fixed_day_issues(
    req: &Requirement,
    fixed: &FixedDay,
    counted: &[(usize, NaiveDate, usize)],
    locale: Locale,
    issues: &mut Vec<ComplianceIssue>,
) {
    let dates: Vec<NaiveDate> = counted.iter().map(|c| c.1).collect();
    let Some(rule) = fixed.rule(&dates) else {
        return;
    };
    let expected = rule.describe(locale);
    for &(index, date, _) in counted.iter().filter(|c| !rule.holds(c.1)) {
        issues.push(issue(
            &format!("/minutes/{index}/meeting/date"),
            "compliance.not_fixed_day",
            Severity::Warning,
            locale,
            (
                "{title}应在每月固定日期举行（{expected}），第 {n} 份记录的日期是 {date}；节假日调整请在会议主题中注明",
                "{title} should be held on a fixed day ({expected}); record {n} is dated {date}. Note a holiday move in the subject.",
            ),
            json!({
                "requirement": req.id,
                "title": req.title.get(locale),
                "expected": expected,
                "n": index + 1,
                "index": index,
                "date": date.format("%Y-%m-%d").to_string(),
            }),
        ));
    }
}

fn unusual_issue(
    req: &Requirement,
    p: &PeriodResult,
    dates: &[NaiveDate],
    locale: Locale,
) -> ComplianceIssue {
    let months: Vec<String> = req.usual_months.iter().map(ToString::to_string).collect();
    let held: Vec<String> = dates
        .iter()
        .map(|d| d.format("%Y-%m-%d").to_string())
        .collect();
    let (sep, usual) = match locale {
        Locale::ZhCn => ("、", format!("{} 月", months.join("、"))),
        Locale::En => (", ", format!("months {}", months.join(", "))),
    };
    issue(
        "",
        "compliance.unusual_time",
        Severity::Warning,
        locale,
        (
            "{period}{title}一般在 {usual}召开，本期间只在 {dates} 召开",
            "{title} is usually held in {usual}; in {period} it was held only on {dates}.",
        ),
        json!({
            "requirement": req.id,
            "title": req.title.get(locale),
            "period": p.label,
            "period_key": p.key,
            "usual": usual,
            "usual_months": req.usual_months,
            "dates": held.join(sep),
        }),
    )
}

/// Runs [`compliance`] on a [`ComplianceInput`].
pub fn compliance_of(input: &ComplianceInput) -> ComplianceReport {
    compliance(&input.minutes, &input.options)
}

fn verdict(
    held: usize,
    min: u32,
    span: &Span,
    from: NaiveDate,
    to: NaiveDate,
    today: Option<NaiveDate>,
) -> PeriodStatus {
    if held >= min as usize {
        return PeriodStatus::Met;
    }
    match today {
        Some(t) if span.from > t => PeriodStatus::Future,
        Some(t) if span.to >= t => PeriodStatus::Open,
        _ if !span.within(from, to) => PeriodStatus::Partial,
        _ => PeriodStatus::Missing,
    }
}

fn frequency(period: Period, min: u32, locale: Locale) -> String {
    match locale {
        Locale::ZhCn => format!("{}至少 {min} 次", period.per(locale)),
        Locale::En => format!("at least {min} {}", period.per(locale)),
    }
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    if s.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// The range to check, or `None` after recording why it is invalid.
fn range(
    options: &ComplianceOptions,
    locale: Locale,
    issues: &mut Vec<ComplianceIssue>,
) -> Option<(NaiveDate, NaiveDate)> {
    let mut bad = |detail_zh: &str, detail_en: &str| {
        let detail = if locale == Locale::ZhCn {
            detail_zh
        } else {
            detail_en
        };
        issues.push(issue(
            "",
            "compliance.invalid_range",
            Severity::Error,
            locale,
            ("检查期间无效：{detail}", "Invalid range: {detail}"),
            json!({"detail": detail}),
        ));
        None
    };
    match (&options.from, &options.to, options.year) {
        (Some(f), Some(t), _) => match (parse_date(f), parse_date(t)) {
            (Some(a), Some(b)) if a <= b => Some((a, b)),
            (Some(_), Some(_)) => bad("起始日期晚于结束日期", "from is after to"),
            _ => bad("日期应为 YYYY-MM-DD", "dates are written YYYY-MM-DD"),
        },
        (None, None, Some(y)) => match (
            NaiveDate::from_ymd_opt(y, 1, 1),
            NaiveDate::from_ymd_opt(y, 12, 31),
        ) {
            (Some(a), Some(b)) => Some((a, b)),
            _ => bad("年份超出范围", "year out of range"),
        },
        (Some(_), None, _) | (None, Some(_), _) => {
            bad("须同时给出起始和结束日期", "give both from and to")
        }
        (None, None, None) => bad("须给出年份或起止日期", "give a year, or from and to"),
    }
}

fn issue(
    path: &str,
    code: &str,
    severity: Severity,
    locale: Locale,
    text: (&str, &str),
    params: Value,
) -> ComplianceIssue {
    let params = match params {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    let template = if locale == Locale::ZhCn {
        text.0
    } else {
        text.1
    };
    ComplianceIssue {
        path: path.to_owned(),
        code: code.to_owned(),
        severity,
        message: dangjian_core::text::interpolate(template, &params),
        params,
    }
}

fn finish(
    from: String,
    to: String,
    locale: Locale,
    mut counts: ComplianceCounts,
    requirements: Vec<RequirementResult>,
    issues: Vec<ComplianceIssue>,
) -> ComplianceReport {
    counts.errors = issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .count();
    counts.warnings = issues.len() - counts.errors;
    ComplianceReport {
        report_version: COMPLIANCE_REPORT_VERSION,
        from,
        to,
        locale: locale.tag().to_owned(),
        compliant: counts.errors == 0,
        counts,
        requirements,
        issues,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(kind: &str, date: &str) -> Value {
        json!({"meeting": {"type": kind, "date": date}})
    }

    #[test]
    fn an_invalid_range_is_an_issue() {
        let r = compliance(
            &[],
            &ComplianceOptions::for_range("2026-05-01", "2026-04-01"),
        );
        assert!(!r.compliant);
        assert_eq!(r.issues[0].code, "compliance.invalid_range");
        let r = compliance(&[], &ComplianceOptions::default());
        assert_eq!(r.issues[0].code, "compliance.invalid_range");
    }

    #[test]
    fn open_and_future_periods_are_not_missing() {
        let mut o = ComplianceOptions::for_year(2026);
        o.minutes_check = MinutesCheck::Off;
        o.today = Some("2026-05-15".into());
        o.requirements.retain(|r| r.id == "committee");
        let r = compliance(
            &[
                m("committee", "2026-01-10"),
                m("committee", "2026-02-10"),
                m("committee", "2026-03-10"),
            ],
            &o,
        );
        let p = &r.requirements[0].periods;
        assert_eq!(p[0].status, PeriodStatus::Met);
        assert_eq!(p[3].status, PeriodStatus::Missing); // April is over
        assert_eq!(p[4].status, PeriodStatus::Open); // May holds today
        assert_eq!(p[5].status, PeriodStatus::Future);
        assert_eq!(r.counts.periods_missing, 1);
    }

    #[test]
    fn unreadable_and_outside_records() {
        let mut o = ComplianceOptions::for_year(2026);
        o.minutes_check = MinutesCheck::Off;
        o.requirements.retain(|r| r.id == "org_life");
        let r = compliance(
            &[
                m("org_life", "2025-12-20"),
                json!({"meeting": {"type": "org_life"}}),
                json!(7),
            ],
            &o,
        );
        assert_eq!(r.counts.outside_range, 1);
        assert_eq!(r.counts.unreadable, 2);
        assert_eq!(r.issues[0].path, "/minutes/1/meeting/date");
        assert_eq!(r.issues[1].path, "/minutes/2/meeting/type");
        assert!(r.issues.iter().any(|i| i.code == "compliance.missing"));
    }

    #[test]
    fn input_reads_options_and_minutes_from_one_document() {
        let input: ComplianceInput = serde_json::from_value(json!({
            "year": 2026, "locale": "en", "minutes_check": "off",
            "minutes": [m("org_life", "2026-12-01")]
        }))
        .unwrap();
        assert_eq!(input.options.year, Some(2026));
        assert_eq!(input.options.locale, Locale::En);
        assert_eq!(input.options.requirements, default_requirements());
        let r = compliance_of(&input);
        let org = r.requirements.iter().find(|q| q.id == "org_life").unwrap();
        assert_eq!(org.periods[0].status, PeriodStatus::Met);
        assert_eq!(org.frequency, "at least 1 per year");
    }

    #[test]
    fn unknown_option_names_are_refused() {
        let bad = serde_json::from_value::<ComplianceInput>(
            json!({"year": 2026, "minute_check": "off", "minutes": []}),
        );
        assert!(bad.unwrap_err().to_string().contains("minute_check"));
        let bad = serde_json::from_value::<ComplianceOptions>(json!({"yaer": 2026}));
        assert!(bad.is_err());
        let bad = serde_json::from_value::<ComplianceOptions>(json!({"minutes_check": "maybe"}));
        assert!(bad.is_err());
    }

    #[test]
    fn a_record_with_only_a_type_and_a_date_is_not_a_meeting_held() {
        let mut o = ComplianceOptions::for_year(2026);
        o.requirements.retain(|r| r.id == "org_life");
        let minutes = [m("org_life", "2026-12-01")];
        let r = compliance(&minutes, &o);
        assert!(!r.compliant);
        assert_eq!(r.counts.invalid_records, 1);
        let org = &r.requirements[0];
        assert_eq!((org.held, org.invalid), (0, 1));
        let bad = &org.periods[0].invalid[0];
        assert_eq!((bad.record, bad.date.as_str()), (0, "2026-12-01"));
        assert!(
            bad.codes.contains(&"required".to_owned()),
            "{:?}",
            bad.codes
        );
        assert_eq!(r.issues[0].code, "compliance.invalid_record");
        assert_eq!(r.issues[0].path, "/minutes/0");
        assert_eq!(r.issues[0].severity, Severity::Warning);
        assert_eq!(r.issues[1].code, "compliance.missing");
        assert_eq!(r.issues[1].params["invalid"], json!(1));
        assert_eq!(r.issues[1].params["invalid_records"], json!([0]));
        // Counted all the same when asked, still listed and warned about.
        o.minutes_check = MinutesCheck::CountInvalid;
        let r = compliance(&minutes, &o);
        assert!(r.compliant);
        assert_eq!(r.requirements[0].held, 1);
        assert_eq!(r.requirements[0].periods[0].invalid.len(), 1);
        assert_eq!(r.issues.len(), 1);
        assert_eq!(r.issues[0].params["counted"], json!(true));
        // And not checked at all when switched off.
        o.minutes_check = MinutesCheck::Off;
        let r = compliance(&minutes, &o);
        assert!(r.compliant);
        assert_eq!(r.counts.invalid_records, 0);
        assert!(r.issues.is_empty());
    }

    #[test]
    fn bad_minutes_settings_are_an_error_of_the_report() {
        let mut o = ComplianceOptions::for_year(2026);
        o.minutes_settings = Some(
            json!({"majority_strikt": false})
                .as_object()
                .cloned()
                .unwrap(),
        );
        let r = compliance(&[], &o);
        assert!(!r.compliant);
        assert_eq!(r.issues[0].code, "compliance.minutes_form");
        assert!(
            r.issues[0].message.contains("majority_strikt"),
            "{}",
            r.issues[0].message
        );
    }

    #[test]
    fn fixed_day_and_usual_months_are_warnings() {
        let mut o = ComplianceOptions::for_year(2026);
        o.minutes_check = MinutesCheck::Off;
        o.requirements
            .retain(|r| r.id == "theme_day" || r.id == "org_life");
        let mut minutes: Vec<Value> = (1..=12)
            .map(|mo| m("theme_day", &format!("2026-{mo:02}-10")))
            .collect();
        minutes[3] = m("theme_day", "2026-04-13");
        minutes.push(m("org_life", "2026-01-20"));
        let r = compliance(&minutes, &o);
        assert!(r.compliant, "warnings only");
        let codes: Vec<(&str, &str)> = r
            .issues
            .iter()
            .map(|i| (i.code.as_str(), i.path.as_str()))
            .collect();
        assert_eq!(
            codes,
            vec![
                ("compliance.not_fixed_day", "/minutes/3/meeting/date"),
                ("compliance.unusual_time", "")
            ]
        );
        // A year still open is not judged for its usual months.
        o.today = Some("2026-11-22".into());
        let r = compliance(&minutes, &o);
        assert!(r.issues.iter().all(|i| i.code != "compliance.unusual_time"));
        // A county's fixed day: the 13th; no fixed day at all.
        o.requirements[0].fixed_day = Some(FixedDay {
            day_of_month: Some(13),
            ..FixedDay::default()
        });
        let r = compliance(&minutes, &o);
        assert_eq!(
            r.issues
                .iter()
                .filter(|i| i.code == "compliance.not_fixed_day")
                .count(),
            11
        );
        o.requirements[0].fixed_day = None;
        assert!(compliance(&minutes, &o).issues.is_empty());
    }
}
