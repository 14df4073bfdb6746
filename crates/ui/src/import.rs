//! Reading a record back from a file: what 导出数据 wrote (the record as JSON),
//! a record saved by any other means, or an envelope `{"form": …, "data": …}`.
//! A file of another form, a file that is not JSON, and JSON that is not a
//! record are refused with a reason the person can act on.

use crate::i18n::tr;
use dangjian_core::{Locale, Spec};
use serde_json::Value;

/// Largest file read (a record of the biggest built-in form is a few KB).
pub const MAX_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

/// Why a file could not be imported.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// The browser could not read the file.
    Unreadable,
    /// Larger than [`MAX_BYTES`].
    TooLarge {
        /// Its size in bytes.
        bytes: f64,
    },
    /// Not JSON: where the text stops making sense.
    NotJson {
        /// Line (1-based).
        line: usize,
        /// Column (1-based).
        column: usize,
    },
    /// JSON, but not an object.
    NotARecord {
        /// What it is (`array`, `string`…).
        kind: &'static str,
    },
    /// An envelope naming another form.
    OtherForm {
        /// The form it names.
        id: String,
    },
    /// An object none of whose keys is a section of this form.
    NoMatch,
}

/// The record in `text`, if it is one for `spec`.
pub fn read_record(text: &str, spec: &Spec) -> Result<Value, ImportError> {
    let value: Value = dangjian_core::json_text::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| ImportError::NotJson {
            line: e.line,
            column: e.column,
        })?;
    let Value::Object(map) = &value else {
        return Err(ImportError::NotARecord {
            kind: crate::state::kind_of(&value),
        });
    };
    let is_section = |k: &String| spec.sections.iter().any(|s| &s.id == k);
    // An envelope: {"form": "id" or {"id": …}, "data": {…}} (when the form has no such sections).
    if !map.keys().any(is_section) {
        if let (Some(form), Some(data)) = (map.get("form"), map.get("data")) {
            let id = form
                .as_str()
                .or_else(|| form.get("id").and_then(Value::as_str))
                .unwrap_or("");
            if id != spec.id {
                return Err(ImportError::OtherForm { id: id.to_owned() });
            }
            return match data {
                Value::Object(_) => Ok(data.clone()),
                other => Err(ImportError::NotARecord {
                    kind: crate::state::kind_of(other),
                }),
            };
        }
        if !map.is_empty() {
            return Err(ImportError::NoMatch);
        }
    }
    Ok(value)
}

/// The reason in `l`, for the form titled `title`.
pub fn message(e: &ImportError, l: Locale, title: &str) -> String {
    match e {
        ImportError::Unreadable => tr(
            l,
            "浏览器无法读取这个文件，请重新选择。",
            "The browser could not read this file; please choose it again.",
        )
        .to_owned(),
        ImportError::TooLarge { bytes } => format!(
            "{}{} MB{}",
            tr(l, "文件太大（", "The file is too large ("),
            dangjian_core::decimal::fixed(bytes / 1_048_576.0, 1),
            tr(
                l,
                "），不是本表单导出的数据。",
                "): it is not data exported from this form."
            )
        ),
        ImportError::NotJson { line, column } => format!(
            "{}{line}{}{column}{}",
            tr(
                l,
                "文件不是有效的 JSON 数据（第 ",
                "The file is not valid JSON (line "
            ),
            tr(l, " 行第 ", ", column "),
            tr(
                l,
                " 列出错）。请选择“导出数据”保存的 .json 文件。",
                "). Choose a .json file saved by “Export data”."
            )
        ),
        ImportError::NotARecord { kind } => format!(
            "{}{}{}",
            tr(
                l,
                "文件中的数据不是一份记录（是",
                "The file does not hold a record (it holds "
            ),
            kind_words(l, kind),
            tr(l, "），无法导入。", "), so it cannot be imported.")
        ),
        // (The other form is named by its id, which the Chinese interface does not show.)
        ImportError::OtherForm { id } => match l {
            Locale::ZhCn => format!("这是另一张表单的数据，不是“{title}”的，不能导入。"),
            Locale::En => format!("This file belongs to the form “{id}”, not to “{title}”."),
        },
        ImportError::NoMatch => format!(
            "{}{title}{}",
            tr(l, "这个文件不是“", "This file is not a record of “"),
            tr(
                l,
                "”的数据：文件中没有一个栏目是本表单的，可能是另一张表单导出的。",
                "”: none of its parts belongs to this form; it may come from another form."
            )
        ),
    }
}

/// A JSON kind in words.
pub fn kind_words(l: Locale, kind: &str) -> &'static str {
    match kind {
        "string" => tr(l, "一段文字", "a piece of text"),
        "array" => tr(l, "一个列表", "a list"),
        "number" => tr(l, "一个数字", "a number"),
        "boolean" => tr(l, "是或否", "true or false"),
        "null" => tr(l, "空值", "null"),
        _ => tr(l, "其他内容", "something else"),
    }
}

/// Reads `file` as text, refusing files too large to be a record.
pub async fn read_file(file: &web_sys::File) -> Result<String, ImportError> {
    let bytes = file.size();
    if bytes > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes });
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| ImportError::Unreadable)?;
    text.as_string().ok_or(ImportError::Unreadable)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn spec() -> Spec {
        serde_json::from_value(
            json!({"id": "meeting-minutes", "version": "1", "title": "会议记录", "sections": [
                {"id": "meeting", "items": [{"id": "topic", "type": "text"}]},
                {"id": "attendance", "items": [{"id": "expected", "type": "integer"}]}
            ]}),
        )
        .unwrap()
    }

    #[test]
    fn what_export_wrote_reads_back() {
        let record = json!({"meeting": {"topic": "年终总结"}, "attendance": {"expected": 9}});
        let text = serde_json::to_string_pretty(&record).unwrap();
        assert_eq!(read_record(&text, &spec()), Ok(record.clone()));
        // With a byte-order mark, as some editors save it.
        assert_eq!(read_record(&format!("\u{feff}{text}"), &spec()), Ok(record));
        // A record with fields the form no longer has is imported: the form shows them.
        assert!(read_record(r#"{"meeting": {"old": 1}}"#, &spec()).is_ok());
    }

    #[test]
    fn envelopes_name_their_form() {
        let ok =
            json!({"form": {"id": "meeting-minutes", "version": "1"}, "data": {"meeting": {}}});
        assert_eq!(
            read_record(&ok.to_string(), &spec()),
            Ok(json!({"meeting": {}}))
        );
        let other = json!({"form": "branch-checklist", "data": {"profile": {}}});
        assert_eq!(
            read_record(&other.to_string(), &spec()),
            Err(ImportError::OtherForm {
                id: "branch-checklist".into()
            })
        );
    }

    #[test]
    fn other_files_are_refused_with_a_reason() {
        assert_eq!(
            read_record("{\"meeting\": ", &spec()),
            Err(ImportError::NotJson {
                line: 1,
                column: 12
            })
        );
        assert_eq!(
            read_record("[1, 2, 3]", &spec()),
            Err(ImportError::NotARecord { kind: "array" })
        );
        assert_eq!(
            read_record("\"just a string\"", &spec()),
            Err(ImportError::NotARecord { kind: "string" })
        );
        let e = read_record(r#"{"profile": {}, "organisation": {}}"#, &spec()).unwrap_err();
        assert_eq!(e, ImportError::NoMatch);
        let said = message(&e, Locale::ZhCn, "会议记录");
        assert!(said.contains("不是“会议记录”的数据"), "{said}");
        // No ids of the file in the Chinese interface.
        assert!(!said.contains("profile"), "{said}");
    }
}
