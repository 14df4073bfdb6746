//! One field: label, help, required mark, widget, messages, and the printed value.

use super::messages::messages;
use super::slice::Slice;
use super::widgets::facts::{facts, width_class};
use super::widgets::{blank_choices, display_value, widget, WidgetProps};
use super::{dom_id, Env};
use crate::components::parts::classes;
use crate::tree::UiNode;
use dangjian_core::FieldType;
use std::rc::Rc;
use yew::prelude::*;

/// What paper shows of a choice not made yet: `options`, each with a box to
/// tick by pen, then `more` (a line to write on, say).
pub fn print_boxes(options: Vec<String>, more: Html) -> Html {
    html! {
        <span class="dj-print-value dj-print-blank">
            { super::each(options, |o| html! { <span class="dj-print-box">{ "☐ " }{ o }</span> }) }
            { more }
        </span>
    }
}

/// Props of [`Field`].
#[derive(Properties, PartialEq)]
pub struct FieldProps {
    /// The field's spec node.
    pub node: Rc<UiNode>,
    /// Its share of the record and report.
    pub slice: Slice,
    /// Hide the label (inside a table row, where the column header names it).
    #[prop_or_default]
    pub bare: bool,
    /// What stays fixed while the person types.
    pub env: Env,
}

/// A field of any type.
#[function_component]
pub fn Field(props: &FieldProps) -> Html {
    let env = &props.env;
    let node = &props.node.node;
    let slice = &props.slice;
    if node.kind == FieldType::ChecklistItem {
        return super::checklist::checklist_item(env, &props.node, slice);
    }
    let locale = env.locale;
    let path = slice.path.clone();
    let id = dom_id(&path);
    let help_id = format!("{id}-help");
    let msg_id = format!("{id}-msg");
    let composite = matches!(
        node.kind,
        FieldType::Signature | FieldType::File | FieldType::List
    );
    let bad = slice.invalid(composite);
    let warn = slice.shows() && !bad && slice.with_messages(true, |i| !i.is_empty());
    let required = slice.required(node.required);
    let disabled = slice.disabled;
    let title = node.title.get(locale).to_owned();
    let help = node.help.get(locale);
    let value = slice.value();
    if env.read_only {
        return html! {
            <div ~className={classes(&[Some("dj-field"), Some("dj-ro"), Some(width_class(node))])} part="field" data-for={id}>
                if !props.bare { <span class="dj-label">{ title }</span> }
                <span class="dj-ro-value">{ display_value(node, value, locale) }</span>
            </div>
        };
    }
    let mut described = vec![msg_id.clone()];
    if !help.is_empty() {
        described.insert(0, help_id.clone());
    }
    let mark = if required {
        super::parts::required_mark(locale)
    } else {
        html! {}
    };
    let widget = widget(
        WidgetProps {
            node: props.node.clone(),
            path: AttrValue::from(path.clone()),
            value: value.clone(),
            part_issues: composite.then(|| slice.clone()),
            id: id.clone().into(),
            describedby: described.join(" ").into(),
            invalid: bad,
            required,
            label: title.clone().into(),
            compact: props.bare,
            disabled,
            env: env.clone(),
        },
        env,
    );
    let class = classes(&[
        Some("dj-field"),
        Some(width_class(node)),
        bad.then_some("dj-invalid"),
        warn.then_some("dj-warned"),
        props.bare.then_some("dj-bare"),
        disabled.then_some("dj-disabled"),
    ]);
    let help_html = if help.is_empty() {
        html! {}
    } else {
        html! { <p class="dj-help" id={help_id}>{ help.to_owned() }</p> }
    };
    // On paper an empty choice offers its options, each with a box to tick by pen.
    let printed = match blank_choices(node, value, locale) {
        Some(options) => print_boxes(options, html! {}),
        None => {
            html! { <span class="dj-print-value">{ display_value(node, value, locale) }</span> }
        }
    };
    if props.bare {
        // In a table the column header marks what is always required; a cell
        // marks itself when its condition makes it required.
        let cell_mark = (required && !node.required).then(|| mark.clone());
        return html! { <div ~className={class} part="field" data-for={id.clone()}>{ widget }{ cell_mark }{ messages(slice, msg_id, composite) }{ printed }</div> };
    }
    if facts(node.kind).grouped {
        html! {
            <fieldset ~className={class} part="field" data-for={id.clone()} aria-describedby={described.join(" ")}>
                <legend class="dj-label">{ title }{ mark }</legend>
                { help_html }
                { widget }
                { messages(slice, msg_id, composite) }
                { printed }
            </fieldset>
        }
    } else {
        html! {
            <div ~className={class} part="field" data-for={id.clone()}>
                <label class="dj-label" for={id}>{ title }{ mark }</label>
                { help_html }
                { widget }
                { messages(slice, msg_id, false) }
                { printed }
            </div>
        }
    }
}
