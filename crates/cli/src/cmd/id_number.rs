//! `dangjian id-number`: check one citizen ID number (GB 11643).

use crate::{Failure, Outcome};
use dangjian_core::Locale;
use dangjian_standards::ident::citizen_id::{describe, DescribeOptions};

/// Arguments of `id-number`.
#[derive(clap::Args)]
pub struct Args {
    /// The number: 18 characters, or a legacy 15-digit number.
    number: String,
    /// Today's date (YYYY-MM-DD), to refuse birth dates in the future; defaults to the system date.
    #[arg(long)]
    today: Option<String>,
    /// Language of messages.
    #[arg(long, default_value = "zh-CN", value_parser = super::locale)]
    locale: Locale,
    /// Print the number in full instead of masked.
    #[arg(long)]
    reveal: bool,
}

/// Prints `{valid, number, birth_date, gender, province, …}` or the reasons it is invalid.
pub fn run(args: &Args) -> Result<Outcome, Failure> {
    let today = super::today(args.today.as_deref())?;
    let today = chrono_date(&today)?;
    let d = describe(
        &args.number,
        &DescribeOptions {
            today: Some(today),
            locale: args.locale,
            reveal: args.reveal,
        },
    );
    println!("{}", serde_json::to_string_pretty(&d)?);
    Ok(if d.valid {
        Outcome::Valid
    } else {
        Outcome::Invalid
    })
}

fn chrono_date(s: &str) -> Result<chrono::NaiveDate, Failure> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| Failure(format!("“{s}” is not a date YYYY-MM-DD")))
}
