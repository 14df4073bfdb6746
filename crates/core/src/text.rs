//! Localized text: every title, help text and message exists in zh-CN and English.

use schemars::JsonSchema;
use serde::Serialize;

/// The languages a report or a form can be rendered in.
/// (`Deserialize` by `spec::read::locale`.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, JsonSchema)]
pub enum Locale {
    /// Simplified Chinese, the default.
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Locale {
    /// Parses `zh-CN`, `zh`, `en`, `en-US` and similar tags; anything else is `None`.
    pub fn parse(tag: &str) -> Option<Locale> {
        let lower = tag.trim().to_ascii_lowercase();
        if lower == "zh" || lower.starts_with("zh-") || lower.starts_with("zh_") {
            Some(Locale::ZhCn)
        } else if lower == "en" || lower.starts_with("en-") || lower.starts_with("en_") {
            Some(Locale::En)
        } else {
            None
        }
    }

    /// The BCP 47 tag of this locale.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::En => "en",
        }
    }
}

/// A text in both languages. In a spec it is written either as a plain string
/// (used for both languages) or as `{"zh-CN": "…", "en": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Text {
    /// One string for every locale.
    Plain(String),
    /// One string per locale; a missing locale falls back to the other.
    Localized {
        /// Simplified Chinese.
        #[serde(rename = "zh-CN", default, skip_serializing_if = "Option::is_none")]
        zh: Option<String>,
        /// English.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        en: Option<String>,
    },
    /// No text.
    #[default]
    #[serde(skip)]
    Empty,
}

impl Text {
    /// A text with both translations.
    pub fn new(zh: &str, en: &str) -> Text {
        Text::Localized {
            zh: Some(zh.to_owned()),
            en: Some(en.to_owned()),
        }
    }

    /// The text in `locale`, falling back to the other language, then to "".
    pub fn get(&self, locale: Locale) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::Localized { zh, en } => {
                let (first, second) = match locale {
                    Locale::ZhCn => (zh, en),
                    Locale::En => (en, zh),
                };
                first.as_deref().or(second.as_deref()).unwrap_or("")
            }
            Text::Empty => "",
        }
    }

    /// True when no language has any text.
    pub fn is_empty(&self) -> bool {
        self.get(Locale::ZhCn).is_empty()
    }
}

/// Replaces `{name}` placeholders in `template` with the values of `params`.
/// Unknown placeholders are left as they are, so a typo in an override shows up
/// in the message instead of vanishing.
pub fn interpolate(template: &str, params: &serde_json::Map<String, serde_json::Value>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        let tail = after.get(1..).unwrap_or("");
        match tail.find('}') {
            Some(close) => {
                let name = tail.get(..close).unwrap_or("");
                match params.get(name) {
                    Some(value) => out.push_str(&display_value(value)),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = tail.get(close + 1..).unwrap_or("");
            }
            None => {
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// How a parameter value reads inside a message.
pub fn display_value(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        serde_json::Value::Array(items) => items
            .iter()
            .map(display_value)
            .collect::<Vec<_>>()
            .join("、"),
        other => crate::json_writer::value_text(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn falls_back_between_languages() {
        let t: Text = serde_json::from_value(json!({"zh-CN": "标题"})).unwrap();
        assert_eq!(t.get(Locale::En), "标题");
        let p: Text = serde_json::from_value(json!("Title")).unwrap();
        assert_eq!(p.get(Locale::ZhCn), "Title");
    }

    #[test]
    fn interpolates_known_and_keeps_unknown() {
        let params = json!({"min": 3, "name": "张三"});
        let map = params.as_object().unwrap();
        assert_eq!(
            interpolate("{name} 至少 {min} 个 {oops}", map),
            "张三 至少 3 个 {oops}"
        );
        assert_eq!(interpolate("unclosed {min", map), "unclosed {min");
    }

    #[test]
    fn parses_locale_tags() {
        assert_eq!(Locale::parse("en-US"), Some(Locale::En));
        assert_eq!(Locale::parse("zh"), Some(Locale::ZhCn));
        assert_eq!(Locale::parse("fr"), None);
    }
}
