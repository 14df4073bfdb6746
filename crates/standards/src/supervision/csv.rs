//! The report for spreadsheets: one CSV row per branch, UTF-8 with a
//! byte-order mark so spreadsheet programs read Chinese, lines ended by CRLF.
//! The one writer of these columns: `dangjian supervise --format csv` and the
//! export of `<dj-supervision>` both use it.

use super::{BranchReport, SupervisionReport};
use crate::meetings::PeriodStatus;

/// The whole CSV text of a report whose branches are in it (`--format json`).
pub fn to_csv(report: &SupervisionReport) -> String {
    let rows: Vec<(String, Vec<String>)> = report.branches.iter().map(row).collect();
    table(report, &rows)
}

/// One branch's CSV cells (without its rank, which comes with the ranking).
pub fn row(b: &BranchReport) -> (String, Vec<String>) {
    let c = b.checklist.as_ref();
    let m = &b.meetings;
    let rect = &b.rectification;
    let p = b.points.as_ref();
    let rv = b.reviews.as_ref();
    let missing: Vec<String> = m
        .requirements
        .iter()
        .flat_map(|r| {
            r.periods
                .iter()
                .filter(|p| p.status == PeriodStatus::Missing)
                .map(move |p| format!("{} {}", r.title, p.key))
        })
        .collect();
    let n = |v: usize| v.to_string();
    let cells = vec![
        b.key.clone(),
        b.name.clone(),
        b.code.clone().unwrap_or_default(),
        c.and_then(|c| c.assessed_on.clone()).unwrap_or_default(),
        c.map(|c| c.score.to_string()).unwrap_or_default(),
        c.and_then(|c| c.grade.as_ref().map(|g| g.title.clone()))
            .unwrap_or_default(),
        c.and_then(|c| c.grade.as_ref().and_then(|g| g.stars))
            .map(|s| s.to_string())
            .unwrap_or_default(),
        c.map(|c| {
            c.vetoes
                .iter()
                .map(|v| v.title.clone())
                .collect::<Vec<_>>()
                .join("；")
        })
        .unwrap_or_default(),
        n(m.due),
        n(m.met),
        n(m.missing),
        missing.join("；"),
        n(m.minutes),
        n(m.invalid),
        n(rect.open),
        n(rect.overdue),
        n(rect.closed),
        p.map(|p| n(p.members)).unwrap_or_default(),
        p.map(|p| p.average.to_string()).unwrap_or_default(),
        rv.map(|r| n(r.candidates)).unwrap_or_default(),
        rv.map(|r| n(r.pass)).unwrap_or_default(),
        rv.map(|r| n(r.pending)).unwrap_or_default(),
        rv.map(|r| n(r.not_nominated)).unwrap_or_default(),
        b.secretary_review
            .as_ref()
            .and_then(|s| s.grade_title.clone())
            .unwrap_or_default(),
        n(b.records.counted),
        n(b.records.invalid),
        b.attention
            .iter()
            .map(|i| i.message.clone())
            .collect::<Vec<_>>()
            .join("；"),
    ];
    (b.key.clone(), cells)
}

/// The CSV text: a header, then one row per branch with its rank.
pub fn table(r: &SupervisionReport, rows: &[(String, Vec<String>)]) -> String {
    let zh = r.head.locale != "en";
    let head: [&str; 28] = if zh {
        [
            "名次",
            "支部键",
            "支部名称",
            "支部代码",
            "评估日期",
            "得分",
            "等级",
            "星级",
            "一票否决",
            "应开期数",
            "达标期数",
            "缺漏期数",
            "缺漏会议",
            "会议记录",
            "有错误的会议记录",
            "整改未到期",
            "整改逾期",
            "整改销号",
            "积分党员数",
            "积分平均分",
            "联审人选",
            "联审通过",
            "联审待审",
            "建议不予提名",
            "书记述职评议",
            "计入记录",
            "有错误记录",
            "需关注原因",
        ]
    } else {
        [
            "rank",
            "key",
            "name",
            "code",
            "assessed on",
            "score",
            "grade",
            "stars",
            "vetoes",
            "periods due",
            "periods met",
            "periods missing",
            "missing meetings",
            "minutes",
            "minutes with errors",
            "rectification open",
            "overdue",
            "closed",
            "members scored",
            "average points",
            "candidates",
            "passed",
            "pending",
            "not nominated",
            "secretary review",
            "records counted",
            "records with errors",
            "attention",
        ]
    };
    let mut out = String::from("\u{feff}");
    push_row(&mut out, head.iter().map(|s| (*s).to_owned()));
    for (key, cells) in rows {
        let rank = r
            .ranking
            .iter()
            .find(|e| &e.branch == key)
            .map(|e| e.rank.to_string())
            .unwrap_or_default();
        push_row(&mut out, std::iter::once(rank).chain(cells.iter().cloned()));
    }
    out
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    let cells: Vec<String> = cells
        .map(|c| {
            if c.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c
            }
        })
        .collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}
