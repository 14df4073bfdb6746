//! A number typed as text, so a half-typed number is never rewritten under the cursor.

use super::{as_text, typed, WidgetProps};
use crate::components::each;
use crate::normalize::Tidy;
use dangjian_core::FieldType;
use serde_json::Value;
use yew::prelude::*;

/// Reads a typed number: a number when it parses, the text itself when it does
/// not (so the engine reports the type), nothing when blank. Full-width digits
/// and spaces are tidied first (see [`crate::normalize`]).
pub fn parse_number(raw: &str, integer: bool) -> Value {
    let t = crate::normalize::live(Tidy::Number, raw).replace(',', "");
    if t.is_empty() {
        return Value::Null;
    }
    if integer {
        if let Ok(n) = t.parse::<i64>() {
            return Value::from(n);
        }
    }
    match dangjian_core::decimal::parse_f64(&t) {
        Some(f) if f.is_finite() => {
            serde_json::Number::from_f64(f).map_or(Value::String(t.clone()), Value::Number)
        }
        _ => Value::String(t),
    }
}

/// A number field: what was typed (`raw`, kept by [`super::stateful::Stateful`])
/// stays on screen while it means the stored value.
pub fn number_input(p: &WidgetProps, raw: UseStateHandle<String>) -> Html {
    let env = &p.env;
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
    let on_text = {
        let raw = raw.clone();
        move |text: String| {
            set.emit(parse_number(&text, integer));
            raw.set(text);
        }
    };
    let oninput = {
        let on_text = on_text.clone();
        Callback::from(move |e: InputEvent| on_text(typed(&e, Tidy::Number, false)))
    };
    // Also what an input method composed, when the person leaves the field.
    let onchange = Callback::from(move |e: Event| on_text(typed(&e, Tidy::Number, true)));
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
                aria-describedby={p.describedby.clone()} aria-label={p.label.clone()} disabled={p.disabled}
                {oninput} {onchange} {onblur} />
            { each(unit, |u| html! { <span class="dj-unit">{ u }</span> }) }
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_parse_or_stay_text_for_the_engine() {
        assert_eq!(parse_number(" 12 ", true), json!(12));
        assert_eq!(parse_number("1,200", true), json!(1200));
        assert_eq!(parse_number("1，200", true), json!(1200));
        assert_eq!(parse_number("1.5", true), json!(1.5));
        assert_eq!(parse_number("1.5", false), json!(1.5));
        assert_eq!(parse_number("12a", true), json!("12a"));
        assert_eq!(parse_number("  ", false), Value::Null);
    }

    #[test]
    fn what_an_input_method_types_is_a_number() {
        assert_eq!(parse_number("３５", true), json!(35));
        assert_eq!(parse_number("３。５", false), json!(3.5));
        assert_eq!(parse_number("－２", true), json!(-2));
        assert_eq!(parse_number("十二", true), json!("十二"));
    }
}
