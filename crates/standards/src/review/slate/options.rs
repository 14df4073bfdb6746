//! The thresholds of the slate checks: every one an option whose default is a
//! setting of the `candidate-review` form, `slate_<option>` (domain-rules §5,
//! with its type, range and source), so the defaults live in one place.

use dangjian_core::spec::read::{
    any, boolean, deserialize_by, float, int64, list, locale, object, optional, string, uint32,
    Json, Read,
};
use dangjian_core::Locale;
use serde::Serialize;

/// Thresholds and switches of [`super::slate`]. Every field has a default; a
/// JSON object may give any subset of them (unknown names are refused).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SlateOptions {
    /// Today (`YYYY-MM-DD`), when the records give no election day.
    pub today: Option<String>,
    /// The day ages are counted to; default: the first election day in the records, else `today`.
    pub election_date: Option<String>,
    /// Language of the messages.
    pub locale: Locale,
    /// Fewest members of the villagers' committee. [C] 村民委员会组织法第六条
    pub village_committee_min: u32,
    /// Most members of the villagers' committee. [C] 村民委员会组织法第六条
    pub village_committee_max: u32,
    /// Fewest members of a village party committee, checked when the slate proposes one
    /// (two or more party posts). [C] 中国共产党支部工作条例（试行）
    pub branch_committee_min: u32,
    /// Most members of a village party committee. [C] 中国共产党支部工作条例（试行）
    pub branch_committee_max: u32,
    /// Fewest women on the villagers' committee. [C] 村民委员会组织法第六条
    pub min_women: u32,
    /// Declared relations that may not sit on one committee. [C] 广东省村民委员会选举办法
    pub close_relations: Vec<String>,
    /// Also keep close relatives off the same village party committee. [A]
    pub relatives_rule_on_branch_committee: bool,
    /// Age up to which a member counts as young. [L]
    pub young_max_age: i64,
    /// Fewest young members of the two committees. [L]
    pub min_young: u32,
    /// Lowest share (%) of members with senior-high education or more. [L]
    pub senior_high_min_percent: f64,
    /// Fewest members with a college diploma (大专) or more. [L]
    pub min_college: u32,
    /// Highest average age of the members. [L]
    pub max_average_age: f64,
    /// Oldest age of the secretary on election day. [A]
    pub secretary_max_age: i64,
    /// The secretary should also be the committee's director (一肩挑). [A]
    pub expect_one_shoulder: bool,
    /// Lowest share (%) of members on both committees (交叉任职); none: only reported. [A]
    pub min_cross_appointment_percent: Option<f64>,
    /// Deputy secretary and deputy director posts must be filled (seed 002: 100 % 配齐). [L]
    pub require_deputies: bool,
    /// The previous term's figures, for “一降一升” (age down, education up). [L] seed 003
    pub previous_term: Option<PreviousTerm>,
    /// Education levels from lowest to highest (the values of the form's `education` choice).
    pub education_levels: Vec<String>,
    /// The level from which a member counts as senior-high educated.
    pub senior_high_level: String,
    /// The level from which a member counts as college educated (大专).
    pub college_level: String,
    /// Leave candidates whose verdict is 建议不予提名 out of the composition. [C] 未通过联审不得提名
    pub exclude_not_nominated: bool,
    /// Settings of the candidate-review form (`{name: value}`) for the verdicts; default: the built-in form's.
    pub review_settings: Option<serde_json::Value>,
}

/// The previous term's composition, for comparison.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct PreviousTerm {
    /// Average age of the previous two committees.
    pub average_age: Option<f64>,
    /// Their share (%) with senior-high education or more.
    pub senior_high_percent: Option<f64>,
    /// Their share (%) with a college diploma or more.
    pub college_percent: Option<f64>,
}

impl Default for SlateOptions {
    /// The defaults: the `slate_*` settings of the built-in `candidate-review`
    /// form (these values when its spec is not at hand, which a test keeps equal).
    fn default() -> Self {
        let mut o = SlateOptions::fallback();
        o.apply_settings(crate::builtin_settings::of(crate::review::FORM_ID));
        o
    }
}

const SLATE: &[&str] = &[
    "today",
    "election_date",
    "locale",
    "village_committee_min",
    "village_committee_max",
    "branch_committee_min",
    "branch_committee_max",
    "min_women",
    "close_relations",
    "relatives_rule_on_branch_committee",
    "young_max_age",
    "min_young",
    "senior_high_min_percent",
    "min_college",
    "max_average_age",
    "secretary_max_age",
    "expect_one_shoulder",
    "min_cross_appointment_percent",
    "require_deputies",
    "previous_term",
    "education_levels",
    "senior_high_level",
    "college_level",
    "exclude_not_nominated",
    "review_settings",
];

impl SlateOptions {
    /// Reads the options from JSON: every property optional (the default's
    /// value stands in), no others.
    pub fn read(value: &Json<'_>) -> Read<SlateOptions> {
        object(value, "struct SlateOptions", SLATE, |f| {
            let mut o = SlateOptions::default();
            for (k, v) in f.entries() {
                match k {
                    "today" => f.set(k, &mut o.today, optional(v, string)),
                    "election_date" => f.set(k, &mut o.election_date, optional(v, string)),
                    "locale" => f.set(k, &mut o.locale, locale(v)),
                    "village_committee_min" => f.set(k, &mut o.village_committee_min, uint32(v)),
                    "village_committee_max" => f.set(k, &mut o.village_committee_max, uint32(v)),
                    "branch_committee_min" => f.set(k, &mut o.branch_committee_min, uint32(v)),
                    "branch_committee_max" => f.set(k, &mut o.branch_committee_max, uint32(v)),
                    "min_women" => f.set(k, &mut o.min_women, uint32(v)),
                    "close_relations" => f.set(k, &mut o.close_relations, list(v, string)),
                    "relatives_rule_on_branch_committee" => {
                        f.set(k, &mut o.relatives_rule_on_branch_committee, boolean(v));
                    }
                    "young_max_age" => f.set(k, &mut o.young_max_age, int64(v)),
                    "min_young" => f.set(k, &mut o.min_young, uint32(v)),
                    "senior_high_min_percent" => {
                        f.set(k, &mut o.senior_high_min_percent, float(v));
                    }
                    "min_college" => f.set(k, &mut o.min_college, uint32(v)),
                    "max_average_age" => f.set(k, &mut o.max_average_age, float(v)),
                    "secretary_max_age" => f.set(k, &mut o.secretary_max_age, int64(v)),
                    "expect_one_shoulder" => f.set(k, &mut o.expect_one_shoulder, boolean(v)),
                    "min_cross_appointment_percent" => {
                        f.set(k, &mut o.min_cross_appointment_percent, optional(v, float));
                    }
                    "require_deputies" => f.set(k, &mut o.require_deputies, boolean(v)),
                    "previous_term" => {
                        f.set(k, &mut o.previous_term, optional(v, PreviousTerm::read));
                    }
                    "education_levels" => f.set(k, &mut o.education_levels, list(v, string)),
                    "senior_high_level" => f.set(k, &mut o.senior_high_level, string(v)),
                    "college_level" => f.set(k, &mut o.college_level, string(v)),
                    "exclude_not_nominated" => {
                        f.set(k, &mut o.exclude_not_nominated, boolean(v));
                    }
                    "review_settings" => f.set(k, &mut o.review_settings, optional(v, any)),
                    _ => f.unknown(k),
                }
            }
            o
        })
    }
}

const PREVIOUS_TERM: &[&str] = &["average_age", "senior_high_percent", "college_percent"];

impl PreviousTerm {
    /// Reads the previous term's figures from JSON: every property optional,
    /// no others.
    pub fn read(value: &Json<'_>) -> Read<PreviousTerm> {
        object(value, "struct PreviousTerm", PREVIOUS_TERM, |f| {
            let mut p = PreviousTerm::default();
            for (k, v) in f.entries() {
                match k {
                    "average_age" => f.set(k, &mut p.average_age, optional(v, float)),
                    "senior_high_percent" => {
                        f.set(k, &mut p.senior_high_percent, optional(v, float));
                    }
                    "college_percent" => f.set(k, &mut p.college_percent, optional(v, float)),
                    _ => f.unknown(k),
                }
            }
            p
        })
    }
}

deserialize_by!(SlateOptions, SlateOptions::read);
deserialize_by!(PreviousTerm, PreviousTerm::read);

/// The prefix of the `candidate-review` settings that hold the slate thresholds.
pub const SETTING_PREFIX: &str = "slate_";

impl SlateOptions {
    /// Takes each threshold from the setting `slate_<name>` of `settings`
    /// (`{name: value}`) when it is there with a value of the threshold's type.
    pub fn apply_settings(&mut self, settings: &serde_json::Value) {
        let get = |name: &str| settings.get(format!("{SETTING_PREFIX}{name}"));
        let uint = |name: &str, slot: &mut u32| {
            if let Some(n) = get(name).and_then(serde_json::Value::as_u64) {
                *slot = u32::try_from(n).unwrap_or(*slot);
            }
        };
        uint("village_committee_min", &mut self.village_committee_min);
        uint("village_committee_max", &mut self.village_committee_max);
        uint("branch_committee_min", &mut self.branch_committee_min);
        uint("branch_committee_max", &mut self.branch_committee_max);
        uint("min_women", &mut self.min_women);
        uint("min_young", &mut self.min_young);
        uint("min_college", &mut self.min_college);
        for (name, slot) in [
            ("young_max_age", &mut self.young_max_age),
            ("secretary_max_age", &mut self.secretary_max_age),
        ] {
            if let Some(n) = get(name).and_then(serde_json::Value::as_i64) {
                *slot = n;
            }
        }
        for (name, slot) in [
            ("senior_high_min_percent", &mut self.senior_high_min_percent),
            ("max_average_age", &mut self.max_average_age),
        ] {
            if let Some(n) = get(name).and_then(serde_json::Value::as_f64) {
                *slot = n;
            }
        }
        for (name, slot) in [
            (
                "relatives_rule_on_branch_committee",
                &mut self.relatives_rule_on_branch_committee,
            ),
            ("expect_one_shoulder", &mut self.expect_one_shoulder),
            ("require_deputies", &mut self.require_deputies),
        ] {
            if let Some(b) = get(name).and_then(serde_json::Value::as_bool) {
                *slot = b;
            }
        }
    }

    /// The defaults without the form's settings.
    fn fallback() -> Self {
        SlateOptions {
            today: None,
            election_date: None,
            locale: Locale::ZhCn,
            village_committee_min: 3,
            village_committee_max: 7,
            branch_committee_min: 3,
            branch_committee_max: 7,
            min_women: 1,
            close_relations: ["spouse", "parent", "child", "sibling"]
                .map(String::from)
                .to_vec(),
            relatives_rule_on_branch_committee: true,
            young_max_age: 35,
            min_young: 1,
            senior_high_min_percent: 55.0,
            min_college: 1,
            max_average_age: 48.0,
            secretary_max_age: 60,
            expect_one_shoulder: true,
            min_cross_appointment_percent: None,
            require_deputies: true,
            previous_term: None,
            education_levels: [
                "primary",
                "junior_high",
                "senior_high",
                "college",
                "bachelor",
                "postgraduate",
            ]
            .map(String::from)
            .to_vec(),
            senior_high_level: "senior_high".into(),
            college_level: "college".into(),
            exclude_not_nominated: true,
            review_settings: None,
        }
    }
}

/// Each threshold's name, default source tag and source, for documentation.
pub const SOURCES: [(&str, &str); 17] = [
    (
        "village_committee_min",
        "[C] 村民委员会组织法第六条：村委会由主任、副主任和委员共三至七人组成",
    ),
    ("village_committee_max", "[C] 村民委员会组织法第六条"),
    (
        "branch_committee_min",
        "[C] 中国共产党支部工作条例（试行）：支委会一般由3至5人组成，最多不超过7人",
    ),
    ("branch_committee_max", "[C] 中国共产党支部工作条例（试行）"),
    (
        "min_women",
        "[C] 村民委员会组织法第六条：村委会成员中应当有妇女成员",
    ),
    (
        "close_relations",
        "[C] 广东省村民委员会选举办法：配偶、父母子女、兄弟姐妹不得同时担任村委会成员",
    ),
    (
        "relatives_rule_on_branch_committee",
        "[A] 同一规则用于村党组织委员会",
    ),
    ("young_max_age", "[L] 地方换届结构要求：35岁左右的年轻干部"),
    ("min_young", "[L] 地方换届结构要求：至少1名35岁以下成员"),
    (
        "senior_high_min_percent",
        "[L] 地方换届结构要求：高中以上学历占比不低于55%",
    ),
    (
        "min_college",
        "[L] 地方换届结构要求：至少1名大专以上学历成员",
    ),
    (
        "max_average_age",
        "[L] 地方换届结构要求：平均年龄不超过48岁",
    ),
    ("secretary_max_age", "[A] 村党组织书记年龄一般不超过60岁"),
    (
        "expect_one_shoulder",
        "[A] 村党组织书记通过法定程序担任村委会主任（“一肩挑”）",
    ),
    (
        "min_cross_appointment_percent",
        "[A] “两委”交叉任职比例，默认只报告",
    ),
    (
        "require_deputies",
        "[L] 种子文章002：副书记、副主任和妇女干部100%配齐",
    ),
    ("previous_term", "[L] 种子文章003：年龄“一降”、学历“一升”"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_the_review_forms_slate_settings() {
        let settings = crate::builtin_settings::of(crate::review::FORM_ID);
        let names: Vec<&String> = settings
            .as_object()
            .unwrap()
            .keys()
            .filter(|k| k.starts_with(SETTING_PREFIX))
            .collect();
        assert_eq!(names.len(), 14);
        // The fallback agrees with the spec, so a browser without it gives the same answers.
        assert_eq!(SlateOptions::default(), SlateOptions::fallback());
        let mut o = SlateOptions::fallback();
        o.apply_settings(&serde_json::json!({"slate_min_women": 2, "slate_max_average_age": 45.5}));
        assert_eq!((o.min_women, o.max_average_age), (2, 45.5));
    }
}
