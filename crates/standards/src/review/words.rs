//! The wording of verdicts, in both languages.

use super::settings::ReviewSettings;
use dangjian_core::Locale;

/// `zh` or `en` by locale.
pub(crate) fn pick<'a>(locale: Locale, zh: &'a str, en: &'a str) -> &'a str {
    match locale {
        Locale::ZhCn => zh,
        Locale::En => en,
    }
}

/// Joins list entries the way each language does.
pub(crate) fn join(locale: Locale, parts: &[String]) -> String {
    parts.join(pick(locale, "、", ", "))
}

/// Joins clauses.
pub(crate) fn join_clauses(locale: Locale, parts: &[String]) -> String {
    parts.join(pick(locale, "；", "; "))
}

/// A department's name, or its id when the matrix does not know it.
pub(crate) fn department(settings: &ReviewSettings, id: &str, locale: Locale) -> String {
    settings
        .department(id)
        .map(|d| d.title.get(locale).to_owned())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| id.to_owned())
}

/// A negative-list item as `第9项（title）` / `item 9 (title)`.
pub(crate) fn item(settings: &ReviewSettings, id: &str, locale: Locale) -> String {
    let title = settings
        .item(id)
        .map(|i| i.title.get(locale).to_owned())
        .unwrap_or_default();
    match (locale, title.is_empty()) {
        (Locale::ZhCn, true) => format!("第{id}项"),
        (Locale::ZhCn, false) => format!("第{id}项（{title}）"),
        (Locale::En, true) => format!("item {id}"),
        (Locale::En, false) => format!("item {id} ({title})"),
    }
}

/// Several items, or "no item named".
pub(crate) fn items(settings: &ReviewSettings, ids: &[String], locale: Locale) -> String {
    if ids.is_empty() {
        return pick(locale, "未写明事项", "no item named").to_owned();
    }
    let parts: Vec<String> = ids.iter().map(|i| item(settings, i, locale)).collect();
    join(locale, &parts)
}
