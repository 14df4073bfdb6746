//! The branch standardization checklist (`forms/branch-checklist.json`): its
//! rectification list, and its grade schemes as data.
//!
//! The checklist itself — items, points, deductions, evidence, vetoes, the
//! branch set-up rules — is entirely the spec. Grade bands are data too: the
//! default scheme is five stars; [`GradeScheme::FourLevels`] gives the
//! 优秀/良好/达标/不达标 alternative, and [`with_grade_scheme`] writes either
//! into a spec, exactly as a portal would by editing `scoring.bands`.

pub mod rectification;

pub use rectification::{
    rectification_list, Problems, RectificationEntry, RectificationHeader, RectificationList,
    RectificationOptions, RECTIFICATION_FORM_ID,
};

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// Id of the built-in checklist form.
pub const CHECKLIST_FORM_ID: &str = "branch-checklist";

/// The grade schemes in use for branch checklists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GradeScheme {
    /// 五星 ≥ 90, 四星 80–89, 三星 70–79, 二星 60–69, 一星 < 60 (the default).
    FiveStars,
    /// 优秀 ≥ 90, 良好 80–89, 达标 60–79, 不达标 < 60.
    FourLevels,
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

/// A copy of `spec` whose grade bands are those of `scheme`. Vetoes that force a
/// named band are pointed at the new lowest band. A spec without `scoring` is
/// returned unchanged.
pub fn with_grade_scheme(spec: &Value, scheme: GradeScheme) -> Value {
    let mut out = spec.clone();
    let bands = grade_bands(scheme);
    let lowest = bands
        .as_array()
        .and_then(|b| b.last())
        .and_then(|b| b.get("id"))
        .cloned()
        .unwrap_or(Value::Null);
    if let Some(scoring) = out.get_mut("scoring").and_then(Value::as_object_mut) {
        scoring.insert("bands".to_owned(), bands);
        if let Some(vetoes) = scoring.get_mut("veto").and_then(Value::as_array_mut) {
            for v in vetoes.iter_mut().filter_map(Value::as_object_mut) {
                if v.contains_key("grade") {
                    v.insert("grade".to_owned(), lowest.clone());
                }
            }
        }
    }
    out
}
