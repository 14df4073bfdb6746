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

/// The label of a checklist status.
pub fn status_label(locale: Locale, status: &str) -> &'static str {
    match status {
        "met" => tr(locale, "符合", "Met"),
        "partial" => tr(locale, "基本符合", "Partly met"),
        "unmet" => tr(locale, "不符合", "Not met"),
        "na" => tr(locale, "不适用", "N/A"),
        "unanswered" => tr(locale, "未评", "Not rated"),
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
