//! `dangjian id-number`: check one citizen ID number (GB 11643).
//!
//! The JSON output is for programs: it always carries the full 18-character
//! `normalized` number of a valid input (a legacy 15-digit number in its
//! upgraded form), while `number` stays masked unless `--reveal`. The text
//! output is for people and masks the number unless `--reveal`.

use super::Format;
use crate::{Failure, Outcome};
use dangjian_core::Locale;
use dangjian_standards::ident::citizen_id::{self, describe, DescribeOptions, Description};

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
    /// Output format: JSON (with the full `normalized` number) or text for people (masked).
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Show the number in full in `number` and in the text output (masked by default).
    #[arg(long)]
    reveal: bool,
}

/// Prints `{valid, number, masked, normalized, birth_date, gender, province, …}`
/// or the reasons it is invalid; exit 0 when valid, 1 when not.
pub fn run(args: &Args) -> Result<Outcome, Failure> {
    let today = super::date(&super::today(args.today.as_deref())?)?;
    let mut d = describe(
        &args.number,
        &DescribeOptions {
            today: Some(today),
            locale: args.locale,
            reveal: args.reveal,
        },
    );
    match args.format {
        Format::Json => {
            // Machine-readable output carries the full number (docs/report.md, “Personal data”).
            if d.normalized.is_none() {
                d.normalized = citizen_id::parse(&args.number, Some(today))
                    .ok()
                    .map(|id| id.normalized);
            }
            outln!("{}", serde_json::to_string_pretty(&d)?);
        }
        Format::Text => out!("{}", text(&d, args.locale, args.reveal)),
    }
    Ok(if d.valid {
        Outcome::Valid
    } else {
        Outcome::Invalid
    })
}

/// The description for people; the number masked unless `reveal`.
fn text(d: &Description, locale: Locale, reveal: bool) -> String {
    let zh = locale == Locale::ZhCn;
    // `describe` masked `number` unless asked to reveal it.
    let number = &d.number;
    let mut out = String::new();
    let verdict = match (d.valid, zh) {
        (true, true) => "✔ 有效",
        (true, false) => "✔ valid",
        (false, true) => "✘ 无效",
        (false, false) => "✘ invalid",
    };
    out.push_str(&format!("{verdict}  {number}\n"));
    let row = |out: &mut String, zh_label: &str, en_label: &str, value: &str| {
        let label = if zh { zh_label } else { en_label };
        out.push_str(&format!("  {label}{value}\n"));
    };
    if d.legacy_upgraded {
        row(
            &mut out,
            "15 位旧号码，升级为 18 位：",
            "legacy 15-digit number, upgraded to 18: ",
            number,
        );
    }
    if let Some(b) = &d.birth_date {
        row(&mut out, "出生日期：", "date of birth: ", b);
    }
    if let Some(g) = d.gender {
        row(&mut out, "性别：", "gender: ", g.label(locale));
    }
    if let Some(p) = &d.province {
        row(
            &mut out,
            "省份：",
            "province: ",
            &format!("{} ({})", p.name, p.code),
        );
    }
    for p in &d.problems {
        let message = crate::render::mask(&p.message, reveal);
        out.push_str(&format!("  {message}  [{}]\n", p.code));
    }
    out
}
