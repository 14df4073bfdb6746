//! How a value reads on paper and in read-only mode.

use super::{as_text, option_title};
use crate::i18n::yes_no;
use dangjian_core::{Format, Locale, Moment, Node, Shape, TextKind};
use serde_json::Value;

/// A value as it reads on paper and in read-only mode.
pub fn display_value(node: &Node, v: &Value, l: Locale) -> String {
    if v.is_null() {
        return String::new();
    }
    let shown = match node.kind.shape() {
        Shape::Boolean => v.as_bool().map(|b| yes_no(l, b).to_owned()),
        Shape::Text(TextKind::Choice) => v.as_str().map(|s| {
            node.options
                .iter()
                .find(|o| o.value == s)
                .map_or_else(|| s.to_owned(), |o| option_title(o, l))
        }),
        Shape::Choices => v.as_array().map(|items| {
            items
                .iter()
                .filter_map(Value::as_str)
                .map(|s| {
                    node.options
                        .iter()
                        .find(|o| o.value == s)
                        .map_or_else(|| s.to_owned(), |o| option_title(o, l))
                })
                .collect::<Vec<_>>()
                .join("、")
        }),
        Shape::Text(TextKind::Format(Format::CitizenId)) => {
            v.as_str().map(dangjian_standards::ident::citizen_id::mask)
        }
        Shape::Signature => v.as_object().map(|o| {
            let name = o.get("name").map(as_text).unwrap_or_default();
            let date = o.get("date").map(as_text).unwrap_or_default();
            format!("{name}  {date}").trim().to_owned()
        }),
        Shape::File => v.as_object().map(|o| {
            let name = o.get("name").map(as_text).unwrap_or_default();
            let size = o.get("size").and_then(Value::as_f64).unwrap_or(0.0);
            match l {
                Locale::ZhCn => format!("{name}（{}）", human_size(size)),
                Locale::En => format!("{name} ({})", human_size(size)),
            }
        }),
        Shape::Text(TextKind::Moment(Moment::Datetime)) => v.as_str().map(|s| s.replace('T', " ")),
        Shape::Checklist => v.as_object().map(|o| {
            let status = o.get("status").and_then(Value::as_str).unwrap_or("");
            crate::i18n::status_label(l, status).to_owned()
        }),
        Shape::Text(
            TextKind::Plain
            | TextKind::Moment(Moment::Date | Moment::Time)
            | TextKind::Format(Format::Uscc)
            | TextKind::PersonName
            | TextKind::Mobile
            | TextKind::Email
            | TextKind::Url,
        )
        | Shape::Number { .. }
        | Shape::Group => None,
        Shape::List => v.as_array().map(|items| {
            let item = Node {
                kind: node.item_type(),
                options: node.options.clone(),
                ..Node::default()
            };
            items
                .iter()
                .map(|x| display_value(&item, x, l))
                .collect::<Vec<_>>()
                .join("、")
        }),
    };
    shown.unwrap_or_else(|| as_text(v))
}

/// The options of an empty choice field (a radio group, a select, check
/// boxes, a yes/no), as paper offers them to be ticked by pen; `None` for a
/// field of another kind, or one with an answer.
pub fn blank_choices(node: &Node, v: &Value, l: Locale) -> Option<Vec<String>> {
    if !(v.is_null() || v.as_array().is_some_and(Vec::is_empty)) {
        return None;
    }
    match node.kind.shape() {
        Shape::Boolean => Some(vec![
            yes_no(l, true).to_owned(),
            yes_no(l, false).to_owned(),
        ]),
        Shape::Text(TextKind::Choice) | Shape::Choices if !node.options.is_empty() => {
            Some(node.options.iter().map(|o| option_title(o, l)).collect())
        }
        _ => None,
    }
}

fn human_size(bytes: f64) -> String {
    if bytes >= 1_048_576.0 {
        format!(
            "{} MB",
            dangjian_core::decimal::fixed(bytes / 1_048_576.0, 1)
        )
    } else if bytes >= 1024.0 {
        format!("{} KB", dangjian_core::decimal::fixed(bytes / 1024.0, 0))
    } else {
        format!("{} B", dangjian_core::decimal::plain(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_read_as_people_write_them() {
        let node: Node = serde_json::from_value(json!({"id": "c", "type": "choice",
            "options": [{"value": "a", "title": {"zh-CN": "甲", "en": "A"}}]}))
        .unwrap();
        assert_eq!(display_value(&node, &json!("a"), Locale::ZhCn), "甲");
        assert_eq!(display_value(&node, &json!("a"), Locale::En), "A");
        let id: Node = serde_json::from_value(json!({"id": "i", "type": "citizen_id"})).unwrap();
        assert_eq!(
            display_value(&id, &json!("440524188001010014"), Locale::ZhCn),
            "4405**********0014"
        );
    }

    #[test]
    fn an_empty_choice_offers_its_options_on_paper() {
        let node: Node = serde_json::from_value(json!({"id": "c", "type": "choice",
            "options": [{"value": "a", "title": {"zh-CN": "甲", "en": "A"}}, {"value": "b"}]}))
        .unwrap();
        assert_eq!(
            blank_choices(&node, &Value::Null, Locale::En),
            Some(vec!["A".to_owned(), "b".to_owned()])
        );
        assert_eq!(blank_choices(&node, &json!("a"), Locale::En), None);
        let many: Node = serde_json::from_value(json!({"id": "m", "type": "multi_choice",
            "options": [{"value": "a"}]}))
        .unwrap();
        assert_eq!(
            blank_choices(&many, &json!([]), Locale::ZhCn),
            Some(vec!["a".to_owned()])
        );
        assert_eq!(blank_choices(&many, &json!(["a"]), Locale::ZhCn), None);
        let yes: Node = serde_json::from_value(json!({"id": "y", "type": "boolean"})).unwrap();
        assert_eq!(
            blank_choices(&yes, &Value::Null, Locale::ZhCn).map(|o| o.len()),
            Some(2)
        );
        let text: Node = serde_json::from_value(json!({"id": "t", "type": "text"})).unwrap();
        assert_eq!(blank_choices(&text, &Value::Null, Locale::ZhCn), None);
    }
}
