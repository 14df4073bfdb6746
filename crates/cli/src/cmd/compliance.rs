//! `dangjian compliance`: which meetings a branch held in a year, and which are missing.
//!
//! Options come from three places: a document (`--vector`: options and minutes
//! together; `--options`: the options only, as the JSON of `ComplianceOptions`),
//! then the command-line flags for whatever the document leaves out, then the
//! defaults (`zh-CN`, the system date as today outside `--vector`).

use super::Format;
use crate::{Failure, Outcome};
use dangjian_core::Locale;
use dangjian_standards::meetings::{
    compliance, ComplianceInput, ComplianceOptions, ComplianceReport, Period, PeriodStatus,
};
use serde_json::{Map, Value};
use std::fmt::Write;

/// Arguments of `compliance`.
#[derive(clap::Args)]
pub struct Args {
    /// Minutes: files holding one record or a list of records, or folders of such files.
    files: Vec<String>,
    /// The calendar year to check (when the options give no year or range).
    #[arg(long)]
    year: Option<i32>,
    /// First day of a custom range (YYYY-MM-DD), with --to.
    #[arg(long)]
    from: Option<String>,
    /// Last day of a custom range (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    /// Today's date: periods not yet over are not judged; defaults to the system date
    /// (with --vector: to the document's, else none).
    #[arg(long)]
    today: Option<String>,
    /// Language of messages, when the document gives none (default zh-CN).
    #[arg(long, value_parser = super::locale)]
    locale: Option<Locale>,
    /// Output format: the report as JSON, or a table of meetings held per type and period.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// The options as JSON (a file, `-`, or inline `{…}`): year or from/to, today, locale,
    /// requirements, minutes_check (exclude_invalid | count_invalid | off), minutes_settings.
    #[arg(long, conflicts_with = "vector")]
    options: Option<String>,
    /// Read one JSON document `{year, locale, minutes, requirements?, …}` instead of files (`-` for standard input).
    #[arg(long, conflicts_with = "files")]
    vector: Option<String>,
}

/// Prints the compliance report; exit 0 when nothing is missing, 1 otherwise.
pub fn run(args: &Args) -> Result<Outcome, Failure> {
    super::dates([
        ("--today", args.today.as_deref()),
        ("--from", args.from.as_deref()),
        ("--to", args.to.as_deref()),
    ])?;
    let report = match &args.vector {
        Some(path) => {
            let mut doc = crate::load::json_document(path)?;
            fill(&mut doc, args, false);
            check_today(&doc, path)?;
            let input: ComplianceInput = serde_json::from_value(Value::Object(doc))
                .map_err(|e| Failure::usage(format!("{path}: {e}")))?;
            compliance(&input.minutes, &input.options)
        }
        None => {
            let mut doc =
                crate::load::json_object_or(args.options.as_deref(), "--options", Map::new())?;
            fill(&mut doc, args, true);
            check_today(&doc, "--options")?;
            let options: ComplianceOptions = serde_json::from_value(Value::Object(doc))
                .map_err(|e| Failure::usage(format!("--options: {e}")))?;
            if options.year.is_none() && (options.from.is_none() || options.to.is_none()) {
                return Err(Failure::usage(
                    "give --year, or --from and --to (or a year or range in --options)",
                ));
            }
            if args.files.is_empty() {
                return Err(Failure::usage("give the minutes: files or folders"));
            }
            let minutes = super::read_records(&args.files)?;
            compliance(&minutes, &options)
        }
    };
    match args.format {
        Format::Json => outln!("{}", serde_json::to_string_pretty(&report)?),
        Format::Text => out!("{}", text(&report)),
    }
    Ok(if report.compliant {
        Outcome::Valid
    } else {
        Outcome::Invalid
    })
}

/// Fills what the document leaves out from the flags (and, outside `--vector`,
/// today from the system clock).
fn fill(doc: &mut Map<String, Value>, args: &Args, system_today: bool) {
    let has_range = doc.contains_key("year") || doc.contains_key("from") || doc.contains_key("to");
    if !has_range {
        if let Some(y) = args.year {
            doc.insert("year".into(), y.into());
        }
        for (key, value) in [("from", &args.from), ("to", &args.to)] {
            if let Some(v) = value {
                doc.insert(key.into(), v.clone().into());
            }
        }
    }
    if !doc.contains_key("today") {
        let today = match (&args.today, system_today) {
            (Some(t), _) => Some(t.clone()),
            (None, true) => Some(super::system_today()),
            (None, false) => None,
        };
        if let Some(t) = today {
            doc.insert("today".into(), t.into());
        }
    }
    if !doc.contains_key("locale") {
        let locale = args.locale.unwrap_or_default();
        doc.insert("locale".into(), locale.tag().into());
    }
}

/// A `today` in a document must be a real date, as on the command line.
fn check_today(doc: &Map<String, Value>, source: &str) -> Result<(), Failure> {
    match doc.get("today") {
        Some(Value::String(t)) => {
            super::dates([(format!("{source}: today").as_str(), Some(t.as_str()))])
        }
        Some(Value::Null) | None => Ok(()),
        Some(other) => Err(Failure::usage(format!(
            "{source}: today must be a date YYYY-MM-DD, not {other}"
        ))),
    }
}

/// The report for people: per requirement, held / required in every period,
/// then the findings.
fn text(report: &ComplianceReport) -> String {
    let zh = report.locale != "en";
    let mut s = String::new();
    let head = if zh {
        "会议合规检查"
    } else {
        "Meeting compliance"
    };
    let _ = writeln!(s, "{head} {} – {}", report.from, report.to);
    let c = &report.counts;
    let _ = if zh {
        writeln!(
            s,
            "{} 份记录：期间内 {}，期间外 {}，无法识别 {}，有错误 {}",
            c.records, c.in_range, c.outside_range, c.unreadable, c.invalid_records
        )
    } else {
        writeln!(
            s,
            "{} records: {} in the range, {} outside, {} unreadable, {} with errors",
            c.records, c.in_range, c.outside_range, c.unreadable, c.invalid_records
        )
    };
    for r in &report.requirements {
        let judged = r
            .periods
            .iter()
            .filter(|p| matches!(p.status, PeriodStatus::Met | PeriodStatus::Missing))
            .count();
        let met = r
            .periods
            .iter()
            .filter(|p| p.status == PeriodStatus::Met)
            .count();
        let mark = if r.missing == 0 { '✔' } else { '✘' };
        let _ = if zh {
            writeln!(s, "\n{mark} {}（{}）", r.title, r.frequency)
        } else {
            writeln!(s, "\n{mark} {} ({})", r.title, r.frequency)
        };
        let _ = if zh {
            writeln!(s, "  已开 {} 次；达标期间 {met}/{judged}", r.held)
        } else {
            writeln!(s, "  {} held; periods met {met}/{judged}", r.held)
        };
        let cells: Vec<String> = r
            .periods
            .iter()
            .map(|p| {
                let status = match p.status {
                    PeriodStatus::Met => "✔",
                    PeriodStatus::Missing => "✘",
                    PeriodStatus::Open => "…",
                    PeriodStatus::Future => "–",
                    PeriodStatus::Partial => "~",
                };
                let mut cell = format!("{} {}/{}{status}", short(&p.key, r.period), p.held, r.min);
                if !p.invalid.is_empty() {
                    let _ = write!(cell, "[{}]", p.invalid.len());
                }
                cell
            })
            .collect();
        for row in cells.chunks(if r.period == Period::Week { 8 } else { 6 }) {
            let _ = writeln!(s, "  {}", row.join("  "));
        }
    }
    let _ = writeln!(
        s,
        "\n{}",
        if zh {
            "已开/应开：✔ 达标  ✘ 缺少  … 进行中  – 未到  ~ 期间不完整；[n] 有 n 份记录有错误"
        } else {
            "held/required: ✔ met  ✘ missing  … open  – future  ~ partly outside the range; [n] n records with errors"
        }
    );
    if !report.issues.is_empty() {
        let _ = writeln!(s);
        for i in &report.issues {
            let sev = match (i.severity, zh) {
                (dangjian_core::Severity::Error, true) => "错误",
                (dangjian_core::Severity::Error, false) => "error",
                (dangjian_core::Severity::Warning, true) => "提醒",
                (dangjian_core::Severity::Warning, false) => "warning",
            };
            let _ = writeln!(s, "  {sev:<7} {}  [{}]", i.message, i.code);
        }
    }
    let verdict = match (report.compliant, zh) {
        (true, true) => "✔ 全部按要求召开",
        (true, false) => "✔ every meeting held as required",
        (false, true) => "✘ 有缺漏",
        (false, false) => "✘ meetings missing",
    };
    let _ = writeln!(s, "\n{verdict}");
    s
}

/// A period's key without its year: `03`, `Q2`, `H1`, `W05`; a year stays whole.
fn short(key: &str, period: Period) -> &str {
    match period {
        Period::Year => key,
        _ => key.split_once('-').map_or(key, |(_, rest)| rest),
    }
}
