//! One module per subcommand.

pub mod check_spec;
pub mod compliance;
pub mod forms;
pub mod id_number;
pub mod rank;
pub mod rectification;
pub mod review_slate;
pub mod rule;
pub mod settings;
pub mod spec;
pub mod supervise;
pub mod validate;

use clap::ValueEnum;
use dangjian_core::dates::Date;
use dangjian_core::Locale;

/// Output formats.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The report as JSON (the documented report shape).
    Json,
    /// A table for people.
    Text,
}

/// Parses a `--locale` value (the npm package refuses the same tags, `bad_options`).
pub fn locale(tag: &str) -> Result<Locale, String> {
    Locale::parse(tag)
        .ok_or_else(|| format!("unknown locale “{tag}” (use zh-CN or en) [bad_options]"))
}

/// The given date, checked to be a real calendar date `YYYY-MM-DD` (so
/// `2026-13-45` and `2026-02-30` are usage errors), or today's date in China
/// Standard Time (UTC+8).
pub fn today(given: Option<&str>) -> Result<String, crate::Failure> {
    match given {
        Some(t) => date(t).map(|_| t.to_owned()),
        None => Ok(system_today()),
    }
}

/// Parses a real calendar date written `YYYY-MM-DD` (the check the npm package
/// makes of its options); anything else is a `bad_options` failure.
pub fn date(t: &str) -> Result<Date, crate::Failure> {
    dangjian_core::dates::parse_iso_date(t)
        .and_then(|(y, m, d)| Date::from_ymd(y, m, d))
        .ok_or_else(|| {
            crate::Failure::new("bad_options", format!("“{t}” is not a date YYYY-MM-DD"))
        })
}

/// Checks each date given for an option or a document's field (`what`), as
/// [`date`] does; a failure names it: `--today: “…” is not a date YYYY-MM-DD`.
pub fn dates<'a>(
    given: impl IntoIterator<Item = (&'a str, Option<&'a str>)>,
) -> Result<(), crate::Failure> {
    for (what, value) in given {
        if let Some(t) = value {
            date(t).map_err(|e| crate::Failure::new(e.code, format!("{what}: {}", e.message)))?;
        }
    }
    Ok(())
}

/// Parses `NAME=N` of `--limit`.
pub fn parse_limit(s: &str) -> Result<(String, usize), String> {
    let (name, value) = s
        .split_once('=')
        .ok_or_else(|| format!("“{s}” is not NAME=N [bad_options]"))?;
    let n: usize = value
        .trim()
        .parse()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("the limit {name} must be a whole number ≥ 1 [bad_options]"))?;
    Ok((name.trim().to_owned(), n))
}

/// The record budgets with the `--limit` changes.
pub fn limits(given: &[(String, usize)]) -> Result<dangjian_core::Limits, crate::Failure> {
    let mut limits = dangjian_core::Limits::default();
    for (name, n) in given {
        let slot = match name.as_str() {
            "max_record_bytes" => &mut limits.max_record_bytes,
            "max_values" => &mut limits.max_values,
            "max_items" => &mut limits.max_items,
            "max_string_chars" => &mut limits.max_string_chars,
            "max_key_chars" => &mut limits.max_key_chars,
            "max_issues" => &mut limits.max_issues,
            "max_param_chars" => &mut limits.max_param_chars,
            "max_rule_steps" => &mut limits.max_rule_steps,
            "max_rule_depth" => &mut limits.max_rule_depth,
            "max_rule_size" => &mut limits.max_rule_size,
            _ => {
                return Err(crate::Failure::new(
                    "bad_options",
                    format!("--limit: no limit named “{name}”"),
                ))
            }
        };
        *slot = *n;
    }
    Ok(limits)
}

/// Today's date in UTC+8, from the system clock.
pub fn system_today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
        + 8 * 3600;
    let days = (secs / 86_400) as i64;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!("{y:04}-{m:02}-{d:02}")
}

/// Parses `NAME=VALUE` of `--set`; a value that is not JSON is taken as a string.
pub fn parse_setting(s: &str) -> Result<(String, serde_json::Value), String> {
    let (name, value) = s
        .split_once('=')
        .ok_or_else(|| format!("“{s}” is not NAME=VALUE"))?;
    let value = dangjian_core::json_text::from_str(value)
        .unwrap_or_else(|_| serde_json::Value::String(value.to_owned()));
    Ok((name.trim().to_owned(), value))
}

/// `form` with the settings of `--set` changed (unchanged when there are none).
pub fn with_settings(
    form: dangjian_core::Form,
    set: &[(String, serde_json::Value)],
    locale: Locale,
) -> Result<dangjian_core::Form, crate::Failure> {
    if set.is_empty() {
        return Ok(form);
    }
    let overrides: serde_json::Map<String, serde_json::Value> = set.iter().cloned().collect();
    form.with_settings(&overrides)
        .map_err(|e| crate::load::spec_failure("--set", &e, locale))
}

/// Compiles `--form` (a built-in id or a spec file) with the settings of `--set` changed.
pub fn form(
    engine: &dangjian_core::Engine,
    form: &str,
    set: &[(String, serde_json::Value)],
    locale: Locale,
) -> Result<dangjian_core::Form, crate::Failure> {
    with_settings(crate::load::form(engine, form, locale)?, set, locale)
}

/// Reads records from files (a record or a list of records) and folders of `.json` files.
pub fn read_records(paths: &[String]) -> Result<Vec<serde_json::Value>, crate::Failure> {
    let mut out = Vec::new();
    for p in paths {
        let path = std::path::Path::new(p);
        if path.is_dir() {
            let mut files: Vec<_> = std::fs::read_dir(path)
                .map_err(|e| crate::Failure::usage(format!("cannot read {p}: {e}")))?
                .flatten()
                .map(|e| e.path())
                .filter(|f| f.extension().is_some_and(|x| x == "json"))
                .map(|f| f.to_string_lossy().into_owned())
                .collect();
            files.sort();
            out.extend(read_records(&files)?);
        } else {
            match crate::load::read_json(p)? {
                serde_json::Value::Array(records) => out.extend(records),
                record => out.push(record),
            }
        }
    }
    Ok(out)
}
