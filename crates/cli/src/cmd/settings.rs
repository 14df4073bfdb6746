//! `dangjian settings`: a form's settings with their defaults, ranges, units and sources.

use super::Format;
use crate::{Failure, Outcome};
use dangjian_core::Locale;
use serde_json::Value;

/// Arguments of `settings`.
#[derive(clap::Args)]
pub struct Args {
    /// A built-in form id (see `dangjian forms`) or a spec file.
    form: String,
    /// Output: `json` (default) or `text` (a table).
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Language of titles and help.
    #[arg(long, default_value = "zh-CN", value_parser = super::locale)]
    locale: Locale,
    /// Change a setting first (NAME=VALUE, the value as JSON), to see it checked and listed.
    #[arg(long = "set", value_parser = super::parse_setting)]
    set: Vec<(String, Value)>,
}

/// Lists the settings: `{form, version, settings: [{name, value, default, type,
/// title, help, unit, min, max, options, group, source}]}`.
pub fn run(args: &Args) -> Result<Outcome, Failure> {
    let engine = dangjian_standards::engine();
    let form = crate::load::form(&engine, &args.form, args.locale)?;
    let changed = if args.set.is_empty() {
        None
    } else {
        let overrides: serde_json::Map<String, Value> = args.set.iter().cloned().collect();
        let changed = form
            .with_settings(&overrides)
            .map_err(|e| crate::load::spec_failure("--set", &e, args.locale))?;
        Some(changed.settings().clone())
    };
    let list = form.describe_settings(changed.as_ref(), args.locale);
    match args.format {
        Format::Json => outln!("{}", serde_json::to_string_pretty(&list)?),
        Format::Text => text(&list, args.locale)?,
    }
    Ok(Outcome::Valid)
}

fn text(list: &Value, locale: Locale) -> Result<(), Failure> {
    let zh = locale == Locale::ZhCn;
    outln!(
        "{} {} — {}",
        list["form"].as_str().unwrap_or(""),
        list["version"].as_str().unwrap_or(""),
        if zh { "设置" } else { "settings" }
    );
    let rows = list["settings"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let width = rows
        .iter()
        .filter_map(|r| r["name"].as_str())
        .map(str::len)
        .max()
        .unwrap_or(0);
    // Each group once, where its first setting stands (as the editor shows them).
    let group_of = |r: &Value| r["group"].as_str().unwrap_or("").to_owned();
    let first = |g: &str| rows.iter().position(|r| group_of(r) == g).unwrap_or(0);
    let mut rows: Vec<&Value> = rows.iter().collect();
    rows.sort_by_cached_key(|r| first(&group_of(r)));
    let mut group = String::new();
    for r in rows {
        let g = r["group"].as_str().unwrap_or("");
        if g != group {
            outln!("");
            outln!("[{g}]");
            group = g.to_owned();
        }
        let value = compact(&r["value"]);
        let changed = if r["value"] != r["default"] {
            format!(
                " ({} {})",
                if zh { "默认" } else { "default" },
                compact(&r["default"])
            )
        } else {
            String::new()
        };
        outln!(
            "  {:<width$}  {value}{changed}  {}",
            r["name"].as_str().unwrap_or(""),
            allowed(r),
        );
        if let Some(t) = r["title"].as_str() {
            outln!("  {:<width$}  {t}", "");
        }
        if let Some(s) = r["source"].as_str() {
            outln!(
                "  {:<width$}  {}{s}",
                "",
                if zh { "依据：" } else { "source: " }
            );
        }
    }
    Ok(())
}

/// `integer 1–7 年`, `choice: a | b`: the type, the range or options, the unit.
fn allowed(r: &Value) -> String {
    let mut out = r["type"].as_str().unwrap_or("any").to_owned();
    let n = |k: &str| r.get(k).filter(|v| v.is_number()).map(compact);
    match (n("min"), n("max")) {
        (Some(lo), Some(hi)) => out.push_str(&format!(" {lo}–{hi}")),
        (Some(lo), None) => out.push_str(&format!(" ≥ {lo}")),
        (None, Some(hi)) => out.push_str(&format!(" ≤ {hi}")),
        (None, None) => {}
    }
    if let Some(options) = r["options"].as_array() {
        let values: Vec<String> = options.iter().map(|o| compact(&o["value"])).collect();
        out.push_str(&format!(": {}", values.join(" | ")));
    }
    if let Some(u) = r["unit"].as_str() {
        out.push_str(&format!(" ({u})"));
    }
    format!("[{out}]")
}

/// A value on one line, cut at 60 characters.
fn compact(v: &Value) -> String {
    let s = match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    if s.chars().count() > 60 {
        let cut: String = s.chars().take(57).collect();
        format!("{cut}…")
    } else {
        s
    }
}
