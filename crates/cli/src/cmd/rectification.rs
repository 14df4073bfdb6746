//! `dangjian rectification`: the rectification list (问题清单) drawn up from a
//! checklist record (every item not fully met, most points lost first) or from a
//! secretary's review record (`--form secretary-review`: every problem raised).
//!
//! The JSON output is a record of the `rectification-list` form (validate it
//! with `dangjian validate --form rectification-list` once measures, owners and
//! deadlines are filled in). Exit 0 when the checklist record is valid, 1 when
//! it has errors (the list is printed all the same), 2 on usage or parse errors.

use super::Format;
use crate::{Failure, Outcome};
use dangjian_core::{Locale, ValidateOptions};
use dangjian_standards::checklist::{
    rectification_list, RectificationList, RectificationOptions, CHECKLIST_FORM_ID,
};
use dangjian_standards::secretary_review;
use std::fmt::Write;

/// Arguments of `rectification`.
#[derive(clap::Args)]
pub struct Args {
    /// The checklist or review record (`-` for standard input).
    #[arg(default_value = "-")]
    record: String,
    /// The form: a built-in id or a spec file (`secretary-review` for a secretary's review).
    #[arg(long, default_value = CHECKLIST_FORM_ID)]
    form: String,
    /// Output format: the list as JSON (a rectification-list record), or a table for people.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Language of titles and reasons.
    #[arg(long, default_value = "zh-CN", value_parser = super::locale)]
    locale: Locale,
    /// Today's date (YYYY-MM-DD); defaults to the system date.
    #[arg(long)]
    today: Option<String>,
    /// The day the list is drawn up (YYYY-MM-DD); defaults to today.
    #[arg(long)]
    created_on: Option<String>,
    /// The branch's name in the header; defaults to the record's `/profile/branch_name`
    /// (a review's `/subject/branch`).
    #[arg(long)]
    branch: Option<String>,
    /// Change a setting of the checklist form: NAME=VALUE (`--set grade_scheme=words`).
    #[arg(long = "set", value_name = "NAME=VALUE", value_parser = super::parse_setting)]
    set: Vec<(String, serde_json::Value)>,
    /// Show citizen ID numbers in full in text output (masked by default).
    #[arg(long)]
    show_id: bool,
}

/// Prints the rectification list of a checklist record.
pub fn run(args: &Args) -> Result<Outcome, Failure> {
    let today = super::today(args.today.as_deref())?;
    let created_on = match &args.created_on {
        Some(d) => {
            super::dates([("--created-on", Some(d.as_str()))])?;
            d.clone()
        }
        None => today.clone(),
    };
    let engine = dangjian_standards::engine();
    let form = super::form(&engine, &args.form, &args.set, args.locale)?;
    let review = form.spec().id == secretary_review::FORM_ID;
    if form.spec().scoring.is_none() && !review {
        return Err(Failure::usage(format!(
            "{}: the form is not scored, so it has no rectification list",
            args.form
        )));
    }
    let record = crate::load::read_json(&args.record)?;
    let report = form.validate(
        &record,
        &ValidateOptions {
            locale: args.locale,
            today: Some(today),
            ..ValidateOptions::default()
        },
    );
    let branch_at = if review {
        "/subject/branch"
    } else {
        "/profile/branch_name"
    };
    let branch = args.branch.clone().unwrap_or_else(|| {
        record
            .pointer(branch_at)
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .to_owned()
    });
    let options = RectificationOptions { created_on, branch };
    let list = if review {
        secretary_review::rectification_list(&form, &record, &options, args.locale)
    } else {
        let mut list = rectification_list(&report, &options);
        list.header.branch_code =
            dangjian_standards::branch::branch_of(&form.spec().id, &record).and_then(|b| b.code);
        list
    };
    match args.format {
        Format::Json => outln!("{}", serde_json::to_string_pretty(&list)?),
        Format::Text => out!(
            "{}",
            render(
                &list,
                report.valid,
                report.counts.errors,
                args.locale,
                args.show_id
            )
        ),
    }
    Ok(if report.valid {
        Outcome::Valid
    } else {
        Outcome::Invalid
    })
}

/// The list for people: one row per entry, ordered as the list is (vetoes, then
/// by points lost), with the reasons under each row.
fn render(
    list: &RectificationList,
    valid: bool,
    errors: usize,
    locale: Locale,
    show_id: bool,
) -> String {
    let zh = locale == Locale::ZhCn;
    let h = &list.header;
    let mask = |t: &str| crate::render::mask(t, show_id);
    let mut s = String::new();
    let title = if zh {
        "问题整改清单"
    } else {
        "Rectification list"
    };
    let branch = if h.branch.is_empty() {
        String::new()
    } else {
        format!(" — {}", mask(&h.branch))
    };
    let _ = writeln!(s, "{title}{branch}");
    let grade = if h.grade.is_empty() { "—" } else { &h.grade };
    let _ = if zh {
        writeln!(
            s,
            "{} {}，得分 {}，等级：{grade}；建立日期 {}",
            h.checklist,
            h.checklist_version,
            num(h.score.get()),
            h.created_on
        )
    } else {
        writeln!(
            s,
            "{} {}, score {}, grade: {grade}; drawn up {}",
            h.checklist,
            h.checklist_version,
            num(h.score.get()),
            h.created_on
        )
    };
    if !valid {
        let _ = match (zh, h.checklist == secretary_review::FORM_ID) {
            (true, false) => writeln!(s, "✘ 评分表记录有 {errors} 个错误，清单仅供参考"),
            (true, true) => writeln!(s, "✘ 述职评议记录有 {errors} 个错误，清单仅供参考"),
            (false, _) => writeln!(
                s,
                "✘ the source record has {errors} error(s); the list is provisional"
            ),
        };
    }
    let entries = &list.problems.entries;
    if entries.is_empty() {
        let _ = writeln!(
            s,
            "\n{}",
            if zh {
                "✔ 没有需要整改的项目"
            } else {
                "✔ nothing to rectify"
            }
        );
        return s;
    }
    let _ = writeln!(
        s,
        "\n{}",
        if zh {
            "序号  失分   分值   结果       项目（所属部分）"
        } else {
            "No.   lost   of     finding    item (section)"
        }
    );
    for e in entries {
        let finding = finding(&e.status, locale);
        let pad = 10usize.saturating_sub(width(finding));
        let section = if e.section.is_empty() {
            String::new()
        } else if zh {
            format!("（{}）", e.section)
        } else {
            format!(" ({})", e.section)
        };
        let (lost, points) = if e.kind == "veto" || e.kind == "problem" {
            ("—".to_owned(), "—".to_owned())
        } else {
            (num(e.points_lost.get()), num(e.points.get()))
        };
        let _ = writeln!(
            s,
            "{:<5} {lost:<6} {points:<6} {finding}{} {}{section}",
            e.seq,
            " ".repeat(pad),
            mask(&e.item)
        );
        for reason in e.reasons.lines().filter(|l| !l.trim().is_empty()) {
            let _ = writeln!(s, "{:<20}{}", "", mask(reason));
        }
    }
    let lost: f64 = entries.iter().map(|e| e.points_lost.get()).sum();
    if entries.iter().all(|e| e.kind == "problem") {
        let _ = if zh {
            writeln!(s, "\n共 {} 项", entries.len())
        } else {
            writeln!(s, "\n{} entries", entries.len())
        };
        return s;
    }
    let _ = if zh {
        writeln!(s, "\n共 {} 项，失分合计 {}", entries.len(), num(lost))
    } else {
        writeln!(
            s,
            "\n{} entries, {} points lost in all",
            entries.len(),
            num(lost)
        )
    };
    s
}

/// The finding in words.
fn finding(status: &str, locale: Locale) -> &'static str {
    let zh = locale == Locale::ZhCn;
    match (status, zh) {
        ("unmet", true) => "未达标",
        ("unmet", false) => "unmet",
        ("partial", true) => "部分达标",
        ("partial", false) => "partial",
        ("deducted", true) => "扣分",
        ("deducted", false) => "deducted",
        ("shortfall", true) => "得分不足",
        ("shortfall", false) => "shortfall",
        ("unanswered", true) => "未评估",
        ("unanswered", false) => "unanswered",
        ("veto", true) => "一票否决",
        ("veto", false) => "veto",
        ("raised", true) => "已指出",
        ("raised", false) => "raised",
        (_, true) => "其他",
        (_, false) => "other",
    }
}

/// Display width: CJK characters take two columns.
fn width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

fn num(v: f64) -> String {
    dangjian_core::number::Num(v).to_json().to_string()
}
