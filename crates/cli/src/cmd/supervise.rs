//! `dangjian supervise`: the town's view of many branches' records as of a
//! date — the per-branch figures, the ranking, who needs attention and why,
//! the overdue rectification items and the totals of each month and quarter.
//!
//! Records come from files and folders (walked recursively; a `.json` file
//! holds a record or a list of records, a `.ndjson` / `.jsonl` file one record
//! per line) or, with `--ndjson`, as one record per line from files or
//! standard input. Each record is counted and dropped as it is read, so
//! memory holds the branches' figures, not the records.
//!
//! `--merge` takes the reports of shards (JSON or `--format ndjson` output)
//! instead of records and combines them.

mod merge;
mod output;
mod text;

use crate::{Failure, Outcome};
use dangjian_core::Locale;
use dangjian_standards::supervision::{supervise, SupervisionOptions, Supervisor};
use serde_json::{Map, Value};
use std::io::BufRead;
use std::path::Path;

/// Arguments of `supervise`.
#[derive(clap::Args)]
pub struct Args {
    /// Records: files and folders (with --ndjson: NDJSON files, none or `-` for
    /// standard input); with --merge: the shards' reports.
    files: Vec<String>,
    /// The day the report looks from (YYYY-MM-DD); not with --merge.
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    /// Today's date for the records' own checks (no date in the future);
    /// defaults to the system date, or the as-of date when that is later (with
    /// --vector: to the document's, else the as-of date).
    #[arg(long)]
    today: Option<String>,
    /// The calendar year supervised (default: the as-of date's year).
    #[arg(long)]
    year: Option<i32>,
    /// First day of a custom period (YYYY-MM-DD), with --to.
    #[arg(long)]
    from: Option<String>,
    /// Last day of a custom period (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    /// Language of messages and titles (default zh-CN).
    #[arg(long, value_parser = super::locale)]
    locale: Option<Locale>,
    /// Output: the report as JSON; `text` tables; `csv` one row per branch;
    /// `ndjson` a head line, one line per branch as it is drawn up, and the
    /// report's totals last (what --merge reads).
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Read one JSON record per line.
    #[arg(long)]
    ndjson: bool,
    /// Combine the reports of shards (each JSON or NDJSON output of this command).
    #[arg(long, conflicts_with_all = ["ndjson", "as_of", "year", "from", "to", "options"])]
    merge: bool,
    /// Change an attention threshold (`--set score_below=70`) or a form's setting
    /// (`--set meeting-minutes.majority_strict=false`); the value as JSON.
    #[arg(long = "set", value_name = "NAME=VALUE", value_parser = super::parse_setting)]
    set: Vec<(String, Value)>,
    /// The options as JSON (a file or inline `{…}`): as_of, year or from/to,
    /// locale, attention, form_settings, requirements, minutes_check; the flags
    /// fill in what it leaves out.
    #[arg(long, conflicts_with = "vector")]
    options: Option<String>,
    /// Read one JSON document `{"as_of", …options, "records": […]}` instead of
    /// files (`-` for standard input); records are named `#1`, `#2`, … as the
    /// npm package's `supervise` names them.
    #[arg(long, conflicts_with_all = ["files", "ndjson", "merge"])]
    vector: Option<String>,
}

/// Output formats of `supervise`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The report as JSON.
    Json,
    /// Tables for people.
    Text,
    /// One row per branch, for spreadsheets.
    Csv,
    /// A head line, one line per branch, the totals last.
    Ndjson,
}

/// Prints the report; exit 0 when no branch needs attention, 1 when some do.
pub fn run(args: &Args) -> Result<Outcome, Failure> {
    if args.merge {
        return merge::run(args);
    }
    if let Some(path) = &args.vector {
        return vector(args, path);
    }
    let options = options(args, Map::new(), true)?;
    let mut run = Supervisor::new(&options);
    if args.ndjson {
        let files: Vec<&str> = if args.files.is_empty() {
            vec!["-"]
        } else {
            args.files.iter().map(String::as_str).collect()
        };
        for f in files {
            read_lines(f, &mut run)?;
        }
    } else {
        if args.files.is_empty() {
            return Err(Failure::usage(
                "give the records: files or folders (or --ndjson)",
            ));
        }
        for f in &args.files {
            read_path(Path::new(f), &mut run)?;
        }
    }
    let head = run.head();
    output::write(args.format, &head, |each| Ok(run.finish_each(each)))
}

/// Supervises the records of one document (`--vector`).
fn vector(args: &Args, path: &str) -> Result<Outcome, Failure> {
    let mut doc = crate::load::json_document(path)?;
    let records = match doc.remove("records") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => list,
        Some(_) => return Err(Failure::usage(format!("{path}: records must be a list"))),
    };
    let options = options(args, doc, false)?;
    let mut report = supervise(&records, &options);
    let head = report.head.clone();
    output::write(args.format, &head, |each| {
        report.branches.drain(..).for_each(each);
        Ok(report)
    })
}

/// The options: the document (`--vector`, else `--options`), then the flags
/// for what it leaves out (and, outside `--vector`, today from the system clock).
fn options(
    args: &Args,
    doc: Map<String, Value>,
    system_today: bool,
) -> Result<SupervisionOptions, Failure> {
    let mut doc = crate::load::json_object_or(args.options.as_deref(), "--options", doc)?;
    super::dates([
        ("--as-of", args.as_of.as_deref()),
        ("--today", args.today.as_deref()),
        ("--from", args.from.as_deref()),
        ("--to", args.to.as_deref()),
    ])?;
    let has_period = ["year", "from", "to"].iter().any(|k| doc.contains_key(*k));
    let mut flags = vec![
        ("as_of", args.as_of.clone().map(Value::from)),
        ("locale", args.locale.map(|l| Value::from(l.tag()))),
        ("today", args.today.clone().map(Value::from)),
    ];
    if !has_period {
        flags.push(("year", args.year.map(Value::from)));
        flags.push(("from", args.from.clone().map(Value::from)));
        flags.push(("to", args.to.clone().map(Value::from)));
    }
    for (key, value) in flags {
        if let Some(v) = value {
            doc.entry(key.to_owned()).or_insert(v);
        }
    }
    match doc.get("as_of").cloned() {
        None => return Err(Failure::usage("give --as-of DATE (or as_of in --options)")),
        Some(Value::String(d)) => {
            super::dates([("as_of", Some(d.as_str()))])?;
            // Looking back, today is the system date; looking ahead (a
            // rehearsal), the as-of date.
            let now = super::system_today();
            if system_today && !doc.contains_key("today") {
                doc.insert("today".into(), Value::from(now.max(d)));
            }
        }
        Some(other) => {
            return Err(Failure::usage(format!(
                "as_of must be a date YYYY-MM-DD, not {other}"
            )))
        }
    }
    for (name, value) in &args.set {
        let (section, key) = match name.split_once('.') {
            Some((form, setting)) => (format!("form_settings/{form}"), setting.to_owned()),
            None => ("attention".to_owned(), name.clone()),
        };
        let mut at = &mut doc;
        for part in section.split('/') {
            at = match at
                .entry(part.to_owned())
                .or_insert_with(|| Value::Object(Map::new()))
            {
                Value::Object(m) => m,
                _ => {
                    return Err(Failure::usage(format!(
                        "--set {name}: {section} is not an object"
                    )))
                }
            };
        }
        at.insert(key, value.clone());
    }
    serde_json::from_value(Value::Object(doc))
        .map_err(|e| Failure::new("bad_options", format!("--options: {e}")))
}

/// Reads a file or a folder (recursively, in name order).
fn read_path(path: &Path, run: &mut Supervisor) -> Result<(), Failure> {
    let shown = path.display().to_string();
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)
            .map_err(|e| Failure::new("io", format!("cannot read {shown}: {e}")))?
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for p in entries {
            let ext = p.extension().and_then(|x| x.to_str()).unwrap_or("");
            if p.is_dir() || matches!(ext, "json" | "ndjson" | "jsonl") {
                read_path(&p, run)?;
            }
        }
        return Ok(());
    }
    if matches!(
        path.extension().and_then(|x| x.to_str()),
        Some("ndjson" | "jsonl")
    ) {
        return read_lines(&shown, run);
    }
    let text = crate::load::read_text(&shown)?;
    run.add_json_file(&text, &shown);
    Ok(())
}

/// Reads one record per line of a file (`-`: standard input); blank lines are skipped.
fn read_lines(file: &str, run: &mut Supervisor) -> Result<(), Failure> {
    let reader: Box<dyn BufRead> = if file == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let f = std::fs::File::open(file)
            .map_err(|e| Failure::new("io", format!("cannot read {file}: {e}")))?;
        Box::new(std::io::BufReader::with_capacity(1 << 16, f))
    };
    let name = if file == "-" { "stdin" } else { file };
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| Failure::new("io", format!("cannot read {name}: {e}")))?;
        if line.trim().is_empty() {
            continue;
        }
        run.add_json(&line, &format!("{name}:{}", n + 1));
    }
    Ok(())
}
