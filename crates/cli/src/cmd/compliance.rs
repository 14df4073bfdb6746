//! `dangjian compliance`: which meetings a branch held in a year, and which are missing.

use super::Format;
use crate::{Failure, Outcome};
use dangjian_core::Locale;
use dangjian_standards::meetings::{compliance, compliance_of, ComplianceInput, ComplianceOptions};
use serde_json::Value;

/// Arguments of `compliance`.
#[derive(clap::Args)]
pub struct Args {
    /// Minutes: files holding one record or a list of records, or folders of such files.
    files: Vec<String>,
    /// The calendar year to check.
    #[arg(long)]
    year: Option<i32>,
    /// First day of a custom range (YYYY-MM-DD), with --to.
    #[arg(long)]
    from: Option<String>,
    /// Last day of a custom range (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    /// Today's date: periods not yet over are not judged; defaults to the system date.
    #[arg(long)]
    today: Option<String>,
    /// Language of messages.
    #[arg(long, default_value = "zh-CN", value_parser = super::locale)]
    locale: Locale,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Read one JSON document `{year, locale, minutes, requirements?}` instead of files (`-` for standard input).
    #[arg(long, conflicts_with = "files")]
    vector: Option<String>,
}

/// Prints the compliance report; exit 0 when nothing is missing, 1 otherwise.
pub fn run(args: &Args) -> Result<Outcome, Failure> {
    let report = match &args.vector {
        Some(path) => {
            let text = crate::load::read_text(path)?;
            let mut input: ComplianceInput =
                serde_json::from_str(&text).map_err(|e| Failure(format!("{path}: {e}")))?;
            if input.options.today.is_none() {
                input.options.today = args.today.clone();
            }
            compliance_of(&input)
        }
        None => {
            if args.year.is_none() && (args.from.is_none() || args.to.is_none()) {
                return Err(Failure("give --year, or --from and --to".into()));
            }
            let minutes = read_minutes(&args.files)?;
            let options = ComplianceOptions {
                year: args.year,
                from: args.from.clone(),
                to: args.to.clone(),
                today: Some(super::today(args.today.as_deref())?),
                locale: args.locale,
                ..ComplianceOptions::default()
            };
            compliance(&minutes, &options)
        }
    };
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&report)?),
        Format::Text => {
            let zh = args.locale == Locale::ZhCn;
            let head = if zh {
                "会议合规检查"
            } else {
                "Meeting compliance"
            };
            println!("{head} {} – {}", report.from, report.to);
            for i in &report.issues {
                println!("  {}", i.message);
            }
            let verdict = match (report.compliant, zh) {
                (true, true) => "✔ 全部按要求召开",
                (true, false) => "✔ every meeting held as required",
                (false, true) => "✘ 有缺漏",
                (false, false) => "✘ meetings missing",
            };
            println!("{verdict}");
        }
    }
    Ok(if report.compliant {
        Outcome::Valid
    } else {
        Outcome::Invalid
    })
}

/// Reads minutes from files (a record or a list) and folders of `.json` files.
fn read_minutes(paths: &[String]) -> Result<Vec<Value>, Failure> {
    let mut out = Vec::new();
    for p in paths {
        let path = std::path::Path::new(p);
        if path.is_dir() {
            let mut files: Vec<_> = std::fs::read_dir(path)?
                .flatten()
                .map(|e| e.path())
                .filter(|f| f.extension().is_some_and(|x| x == "json"))
                .map(|f| f.to_string_lossy().into_owned())
                .collect();
            files.sort();
            out.extend(read_minutes(&files)?);
        } else {
            match crate::load::parse_json(&crate::load::read_text(p)?, p)? {
                Value::Array(records) => out.extend(records),
                record => out.push(record),
            }
        }
    }
    Ok(out)
}
