//! `dangjian review-slate`: check the candidates of one village together.
//!
//! Thresholds come from a document (`--vector`: candidates and options together;
//! `--options`: the JSON of `SlateOptions`, e.g. a county's thresholds and the
//! previous term's figures for “一降一升”), then from the flags for whatever the
//! document leaves out (`--today`, `--locale`), then the defaults.

use crate::{Failure, Outcome};
use dangjian_core::Locale;
use dangjian_standards::review::{SlateInput, SlateOptions};
use serde_json::{Map, Value};

/// Arguments of `review-slate`.
#[derive(clap::Args)]
pub struct Args {
    /// Candidate-review records: files holding one record or a list of records.
    files: Vec<String>,
    /// Reference date (YYYY-MM-DD) for ages; defaults to the system date (with --vector: none).
    #[arg(long)]
    today: Option<String>,
    /// Language of messages, when the document gives none (default zh-CN).
    #[arg(long, value_parser = super::locale)]
    locale: Option<Locale>,
    /// The slate options as JSON (a file, `-`, or inline `{…}`): thresholds such as
    /// `min_young` or `senior_high_min_percent`, `election_date`, `previous_term`
    /// `{average_age, senior_high_percent, college_percent}`, `review_settings`.
    #[arg(long, conflicts_with = "vector")]
    options: Option<String>,
    /// Read one JSON document `{today, locale, candidates, options}` instead of files (`-` for standard input).
    #[arg(long, conflicts_with = "files")]
    vector: Option<String>,
}

/// Prints the slate report; exit 0 when it has no error, 1 otherwise.
pub fn run(args: &Args) -> Result<Outcome, Failure> {
    super::dates([("--today", args.today.as_deref())])?;
    let input = match &args.vector {
        Some(path) => {
            let doc = crate::load::read_json(path)?;
            let has_locale =
                doc.get("locale").is_some() || doc.pointer("/options/locale").is_some();
            let mut input: SlateInput =
                serde_json::from_value(doc).map_err(|e| Failure::usage(format!("{path}: {e}")))?;
            if input.today.is_none() && input.options.today.is_none() {
                input.today.clone_from(&args.today);
            }
            if !has_locale {
                input.locale = Some(args.locale.unwrap_or_default());
            }
            input
        }
        None => {
            if args.files.is_empty() {
                return Err(Failure::usage("give the candidates' record files"));
            }
            let doc =
                crate::load::json_object_or(args.options.as_deref(), "--options", Map::new())?;
            let has_locale = doc.contains_key("locale");
            let has_today = doc.get("today").is_some_and(|t| !t.is_null());
            let options: SlateOptions = serde_json::from_value(Value::Object(doc))
                .map_err(|e| Failure::usage(format!("--options: {e}")))?;
            let mut candidates = Vec::new();
            for p in &args.files {
                match crate::load::read_json(p)? {
                    Value::Array(records) => candidates.extend(records),
                    record => candidates.push(record),
                }
            }
            SlateInput {
                today: if has_today {
                    None
                } else {
                    Some(super::today(args.today.as_deref())?)
                },
                locale: if has_locale {
                    None
                } else {
                    Some(args.locale.unwrap_or_default())
                },
                candidates,
                options,
            }
        }
    };
    super::dates([
        (
            "today",
            input.today.as_deref().or(input.options.today.as_deref()),
        ),
        ("election_date", input.options.election_date.as_deref()),
    ])?;
    let report = input.run();
    outln!("{}", serde_json::to_string_pretty(&report)?);
    Ok(if report.valid {
        Outcome::Valid
    } else {
        Outcome::Invalid
    })
}
