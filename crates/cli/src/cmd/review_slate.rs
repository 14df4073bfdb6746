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
    if let Some(t) = &args.today {
        super::date(t).map_err(|e| Failure::new(e.code, format!("--today: {}", e.message)))?;
    }
    let input = match &args.vector {
        Some(path) => {
            let doc = crate::load::parse_json(&crate::load::read_text(path)?, path)?;
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
            let doc = match &args.options {
                Some(arg) => crate::load::json_object(arg, "--options")?,
                None => Map::new(),
            };
            let has_locale = doc.contains_key("locale");
            let has_today = doc.get("today").is_some_and(|t| !t.is_null());
            let options: SlateOptions = serde_json::from_value(Value::Object(doc))
                .map_err(|e| Failure::usage(format!("--options: {e}")))?;
            let mut candidates = Vec::new();
            for p in &args.files {
                match crate::load::parse_json(&crate::load::read_text(p)?, p)? {
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
    for (what, date) in [
        (
            "today",
            input.today.as_ref().or(input.options.today.as_ref()),
        ),
        ("election_date", input.options.election_date.as_ref()),
    ] {
        if let Some(d) = date {
            super::date(d).map_err(|e| Failure::new(e.code, format!("{what}: {}", e.message)))?;
        }
    }
    let report = input.run();
    outln!("{}", serde_json::to_string_pretty(&report)?);
    Ok(if report.valid {
        Outcome::Valid
    } else {
        Outcome::Invalid
    })
}
