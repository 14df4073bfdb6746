//! Wording shared by the domain checks. Each domain module keeps one table of
//! messages (core's [`Messages`]) and collects its issues with core's
//! [`dangjian_core::Sink`]; these helpers render the texts that are not issues
//! (a frequency, a detail inside a message) from the same tables.

use dangjian_core::messages::{lookup, Messages};
use dangjian_core::report::Params;
use dangjian_core::text::interpolate;
use dangjian_core::Locale;
use serde_json::Value;

/// `zh` or `en` by locale.
pub(crate) fn pick<'a>(locale: Locale, zh: &'a str, en: &'a str) -> &'a str {
    match locale {
        Locale::ZhCn => zh,
        Locale::En => en,
    }
}

/// The text of `key` in `table`, in `locale`, with `params` (an object) filled
/// in; the key itself when the table has no such entry.
pub(crate) fn render(table: &Messages, key: &str, locale: Locale, params: &Value) -> String {
    let Some((zh, en)) = lookup(table, key) else {
        return key.to_owned();
    };
    let template = pick(locale, zh, en);
    match params {
        Value::Object(map) => interpolate(template, map),
        _ => interpolate(template, &Params::new()),
    }
}

/// Issue params from a JSON object (anything else gives none).
pub(crate) fn params(value: Value) -> Params {
    match value {
        Value::Object(map) => map,
        _ => Params::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn renders_by_key_and_falls_back_to_it() {
        const T: &Messages = &[("a.b", "有 {n} 项", "{n} items")];
        assert_eq!(render(T, "a.b", Locale::ZhCn, &json!({"n": 3})), "有 3 项");
        assert_eq!(render(T, "a.b", Locale::En, &json!({"n": 3})), "3 items");
        assert_eq!(render(T, "a.c", Locale::En, &Value::Null), "a.c");
        assert!(params(json!(7)).is_empty());
    }
}
