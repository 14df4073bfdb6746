//! Markup drawn in many places, drawn by one function each: a button, a link
//! to a place, the required mark, a notice's frame. Each `html!` element is
//! code of its own (its attributes, children and listeners built in place),
//! so a piece of markup written out at every place it appears is that code
//! again at every place; called, it is a few arguments.

use crate::i18n::tr;
use dangjian_core::Locale;
use yew::prelude::*;

/// `<button type="button" class={class} onclick={onclick}>{label}</button>`.
pub fn button(class: &'static str, label: &'static str, onclick: Callback<MouseEvent>) -> Html {
    html! { <button type="button" ~className={class} {onclick}>{ label }</button> }
}

/// A link to a place of the form, `to` (a pointer, or `#` and an element's
/// id), worded `text`: followed by the form's one `data-go` handler.
pub fn go_link(to: String, text: String) -> Html {
    html! { <button type="button" class="dj-link" data-go={to}>{ text }</button> }
}

/// The mark of a required field or list: a star, and the word for screen readers.
pub fn required_mark(l: Locale) -> Html {
    html! {
        <span class="dj-req" title={tr(l, "必填", "Required")}><span aria-hidden="true">{"*"}</span><span class="dj-sr">{ tr(l, "（必填）", " (required)") }</span></span>
    }
}

/// The switch of a list shortened on screen: "show all `n` items" (`items`,
/// the English word after the number) while `all` is off, `fewer` while on.
pub fn show_all(
    l: Locale,
    all: bool,
    n: usize,
    fewer: &'static str,
    items: &'static str,
    onclick: Callback<MouseEvent>,
) -> Html {
    let label = if all {
        fewer.to_owned()
    } else {
        format!(
            "{}{n}{}",
            tr(l, "显示全部 ", "Show all "),
            tr(l, " 项", items)
        )
    };
    html! { <button type="button" class="dj-link dj-more" aria-expanded={all.to_string()} {onclick}>{ label }</button> }
}

/// A bar's width as its `style` (`width:42.5%`), `percent` to one decimal:
/// the score's, attendance's, votes' and candidates' bars.
pub fn width(percent: f64) -> String {
    format!("width:{}%", dangjian_core::decimal::fixed(percent, 1))
}

/// The classes `names` (the absent ones left out) as one `class` value.
///
/// A class written in `html!` as anything but a literal (`class={…}`) goes
/// through Yew's `Classes`, an `IndexSet` of names with its hashing, set
/// building and joining: ~8 KB of the module for this alone. So the
/// components build the value themselves and set it as the element's
/// `className` property (`~className={…}`), which is the same thing to the
/// DOM, the style sheet and every selector; literal classes stay `class="…"`.
pub fn classes(names: &[Option<&str>]) -> String {
    let mut out = String::new();
    for name in names.iter().flatten().filter(|n| !n.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(name);
    }
    out
}

/// What a notice is: its classes (`dj-notice dj-notice-…`), its ARIA role,
/// its name for screen readers when it has one, and its test id.
pub struct Notice {
    /// The classes of its frame.
    pub class: &'static str,
    /// `alert`, `status` or `region`.
    pub role: &'static str,
    /// `aria-label`, for a region.
    pub label: Option<&'static str>,
    /// `data-testid`.
    pub testid: &'static str,
}

/// A notice above the form: its words `text` in a paragraph, `more` after it
/// and its buttons `actions` in a row.
pub fn notice(what: Notice, text: Html, more: Option<Html>, actions: Html) -> Html {
    html! {
        <div ~className={what.class} role={what.role} aria-label={what.label} data-testid={what.testid}>
            <p>{ text }</p>
            { more }
            <div class="dj-notice-actions">{ actions }</div>
        </div>
    }
}
