//! The interface's own words, in both languages. Titles and messages of a form
//! come from its spec and from the engine's report, already localized.

use dangjian_core::Locale;

/// Picks the Chinese or the English wording.
pub fn tr(locale: Locale, zh: &'static str, en: &'static str) -> &'static str {
    match locale {
        Locale::ZhCn => zh,
        Locale::En => en,
    }
}

/// The label of a checklist status: the engine's words (its messages, the
/// reasons of lost points and the rectification list say the same), one
/// vocabulary on the buttons, the panels, the CSV and the paper.
pub fn status_label(locale: Locale, status: &str) -> &'static str {
    match status {
        "met" => tr(locale, "达标", "Met"),
        "partial" => tr(locale, "部分达标", "Partially met"),
        "unmet" => tr(locale, "未达标", "Not met"),
        "na" => tr(locale, "不适用", "N/A"),
        "unanswered" => tr(locale, "未作答", "Not answered"),
        "answered" => tr(locale, "已答", "Answered"),
        "hidden" => tr(locale, "不涉及", "Not shown"),
        _ => "",
    }
}

/// "Yes" or "no".
pub fn yes_no(locale: Locale, v: bool) -> &'static str {
    if v {
        tr(locale, "是", "Yes")
    } else {
        tr(locale, "否", "No")
    }
}
