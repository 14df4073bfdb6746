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
    /// One JSON record per input line, one compact report per output line.
    #[arg(long)]
    ndjson: bool,
    /// Show citizen ID numbers in full in text output (masked by default).
    #[arg(long)]
    show_id: bool,
}

/// Validates; exit 0 when every record is valid, 1 when any is not.
pub fn run(args: &Args) -> Result<Outcome, Failure> {
    let engine = dangjian_standards::engine();
    let form = crate::load::form(&engine, &args.form, args.locale)?;
    let today = match &args.today {
        Some(t) => {
            if t.len() != 10 || t.split('-').count() != 3 {
                return Err(Failure(format!("--today “{t}” is not a date YYYY-MM-DD")));
            }
            t.clone()
        }
        None => system_today(),
    };
    let options = ValidateOptions {
        locale: args.locale,
        today: Some(today),
        ..ValidateOptions::default()
    };
    if args.ndjson {
        return stream(args, &form, &options);
    }
    let text = crate::load::read_text(&args.data)?;
    let data = crate::load::parse_json(&text, &args.data)?;
    let report = form.validate(&data, &options);
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
    for (n, line) in input.lines().enumerate() {
        let line = line.map_err(|e| Failure(format!("{}: line {}: {e}", args.data, n + 1)))?;
        if line.trim().is_empty() {
            continue;
        }
        let data = crate::load::parse_json(&line, &format!("{} line {}", args.data, n + 1))?;
        let report = form.validate(&data, options);
        all_valid &= report.valid;
        serde_json::to_writer(&mut out, &report)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(if all_valid {
        Outcome::Valid
    } else {
        Outcome::Invalid
    })
}

/// Today's date in UTC+8 (China Standard Time), from the system clock.
fn system_today() -> String {
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
