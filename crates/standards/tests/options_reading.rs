//! The options and input types read by `dangjian_core::spec::read` give what
//! their derived `Deserialize` gave: the same value, or the same message, for
//! every mutation of a few option documents (each property removed, replaced
//! by a value of every JSON kind, an unknown one added, objects written as the
//! arrays of their values). The derived stand-ins below carry the attributes
//! the types had before.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use dangjian_standards::meetings::{default_requirements, ComplianceOptions, FixedDay, Period};
use dangjian_standards::review::{Department, NegativeItem, SlateOptions};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use std::fmt::Debug;

#[allow(dead_code)]
mod derived {
    //! The types as they were declared, with their derived `Deserialize`.
    use dangjian_core::Text;
    use serde::{Deserialize, Serialize};
    use serde_json::{Map, Value};
    use std::collections::BTreeMap;

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
    pub enum Locale {
        #[default]
        #[serde(rename = "zh-CN")]
        ZhCn,
        #[serde(rename = "en")]
        En,
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(default, deny_unknown_fields)]
    pub struct ComplianceOptions {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub year: Option<i32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub from: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub to: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub today: Option<String>,
        pub locale: Locale,
        pub requirements: Vec<Requirement>,
        pub minutes_check: MinutesCheck,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub minutes_settings: Option<Map<String, Value>>,
    }

    impl Default for ComplianceOptions {
        fn default() -> Self {
            let requirements =
                super::to_value(&dangjian_standards::meetings::default_requirements());
            ComplianceOptions {
                year: None,
                from: None,
                to: None,
                today: None,
                locale: Locale::ZhCn,
                requirements: serde_json::from_value(requirements).unwrap(),
                minutes_check: MinutesCheck::default(),
                minutes_settings: None,
            }
        }
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum MinutesCheck {
        #[default]
        ExcludeInvalid,
        CountInvalid,
        Off,
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct Requirement {
        pub id: String,
        pub title: Text,
        pub period: Period,
        pub min: u32,
        #[serde(default = "enabled_by_default")]
        pub enabled: bool,
        pub counts: Vec<Matcher>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub fixed_day: Option<FixedDay>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub usual_months: Vec<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub source: Option<String>,
    }

    fn enabled_by_default() -> bool {
        true
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct Matcher {
        #[serde(rename = "type")]
        pub meeting_type: String,
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        pub fields: BTreeMap<String, Value>,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Period {
        Week,
        Month,
        Quarter,
        HalfYear,
        Year,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
    #[serde(default, deny_unknown_fields)]
    pub struct FixedDay {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub day_of_month: Option<u32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub weekday: Option<u32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub nth: Option<u32>,
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(default, deny_unknown_fields)]
    pub struct SlateOptions {
        pub today: Option<String>,
        pub election_date: Option<String>,
        pub locale: Locale,
        pub village_committee_min: u32,
        pub village_committee_max: u32,
        pub branch_committee_min: u32,
        pub branch_committee_max: u32,
        pub min_women: u32,
        pub close_relations: Vec<String>,
        pub relatives_rule_on_branch_committee: bool,
        pub young_max_age: i64,
        pub min_young: u32,
        pub senior_high_min_percent: f64,
        pub min_college: u32,
        pub max_average_age: f64,
        pub secretary_max_age: i64,
        pub expect_one_shoulder: bool,
        pub min_cross_appointment_percent: Option<f64>,
        pub require_deputies: bool,
        pub previous_term: Option<PreviousTerm>,
        pub education_levels: Vec<String>,
        pub senior_high_level: String,
        pub college_level: String,
        pub exclude_not_nominated: bool,
        pub review_settings: Option<Value>,
    }

    impl Default for SlateOptions {
        fn default() -> Self {
            let o = dangjian_standards::review::SlateOptions::default();
            SlateOptions {
                today: o.today,
                election_date: o.election_date,
                locale: match o.locale {
                    dangjian_core::Locale::ZhCn => Locale::ZhCn,
                    dangjian_core::Locale::En => Locale::En,
                },
                village_committee_min: o.village_committee_min,
                village_committee_max: o.village_committee_max,
                branch_committee_min: o.branch_committee_min,
                branch_committee_max: o.branch_committee_max,
                min_women: o.min_women,
                close_relations: o.close_relations,
                relatives_rule_on_branch_committee: o.relatives_rule_on_branch_committee,
                young_max_age: o.young_max_age,
                min_young: o.min_young,
                senior_high_min_percent: o.senior_high_min_percent,
                min_college: o.min_college,
                max_average_age: o.max_average_age,
                secretary_max_age: o.secretary_max_age,
                expect_one_shoulder: o.expect_one_shoulder,
                min_cross_appointment_percent: o.min_cross_appointment_percent,
                require_deputies: o.require_deputies,
                previous_term: o.previous_term.map(|p| PreviousTerm {
                    average_age: p.average_age,
                    senior_high_percent: p.senior_high_percent,
                    college_percent: p.college_percent,
                }),
                education_levels: o.education_levels,
                senior_high_level: o.senior_high_level,
                college_level: o.college_level,
                exclude_not_nominated: o.exclude_not_nominated,
                review_settings: o.review_settings,
            }
        }
    }

    #[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
    #[serde(default, deny_unknown_fields)]
    pub struct PreviousTerm {
        pub average_age: Option<f64>,
        pub senior_high_percent: Option<f64>,
        pub college_percent: Option<f64>,
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct NegativeItem {
        pub id: String,
        #[serde(default)]
        pub title: Text,
        #[serde(default)]
        pub description: Text,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Applies {
        #[default]
        All,
        Enterprise,
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct Department {
        pub id: String,
        #[serde(default)]
        pub title: Text,
        #[serde(default)]
        pub items: Vec<String>,
        #[serde(default)]
        pub applies: Applies,
    }
}

fn to_value<T: Serialize>(t: &T) -> Value {
    serde_json::to_value(t).unwrap()
}

/// Values of every JSON kind, with the numbers that read differently as
/// `u32`, `i32`, `i64` and `f64`, and the shapes an enum may take.
fn samples() -> Vec<Value> {
    vec![
        json!(null),
        json!(true),
        json!(0),
        json!(7),
        json!(-1),
        json!(4_294_967_295_u64),
        json!(4_294_967_296_u64),
        json!(2_147_483_648_u64),
        json!(-2_147_483_649_i64),
        json!(9_223_372_036_854_775_808_u64),
        json!(-9_223_372_036_854_775_808_i64),
        json!(1.5),
        json!(1e20),
        json!(""),
        json!("a"),
        json!("week"),
        json!("en"),
        json!("zh-CN"),
        json!("off"),
        json!("enterprise"),
        json!([]),
        json!([1]),
        json!(["a", "b"]),
        json!({}),
        json!({"a": 1}),
        json!({"week": null}),
        json!({"en": null}),
        json!({"off": 1}),
        json!({"a": 1, "b": 2}),
    ]
}

/// Every mutation of `doc` at every depth.
fn mutations(doc: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    for s in samples() {
        out.push(s);
    }
    match doc {
        Value::Object(map) => {
            let values: Vec<Value> = map.values().cloned().collect();
            for n in 0..=values.len() + 1 {
                let mut items: Vec<Value> = values.iter().take(n).cloned().collect();
                if n > values.len() {
                    items.push(json!(null));
                }
                out.push(Value::Array(items));
            }
            let mut extra = map.clone();
            extra.insert("zz_unknown".into(), json!(1));
            out.push(Value::Object(extra));
            let mut first = serde_json::Map::new();
            first.insert("zz_unknown".into(), json!(1));
            first.extend(map.clone());
            out.push(Value::Object(first));
            for (k, v) in map {
                let mut without = map.clone();
                without.remove(k);
                out.push(Value::Object(without));
                for m in mutations(v) {
                    let mut changed = map.clone();
                    changed.insert(k.clone(), m);
                    out.push(Value::Object(changed));
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                for m in mutations(v) {
                    let mut changed = items.clone();
                    changed[i] = m;
                    out.push(Value::Array(changed));
                }
            }
        }
        _ => {}
    }
    out
}

/// Reads `doc` both ways, from an owned and a borrowed `Value`: the same
/// value (the types and their fields have the same names, so the same
/// `Debug` text), or the same message. True when it was refused.
fn same<Ours, Theirs>(doc: &Value) -> bool
where
    Ours: DeserializeOwned + Debug,
    Theirs: DeserializeOwned + Debug,
{
    fn shown<T: Debug>(r: Result<T, serde_json::Error>) -> Result<String, String> {
        r.map(|v| format!("{v:?}")).map_err(|e| e.to_string())
    }
    let ours = shown(serde_json::from_value::<Ours>(doc.clone()));
    let theirs = shown(serde_json::from_value::<Theirs>(doc.clone()));
    assert_eq!(ours, theirs, "owned: {doc}");
    assert_eq!(
        shown(Ours::deserialize(doc)),
        shown(Theirs::deserialize(doc)),
        "borrowed: {doc}"
    );
    ours.is_err()
}

/// Reads each of `docs` and each of their mutations both ways; how many
/// documents were read and how many refused.
fn all_mutations<Ours, Theirs>(docs: &[Value]) -> (usize, usize)
where
    Ours: DeserializeOwned + Debug,
    Theirs: DeserializeOwned + Debug,
{
    let (mut n, mut errors) = (0, 0);
    for doc in docs {
        for m in std::iter::once(doc.clone()).chain(mutations(doc)) {
            errors += usize::from(same::<Ours, Theirs>(&m));
            n += 1;
        }
    }
    (n, errors)
}

#[test]
fn compliance_options_read_as_derived() {
    let mut rich = to_value(&ComplianceOptions::for_year(2026));
    rich["from"] = json!("2026-01-01");
    rich["locale"] = json!("en");
    rich["minutes_settings"] = json!({"x": 1});
    rich["requirements"] = json!([{
        "id": "r", "title": {"zh-CN": "会", "en": "m"}, "period": "quarter", "min": 1,
        "enabled": false, "counts": [{"type": "t", "fields": {"/a": 1}}],
        "fixed_day": {"weekday": 5, "nth": 1}, "usual_months": [1, 7], "source": "s",
        "other": true
    }]);
    let docs = [json!({}), to_value(&ComplianceOptions::default()), rich];
    let (n, errors) = all_mutations::<ComplianceOptions, derived::ComplianceOptions>(&docs);
    assert!(n > 1000 && errors > 500, "{n} documents, {errors} refused");
}

#[test]
fn requirements_and_their_parts_read_as_derived() {
    let docs: Vec<Value> = default_requirements().iter().map(to_value).collect();
    all_mutations::<dangjian_standards::meetings::Requirement, derived::Requirement>(&docs);
    all_mutations::<FixedDay, derived::FixedDay>(&[
        json!({"day_of_month": 10, "weekday": 1, "nth": 2}),
    ]);
    all_mutations::<Period, derived::Period>(&[json!("half_year"), json!({"year": null})]);
    all_mutations::<dangjian_core::Locale, derived::Locale>(&[json!("zh-CN"), json!({"en": null})]);
}

#[test]
fn slate_options_read_as_derived() {
    let mut rich = to_value(&SlateOptions::default());
    rich["previous_term"] =
        json!({"average_age": 50.5, "senior_high_percent": 40, "college_percent": null});
    rich["min_cross_appointment_percent"] = json!(30);
    rich["review_settings"] = json!({"min_age": 18});
    rich["today"] = json!("2026-03-01");
    let docs = [json!({}), rich];
    let (n, errors) = all_mutations::<SlateOptions, derived::SlateOptions>(&docs);
    assert!(n > 1000 && errors > 500, "{n} documents, {errors} refused");
}

#[test]
fn review_settings_items_read_as_derived() {
    let item = json!({"id": "9", "title": "t", "description": {"zh-CN": "描述"}, "x": 1});
    all_mutations::<NegativeItem, derived::NegativeItem>(&[item, json!({"id": "1"})]);
    let department =
        json!({"id": "d", "title": "部门", "items": ["1", "2"], "applies": "enterprise"});
    all_mutations::<Department, derived::Department>(&[department, json!({"id": "d"})]);
    all_mutations::<Vec<Department>, Vec<derived::Department>>(&[
        json!([{"id": "a"}, {"id": "b", "applies": "all"}]),
    ]);
}

#[test]
fn a_few_messages_pinned() {
    let says = |doc: Value| {
        serde_json::from_value::<SlateOptions>(doc)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        says(json!({"min_women": -1})),
        "invalid value: integer `-1`, expected u32"
    );
    assert_eq!(
        says(json!({"young_max_age": 1.5})),
        "invalid type: floating point `1.5`, expected i64"
    );
    assert_eq!(
        says(json!({"previous_term": {"age": 1}})),
        "unknown field `age`, expected one of `average_age`, `senior_high_percent`, `college_percent`"
    );
    let says = |doc: Value| {
        serde_json::from_value::<ComplianceOptions>(doc)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        says(json!({"year": 3_000_000_000_u64})),
        "invalid value: integer `3000000000`, expected i32"
    );
    assert_eq!(
        says(json!({"locale": "fr"})),
        "unknown variant `fr`, expected `zh-CN` or `en`"
    );
    assert_eq!(
        says(json!({"requirements": [{"id": "x"}]})),
        "missing field `title`"
    );
}

#[allow(dead_code)]
mod derived_supervision {
    //! The supervision options as they were declared, with their derived
    //! `Deserialize`.
    use super::derived::{Locale, MinutesCheck, Requirement};
    use dangjian_core::number::Num;
    use serde::{Deserialize, Deserializer};
    use serde_json::{Map, Value};
    use std::collections::BTreeMap;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct SupervisionOptions {
        pub as_of: String,
        #[serde(default)]
        pub today: Option<String>,
        #[serde(default)]
        pub year: Option<i32>,
        #[serde(default)]
        pub from: Option<String>,
        #[serde(default)]
        pub to: Option<String>,
        #[serde(default)]
        pub locale: Locale,
        #[serde(default, deserialize_with = "over_defaults")]
        pub attention: Thresholds,
        #[serde(default)]
        pub form_settings: BTreeMap<String, Map<String, Value>>,
        #[serde(default = "default_requirements")]
        pub requirements: Vec<Requirement>,
        #[serde(default)]
        pub minutes_check: MinutesCheck,
    }

    fn default_requirements() -> Vec<Requirement> {
        let list = super::to_value(&dangjian_standards::meetings::default_requirements());
        serde_json::from_value(list).unwrap()
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Thresholds {
        pub score_below: Num,
        pub vetoed: bool,
        pub no_checklist: bool,
        pub missing_weekly: u32,
        pub missing_monthly: u32,
        pub missing_quarterly: u32,
        pub missing_yearly: u32,
        pub overdue_rectifications: u32,
        pub secretary_grade_at_most: Option<Grade>,
        pub invalid_records: u32,
    }

    impl Default for Thresholds {
        fn default() -> Self {
            Thresholds::deserialize(&Value::Object(default_values())).unwrap()
        }
    }

    pub fn default_values() -> Map<String, Value> {
        dangjian_standards::supervision::attention_settings()
            .iter()
            .map(|(name, s)| (name.clone(), s.value.clone()))
            .collect()
    }

    fn over_defaults<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Thresholds, D::Error> {
        let given = Map::<String, Value>::deserialize(deserializer)?;
        let mut values = default_values();
        values.extend(given);
        Thresholds::deserialize(&Value::Object(values)).map_err(serde::de::Error::custom)
    }

    #[derive(Debug, Clone, Copy, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Grade {
        Poor,
        Average,
        FairlyGood,
        Good,
    }
}

#[test]
fn supervision_options_read_as_derived() {
    use dangjian_standards::supervision::{SupervisionOptions, Thresholds};
    let rich = json!({
        "as_of": "2026-10-31", "today": "2026-11-02", "year": 2026, "locale": "en",
        "attention": {"score_below": 70, "secretary_grade_at_most": "poor", "vetoed": false},
        "form_settings": {"meeting-minutes": {"majority_strict": false}},
        "requirements": [{"id": "r", "title": "t", "period": "month", "min": 1, "counts": [{"type": "t"}]}],
        "minutes_check": "off"
    });
    let docs = [json!({"as_of": "2026-10-31"}), rich];
    let (n, errors) =
        all_mutations::<SupervisionOptions, derived_supervision::SupervisionOptions>(&docs);
    assert!(n > 700 && errors > 500, "{n} documents, {errors} refused");
    let defaults = Value::Object(derived_supervision::default_values());
    all_mutations::<Thresholds, derived_supervision::Thresholds>(&[defaults]);
}
