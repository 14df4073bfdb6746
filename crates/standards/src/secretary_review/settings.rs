//! The thresholds and weights of the review, read from a form's settings
//! (`Form::settings()`, `{name: value}`). A setting a county's spec leaves out,
//! or gives with the wrong shape, falls back to the built-in form's value.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A share written as a fraction, `num / den` (⅓: 1 / 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fraction {
    /// Numerator.
    pub num: u64,
    /// Denominator.
    pub den: u64,
}

impl Fraction {
    /// True when `part` is at least this share of `whole` (`part·den ≥ whole·num`);
    /// false when `whole` is 0.
    pub fn reached(self, part: u64, whole: u64) -> bool {
        whole > 0
            && u128::from(part) * u128::from(self.den) >= u128::from(whole) * u128::from(self.num)
    }
}

/// Everything the assessment needs from the settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewSettings {
    /// Weight of each evaluator group, by group id (`group_weights`): numbers.
    ///
    /// (The tables are kept as JSON objects of numbers: the map type JSON
    /// values already have, not a map of `f64` with its own copy of the
    /// B-tree's code.)
    pub group_weights: Map<String, Value>,
    /// Points a vote of each grade is worth, by grade id (`rating_points`): numbers.
    pub rating_points: Map<String, Value>,
    /// Share (%) of the annual check score in the composite (`annual_check_weight_percent`).
    pub annual_check_weight_percent: f64,
    /// Lowest composite of 好, 较好 and 一般 (`grade_good_min`, `grade_fairly_good_min`, `grade_average_min`).
    pub band_mins: [f64; 3],
    /// 一般 and 差 votes from this share of the valid votes: at most 一般 (`lower_votes_num/den`).
    pub lower_votes: Fraction,
    /// 差 votes from this share of the valid votes: 差 (`poor_votes_num/den`).
    pub poor_votes: Fraction,
    /// A satisfaction rate (%) below this: at most 一般 (`satisfaction_min_percent`).
    pub satisfaction_min_percent: f64,
}

impl ReviewSettings {
    /// Reads the settings of a form (`{name: value}`).
    pub fn from_values(values: &Value) -> ReviewSettings {
        let builtin = crate::builtin_settings::of(super::FORM_ID);
        let get = |name: &str| {
            values
                .get(name)
                .filter(|v| !v.is_null())
                .or_else(|| builtin.get(name))
        };
        let number = |name: &str| get(name).and_then(Value::as_f64).unwrap_or(0.0);
        let count = |name: &str| get(name).and_then(Value::as_u64).unwrap_or(1);
        let table = |name: &str| {
            let read = |from: &Value| from.get(name).and_then(numbers);
            read(values).or_else(|| read(builtin)).unwrap_or_default()
        };
        ReviewSettings {
            group_weights: table("group_weights"),
            rating_points: table("rating_points"),
            annual_check_weight_percent: number("annual_check_weight_percent"),
            band_mins: [
                number("grade_good_min"),
                number("grade_fairly_good_min"),
                number("grade_average_min"),
            ],
            lower_votes: Fraction {
                num: count("lower_votes_num"),
                den: count("lower_votes_den"),
            },
            poor_votes: Fraction {
                num: count("poor_votes_num"),
                den: count("poor_votes_den"),
            },
            satisfaction_min_percent: number("satisfaction_min_percent"),
        }
    }

    /// The weight of an evaluator group (0 when the settings give none, or a negative one).
    pub fn weight(&self, group: &str) -> f64 {
        self.group_weights
            .get(group)
            .and_then(Value::as_f64)
            .filter(|w| w.is_finite() && *w > 0.0)
            .unwrap_or(0.0)
    }

    /// The points a vote of `grade` is worth.
    pub fn points(&self, grade: &str) -> f64 {
        self.rating_points
            .get(grade)
            .and_then(Value::as_f64)
            .filter(|p| p.is_finite())
            .unwrap_or(0.0)
    }
}

/// A table of numbers by name: an object whose every value is a number, each
/// kept as the `f64` it reads as; anything else is no table.
fn numbers(value: &Value) -> Option<Map<String, Value>> {
    let mut out = Map::new();
    for (k, v) in value.as_object()? {
        out.insert(k.clone(), Value::from(v.as_f64()?));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn built_in_values_and_a_countys_own() {
        let s = ReviewSettings::from_values(&Value::Null);
        assert_eq!(s.weight("leaders"), 40.0);
        assert_eq!(s.points("fairly_good"), 80.0);
        assert_eq!(s.band_mins, [90.0, 80.0, 60.0]);
        assert_eq!(s.lower_votes, Fraction { num: 1, den: 3 });
        let county = ReviewSettings::from_values(&json!({
            "group_weights": {"leaders": 50, "masses": 50},
            "rating_points": "nonsense",
            "grade_good_min": 95
        }));
        assert_eq!(county.weight("members"), 0.0);
        assert_eq!(county.points("good"), 100.0);
        assert_eq!(county.band_mins[0], 95.0);
    }

    #[test]
    fn fractions_are_exact() {
        let third = Fraction { num: 1, den: 3 };
        assert!(third.reached(10, 30));
        assert!(!third.reached(9, 28));
        assert!(third.reached(10, 28));
        assert!(!third.reached(0, 0));
    }
}
