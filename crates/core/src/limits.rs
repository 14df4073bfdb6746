//! Budgets: how much work and memory one spec or one record may cost.
//!
//! Every limit has a safe default, is checked before the work it bounds (a
//! record's size and value count before it is parsed, a spec's size before
//! it is read, a pattern's length before it is compiled), and, when exceeded,
//! becomes an error value with a stable code — never a trap, never a minute of
//! work. `docs/spec.md` lists them with their defaults.

use serde::Serialize;

/// Hard limits that keep hostile records from costing too much.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Longest string value, in characters (default 100,000).
    pub max_string_chars: usize,
    /// Most entries in any list (default 10,000).
    pub max_items: usize,
    /// Most issues reported; the rest are summarised in one `too_many` issue (default 1,000).
    pub max_issues: usize,
    /// Longest key of an object, in characters (default 256): a longer key is
    /// reported at its object without being copied into the report.
    pub max_key_chars: usize,
    /// Largest record given as JSON text, in bytes of UTF-8 (default 8 MiB):
    /// checked before parsing.
    pub max_record_bytes: usize,
    /// Most JSON values in one record — every object, array, string, number,
    /// boolean and null, keys not counted (default 500,000): counted before
    /// parsing, so the memory a record takes is bounded before it is taken.
    pub max_values: usize,
    /// Longest text of a value echoed in an issue's message and params, in
    /// characters (default 1,000); a longer one is cut and ends with `…`.
    pub max_param_chars: usize,
    /// Most steps one evaluation of one rule expression may take — every
    /// operation, every element an iterating operator visits (default 1,000,000).
    pub max_rule_steps: usize,
    /// Deepest nesting one evaluation may reach (default 64).
    pub max_rule_depth: usize,
    /// Most list elements and text characters one evaluation may build with
    /// `merge`, `map`, `filter`, `reduce`, `missing`, `cat` and `substr`
    /// together (default 1,000,000).
    pub max_rule_size: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_string_chars: 100_000,
            max_items: 10_000,
            max_issues: 1_000,
            max_key_chars: 256,
            max_record_bytes: 8 * 1024 * 1024,
            max_values: 500_000,
            max_param_chars: 1_000,
            max_rule_steps: 1_000_000,
            max_rule_depth: 64,
            max_rule_size: 1_000_000,
        }
    }
}

/// Limits on specs, checked when they are compiled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpecLimits {
    /// Largest spec given as JSON text, in bytes (default 4 MiB; the largest
    /// built-in spec is about 60 KB).
    pub max_spec_bytes: usize,
    /// Longest `pattern`, in characters (default 1,000).
    pub max_pattern_chars: usize,
    /// Largest value of all settings together, as compact JSON, in bytes
    /// (default 1 MiB): the settings every rule may read.
    pub max_settings_bytes: usize,
}

impl Default for SpecLimits {
    fn default() -> Self {
        SpecLimits {
            max_spec_bytes: 4 * 1024 * 1024,
            max_pattern_chars: 1_000,
            max_settings_bytes: 1024 * 1024,
        }
    }
}

/// A budget that an input exceeded: which limit, its value and what was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Exceeded {
    /// The name of the limit, as in [`Limits`] or [`SpecLimits`] (`max_record_bytes`, …).
    pub limit: &'static str,
    /// The limit's value.
    pub max: usize,
    /// What the input has (at least this much: counting stops past the limit).
    pub found: usize,
}

impl std::fmt::Display for Exceeded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.limit {
            "max_record_bytes" | "max_spec_bytes" | "max_settings_bytes" => "bytes",
            "max_values" => "JSON values",
            "max_rule_steps" => "steps",
            "max_rule_depth" => "levels",
            "max_rule_size" => "elements and characters",
            "max_items" => "entries",
            _ => "characters",
        };
        write!(
            f,
            "{} {what} where at most {} are allowed ({})",
            self.found, self.max, self.limit
        )
    }
}

/// Checks a record's JSON text against the record budgets, before parsing:
/// its size, then (one pass over the bytes, for text at least as long as
/// `max_values`) the number of values it holds.
pub(crate) fn check_record(text: &str, limits: &Limits) -> Result<(), Exceeded> {
    if text.len() > limits.max_record_bytes {
        return Err(Exceeded {
            limit: "max_record_bytes",
            max: limits.max_record_bytes,
            found: text.len(),
        });
    }
    // Every value past the first is announced by a byte of its own (a comma, or
    // the bracket of a non-empty container), so text shorter than the budget
    // cannot exceed it: the common case skips the pass over its bytes.
    if text.len() < limits.max_values {
        return Ok(());
    }
    let values = count_values(text.as_bytes(), limits.max_values);
    if values > limits.max_values {
        return Err(Exceeded {
            limit: "max_values",
            max: limits.max_values,
            found: values,
        });
    }
    Ok(())
}

/// The number of JSON values in `text` (exact for valid JSON; for other text
/// some number the parser will refuse anyway), counting stops once past `stop`.
///
/// In valid JSON every value but the top one is an element of a non-empty
/// array or object, whose elements are separated by commas, so the count is
/// `1 + commas + non-empty containers`, all outside strings.
pub(crate) fn count_values(text: &[u8], stop: usize) -> usize {
    let mut count = 1usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in text.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b',' => count += 1,
            b'[' | b'{' => {
                let next = text
                    .get(i + 1..)
                    .and_then(|rest| rest.iter().find(|c| !c.is_ascii_whitespace()));
                if !matches!(next, Some(b']' | b'}')) {
                    count += 1;
                }
            }
            _ => {}
        }
        if count > stop {
            break;
        }
    }
    count
}

/// The diagnostic of a spec beyond a [`SpecLimits`] budget, at `path`.
pub(crate) fn spec_diagnostic(path: &str, e: Exceeded) -> crate::Diagnostic {
    let (code, zh, en) = match e.limit {
        "max_pattern_chars" => (
            "spec.pattern_too_long",
            "正则表达式有 {found} 个字符，超过上限 {max}（{limit}）",
            "The pattern has {found} characters; at most {max} are allowed ({limit}).",
        ),
        "max_settings_bytes" => (
            "spec.settings_too_large",
            "设置共 {found} 字节，超过上限 {max}（{limit}）",
            "The settings take {found} bytes; at most {max} are allowed ({limit}).",
        ),
        _ => (
            "spec.too_large",
            "表单定义有 {found} 字节，超过上限 {max}（{limit}）",
            "The spec has {found} bytes; at most {max} are allowed ({limit}).",
        ),
    };
    crate::Diagnostic::new(
        path,
        code,
        crate::Severity::Error,
        zh,
        en,
        crate::params! {"limit" => e.limit, "max" => e.max, "found" => e.found},
    )
}

/// The bytes `value` takes as compact JSON, counted up to just past `stop`.
pub(crate) fn json_bytes<T: Serialize + ?Sized>(value: &T, stop: usize) -> usize {
    crate::json_writer::written_len(value, stop)
}

/// Checks the settings of a spec (`{name: setting}`) against `max_settings_bytes`.
pub(crate) fn check_settings<T: Serialize + ?Sized>(
    settings: &T,
    limits: &SpecLimits,
) -> Result<(), crate::SpecError> {
    let found = json_bytes(settings, limits.max_settings_bytes);
    if found > limits.max_settings_bytes {
        let e = Exceeded {
            limit: "max_settings_bytes",
            max: limits.max_settings_bytes,
            found,
        };
        return Err(crate::SpecError {
            diagnostics: vec![spec_diagnostic("/settings", e)],
        });
    }
    Ok(())
}

/// `text` cut to at most `max` characters, ending with `…` when cut.
pub(crate) fn clip(text: &str, max: usize) -> Option<String> {
    let mut chars = text.char_indices();
    let (end, _) = chars.nth(max)?;
    let mut cut = text.get(..end).unwrap_or(text).to_owned();
    cut.push('…');
    Some(cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_counted_exactly_for_json() {
        for (text, n) in [
            ("1", 1),
            ("[]", 1),
            ("{}", 1),
            ("[ ]", 1),
            ("[1]", 2),
            ("[1, 2, 3]", 4),
            (r#"{"a": 1, "b": [true, null], "c": {}}"#, 6),
            (r#"{"a,b": "x,[y]{z}", "c\"": ","}"#, 3),
            (r#"[[], [[]], {"k": []}]"#, 6),
        ] {
            assert_eq!(count_values(text.as_bytes(), usize::MAX), n, "{text}");
        }
    }

    #[test]
    fn counting_stops_past_the_limit() {
        let many = format!("[{}]", vec!["0"; 10_000].join(","));
        assert_eq!(count_values(many.as_bytes(), 10), 11);
        let limits = Limits {
            max_values: 100,
            ..Limits::default()
        };
        let e = check_record(&many, &limits).unwrap_err();
        assert_eq!(e.limit, "max_values");
        let e = check_record(
            &many,
            &Limits {
                max_record_bytes: 1_000,
                ..Limits::default()
            },
        )
        .unwrap_err();
        assert_eq!(
            (e.limit, e.max, e.found),
            ("max_record_bytes", 1_000, many.len())
        );
        assert!(check_record("[1,2]", &limits).is_ok());
    }

    /// Skipping the count for text shorter than the budget never lets through
    /// a record the count would refuse.
    #[test]
    fn short_text_cannot_exceed_the_value_budget() {
        for text in [
            "[",
            "[[",
            "[1,2,3]",
            "[[[[]]]]",
            "{\"a\":[1,{\"b\":[]}]}",
            ",,,,",
            "[{[{",
        ] {
            for max_values in 1..text.len() + 3 {
                let limits = Limits {
                    max_values,
                    ..Limits::default()
                };
                let over = count_values(text.as_bytes(), max_values) > max_values;
                assert_eq!(
                    check_record(text, &limits).is_err(),
                    over,
                    "{text} {max_values}"
                );
            }
        }
    }

    #[test]
    fn clipping_counts_characters() {
        assert_eq!(clip("短文本", 3), None);
        assert_eq!(clip("党建工作", 2).as_deref(), Some("党建…"));
        assert_eq!(clip("abc", 0).as_deref(), Some("…"));
    }
}
