//! The branch standardization checklist (`forms/branch-checklist.json`): its
//! rectification list, and its grade schemes.
//!
//! The checklist itself — items, points, deductions, evidence, vetoes, the
//! branch set-up rules — is entirely the spec. So are the grade schemes: the
//! spec's `scoring.band_sets` holds `stars` (五星 … 一星, the default) and
//! `words` (优秀/良好/达标/不达标), and its setting `grade_scheme` picks one, so a
//! county switches with `--set grade_scheme=words` or
//! `form.withSettings({grade_scheme: "words"})`, no code. [`with_grade_scheme`]
//! does the same to a spec value; [`grade_bands`] gives the bands of a scheme
//! for specs that have no band sets.

pub mod rectification;

pub use rectification::{
    rectification_list, Problems, RectificationEntry, RectificationHeader, RectificationList,
    RectificationOptions, RECTIFICATION_FORM_ID,
};

use crate::lookup::At;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// Id of the built-in checklist form.
pub const CHECKLIST_FORM_ID: &str = "branch-checklist";

/// The setting of the built-in checklist that picks the grade scheme.
pub const GRADE_SCHEME_SETTING: &str = "grade_scheme";

/// The grade schemes in use for branch checklists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GradeScheme {
    /// 五星 ≥ 90, 四星 80–89, 三星 70–79, 二星 60–69, 一星 < 60 (the default).
    FiveStars,
    /// 优秀 ≥ 90, 良好 80–89, 达标 60–79, 不达标 < 60.
    FourLevels,
}

impl GradeScheme {
    /// The value of the `grade_scheme` setting (the name of the band set) for this scheme.
    pub fn setting_value(self) -> &'static str {
        match self {
            GradeScheme::FiveStars => "stars",
            GradeScheme::FourLevels => "words",
        }
    }
}

/// The `scoring.bands` of a scheme, as spec JSON.
pub fn grade_bands(scheme: GradeScheme) -> Value {
    match scheme {
        GradeScheme::FiveStars => json!([
            {"id": "five_stars", "min": 90, "title": {"zh-CN": "五星", "en": "Five stars"}, "stars": 5},
            {"id": "four_stars", "min": 80, "max": 90, "title": {"zh-CN": "四星", "en": "Four stars"}, "stars": 4},
            {"id": "three_stars", "min": 70, "max": 80, "title": {"zh-CN": "三星", "en": "Three stars"}, "stars": 3},
            {"id": "two_stars", "min": 60, "max": 70, "title": {"zh-CN": "二星", "en": "Two stars"}, "stars": 2},
            {"id": "one_star", "min": 0, "max": 60, "title": {"zh-CN": "一星", "en": "One star"}, "stars": 1}
        ]),
        GradeScheme::FourLevels => json!([
            {"id": "excellent", "min": 90, "title": {"zh-CN": "优秀", "en": "Excellent"}},
            {"id": "good", "min": 80, "max": 90, "title": {"zh-CN": "良好", "en": "Good"}},
            {"id": "pass", "min": 60, "max": 80, "title": {"zh-CN": "达标", "en": "Pass"}},
            {"id": "fail", "min": 0, "max": 60, "title": {"zh-CN": "不达标", "en": "Fail"}}
        ]),
    }
}

/// A copy of `spec` graded by `scheme`. A spec whose `scoring.band_set` reads
/// the `grade_scheme` setting and whose `band_sets` hold the scheme (the
/// built-in checklist) only gets the setting's value changed, exactly as
/// `Form::with_settings` would. Any other scored spec gets the scheme's bands
/// written into `scoring.bands`, with vetoes that force a named band (form-level
/// and item-level) pointed at the new lowest band. A spec without `scoring` is
/// returned unchanged.
pub fn with_grade_scheme(spec: &Value, scheme: GradeScheme) -> Value {
    let mut out = spec.clone();
    let name = scheme.setting_value();
    let by_setting = out
        .at("/scoring/band_set")
        .and_then(Value::as_str)
        .is_some_and(|b| b == format!("$settings.{GRADE_SCHEME_SETTING}"))
        && out.at(&format!("/scoring/band_sets/{name}")).is_some();
    if by_setting {
        if let Some(setting) = out
            .pointer_mut(&format!("/settings/{GRADE_SCHEME_SETTING}"))
            .and_then(Value::as_object_mut)
        {
            setting.insert("value".to_owned(), Value::String(name.to_owned()));
            return out;
        }
    }
    let bands = grade_bands(scheme);
    let lowest = bands
        .as_array()
        .and_then(|b| b.last())
        .and_then(|b| b.get("id"))
        .cloned()
        .unwrap_or(Value::Null);
    if let Some(scoring) = out.get_mut("scoring").and_then(Value::as_object_mut) {
        scoring.remove("band_sets");
        scoring.remove("band_set");
        scoring.insert("bands".to_owned(), bands);
        if let Some(vetoes) = scoring.get_mut("veto").and_then(Value::as_array_mut) {
            for v in vetoes.iter_mut().filter_map(Value::as_object_mut) {
                if v.contains_key("grade") {
                    v.insert("grade".to_owned(), lowest.clone());
                }
            }
        }
    } else {
        return out;
    }
    if let Some(sections) = out.get_mut("sections") {
        point_item_vetoes(sections, &lowest);
    }
    out
}

/// Points every item-level veto that names a band at `lowest`.
fn point_item_vetoes(node: &mut Value, lowest: &Value) {
    match node {
        Value::Array(list) => {
            for n in list {
                point_item_vetoes(n, lowest);
            }
        }
        Value::Object(map) => {
            if let Some(veto) = map
                .get_mut("score")
                .and_then(|s| s.get_mut("veto"))
                .and_then(Value::as_object_mut)
            {
                if veto.contains_key("grade") {
                    veto.insert("grade".to_owned(), lowest.clone());
                }
            }
            if let Some(items) = map.get_mut("items") {
                point_item_vetoes(items, lowest);
            }
        }
        _ => {}
    }
}
