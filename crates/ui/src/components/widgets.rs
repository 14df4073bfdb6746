//! The one table from field type to widget, and how each type reads when printed.
//! Widgets only turn what the person types into JSON values; the engine judges them.

use super::slice::Slice;
use super::use_env;
use crate::i18n::{tr, yes_no};
use crate::tree::UiNode;
use dangjian_core::{FieldType, Locale, Node};
use serde_json::{json, Value};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Props shared by every widget.
#[derive(Properties, PartialEq, Clone)]
pub struct WidgetProps {
    /// The field's spec node.
    pub node: Rc<UiNode>,
    /// JSON Pointer of its value.
    pub path: AttrValue,
    /// Its value.
    pub value: Value,
    /// The field's share of the report, for the parts of a composite value.
    #[prop_or_default]
    pub part_issues: Option<Slice>,
    /// DOM id of the (first) control.
    pub id: AttrValue,
    /// Ids of the help text and the messages.
    pub describedby: AttrValue,
    /// The engine reports an error here that is showing.
    pub invalid: bool,
    /// The field must be given.
    pub required: bool,
    /// The field's title, for controls without a visible label.
    pub label: AttrValue,
    /// Inside a table row: prefer compact controls.
    #[prop_or_default]
    pub compact: bool,
    /// The engine disables the field (`enabled_if`): shown, not editable.
    #[prop_or_default]
    pub disabled: bool,
}

/// Picks the widget for the node's type.
#[function_component]
pub fn Widget(p: &WidgetProps) -> Html {
    let p = p.clone();
    match p.node.node.kind {
        FieldType::Textarea => html! { <TextArea ..p /> },
        FieldType::Integer | FieldType::Decimal => html! { <NumberInput ..p /> },
        FieldType::Date | FieldType::Time | FieldType::Datetime => html! { <TextInput ..p /> },
        FieldType::Boolean => html! { <BoolChoice ..p /> },
        FieldType::Choice => {
            let limit = if p.compact { 2 } else { 5 };
            if p.node.node.options.len() <= limit
                && p.node.hint("widget").and_then(Value::as_str) != Some("select")
            {
                html! { <RadioChoice ..p /> }
            } else {
                html! { <SelectChoice ..p /> }
            }
        }
        FieldType::MultiChoice => html! { <MultiChoice ..p /> },
        FieldType::Signature => html! { <Signature ..p /> },
        FieldType::File => html! { <FileRef ..p /> },
        // Checklist lines and groups have their own components; any other type is text.
        _ => html! { <TextInput ..p /> },
    }
}

/// The HTML input type and keyboard hints of a textual field type.
fn input_kind(kind: FieldType) -> (&'static str, Option<&'static str>, Option<&'static str>) {
    match kind {
        FieldType::Date => ("date", None, None),
        FieldType::Time => ("time", None, None),
        FieldType::Datetime => ("datetime-local", None, None),
        FieldType::Mobile => ("tel", Some("tel"), Some("tel")),
        FieldType::Email => ("email", Some("email"), Some("email")),
        FieldType::Url => ("url", Some("url"), Some("url")),
        FieldType::PersonName => ("text", None, Some("name")),
        FieldType::CitizenId | FieldType::Uscc => ("text", None, Some("off")),
        _ => ("text", None, None),
    }
}

/// Text as the record stores it: blank text is no value.
fn text_value(s: String) -> Value {
    if s.trim().is_empty() {
        Value::Null
    } else {
        Value::String(s)
    }
}

/// A value as the text of an input.
fn as_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

/// A one-line input (text, identifiers, dates and times).
#[function_component]
pub fn TextInput(p: &WidgetProps) -> Html {
    let Some(env) = use_env() else {
        return html! {};
    };
    let onblur = env.toucher(&p.path);
    let set = env.setter(&p.path);
    let (kind, inputmode, autocomplete) = input_kind(p.node.node.kind);
    let oninput = Callback::from(move |e: InputEvent| {
        set.emit(text_value(
            e.target_unchecked_into::<HtmlInputElement>().value(),
        ))
    });
    let placeholder = p.node.node.placeholder.get(env.locale).to_owned();
    html! {
        <input class="dj-input" type={kind} id={p.id.clone()} value={as_text(&p.value.clone())}
            inputmode={inputmode} autocomplete={autocomplete} placeholder={placeholder}
            aria-invalid={p.invalid.to_string()} aria-required={p.required.to_string()}
            aria-describedby={p.describedby.clone()} aria-label={p.label.clone()}
            disabled={p.disabled} spellcheck="false" {oninput} {onblur} />
    }
}

/// A multi-line input.
#[function_component]
pub fn TextArea(p: &WidgetProps) -> Html {
    let Some(env) = use_env() else {
        return html! {};
    };
    let onblur = env.toucher(&p.path);
    let set = env.setter(&p.path);
    let oninput = Callback::from(move |e: InputEvent| {
        set.emit(text_value(
            e.target_unchecked_into::<HtmlTextAreaElement>().value(),
        ))
    });
    let placeholder = p.node.node.placeholder.get(env.locale).to_owned();
    html! {
        <textarea class="dj-input dj-textarea" id={p.id.clone()} value={as_text(&p.value.clone())} rows="3"
            placeholder={placeholder} aria-invalid={p.invalid.to_string()} aria-required={p.required.to_string()}
            aria-describedby={p.describedby.clone()} aria-label={p.label.clone()} disabled={p.disabled} {oninput} {onblur} />
    }
}

/// Reads a typed number: a number when it parses, the text itself when it does
/// not (so the engine reports the type), nothing when blank.
pub fn parse_number(raw: &str, integer: bool) -> Value {
    let t = raw.trim().replace(['，', ','], "");
    if t.is_empty() {
        return Value::Null;
    }
    if integer {
        if let Ok(n) = t.parse::<i64>() {
            return Value::from(n);
        }
    }
    match t.parse::<f64>() {
        Ok(f) if f.is_finite() => {
            serde_json::Number::from_f64(f).map_or(Value::String(raw.to_owned()), Value::Number)
        }
        _ => Value::String(raw.to_owned()),
    }
}

/// A number typed as text, so a half-typed number is never rewritten under the cursor.
#[function_component]
pub fn NumberInput(p: &WidgetProps) -> Html {
    let raw = use_state(String::new);
    let Some(env) = use_env() else {
        return html! {};
    };
    let integer = p.node.node.kind == FieldType::Integer;
    let value = p.value.clone();
    // Show what was typed while it still means the stored value; otherwise the stored value.
    let shown = if parse_number(&raw, integer) == value {
        (*raw).clone()
    } else {
        as_text(&value)
    };
    let onblur = env.toucher(&p.path);
    let set = env.setter(&p.path);
    let oninput = {
        let raw = raw.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            set.emit(parse_number(&text, integer));
            raw.set(text);
        })
    };
    let unit = p
        .node
        .hint("unit")
        .and_then(Value::as_str)
        .map(str::to_owned);
    html! {
        <span class="dj-number">
            <input class="dj-input dj-num" type="text" id={p.id.clone()} value={shown}
                inputmode={if integer { "numeric" } else { "decimal" }}
                aria-invalid={p.invalid.to_string()} aria-required={p.required.to_string()}
                aria-describedby={p.describedby.clone()} aria-label={p.label.clone()} disabled={p.disabled} {oninput} {onblur} />
            { for unit.map(|u| html! { <span class="dj-unit">{ u }</span> }) }
        </span>
    }
}

/// Radio buttons styled as a segmented control.
fn segmented(p: &WidgetProps, options: Vec<(String, String, bool)>, set: Callback<Value>) -> Html {
    let (id, name, invalid, label, disabled) = (&p.id, &p.id, p.invalid, &p.label, p.disabled);
    html! {
        <div class={classes!("dj-seg", disabled.then_some("dj-disabled"))} role="radiogroup" aria-label={label.clone()}
            aria-invalid={invalid.to_string()} aria-disabled={disabled.then_some("true")}>
            { for options.into_iter().enumerate().map(|(i, (value, title, checked))| {
                let set = set.clone();
                let input_id = format!("{id}-{i}");
                let v = value.clone();
                let onchange = Callback::from(move |_: Event| set.emit(decode_option(&v)));
                html! {
                    <label class={classes!("dj-seg-opt", checked.then_some("dj-on"))} for={input_id.clone()} data-value={value.clone()}>
                        <input type="radio" id={input_id} name={name.clone()} value={value} checked={checked} disabled={disabled} {onchange} />
                        { title }
                    </label>
                }
            }) }
        </div>
    }
}

/// Option values travel as text in the DOM; booleans come back as booleans.
fn decode_option(v: &str) -> Value {
    match v {
        "true" => Value::Bool(true),
        "false" => Value::Bool(false),
        _ => Value::String(v.to_owned()),
    }
}

/// Yes / no.
#[function_component]
pub fn BoolChoice(p: &WidgetProps) -> Html {
    let Some(env) = use_env() else {
        return html! {};
    };
    let l = env.locale;
    let v = p.value.clone();
    let opts = vec![
        (
            "true".to_owned(),
            yes_no(l, true).to_owned(),
            v == Value::Bool(true),
        ),
        (
            "false".to_owned(),
            yes_no(l, false).to_owned(),
            v == Value::Bool(false),
        ),
    ];
    segmented(p, opts, env.setter(&p.path))
}

/// One of a few options, as radio buttons.
#[function_component]
pub fn RadioChoice(p: &WidgetProps) -> Html {
    let Some(env) = use_env() else {
        return html! {};
    };
    let l = env.locale;
    let v = p.value.clone();
    let opts = p
        .node
        .node
        .options
        .iter()
        .map(|o| {
            (
                o.value.clone(),
                option_title(o, l),
                v.as_str() == Some(o.value.as_str()),
            )
        })
        .collect();
    segmented(p, opts, env.setter(&p.path))
}

fn option_title(o: &dangjian_core::spec::ChoiceOption, l: Locale) -> String {
    let t = o.title.get(l);
    if t.is_empty() {
        o.value.clone()
    } else {
        t.to_owned()
    }
}

/// One of many options, as a drop-down.
#[function_component]
pub fn SelectChoice(p: &WidgetProps) -> Html {
    let select = use_node_ref();
    let env = use_env();
    let v = p.value.clone();
    {
        // A <select> the person has used ignores `selected` attributes: set its value directly.
        let select = select.clone();
        let wanted = v.as_str().unwrap_or("").to_owned();
        use_effect_with(wanted, move |wanted| {
            if let Some(el) = select.cast::<HtmlSelectElement>() {
                if el.value() != *wanted {
                    el.set_value(wanted);
                }
            }
        });
    }
    let Some(env) = env else { return html! {} };
    let l = env.locale;
    let set = env.setter(&p.path);
    let onchange = Callback::from(move |e: Event| {
        set.emit(text_value(
            e.target_unchecked_into::<HtmlSelectElement>().value(),
        ))
    });
    let onblur = env.toucher(&p.path);
    html! {
        <select ref={select} class="dj-input dj-select" id={p.id.clone()} aria-invalid={p.invalid.to_string()} aria-required={p.required.to_string()}
            aria-describedby={p.describedby.clone()} aria-label={p.label.clone()} disabled={p.disabled} {onchange} {onblur}>
            <option value="" selected={v.is_null()}>{ tr(l, "请选择…", "Choose…") }</option>
            { for p.node.node.options.iter().map(|o| html! {
                <option value={o.value.clone()} selected={v.as_str() == Some(o.value.as_str())}>{ option_title(o, l) }</option>
            }) }
        </select>
    }
}

/// Any number of options, as checkboxes.
#[function_component]
pub fn MultiChoice(p: &WidgetProps) -> Html {
    let Some(env) = use_env() else {
        return html! {};
    };
    let l = env.locale;
    let current: Vec<Value> = p.value.clone().as_array().cloned().unwrap_or_default();
    html! {
        <div class="dj-checks">
            { for p.node.node.options.iter().enumerate().map(|(i, o)| {
                let checked = current.iter().any(|c| c.as_str() == Some(o.value.as_str()));
                let set = env.setter(&p.path);
                let all = current.clone();
                let value = o.value.clone();
                let node = p.node.clone();
                let onchange = Callback::from(move |_: Event| {
                    // Keep the spec's option order.
                    let next: Vec<Value> = node.node.options.iter()
                        .filter(|x| if x.value == value { !checked } else { all.iter().any(|c| c.as_str() == Some(x.value.as_str())) })
                        .map(|x| Value::String(x.value.clone()))
                        .collect();
                    set.emit(Value::Array(next));
                });
                let input_id = format!("{}-{i}", p.id);
                html! {
                    <label class={classes!("dj-check-opt", checked.then_some("dj-on"))} for={input_id.clone()}>
                        <input type="checkbox" id={input_id} checked={checked} disabled={p.disabled} {onchange} />
                        { option_title(o, l) }
                    </label>
                }
            }) }
        </div>
    }
}

/// A signature line: name and date.
#[function_component]
pub fn Signature(p: &WidgetProps) -> Html {
    let Some(env) = use_env() else {
        return html! {};
    };
    let l = env.locale;
    let v = p.value.clone();
    let part = |key: &'static str, kind: &'static str, label: &'static str| {
        let path = format!("{}/{key}", p.path);
        let set = env.setter(&path);
        let oninput = Callback::from(move |e: InputEvent| {
            set.emit(text_value(
                e.target_unchecked_into::<HtmlInputElement>().value(),
            ))
        });
        let onblur = env.toucher(&path);
        let id = format!("{}-{key}", p.id);
        let bad = p
            .part_issues
            .as_ref()
            .is_some_and(|s| s.child(key).invalid(false));
        html! {
            <span class="dj-sig-part">
                <label for={id.clone()}>{ label }</label>
                <input class="dj-input" type={kind} id={id} value={as_text(v.get(key).unwrap_or(&Value::Null))}
                    autocomplete={if key == "name" { "name" } else { "off" }} aria-invalid={bad.to_string()}
                    aria-describedby={p.describedby.clone()} disabled={p.disabled} {oninput} {onblur} />
            </span>
        }
    };
    html! {
        <div class="dj-sig">
            { part("name", "text", tr(l, "签名", "Name")) }
            { part("date", "date", tr(l, "日期", "Date")) }
        </div>
    }
}

/// A reference to a file kept elsewhere: picked here, its name, size and SHA-256
/// computed in the browser. The file itself goes nowhere.
#[function_component]
pub fn FileRef(p: &WidgetProps) -> Html {
    let busy = use_state(|| false);
    let Some(env) = use_env() else {
        return html! {};
    };
    let l = env.locale;
    let v = p.value.clone();
    let set = env.setter(&p.path);
    let onchange = {
        let busy = busy.clone();
        let set = set.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let set = set.clone();
            let busy = busy.clone();
            busy.set(true);
            yew::platform::spawn_local(async move {
                let sha = crate::filehash::sha256_hex(&file).await.unwrap_or_default();
                set.emit(json!({"name": file.name(), "size": file.size(), "sha256": sha}));
                busy.set(false);
            });
        })
    };
    let clear = Callback::from(move |_: MouseEvent| set.emit(Value::Null));
    let summary = if v.is_object() {
        html! { <span class="dj-file-name">{ display_value(&p.node.node, &v, l) }</span> }
    } else {
        html! { <span class="dj-file-none">{ tr(l, "未选择文件", "No file chosen") }</span> }
    };
    html! {
        <div class="dj-file">
            <input type="file" id={p.id.clone()} class="dj-file-input" aria-describedby={p.describedby.clone()}
                aria-label={p.label.clone()} disabled={p.disabled} {onchange} />
            { summary }
            if *busy { <span class="dj-file-busy">{ tr(l, "正在计算校验值…", "Computing checksum…") }</span> }
            if v.is_object() { <button type="button" class="dj-btn dj-btn-small" onclick={clear} disabled={p.disabled}>{ tr(l, "清除", "Clear") }</button> }
            <p class="dj-file-note">{ tr(l, "文件不会上传，只记录文件名、大小和校验值。", "The file is not uploaded; only its name, size and checksum are recorded.") }</p>
        </div>
    }
}

/// A value as it reads on paper and in read-only mode.
pub fn display_value(node: &Node, v: &Value, l: Locale) -> String {
    match (node.kind, v) {
        (_, Value::Null) => String::new(),
        (FieldType::Boolean, Value::Bool(b)) => yes_no(l, *b).to_owned(),
        (FieldType::Choice, Value::String(s)) => node
            .options
            .iter()
            .find(|o| &o.value == s)
            .map_or_else(|| s.clone(), |o| option_title(o, l)),
        (FieldType::MultiChoice, Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(|s| {
                node.options
                    .iter()
                    .find(|o| o.value == s)
                    .map_or_else(|| s.to_owned(), |o| option_title(o, l))
            })
            .collect::<Vec<_>>()
            .join("、"),
        (FieldType::CitizenId, Value::String(s)) => dangjian_standards::ident::citizen_id::mask(s),
        (FieldType::Signature, Value::Object(o)) => {
            let name = o.get("name").map(as_text).unwrap_or_default();
            let date = o.get("date").map(as_text).unwrap_or_default();
            format!("{name}  {date}").trim().to_owned()
        }
        (FieldType::File, Value::Object(o)) => {
            let name = o.get("name").map(as_text).unwrap_or_default();
            let size = o.get("size").and_then(Value::as_f64).unwrap_or(0.0);
            format!("{name}（{}）", human_size(size))
        }
        (FieldType::Datetime, Value::String(s)) => s.replace('T', " "),
        (FieldType::ChecklistItem, Value::Object(o)) => {
            let status = o.get("status").and_then(Value::as_str).unwrap_or("");
            crate::i18n::status_label(l, status).to_owned()
        }
        (_, other) => as_text(other),
    }
}

fn human_size(bytes: f64) -> String {
    if bytes >= 1_048_576.0 {
        format!("{:.1} MB", bytes / 1_048_576.0)
    } else if bytes >= 1024.0 {
        format!("{:.0} KB", bytes / 1024.0)
    } else {
        format!("{bytes} B")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_parse_or_stay_text_for_the_engine() {
        assert_eq!(parse_number(" 12 ", true), json!(12));
        assert_eq!(parse_number("1,200", true), json!(1200));
        assert_eq!(parse_number("1.5", true), json!(1.5));
        assert_eq!(parse_number("1.5", false), json!(1.5));
        assert_eq!(parse_number("12a", true), json!("12a"));
        assert_eq!(parse_number("  ", false), Value::Null);
    }

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
}
