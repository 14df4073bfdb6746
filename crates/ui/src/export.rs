//! Exports: the record as JSON, the rectification list as CSV (UTF-8 with a BOM
//! so spreadsheet programs read Chinese correctly). Files are made in the
//! browser; nothing is sent anywhere.

use crate::i18n::{status_label, tr};
use dangjian_core::{Locale, Report};
use dangjian_standards::checklist::{rectification_list, RectificationEntry, RectificationOptions};

/// The rectification list of a scored report, as the standards crate draws it
/// up, less the items the person has not answered yet (renumbered): a line
/// not rated is work to do, not a problem found.
pub fn rectification(
    report: &Report,
    data: &serde_json::Value,
    branch: &str,
    today: &str,
) -> Vec<RectificationEntry> {
    let options = RectificationOptions {
        created_on: today.to_owned(),
        branch: branch.to_owned(),
    };
    let items = report.score.as_ref().map(|s| &s.items);
    let mut entries: Vec<RectificationEntry> = rectification_list(report, &options)
        .problems
        .entries
        .into_iter()
        .filter(|e| {
            e.kind == "veto"
                || items
                    .and_then(|items| items.iter().find(|i| i.path == e.item_path))
                    .is_some_and(|i| crate::report_view::answered(data, i))
        })
        .collect();
    for (i, e) in entries.iter_mut().enumerate() {
        e.seq = u32::try_from(i + 1).unwrap_or(u32::MAX);
    }
    entries
}

/// What kind of problem an entry is (`item`, `veto`), in the interface's words.
pub fn kind_label(locale: Locale, kind: &str) -> &'static str {
    match kind {
        "veto" => tr(locale, "一票否决事项", "Automatic-fail item"),
        _ => tr(locale, "评分项目", "Checklist item"),
    }
}

/// An entry's finding (`unmet`, `partial`, `deducted`, …) as the panel and the CSV word it.
pub fn finding_label(locale: Locale, status: &str) -> &'static str {
    match status {
        "deducted" => tr(locale, "扣分", "Deducted"),
        "shortfall" => tr(locale, "得分不足", "Points short"),
        "veto" => tr(locale, "一票否决", "Automatic fail"),
        s => status_label(locale, s),
    }
}

/// The rectification list as CSV text, every cell in `locale`.
pub fn rectification_csv(entries: &[RectificationEntry], locale: Locale) -> String {
    let head: [&str; 12] = match locale {
        Locale::ZhCn => [
            "序号",
            "类别",
            "所属部分",
            "问题项目",
            "评估结果",
            "分值",
            "失分",
            "失分原因",
            "整改措施",
            "责任人",
            "整改时限",
            "销号日期",
        ],
        Locale::En => [
            "No.",
            "Kind",
            "Section",
            "Item",
            "Result",
            "Points",
            "Lost",
            "Reasons",
            "Measure",
            "Owner",
            "Deadline",
            "Closed on",
        ],
    };
    let mut out = String::from("\u{feff}");
    push_row(&mut out, head.iter().map(|s| (*s).to_owned()));
    for e in entries {
        push_row(
            &mut out,
            [
                e.seq.to_string(),
                kind_label(locale, &e.kind).to_owned(),
                e.section.clone(),
                e.item.clone(),
                finding_label(locale, &e.status).to_owned(),
                num(e.points.get()),
                num(e.points_lost.get()),
                e.reasons.clone(),
                e.measure.clone(),
                e.owner.clone(),
                e.deadline.clone(),
                e.closed_on.clone(),
            ]
            .into_iter(),
        );
    }
    out
}

fn num(v: f64) -> String {
    dangjian_core::json_writer::to_string(&dangjian_core::number::Num::round2(v))
        .unwrap_or_default()
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    let cells: Vec<String> = cells.map(|c| cell(&c)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// One CSV cell: quoted when needed, and defused when a spreadsheet would read it as a formula.
pub fn cell(text: &str) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// Offers the record as a JSON file (`<form id>-<date>.json`), the file 导入数据 reads back.
pub fn export_record(state: &yew::UseReducerHandle<crate::state::FormState>) {
    let text = dangjian_core::json_writer::to_string_pretty(&*state.data).unwrap_or_default();
    let name = format!(
        "{}-{}.json",
        state.setup.form.spec().id,
        crate::draft::today_local()
    );
    let _ = download(&name, "application/json", &text);
    state.dispatch(crate::state::Action::Announce(
        tr(state.locale, "数据已导出", "Data exported").to_owned(),
    ));
}

/// Offers the rectification list as a CSV file, every cell in the form's language.
pub fn export_rectification(state: &yew::UseReducerHandle<crate::state::FormState>) {
    let today = crate::draft::today_local();
    let branch = crate::views::branch_name(&state.data);
    let entries = rectification(&state.view.report, &state.data, &branch, &today);
    let csv = rectification_csv(&entries, state.locale);
    let name = format!(
        "{}-{}-{today}.csv",
        state.setup.form.spec().id,
        tr(state.locale, "整改清单", "rectification"),
    );
    let _ = download(&name, "text/csv;charset=utf-8", &csv);
}

/// Offers `text` to the person as a file download.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let blob = gloo::file::Blob::new_with_options(text, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    let body = document.body().ok_or("no body")?;
    body.append_child(&a)?;
    a.click();
    a.remove();
    // Keep the object URL alive until the download has started.
    gloo::timers::callback::Timeout::new(60_000, move || drop(url)).forget();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_defused() {
        assert_eq!(cell("普通"), "普通");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(cell("-2"), "'-2");
    }

    #[test]
    fn csv_has_bom_header_and_rows() {
        let report: Report = serde_json::from_value(serde_json::json!({
            "report_version": 1, "form": {"id": "c", "version": "1"}, "locale": "zh-CN", "valid": true,
            "counts": {"errors": 0, "warnings": 0}, "issues": [],
            "score": {"earned": 1, "possible": 3, "percent": 33.33, "bonus": 0, "total": 33.33, "vetoes": [],
              "sections": [{"id": "s", "title": "基本组织", "earned": 1, "possible": 3, "percent": 33.33}], "bonuses": [],
              "items": [{"path": "/s/a", "section": "s", "title": "班子, 配齐", "status": "partial", "applicable": true,
                "points": 2, "earned": 1, "lost": [{"code": "partial", "points": 1, "reason": "部分达标"}]},
                {"path": "/s/b", "section": "s", "title": "B", "status": "met", "applicable": true,
                "points": 1, "earned": 1, "lost": []}]}
        }))
        .unwrap();
        let data = serde_json::json!({"s": {"a": {"status": "partial"}, "b": {"status": "met"}}});
        let entries = rectification(&report, &data, "一支部", "2026-11-20");
        assert_eq!(entries.len(), 1);
        let csv = rectification_csv(&entries, Locale::ZhCn);
        assert!(csv.starts_with("\u{feff}序号,"));
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[1].contains("\"班子, 配齐\""));
        assert!(lines[1].contains("基本组织"));
        // No raw codes: the kind and the finding are words of the locale.
        assert!(lines[1].starts_with("1,评分项目,基本组织,"), "{}", lines[1]);
        assert!(lines[1].contains(",部分达标,2,1,"), "{}", lines[1]);
        let en = rectification_csv(&entries, Locale::En);
        let row = en.split("\r\n").nth(1).unwrap_or_default();
        assert!(row.starts_with("1,Checklist item,"), "{row}");
        assert!(row.contains(",Partially met,"), "{row}");
    }
}
