//! A signature line: name and date.

use super::{as_text, text_value, typed, WidgetProps};
use crate::components::Env;
use crate::i18n::tr;
use crate::normalize::Tidy;
use serde_json::Value;
use yew::prelude::*;

/// The signer's name and the date, two inputs.
pub fn signature(p: &WidgetProps, env: &Env) -> Html {
    let l = env.locale;
    let part = |key: &'static str, tidy: Tidy, label: &'static str| {
        let path = format!("{}/{key}", p.path);
        let set = env.setter(&path);
        let oninput = {
            let set = set.clone();
            Callback::from(move |e: InputEvent| set.emit(text_value(typed(&e, tidy, false))))
        };
        let onchange = Callback::from(move |e: Event| set.emit(text_value(typed(&e, tidy, true))));
        let onblur = env.toucher(&path);
        let id = format!("{}-{key}", p.id);
        let bad = p
            .part_issues
            .as_ref()
            .is_some_and(|s| s.child(key).invalid(false));
        let date = tidy == Tidy::Date;
        html! {
            <span class="dj-sig-part">
                <label for={id.clone()}>{ label }</label>
                <input class="dj-input" type="text" id={id} value={as_text(p.value.get(key).unwrap_or(&Value::Null))}
                    autocomplete={if date { "off" } else { "name" }} inputmode={date.then_some("numeric")}
                    placeholder={date.then(|| tr(l, "例如 2026-11-20", "e.g. 2026-11-20"))}
                    aria-invalid={bad.to_string()} aria-describedby={p.describedby.clone()} disabled={p.disabled}
                    {oninput} {onchange} {onblur} />
            </span>
        }
    };
    html! {
        <div class="dj-sig">
            { part("name", Tidy::Keep, tr(l, "签名", "Name")) }
            { part("date", Tidy::Date, tr(l, "日期", "Date")) }
        </div>
    }
}
