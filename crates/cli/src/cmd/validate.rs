//! `dangjian validate`: check and score records, one file or a stream of them.

use super::Format;
use crate::{Failure, Outcome};
use dangjian_core::{Locale, ValidateOptions};
use std::io::{BufRead, Write};

/// Arguments of `validate`.
#[derive(clap::Args)]
pub struct Args {
    /// A built-in form id (see `dangjian forms`) or a spec file.
    #[arg(long)]
    form: String,
    /// The record (`-` for standard input).
    #[arg(default_value = "-")]
    data: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Language of messages.
    #[arg(long, default_value = "zh-CN", value_parser = super::locale)]
    locale: Locale,
    /// Today's date (YYYY-MM-DD) for date limits; defaults to the system date.
    #[arg(long)]
    today: Option<String>,
    /// One JSON record per input line, one compact report per output line (a line that
    /// is not JSON gets an error record with its line and column; exit 2 at the end).
    #[arg(long)]
    ndjson: bool,
    /// Change a setting of the form: NAME=VALUE, the value as JSON (`--set majority_strict=false`).
    #[arg(long = "set", value_name = "NAME=VALUE", value_parser = super::parse_setting)]
    set: Vec<(String, serde_json::Value)>,
    /// Show citizen ID numbers in full in text output (masked by default).
    #[arg(long)]
    show_id: bool,
    /// Change a record budget: NAME=N, e.g. `--limit max_record_bytes=1048576`
    /// (max_record_bytes, max_values, max_items, max_string_chars, max_key_chars,
    /// max_issues, max_param_chars, max_rule_steps, max_rule_depth, max_rule_size).
    #[arg(long = "limit", value_name = "NAME=N", value_parser = super::parse_limit)]
    limit: Vec<(String, usize)>,
}

/// Validates; exit 0 when every record is valid, 1 when any is not.
pub fn run(args: &Args) -> Result<Outcome, Failure> {
    if args.ndjson && args.format == Format::Text {
        return Err(Failure::usage(
            "--ndjson prints one JSON report per line: it cannot be combined with --format text",
        ));
    }
    let engine = dangjian_standards::engine();
    let form = super::form(&engine, &args.form, &args.set, args.locale)?;
    let today = super::today(args.today.as_deref())?;
    let options = ValidateOptions {
        locale: args.locale,
        today: Some(today),
        limits: super::limits(&args.limit)?,
        ..ValidateOptions::default()
    };
    if args.ndjson {
        return stream(args, &form, &options);
    }
    let text = crate::load::read_record(&args.data, options.limits.max_record_bytes)?;
    // Read as the npm package reads JSON text: straight into the engine's arena.
    let report = form.validate_json(&text, &options).map_err(|e| {
        if e.exceeded.is_some() {
            Failure::new("too_large", format!("{}: {e}", args.data))
        } else {
            Failure::new(
                "bad_json",
                format!(
                    "{}: invalid JSON at line {}, column {}: {}",
                    args.data, e.line, e.column, e.detail
                ),
            )
        }
    })?;
    match args.format {
        Format::Json => outln!("{}", serde_json::to_string_pretty(&report)?),
        Format::Text => out!(
            "{}",
            crate::render::report(&form, &report, args.locale, args.show_id)
        ),
    }
    Ok(if report.valid {
        Outcome::Valid
    } else {
        Outcome::Invalid
    })
}

/// How many unreadable lines the final message names; the rest are counted.
const LINES_NAMED: usize = 20;

/// Validates one record per line. A line that is not JSON, or longer than
/// `max_record_bytes` (skipped unread), gets an error record (`{"line",
/// "valid": false, "error": {code, message, …}}`) and the stream goes on; the
/// exit is 2 when any line was unreadable, else 1 when any record is invalid,
/// else 0. Blank lines are skipped. A line is never held beyond the limit.
fn stream(
    args: &Args,
    form: &dangjian_core::Form,
    options: &ValidateOptions,
) -> Result<Outcome, Failure> {
    let mut input: Box<dyn BufRead> = if args.data == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let f = std::fs::File::open(&args.data)
            .map_err(|e| Failure::usage(format!("cannot read {}: {e}", args.data)))?;
        Box::new(std::io::BufReader::new(f))
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut all_valid = true;
    let mut unreadable: Vec<usize> = Vec::new();
    let mut unreadable_count = 0usize;
    let mut any_bad_json = false;
    let mut workspace = dangjian_core::Workspace::new();
    let max = options.limits.max_record_bytes;
    let mut line = Vec::new();
    let mut line_no = 0usize;
    loop {
        line_no += 1;
        let read = crate::load::read_line(&mut input, &mut line, max)
            .map_err(|e| Failure::new("io", format!("{}: line {line_no}: {e}", args.data)))?;
        let checked = match read {
            crate::load::Line::End => break,
            crate::load::Line::TooLong(length) => Err(too_long(line_no, length, max, args.locale)),
            crate::load::Line::Read => match std::str::from_utf8(&line) {
                Ok(text) if text.trim().is_empty() => continue,
                Ok(text) => form
                    .validate_json_in(&mut workspace, text, options)
                    .map_err(|e| bad_line(line_no, &e, args.locale)),
                Err(e) => Err(not_utf8(line_no, &e, args.locale)),
            },
        };
        let written = match checked {
            Ok(report) => {
                all_valid &= report.valid;
                serde_json::to_writer(&mut out, &report)
            }
            Err(record) => {
                unreadable_count += 1;
                any_bad_json |= record["error"]["code"] == "bad_json";
                if unreadable.len() < LINES_NAMED {
                    unreadable.push(line_no);
                }
                serde_json::to_writer(&mut out, &record)
            }
        };
        written
            .map_err(std::io::Error::from)
            .and_then(|()| out.write_all(b"\n"))
            .map_err(|e| crate::output::written(&e))?;
    }
    out.flush().map_err(|e| crate::output::written(&e))?;
    if unreadable_count > 0 {
        let mut lines: Vec<String> = unreadable.iter().map(ToString::to_string).collect();
        if unreadable_count > unreadable.len() {
            lines.push(format!("and {} more", unreadable_count - unreadable.len()));
        }
        return Err(Failure::new(
            if any_bad_json {
                "bad_json"
            } else {
                "too_large"
            },
            format!(
                "{}: {unreadable_count} line(s) could not be read: line {}",
                args.data,
                lines.join(", ")
            ),
        ));
    }
    Ok(if all_valid {
        Outcome::Valid
    } else {
        Outcome::Invalid
    })
}

/// The error record printed in place of a report for a line that was not read.
fn error_record(line: usize, error: serde_json::Value) -> serde_json::Value {
    serde_json::json!({"line": line, "valid": false, "error": error})
}

/// A line that is not JSON (or beyond the value budget).
fn bad_line(line: usize, e: &dangjian_core::JsonError, locale: Locale) -> serde_json::Value {
    if let Some(limit) = &e.exceeded {
        let message = match locale {
            Locale::ZhCn => format!("第 {line} 行超出限制，未读取：{limit}"),
            Locale::En => format!("Line {line} is over a limit and was not read: {limit}"),
        };
        return error_record(
            line,
            serde_json::json!({"code": "too_large", "message": message, "line": line,
                "limit": limit.limit, "max": limit.max}),
        );
    }
    let (c, detail) = (e.column, &e.detail);
    let message = match locale {
        Locale::ZhCn => format!("第 {line} 行不是有效的 JSON（第 {c} 列）：{detail}"),
        Locale::En => format!("Line {line} is not valid JSON (column {c}): {detail}"),
    };
    error_record(
        line,
        serde_json::json!({"code": "bad_json", "message": message, "line": line, "column": c}),
    )
}

/// A line that is not UTF-8.
fn not_utf8(line: usize, e: &std::str::Utf8Error, locale: Locale) -> serde_json::Value {
    let message = match locale {
        Locale::ZhCn => format!("第 {line} 行不是有效的 JSON：invalid UTF-8 ({e})"),
        Locale::En => format!("Line {line} is not valid JSON: invalid UTF-8 ({e})"),
    };
    error_record(
        line,
        serde_json::json!({"code": "bad_json", "message": message, "line": line}),
    )
}

/// A line longer than `max_record_bytes`, skipped without being read.
fn too_long(line: usize, length: usize, max: usize, locale: Locale) -> serde_json::Value {
    let message = match locale {
        Locale::ZhCn => {
            format!("第 {line} 行有 {length} 字节以上，超过上限 {max}（max_record_bytes），未读取")
        }
        Locale::En => format!(
            "Line {line} has over {length} bytes, more than the limit {max} (max_record_bytes); it was not read"
        ),
    };
    error_record(
        line,
        serde_json::json!({"code": "too_large", "message": message, "line": line,
            "limit": "max_record_bytes", "max": max}),
    )
}
