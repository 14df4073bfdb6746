//! Annual compliance of a branch's meetings ("一月一调度、一季度一检查"): given
//! all the minutes of one branch for a year or a date range, what was held in
//! each month, quarter, half-year and year, and what is missing.
//!
//! The frequencies are data ([`Requirement`]s in [`ComplianceOptions`]); the
//! defaults follow 《中国共产党支部工作条例（试行）》. A county with other
//! frequencies passes its own list, with no code change.

use super::period::{Period, Span};
use chrono::NaiveDate;
use dangjian_core::{Locale, Severity, Text};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// Version of the [`ComplianceReport`] JSON shape.
pub const COMPLIANCE_REPORT_VERSION: u32 = 1;

/// What to check: the period, the locale, and the required frequencies.
///
/// As JSON: `{"year": 2026}` or `{"from": "2026-01-01", "to": "2026-06-30"}`, with
/// optional `today`, `locale` and `requirements` (the defaults when absent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
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
        }
    }
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
                .all(|(ptr, want)| record.pointer(ptr) == Some(want))
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
        req(
            "theme_day",
            "主题党日",
            "Theme party day",
            Period::Month,
            vec![Matcher::of_type("theme_day")],
            "[C] 中国共产党支部工作条例（试行）；[L] 固定日期",
        ),
        req(
            "org_life",
            "组织生活会",
            "Organisational life meeting",
            Period::Year,
            vec![Matcher::of_type("org_life")],
            BRANCH_RULES,
        ),
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
/// `{"year": 2026, "locale": "zh-CN", "minutes": [...]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComplianceInput {
    /// Meeting-minutes records of one branch.
    #[serde(default)]
    pub minutes: Vec<Value>,
    /// Period, locale and frequencies.
    #[serde(flatten)]
    pub options: ComplianceOptions,
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
    /// The verdict.
    pub status: PeriodStatus,
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
    /// Stable code: `compliance.missing`, `compliance.unreadable_record` or `compliance.invalid_range`.
    pub code: String,
    /// Error or warning.
    pub severity: Severity,
    /// Localized message.
    pub message: String,
    /// Values the message was built from (`requirement`, `period`, `min`, `held`, …).
    pub params: Map<String, Value>,
}

/// Checks the minutes of one branch against the required frequencies.
/// Never fails: a bad range or record is an issue in the report.
pub fn compliance(minutes: &[Value], options: &ComplianceOptions) -> ComplianceReport {
    let locale = options.locale;
    let mut issues = Vec::new();
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

    let mut readable: Vec<(usize, &str, NaiveDate)> = Vec::with_capacity(minutes.len());
    for (i, record) in minutes.iter().enumerate() {
        let kind = record
            .pointer("/meeting/type")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty());
        let date = record
            .pointer("/meeting/date")
            .and_then(Value::as_str)
            .and_then(parse_date);
        match (kind, date) {
            (Some(k), Some(d)) if d >= from && d <= to => readable.push((i, k, d)),
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
                status: PeriodStatus::Missing,
            })
            .collect();
        let mut held = 0;
        for &(i, kind, date) in &readable {
            let Some(record) = minutes.get(i) else {
                continue;
            };
            if !req.counts.iter().any(|m| m.matches(kind, record)) {
                continue;
            }
            if let Some(slot) = spans.iter().position(|s| s.from <= date && date <= s.to) {
                if let Some(p) = periods.get_mut(slot) {
                    p.held += 1;
                    p.dates.push(date.format("%Y-%m-%d").to_string());
                    p.records.push(i);
                    held += 1;
                }
            }
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
                    issues.push(issue(
                        "",
                        "compliance.missing",
                        Severity::Error,
                        locale,
                        (
                            "{period}{title}未达到要求：应{frequency}至少 {min} 次，实有 {held} 次",
                            "{title}: {held} held in {period}; at least {min} {frequency} required.",
                        ),
                        json!({
                            "requirement": req.id,
                            "title": req.title.get(locale),
                            "period": p.label,
                            "period_key": p.key,
                            "frequency": req.period.per(locale),
                            "min": req.min,
                            "held": p.held,
                        }),
                    ));
                }
                PeriodStatus::Open | PeriodStatus::Future | PeriodStatus::Partial => {}
            }
        }
        results.push(RequirementResult {
            id: req.id.clone(),
            title: req.title.get(locale).to_owned(),
            period: req.period,
            min: req.min,
            frequency: frequency(req.period, req.min, locale),
            held,
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
        let input: ComplianceInput = serde_json::from_value(
            json!({"year": 2026, "locale": "en", "minutes": [m("org_life", "2026-12-01")]}),
        )
        .unwrap();
        assert_eq!(input.options.year, Some(2026));
        assert_eq!(input.options.locale, Locale::En);
        assert_eq!(input.options.requirements, default_requirements());
        let r = compliance_of(&input);
        let org = r.requirements.iter().find(|q| q.id == "org_life").unwrap();
        assert_eq!(org.periods[0].status, PeriodStatus::Met);
        assert_eq!(org.frequency, "at least 1 per year");
    }
}
