//! `dangjian rank`: the branch's ranking of its members by their points
//! (member-points records; `dangjian_standards::points::rank_records`).
//!
//! Exit 0 when every record is valid and ranked, 1 when a record has errors
//! (it is listed under `unranked`), 2 on usage or parse errors.

use super::Format;
use crate::{Failure, Outcome};
use dangjian_core::{Locale, ValidateOptions};
use dangjian_standards::points::{rank_records, Ranking, POINTS_FORM_ID};
use std::fmt::Write;

/// Arguments of `rank`.
#[derive(clap::Args)]
pub struct Args {
    /// Member-points records: files holding one record or a list, or folders of such files.
    #[arg(required = true)]
    files: Vec<String>,
    /// The points form: a built-in id or a spec file.
    #[arg(long, default_value = POINTS_FORM_ID)]
    form: String,
    /// Output format: the ranking as JSON, or a table for people.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Language of titles.
    #[arg(long, default_value = "zh-CN", value_parser = super::locale)]
    locale: Locale,
    /// Today's date (YYYY-MM-DD) for date limits; defaults to the system date.
    #[arg(long)]
    today: Option<String>,
    /// Change a setting of the points form: NAME=VALUE.
    #[arg(long = "set", value_name = "NAME=VALUE", value_parser = super::parse_setting)]
    set: Vec<(String, serde_json::Value)>,
    /// Show citizen ID numbers in full in text output (masked by default).
    #[arg(long)]
    show_id: bool,
}

/// Prints the ranking of the members in the records.
pub fn run(args: &Args) -> Result<Outcome, Failure> {
    let today = super::today(args.today.as_deref())?;
    let engine = dangjian_standards::engine();
    let form = super::form(&engine, &args.form, &args.set, args.locale)?;
    let records = super::read_records(&args.files)?;
    if records.is_empty() {
        return Err(Failure::usage(
            "no member-points records in the files given",
        ));
    }
    let ranking = rank_records(
        &form,
        &records,
        &ValidateOptions {
            locale: args.locale,
            today: Some(today),
            ..ValidateOptions::default()
        },
    );
    match args.format {
        Format::Json => outln!("{}", serde_json::to_string_pretty(&ranking)?),
        Format::Text => out!("{}", render(&ranking, args.locale, args.show_id)),
    }
    Ok(if ranking.unranked.iter().any(|u| u.reason == "invalid") {
        Outcome::Invalid
    } else {
        Outcome::Valid
    })
}

fn render(r: &Ranking, locale: Locale, show_id: bool) -> String {
    let zh = locale == Locale::ZhCn;
    let mask = |t: &str| crate::render::mask(t, show_id);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}",
        if zh {
            "名次  积分     加分   姓名          等级"
        } else {
            "Rank  points   bonus  name          grade"
        }
    );
    for e in &r.entries {
        let mut grade = e.grade_title.clone().unwrap_or_else(|| "—".to_owned());
        if e.vetoed {
            grade.push_str(if zh { "（一票否决）" } else { " (veto)" });
        }
        let member = mask(&e.member);
        let pad = 14usize.saturating_sub(width(&member));
        let _ = writeln!(
            s,
            "{:<5} {:<8} {:<6} {member}{}{grade}",
            e.rank,
            num(e.total.get()),
            num(e.bonus.get()),
            " ".repeat(pad),
        );
    }
    if !r.unranked.is_empty() {
        let _ = writeln!(s, "\n{}", if zh { "未排名：" } else { "Not ranked:" });
        for u in &r.unranked {
            let why = match (u.reason.as_str(), zh) {
                ("invalid", true) => format!("记录有 {} 个错误，改正后再排名", u.errors),
                ("invalid", false) => {
                    format!("{} error(s) in the record to correct first", u.errors)
                }
                (_, true) => "表单不计分".to_owned(),
                (_, false) => "the form gives no score".to_owned(),
            };
            let _ = writeln!(s, "  {}  {why}", mask(&u.member));
        }
    }
    s
}

/// Display width: CJK characters and stars take two columns.
fn width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

fn num(v: f64) -> String {
    dangjian_core::number::Num(v).to_json().to_string()
}
