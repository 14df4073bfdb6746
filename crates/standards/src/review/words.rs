//! The wording of verdicts, in both languages.

use super::settings::ReviewSettings;
use dangjian_core::Locale;

pub(crate) use crate::wording::pick;

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
    let key = if title.is_empty() {
        "item.bare"
    } else {
        "item.titled"
    };
    super::messages::text(key, locale, &serde_json::json!({"id": id, "title": title}))
}

/// Several items, or "no item named".
pub(crate) fn items(settings: &ReviewSettings, ids: &[String], locale: Locale) -> String {
    if ids.is_empty() {
        return super::messages::word("item.none", locale).to_owned();
    }
    let parts: Vec<String> = ids.iter().map(|i| item(settings, i, locale)).collect();
    join(locale, &parts)
}
