//! Numbers in reports: rounded to two decimals and written without a trailing
//! `.0`, so Rust (`serde_json`) and JavaScript (`JSON.stringify`) print the same bytes.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A score or count in a report.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
pub struct Num(pub f64);

impl Num {
    /// `value` rounded half away from zero to two decimals; non-finite values become 0.
    pub fn round2(value: f64) -> Num {
        if !value.is_finite() {
            return Num(0.0);
        }
        let rounded = (value * 100.0).round() / 100.0;
        // Avoid "-0".
        Num(if rounded == 0.0 { 0.0 } else { rounded })
    }

    /// The value as JSON, written the way it is serialized.
    pub fn to_json(self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }

    /// The value.
    pub fn get(self) -> f64 {
        self.0
    }
}

impl std::fmt::Display for Num {
    /// Written as in reports: `3`, `82.63`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let v = self.0;
        if v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e15 {
            write!(f, "{}", v as i64)
        } else if v.is_finite() {
            // `{v}`'s text, without the standard library's float formatting.
            f.write_str(&crate::decimal::plain(v))
        } else {
            f.write_str("0")
        }
    }
}

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        if v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e15 {
            // Exact: |v| < 2^53 and integral.
            #[allow(clippy::cast_possible_truncation)]
            serializer.serialize_i64(v as i64)
        } else if v.is_finite() {
            serializer.serialize_f64(v)
        } else {
            serializer.serialize_i64(0)
        }
    }
}

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Num, D::Error> {
        f64::deserialize(deserializer).map(Num)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_have_no_fraction() {
        assert_eq!(serde_json::to_string(&Num::round2(3.0)).unwrap(), "3");
        assert_eq!(
            serde_json::to_string(&Num::round2(82.6315)).unwrap(),
            "82.63"
        );
        assert_eq!(serde_json::to_string(&Num::round2(-0.001)).unwrap(), "0");
        assert_eq!(serde_json::to_string(&Num::round2(f64::NAN)).unwrap(), "0");
    }
}
