//! `dangjian review-slate`: check the candidates of one village together.

use crate::{Failure, Outcome};
use dangjian_core::Locale;
use dangjian_standards::review::{SlateInput, SlateOptions};
use serde_json::Value;

/// Arguments of `review-slate`.
#[derive(clap::Args)]
pub struct Args {
    /// Candidate-review records: files holding one record or a list of records.
    files: Vec<String>,
    /// Reference date (YYYY-MM-DD) for ages; defaults to the system date.
    #[arg(long)]
    today: Option<String>,
    /// Language of messages.
    #[arg(long, default_value = "zh-CN", value_parser = super::locale)]
    locale: Locale,
    /// Read one JSON document `{today, locale, candidates, options}` instead of files (`-` for standard input).
    #[arg(long, conflicts_with = "files")]
    vector: Option<String>,
}

/// Prints the slate report; exit 0 when it has no error, 1 otherwise.
pub fn run(args: &Args) -> Result<Outcome, Failure> {
    let input = match &args.vector {
        Some(path) => {
            let text = crate::load::read_text(path)?;
            let mut input: SlateInput =
                serde_json::from_str(&text).map_err(|e| Failure(format!("{path}: {e}")))?;
            if input.today.is_none() {
                input.today = args.today.clone();
            }
            input
        }
        None => {
            if args.files.is_empty() {
                return Err(Failure("give the candidates' record files".into()));
            }
            let mut candidates = Vec::new();
            for p in &args.files {
                match crate::load::parse_json(&crate::load::read_text(p)?, p)? {
                    Value::Array(records) => candidates.extend(records),
                    record => candidates.push(record),
                }
            }
            SlateInput {
                today: Some(super::today(args.today.as_deref())?),
                locale: Some(args.locale),
                candidates,
                options: SlateOptions::default(),
            }
        }
    };
    let report = input.run();
    println!("{}", serde_json::to_string_pretty(&report)?);
    Ok(if report.valid {
        Outcome::Valid
    } else {
        Outcome::Invalid
    })
}
