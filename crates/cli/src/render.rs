//! Reports for people: a table of issues and the score by section, with every
//! lost point explained. Citizen ID numbers are masked unless asked for.

use dangjian_core::report::Report;
use dangjian_core::{Form, Locale, Severity};
use std::fmt::Write;

/// Renders a report as text.
pub fn report(form: &Form, report: &Report, locale: Locale, show_id: bool) -> String {
    let zh = locale == Locale::ZhCn;
    let mut s = String::new();
    let title = form.spec().title.get(locale);
    let _ = writeln!(s, "{title} ({} {})", report.form.id, report.form.version);
    let verdict = match (report.valid, zh) {
        (true, true) => "✔ 校验通过",
        (true, false) => "✔ valid",
        (false, true) => "✘ 未通过校验",
        (false, false) => "✘ invalid",
    };
    let counts = if zh {
        format!(
            "{} 个错误，{} 个提醒",
            report.counts.errors, report.counts.warnings
        )
    } else {
        format!(
            "{} error(s), {} warning(s)",
            report.counts.errors, report.counts.warnings
        )
    };
    let _ = writeln!(s, "{verdict} — {counts}");
    if !report.issues.is_empty() {
        let _ = writeln!(s);
        let width = report
            .issues
            .iter()
            .map(|i| i.path.chars().count())
            .max()
            .unwrap_or(0)
            .clamp(6, 40);
        for i in &report.issues {
            let sev = match (i.severity, zh) {
                (Severity::Error, true) => "错误",
                (Severity::Error, false) => "error",
                (Severity::Warning, true) => "提醒",
                (Severity::Warning, false) => "warning",
            };
            let path = if i.path.is_empty() { "/" } else { &i.path };
            let message = mask(&i.message, show_id);
            let _ = writeln!(s, "  {sev:<7} {path:<width$}  {message}  [{}]", i.code);
        }
    }
    if !report.outcomes.is_empty() {
        let _ = writeln!(s);
        for (id, value) in &report.outcomes {
            let title = form
                .spec()
                .outcomes
                .iter()
                .find(|o| &o.id == id)
                .map(|o| o.title.get(locale))
                .filter(|t| !t.is_empty())
                .unwrap_or(id);
            let _ = writeln!(
                s,
                "{title}{}{}",
                if zh { "：" } else { ": " },
                mask(&outcome_text(value), show_id)
            );
        }
    }
    if let Some(score) = &report.score {
        let _ = writeln!(s);
        let grade = score
            .grade
            .as_ref()
            .map(|g| g.title.as_str())
            .unwrap_or("—");
        if zh {
            let _ = writeln!(
                s,
                "得分 {} / {}，折合 {} 分（加分 {}），等级：{grade}",
                num(score.earned.get()),
                num(score.possible.get()),
                num(score.total.get()),
                num(score.bonus.get())
            );
        } else {
            let _ = writeln!(
                s,
                "Score {} / {} = {} (bonus {}), grade: {grade}",
                num(score.earned.get()),
                num(score.possible.get()),
                num(score.total.get()),
                num(score.bonus.get())
            );
        }
        for v in &score.vetoes {
            let _ = writeln!(
                s,
                "  {} {}",
                if zh { "一票否决：" } else { "Veto:" },
                v.title
            );
        }
        for sec in &score.sections {
            let bar = bar(sec.percent.get());
            let _ = writeln!(
                s,
                "  {bar} {:>6}/{:<6} {}",
                num(sec.earned.get()),
                num(sec.possible.get()),
                sec.title
            );
        }
        let losing: Vec<_> = score.items.iter().filter(|i| !i.lost.is_empty()).collect();
        if !losing.is_empty() {
            let _ = writeln!(
                s,
                "{}",
                if zh {
                    "\n失分说明："
                } else {
                    "\nPoints lost:"
                }
            );
            for item in losing {
                for l in &item.lost {
                    let _ = writeln!(
                        s,
                        "  -{:<5} {}：{}",
                        num(l.points.get()),
                        item.title,
                        mask(&l.reason, show_id)
                    );
                }
            }
        }
        for b in &score.bonuses {
            let _ = writeln!(s, "  +{:<5} {}", num(b.points.get()), b.title);
        }
    }
    s
}

/// An outcome for people: its `summary` or `title` when it is an object that has
/// one (the review verdict), a text as it is, anything else as compact JSON.
fn outcome_text(value: &serde_json::Value) -> String {
    let field = |k: &str| value.get(k).and_then(serde_json::Value::as_str);
    match value {
        serde_json::Value::String(t) => t.clone(),
        serde_json::Value::Null => "—".to_owned(),
        _ => field("summary")
            .or_else(|| field("title"))
            .map_or_else(|| value.to_string(), str::to_owned),
    }
}

fn num(v: f64) -> String {
    dangjian_core::number::Num(v).to_json().to_string()
}

fn bar(percent: f64) -> String {
    let filled = ((percent / 10.0).round().clamp(0.0, 10.0)) as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled))
}

/// Masks citizen ID numbers in text meant for people, unless `show_id`.
pub(crate) fn mask(text: &str, show_id: bool) -> String {
    if show_id {
        text.to_owned()
    } else {
        mask_ids_in_text(text)
    }
}

/// Replaces every 18- or 15-character citizen ID number in `text` by its masked
/// form, keeping the first four and the last four characters.
fn mask_ids_in_text(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_digit() || **c == 'X' || **c == 'x')
            .count();
        let before_ok = i == 0 || !chars[i - 1].is_ascii_alphanumeric();
        let digits_ok = chars[i..i + run]
            .iter()
            .take(run.saturating_sub(1))
            .all(char::is_ascii_digit);
        if before_ok && digits_ok && (run == 18 || run == 15) {
            let token: String = chars[i..i + run].iter().collect();
            out.push_str(&token[..4]);
            out.push_str(&"*".repeat(run - 8));
            out.push_str(&token[run - 4..]);
        } else {
            out.extend(&chars[i..i + run.max(1)]);
        }
        i += run.max(1);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn masks_id_numbers_only() {
        assert_eq!(
            super::mask_ids_in_text("号码 440524188001010014 有误"),
            "号码 4405**********0014 有误"
        );
        assert_eq!(
            super::mask_ids_in_text("11010519491231002X"),
            "1101**********002X"
        );
        assert_eq!(
            super::mask_ids_in_text("电话 13800138000"),
            "电话 13800138000"
        );
    }
}
