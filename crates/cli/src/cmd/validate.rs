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
}

/// Validates; exit 0 when every record is valid, 1 when any is not.
pub fn run(args: &Args) -> Result<Outcome, Failure> {
    if args.ndjson && args.format == Format::Text {
        return Err(Failure(
            "--ndjson prints one JSON report per line: it cannot be combined with --format text"
                .into(),
        ));
    }
    let engine = dangjian_standards::engine();
    let form = crate::load::form(&engine, &args.form, args.locale)?;
    let form = super::with_settings(form, &args.set, args.locale)?;
    let today = super::today(args.today.as_deref())?;
    let options = ValidateOptions {
        locale: args.locale,
        today: Some(today),
        ..ValidateOptions::default()
    };
    if args.ndjson {
        return stream(args, &form, &options);
    }
    let text = crate::load::read_text(&args.data)?;
    // Read as the npm package reads JSON text: straight into the engine's arena.
    let report = form.validate_json(&text, &options).map_err(|e| {
        Failure(format!(
            "{}: invalid JSON at line {}, column {}: {}",
            args.data, e.line, e.column, e.detail
        ))
    })?;
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&report)?),
        Format::Text => print!(
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

/// Validates one record per line. A line that is not JSON gets an error record
/// (`{"line", "valid": false, "error": {code, message, line, column}}`) and the
/// stream goes on; the exit is 2 when any line was unreadable, else 1 when any
/// record is invalid, else 0. Blank lines are skipped.
fn stream(
    args: &Args,
    form: &dangjian_core::Form,
    options: &ValidateOptions,
) -> Result<Outcome, Failure> {
    let input: Box<dyn BufRead> = if args.data == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let f = std::fs::File::open(&args.data)
            .map_err(|e| Failure(format!("cannot read {}: {e}", args.data)))?;
        Box::new(std::io::BufReader::new(f))
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut all_valid = true;
    let mut unreadable = Vec::new();
    let mut batch = form.batch();
    for (n, bytes) in input.split(b'\n').enumerate() {
        let line_no = n + 1;
        let bytes = bytes.map_err(|e| Failure(format!("{}: line {line_no}: {e}", args.data)))?;
        let checked = match String::from_utf8(bytes) {
            Ok(line) if line.trim().is_empty() => continue,
            Ok(line) => batch
                .validate_json(&line, options)
                .map_err(|e| bad_line(line_no, Some(e.column), &e.detail, args.locale)),
            Err(e) => Err(bad_line(
                line_no,
                None,
                &format!("invalid UTF-8 ({e})"),
                args.locale,
            )),
        };
        match checked {
            Ok(report) => {
                all_valid &= report.valid;
                serde_json::to_writer(&mut out, &report)?;
            }
            Err(record) => {
                unreadable.push(line_no);
                serde_json::to_writer(&mut out, &record)?;
            }
        }
        out.write_all(b"\n")?;
    }
    out.flush()?;
    if !unreadable.is_empty() {
        let lines: Vec<String> = unreadable.iter().map(ToString::to_string).collect();
        return Err(Failure(format!(
            "{}: {} line(s) could not be read as JSON: line {}",
            args.data,
            unreadable.len(),
            lines.join(", ")
        )));
    }
    Ok(if all_valid {
        Outcome::Valid
    } else {
        Outcome::Invalid
    })
}

/// The error record printed in place of a report for a line that is not JSON.
fn bad_line(line: usize, column: Option<usize>, detail: &str, locale: Locale) -> serde_json::Value {
    let message = match (locale, column) {
        (Locale::ZhCn, Some(c)) => format!("第 {line} 行不是有效的 JSON（第 {c} 列）：{detail}"),
        (Locale::ZhCn, None) => format!("第 {line} 行不是有效的 JSON：{detail}"),
        (Locale::En, Some(c)) => format!("Line {line} is not valid JSON (column {c}): {detail}"),
        (Locale::En, None) => format!("Line {line} is not valid JSON: {detail}"),
    };
    let mut error = serde_json::json!({"code": "json", "message": message, "line": line});
    if let (Some(c), Some(obj)) = (column, error.as_object_mut()) {
        obj.insert("column".into(), c.into());
    }
    serde_json::json!({"line": line, "valid": false, "error": error})
}
