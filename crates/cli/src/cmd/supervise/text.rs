//! The report for people (tables). The CSV is written by
//! `dangjian_standards::supervision::csv`, shared with the browser's export.

use dangjian_standards::meetings::PeriodStatus;
use dangjian_standards::supervision::{PeriodState, PeriodTotal, SupervisionReport};
use std::fmt::Write;

/// `zh` or `en` by the report's locale.
fn tr<'a>(zh: bool, a: &'a str, b: &'a str) -> &'a str {
    if zh {
        a
    } else {
        b
    }
}

/// Columns a string takes in a terminal (CJK characters take two).
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            if c >= '\u{1100}' && !('\u{2500}'..='\u{25ff}').contains(&c) {
                2
            } else {
                1
            }
        })
        .sum()
}

/// `s` cut to `w` columns and padded to them.
fn cell(s: &str, w: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = width(&c.to_string());
        if used + cw > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push_str(&" ".repeat(w - used));
    out
}

/// The report as tables.
pub(super) fn render(r: &SupervisionReport) -> String {
    let zh = r.head.locale != "en";
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} {} – {}{}{}",
        tr(zh, "党建督导", "Supervision"),
        r.head.from,
        r.head.to,
        tr(zh, "，截至 ", ", as of "),
        r.head.as_of
    );
    let c = &r.counts;
    let _ = writeln!(
        s,
        "{}",
        if zh {
            format!(
                "{} 份记录：计入 {}，有错误 {}，期间外 {}，无法识别 {}，未写所属支部 {}；{} 个支部，需关注 {} 个",
                c.records, c.counted, c.invalid, c.outside, c.unrecognised + c.unreadable, c.unassigned, c.branches, c.needing_attention
            )
        } else {
            format!(
                "{} records: {} counted, {} with errors, {} outside the period, {} unrecognised, {} without a branch; {} branches, {} need attention",
                c.records, c.counted, c.invalid, c.outside, c.unrecognised + c.unreadable, c.unassigned, c.branches, c.needing_attention
            )
        }
    );
    ranking(&mut s, r, zh);
    attention(&mut s, r, zh);
    overdue(&mut s, r, zh);
    heat(&mut s, r, zh);
    totals(
        &mut s,
        &r.totals.months,
        tr(zh, "月度调度", "Monthly dispatch"),
        zh,
    );
    totals(
        &mut s,
        &r.totals.quarters,
        tr(zh, "季度检查", "Quarterly check"),
        zh,
    );
    for i in &r.issues {
        let _ = writeln!(s, "  {}  [{}]", i.message, i.code);
    }
    s
}

fn ranking(s: &mut String, r: &SupervisionReport, zh: bool) {
    let _ = writeln!(
        s,
        "\n{}",
        tr(
            zh,
            "排名（最近一次标准化建设评估）",
            "Ranking (latest checklist)"
        )
    );
    for e in &r.ranking {
        let veto = if e.vetoed {
            tr(zh, "  一票否决", "  vetoed")
        } else {
            ""
        };
        let _ = writeln!(
            s,
            "  {:>4}  {}  {:>6}  {}{veto}",
            e.rank,
            cell(&e.name, 36),
            e.score.to_string(),
            e.grade.as_deref().unwrap_or("")
        );
    }
    let unranked = r.distributions.unscored;
    if unranked > 0 {
        let _ = writeln!(
            s,
            "  {}",
            if zh {
                format!("另有 {unranked} 个支部没有评估记录，未排名")
            } else {
                format!("{unranked} more branches have no checklist and are not ranked")
            }
        );
    }
}

fn attention(s: &mut String, r: &SupervisionReport, zh: bool) {
    let _ = writeln!(
        s,
        "\n{} ({})",
        tr(zh, "需关注的支部", "Branches needing attention"),
        r.attention.len()
    );
    for b in &r.branches {
        if b.attention.is_empty() {
            continue;
        }
        let _ = writeln!(s, "  {}", b.name);
        for i in &b.attention {
            let _ = writeln!(s, "    - {}", i.message);
        }
    }
}

fn overdue(s: &mut String, r: &SupervisionReport, zh: bool) {
    let _ = writeln!(
        s,
        "\n{} ({})",
        tr(zh, "逾期未销号的整改事项", "Overdue rectification items"),
        r.overdue.len()
    );
    for o in &r.overdue {
        let _ = writeln!(
            s,
            "  {:>4}{}  {}  {}  {}  {}",
            o.days_late,
            tr(zh, "天", "d"),
            cell(&o.name, 30),
            o.deadline,
            cell(&o.owner, 8),
            o.item
        );
    }
}

/// Branches × months: ✔ met, ✘ missing, … open, – future.
fn heat(s: &mut String, r: &SupervisionReport, zh: bool) {
    let _ = writeln!(
        s,
        "\n{}",
        tr(
            zh,
            "每月会议（✔ 达标 ✘ 缺漏 … 进行中 – 未到）",
            "Monthly meetings (✔ met ✘ missing … open – future)"
        )
    );
    let months: Vec<String> = r
        .months
        .iter()
        .map(|m| m.key.get(5..).unwrap_or(&m.key).to_owned())
        .collect();
    let _ = writeln!(s, "  {}  {}", cell("", 30), months.join(" "));
    for b in &r.branches {
        let row = b
            .meetings
            .calendar
            .iter()
            .find(|row| row.period == dangjian_standards::meetings::Period::Month);
        let marks: Vec<&str> = r
            .months
            .iter()
            .map(|m| {
                let status = row
                    .and_then(|row| row.cells.iter().find(|c| c.key == m.key))
                    .map(|c| c.status);
                match status {
                    Some(PeriodStatus::Met) => "✔ ",
                    Some(PeriodStatus::Missing) => "✘ ",
                    Some(PeriodStatus::Open) => "… ",
                    Some(PeriodStatus::Future) => "– ",
                    _ => "~ ",
                }
            })
            .collect();
        let _ = writeln!(s, "  {}  {}", cell(&b.name, 30), marks.join(" "));
    }
}

fn totals(s: &mut String, list: &[PeriodTotal], title: &str, zh: bool) {
    let _ = writeln!(s, "\n{title}");
    let head = if zh {
        "  期间        支部  达标  缺漏  会议记录  有错误  评估  平均分  整改到期  销号  期末逾期"
    } else {
        "  period   branches  met  missing  minutes  errors  checks  average  due  closed  overdue"
    };
    let _ = writeln!(s, "{head}");
    for t in list {
        let state = match t.state {
            PeriodState::Closed => "",
            PeriodState::Open => "*",
            PeriodState::Future => "-",
        };
        let avg = t.average_score.map(|a| a.to_string()).unwrap_or_default();
        let f = &t.rectification;
        let _ = writeln!(
            s,
            "  {:<10} {:>5} {:>5} {:>5} {:>9} {:>7} {:>5} {:>7} {:>9} {:>5} {:>9}",
            format!("{}{state}", t.key),
            t.branches,
            t.met,
            t.missing,
            t.minutes,
            t.invalid_minutes,
            t.checklists,
            avg,
            f.due,
            f.closed,
            f.overdue_at_end
        );
    }
}
