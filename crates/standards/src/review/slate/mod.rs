//! Slate checks over all candidates of one village (换届班子结构): committee
//! sizes, women, close relatives, young members, education, average age, the
//! secretary's age, 一肩挑, 交叉任职 and “一降一升” against the previous term.
//!
//! Candidates are candidate-review records; paths in the report are JSON
//! Pointers into the list of candidates (`/2/candidate/relations/0`).
//!
//! # Example
//!
//! ```
//! use dangjian_standards::review::{slate, SlateOptions};
//! use serde_json::json;
//!
//! let report = slate(&[json!({"candidate": {"name": "张三"}})], &SlateOptions::default());
//! assert!(!report.valid);
//! assert!(report.issues.iter().any(|i| i.code == "slate.committee_size"));
//! ```

mod options;
mod words;

pub use options::{PreviousTerm, SlateOptions, SOURCES};

use super::verdict::{verdict, VerdictOptions, VerdictStatus};
use crate::ident::citizen_id::{self, parse_iso_date, years_between, Gender};
use crate::lookup::At;
use chrono::NaiveDate;
use dangjian_core::number::Num;
use dangjian_core::report::Params;
use dangjian_core::text::interpolate;
use dangjian_core::{Issue, Locale, Severity};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// Version of the slate report's JSON shape.
pub const SLATE_REPORT_VERSION: u32 = 1;

/// Posts on the villagers' committee.
const VILLAGE_POSTS: [&str; 3] = [
    "committee_director",
    "committee_deputy_director",
    "committee_member",
];
/// Posts in the village party organisation.
const BRANCH_POSTS: [&str; 3] = [
    "branch_secretary",
    "branch_deputy_secretary",
    "branch_member",
];

/// What the CLI's `review-slate` reads: `{today, locale, candidates, options}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct SlateInput {
    /// Today, `YYYY-MM-DD` (overrides `options.today`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub today: Option<String>,
    /// Language (overrides `options.locale`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<Locale>,
    /// The candidate-review records.
    #[serde(default)]
    pub candidates: Vec<Value>,
    /// Thresholds.
    #[serde(default)]
    pub options: SlateOptions,
}

impl SlateInput {
    /// Runs the slate checks on this input.
    pub fn run(&self) -> SlateReport {
        let mut options = self.options.clone();
        if self.today.is_some() {
            options.today.clone_from(&self.today);
        }
        if let Some(l) = self.locale {
            options.locale = l;
        }
        slate(&self.candidates, &options)
    }
}

/// The slate report: issues in the shape of the validation report's, and the figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SlateReport {
    /// Shape version, [`SLATE_REPORT_VERSION`].
    pub report_version: u32,
    /// Locale of the messages.
    pub locale: String,
    /// True when there is no issue of severity `error`.
    pub valid: bool,
    /// Issues by severity.
    pub counts: dangjian_core::report::Counts,
    /// Every issue; paths point into the list of candidates.
    pub issues: Vec<Issue>,
    /// The figures the checks were made on.
    pub summary: SlateSummary,
}

/// The composition of the proposed committees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SlateSummary {
    /// The day ages are counted to.
    pub reference_date: Option<String>,
    /// Candidates given.
    pub candidates: usize,
    /// Indexes of candidates left out (建议不予提名).
    pub excluded: Vec<usize>,
    /// Members of the villagers' committee.
    pub village_committee: usize,
    /// Members of the village party committee.
    pub branch_committee: usize,
    /// Distinct members of the two committees (“两委”).
    pub members: usize,
    /// Women on the villagers' committee.
    pub village_committee_women: usize,
    /// Women among all members.
    pub women: usize,
    /// Members aged `young_max_age` or under.
    pub young: usize,
    /// Members with senior-high education or more.
    pub senior_high: usize,
    /// Their share, %.
    pub senior_high_percent: Num,
    /// Members with a college diploma or more.
    pub college: usize,
    /// Their share, %.
    pub college_percent: Num,
    /// Average age of the members whose age is known.
    pub average_age: Option<Num>,
    /// The secretary's age.
    pub secretary_age: Option<i64>,
    /// Whether the secretary also stands for director (一肩挑); none without a secretary.
    pub one_shoulder: Option<bool>,
    /// Members on both committees (交叉任职).
    pub cross_appointed: usize,
    /// Their share, %.
    pub cross_appointment_percent: Num,
    /// Average age below the previous term's; none without a previous figure.
    pub age_down: Option<bool>,
    /// Senior-high (or college) share above the previous term's; none without a previous figure.
    pub education_up: Option<bool>,
}

/// One candidate as the checks see it.
struct Person<'a> {
    index: usize,
    record: &'a Value,
    name: String,
    id: Option<String>,
    gender: Option<Gender>,
    age: Option<i64>,
    education: Option<usize>,
    posts: Vec<&'a str>,
}

impl Person<'_> {
    fn holds(&self, posts: &[&str]) -> bool {
        self.posts.iter().any(|p| posts.contains(p))
    }
}

struct Out {
    locale: Locale,
    issues: Vec<Issue>,
}

impl Out {
    fn push(&mut self, path: String, code: &str, severity: Severity, params: Params) {
        let template = words::MESSAGES
            .iter()
            .find(|(c, _, _)| *c == code)
            .map(|(_, zh, en)| match self.locale {
                Locale::ZhCn => *zh,
                Locale::En => *en,
            });
        let message = interpolate(template.unwrap_or(code), &params);
        self.issues.push(Issue {
            path,
            code: code.to_owned(),
            severity,
            message,
            params,
        });
    }
}

fn params(pairs: &[(&str, Value)]) -> Params {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

fn text<'a>(v: &'a Value, pointer: &str) -> Option<&'a str> {
    v.at(pointer)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    #[allow(clippy::cast_precision_loss)]
    let p = part as f64 * 100.0 / whole as f64;
    p
}

fn n(v: f64) -> Value {
    Num::round2(v).to_json()
}

fn label(locale: Locale, key: &str) -> String {
    let (zh, en) = match key {
        "village" => ("村民委员会", "villagers' committee"),
        "branch" => ("村党组织委员会", "village party committee"),
        "branch_secretary" => (
            "村党组织书记",
            "secretary of the village party organisation",
        ),
        "branch_deputy_secretary" => (
            "村党组织副书记",
            "deputy secretary of the village party organisation",
        ),
        "committee_director" => ("村民委员会主任", "director of the villagers' committee"),
        "committee_deputy_director" => (
            "村民委员会副主任",
            "deputy director of the villagers' committee",
        ),
        "spouse" => ("配偶", "spouse"),
        "parent" => ("父母", "parent"),
        "child" => ("子女", "child"),
        "sibling" => ("兄弟姐妹", "sibling"),
        "senior_high" => ("高中及以上学历占比", "The senior-high share"),
        "college" => ("大专及以上学历占比", "The college share"),
        other => (other, other),
    };
    super::words::pick(locale, zh, en).to_owned()
}

/// Checks the composition of the committees proposed by `candidates` (the
/// candidate-review records of one village).
pub fn slate(candidates: &[Value], options: &SlateOptions) -> SlateReport {
    let locale = options.locale;
    let mut out = Out {
        locale,
        issues: Vec::new(),
    };
    let today = options.today.as_deref().and_then(parse_iso_date);
    let on: Option<NaiveDate> = options
        .election_date
        .as_deref()
        .and_then(parse_iso_date)
        .or_else(|| {
            candidates
                .iter()
                .find_map(|c| text(c, "/election/election_date").and_then(parse_iso_date))
        })
        .or(today);
    let review_settings = options.review_settings.clone().unwrap_or(Value::Null);
    let level = |v: &str| options.education_levels.iter().position(|l| l == v);

    let mut people: Vec<Person<'_>> = Vec::new();
    let mut excluded = Vec::new();
    for (i, c) in candidates.iter().enumerate() {
        if !c.is_object() {
            out.push(
                format!("/{i}"),
                "slate.candidate_type",
                Severity::Error,
                params(&[("number", json!(i + 1))]),
            );
            continue;
        }
        let name = text(c, "/candidate/name").unwrap_or("?").to_owned();
        let parsed =
            text(c, "/candidate/citizen_id").and_then(|s| citizen_id::parse(s, today).ok());
        let birth = parsed
            .as_ref()
            .map(|p| p.birth_date)
            .or_else(|| text(c, "/candidate/birth_date").and_then(parse_iso_date));
        let gender = parsed
            .as_ref()
            .map(|p| p.gender)
            .or_else(|| text(c, "/candidate/gender").and_then(Gender::parse));
        let age = birth.zip(on).map(|(b, d)| years_between(b, d));
        let posts: Vec<&str> = c
            .at("/candidate/positions")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let v = verdict(c, &review_settings, &VerdictOptions { today, locale });
        if v.status == VerdictStatus::NotNominated && options.exclude_not_nominated {
            out.push(
                format!("/{i}"),
                "slate.not_nominated",
                Severity::Warning,
                params(&[("name", json!(name))]),
            );
            excluded.push(i);
            continue;
        }
        if v.status == VerdictStatus::Pending {
            out.push(
                format!("/{i}"),
                "slate.pending",
                Severity::Warning,
                params(&[("name", json!(name))]),
            );
        }
        if (age.is_none() && on.is_some()) || gender.is_none() {
            out.push(
                format!("/{i}/candidate/citizen_id"),
                "slate.identity_unknown",
                Severity::Warning,
                params(&[("name", json!(name))]),
            );
        }
        let education = text(c, "/candidate/education").and_then(level);
        people.push(Person {
            index: i,
            record: c,
            name,
            id: parsed.map(|p| p.normalized),
            gender,
            age,
            education,
            posts,
        });
    }

    // The same person twice.
    for (a_pos, a) in people.iter().enumerate() {
        if let Some(other) = people
            .iter()
            .take(a_pos)
            .find(|b| b.id.is_some() && b.id == a.id)
        {
            out.push(
                format!("/{}/candidate/citizen_id", a.index),
                "slate.duplicate_candidate",
                Severity::Error,
                params(&[("name", json!(a.name)), ("other", json!(other.index + 1))]),
            );
        }
    }

    let village: Vec<&Person<'_>> = people.iter().filter(|p| p.holds(&VILLAGE_POSTS)).collect();
    let branch: Vec<&Person<'_>> = people.iter().filter(|p| p.holds(&BRANCH_POSTS)).collect();
    let members: Vec<&Person<'_>> = people
        .iter()
        .filter(|p| p.holds(&VILLAGE_POSTS) || p.holds(&BRANCH_POSTS))
        .collect();
    if members.is_empty() {
        out.push(String::new(), "slate.empty", Severity::Error, Params::new());
    }

    // Committee sizes.
    let size = |out: &mut Out, key: &str, count: usize, min: u32, max: u32| {
        let c = u32::try_from(count).unwrap_or(u32::MAX);
        if c < min || c > max {
            out.push(
                String::new(),
                "slate.committee_size",
                Severity::Error,
                params(&[
                    ("committee", json!(label(locale, key))),
                    ("committee_id", json!(key)),
                    ("count", json!(count)),
                    ("min", json!(min)),
                    ("max", json!(max)),
                ]),
            );
        }
    };
    size(
        &mut out,
        "village",
        village.len(),
        options.village_committee_min,
        options.village_committee_max,
    );
    if branch.len() >= 2 {
        size(
            &mut out,
            "branch",
            branch.len(),
            options.branch_committee_min,
            options.branch_committee_max,
        );
    }

    // Posts held by exactly one person.
    let mut posts_to_fill = vec!["branch_secretary", "committee_director"];
    if options.require_deputies {
        posts_to_fill.extend(["branch_deputy_secretary", "committee_deputy_director"]);
    }
    for post in [
        "branch_secretary",
        "branch_deputy_secretary",
        "committee_director",
        "committee_deputy_director",
    ] {
        let holders: Vec<&Person<'_>> = people.iter().filter(|p| p.posts.contains(&post)).collect();
        if holders.is_empty() && posts_to_fill.contains(&post) && !members.is_empty() {
            out.push(
                String::new(),
                "slate.post_missing",
                Severity::Warning,
                params(&[
                    ("post", json!(label(locale, post))),
                    ("post_id", json!(post)),
                ]),
            );
        }
        let single = matches!(post, "branch_secretary" | "committee_director");
        if single && holders.len() > 1 {
            out.push(
                String::new(),
                "slate.duplicate_post",
                Severity::Error,
                params(&[
                    ("post", json!(label(locale, post))),
                    ("post_id", json!(post)),
                    ("count", json!(holders.len())),
                ]),
            );
        }
    }

    // Women on the villagers' committee.
    let village_women = village
        .iter()
        .filter(|p| p.gender == Some(Gender::Female))
        .count();
    if u32::try_from(village_women).unwrap_or(u32::MAX) < options.min_women {
        out.push(
            String::new(),
            "slate.no_woman",
            Severity::Error,
            params(&[
                ("count", json!(village_women)),
                ("min", json!(options.min_women)),
            ]),
        );
    }

    // Close relatives on one committee.
    let mut committees: Vec<(&str, &Vec<&Person<'_>>)> = vec![("village", &village)];
    if options.relatives_rule_on_branch_committee {
        committees.push(("branch", &branch));
    }
    for (key, committee) in committees {
        let mut reported: Vec<(usize, usize)> = Vec::new();
        for a in committee.iter() {
            let relations = a
                .record
                .at("/candidate/relations")
                .and_then(Value::as_array)
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            for (j, r) in relations.iter().enumerate() {
                let Some(relation) = text(r, "/relation") else {
                    continue;
                };
                if !options.close_relations.iter().any(|c| c == relation) {
                    continue;
                }
                let rel_id = text(r, "/citizen_id")
                    .and_then(|s| citizen_id::parse(s, None).ok())
                    .map(|p| p.normalized);
                let rel_name = text(r, "/name");
                let found = committee.iter().find(|b| {
                    b.index != a.index
                        && match (&rel_id, &b.id) {
                            (Some(x), Some(y)) => x == y,
                            _ => rel_name.is_some_and(|nm| nm == b.name),
                        }
                });
                let Some(b) = found else { continue };
                let pair = (a.index.min(b.index), a.index.max(b.index));
                if reported.contains(&pair) {
                    continue;
                }
                reported.push(pair);
                out.push(
                    format!("/{}/candidate/relations/{j}", a.index),
                    "slate.close_relatives",
                    Severity::Error,
                    params(&[
                        ("name", json!(a.name)),
                        ("relative", json!(b.name)),
                        ("relative_index", json!(b.index)),
                        ("relation", json!(label(locale, relation))),
                        ("relation_id", json!(relation)),
                        ("committee", json!(label(locale, key))),
                        ("committee_id", json!(key)),
                    ]),
                );
            }
        }
    }

    // Age and education of the members.
    let ages: Vec<i64> = members.iter().filter_map(|p| p.age).collect();
    let young = ages.iter().filter(|a| **a <= options.young_max_age).count();
    if !members.is_empty()
        && on.is_some()
        && u32::try_from(young).unwrap_or(u32::MAX) < options.min_young
    {
        out.push(
            String::new(),
            "slate.no_young_member",
            Severity::Warning,
            params(&[
                ("count", json!(young)),
                ("min", json!(options.min_young)),
                ("max_age", json!(options.young_max_age)),
            ]),
        );
    }
    let at_least = |lvl: &str| {
        let floor = level(lvl);
        members
            .iter()
            .filter(|p| matches!((p.education, floor), (Some(e), Some(f)) if e >= f))
            .count()
    };
    let senior_high = at_least(&options.senior_high_level);
    let senior_high_percent = percent(senior_high, members.len());
    if !members.is_empty() && senior_high_percent < options.senior_high_min_percent {
        out.push(
            String::new(),
            "slate.senior_high_share",
            Severity::Warning,
            params(&[
                ("percent", n(senior_high_percent)),
                ("min", n(options.senior_high_min_percent)),
                ("count", json!(senior_high)),
                ("members", json!(members.len())),
            ]),
        );
    }
    let college = at_least(&options.college_level);
    let college_percent = percent(college, members.len());
    if !members.is_empty() && u32::try_from(college).unwrap_or(u32::MAX) < options.min_college {
        out.push(
            String::new(),
            "slate.no_college",
            Severity::Warning,
            params(&[
                ("count", json!(college)),
                ("min", json!(options.min_college)),
            ]),
        );
    }
    #[allow(clippy::cast_precision_loss)]
    let average_age =
        (!ages.is_empty()).then(|| ages.iter().sum::<i64>() as f64 / ages.len() as f64);
    if let Some(avg) = average_age.filter(|a| *a > options.max_average_age) {
        out.push(
            String::new(),
            "slate.average_age",
            Severity::Warning,
            params(&[("average", n(avg)), ("max", n(options.max_average_age))]),
        );
    }

    // The secretary.
    let secretary = people
        .iter()
        .find(|p| p.posts.contains(&"branch_secretary"));
    let secretary_age = secretary.and_then(|s| s.age);
    if let (Some(s), Some(age)) = (secretary, secretary_age) {
        if age > options.secretary_max_age {
            out.push(
                format!("/{}", s.index),
                "slate.secretary_age",
                Severity::Warning,
                params(&[
                    ("name", json!(s.name)),
                    ("age", json!(age)),
                    ("max", json!(options.secretary_max_age)),
                ]),
            );
        }
    }
    let one_shoulder = secretary.map(|s| s.posts.contains(&"committee_director"));
    if let (Some(s), Some(false), true) = (secretary, one_shoulder, options.expect_one_shoulder) {
        out.push(
            format!("/{}", s.index),
            "slate.one_shoulder",
            Severity::Warning,
            params(&[("name", json!(s.name))]),
        );
    }
    let cross = members
        .iter()
        .filter(|p| p.holds(&VILLAGE_POSTS) && p.holds(&BRANCH_POSTS))
        .count();
    let cross_percent = percent(cross, members.len());
    if let Some(min) = options
        .min_cross_appointment_percent
        .filter(|m| !members.is_empty() && cross_percent < *m)
    {
        out.push(
            String::new(),
            "slate.cross_appointment",
            Severity::Warning,
            params(&[("percent", n(cross_percent)), ("min", n(min))]),
        );
    }

    // “一降一升” against the previous term.
    let prev = options.previous_term.unwrap_or_default();
    let age_down = match (average_age, prev.average_age) {
        (Some(now), Some(before)) => Some(Num::round2(now).get() < before),
        _ => None,
    };
    if let (Some(false), Some(now), Some(before)) = (age_down, average_age, prev.average_age) {
        out.push(
            String::new(),
            "slate.age_not_down",
            Severity::Warning,
            params(&[("average", n(now)), ("previous", n(before))]),
        );
    }
    let mut education_up = None;
    for (key, now, before) in [
        ("senior_high", senior_high_percent, prev.senior_high_percent),
        ("college", college_percent, prev.college_percent),
    ] {
        let Some(before) = before else { continue };
        let now = Num::round2(now).get();
        let up = now > before || (before >= 100.0 && now >= 100.0);
        education_up = Some(education_up.unwrap_or(true) && up);
        if !up && !members.is_empty() {
            out.push(
                String::new(),
                "slate.education_not_up",
                Severity::Warning,
                params(&[
                    ("measure", json!(label(locale, key))),
                    ("measure_id", json!(key)),
                    ("percent", n(now)),
                    ("previous", n(before)),
                ]),
            );
        }
    }

    let summary = SlateSummary {
        reference_date: on.map(citizen_id::iso),
        candidates: candidates.len(),
        excluded,
        village_committee: village.len(),
        branch_committee: branch.len(),
        members: members.len(),
        village_committee_women: village_women,
        women: members
            .iter()
            .filter(|p| p.gender == Some(Gender::Female))
            .count(),
        young,
        senior_high,
        senior_high_percent: Num::round2(senior_high_percent),
        college,
        college_percent: Num::round2(college_percent),
        average_age: average_age.map(Num::round2),
        secretary_age,
        one_shoulder,
        cross_appointed: cross,
        cross_appointment_percent: Num::round2(cross_percent),
        age_down,
        education_up,
    };
    let errors = out
        .issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .count();
    let warnings = out.issues.len() - errors;
    SlateReport {
        report_version: SLATE_REPORT_VERSION,
        locale: locale.tag().to_owned(),
        valid: errors == 0,
        counts: dangjian_core::report::Counts { errors, warnings },
        issues: out.issues,
        summary,
    }
}
