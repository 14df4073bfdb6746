//! A top-level section: numbered heading, help, the purpose-built panel, its
//! nodes (a long form's drawn a few at a time, see [`super::lazy`]).

use super::lazy::{self, Window};
use super::node::node_view;
use super::slice::Slice;
use super::{dom_id, Env};
use crate::components::each;
use crate::hooks::effect::{use_effect_on_teardown, Teardown};
use crate::hooks::use_node_ref;
use crate::tree::UiNode;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Section`].
#[derive(Properties, PartialEq)]
pub struct SectionProps {
    /// The section's spec node.
    pub node: Rc<UiNode>,
    /// Its share of the record and report.
    pub slice: Slice,
    /// Its number among the sections shown.
    pub number: usize,
    /// How many of its nodes a long form draws at once (see [`lazy::eager`];
    /// read when the section is created).
    pub eager: usize,
    /// The form's window of drawn nodes (the same for every section: a prop,
    /// not a context, which would cost a component of its own).
    pub window: Rc<Window>,
    /// What stays fixed while the person types.
    pub env: Env,
}

/// A top-level section: numbered heading, help, the purpose-built panel, the fields.
#[function_component]
pub fn Section(p: &SectionProps) -> Html {
    let window = p.window.clone();
    let count = p.node.children.len();
    // How many of its nodes are drawn: all of them in a short form; in a long
    // one, the first few of the form, then more as they are wanted (see `lazy`).
    let drawn = {
        let eager = p.eager;
        let lazy_form = window.enabled;
        use_state(move || if lazy_form { eager.min(count) } else { count })
    };
    let placeholder = use_node_ref();
    {
        let placeholder = placeholder.clone();
        let drawn = drawn.clone();
        let window = window.clone();
        use_effect_on_teardown(
            (*drawn as u64, u64::from(p.slice.hidden)),
            Box::new(move |&(n, hidden)| {
                let (n, hidden) = (usize::try_from(n).unwrap_or(count), hidden == 1);
                let mut listeners = Vec::new();
                let mut watched = None;
                if n < count && !hidden {
                    if let Some(el) = placeholder.cast::<web_sys::Element>() {
                        let all = drawn.setter();
                        listeners.push(gloo::events::EventListener::new(
                            &el,
                            lazy::REVEAL_EVENT,
                            move |_| all.set(count),
                        ));
                        let more = drawn.setter();
                        listeners.push(gloo::events::EventListener::new(
                            &el,
                            lazy::REVEAL_STEP,
                            move |_| more.set((n + lazy::STEP).min(count)),
                        ));
                        // Watched afresh after each step: still near the viewport means more.
                        window.observe(&el);
                        watched = Some(el);
                    }
                }
                Box::new(move || {
                    drop(listeners);
                    if let Some(el) = watched {
                        window.unobserve(&el);
                    }
                }) as Teardown
            }),
        );
    }
    let env = &p.env;
    if p.slice.hidden {
        return html! {};
    }
    let l = env.locale;
    let path = p.slice.path.clone();
    let id = dom_id(&path);
    let help = p.node.node.help.get(l).to_owned();
    let n = (*drawn).min(count);
    let rest = p.node.children.get(n..).unwrap_or_default();
    // Focus moving down to the last nodes drawn draws the next ones at once,
    // so Tab never jumps over nodes not drawn yet.
    let onfocusin = {
        let drawn = drawn.clone();
        Callback::from(move |e: FocusEvent| {
            use wasm_bindgen::JsCast;
            let Some(target) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            let Some(mut next) = target
                .closest(".dj-section-body > *")
                .ok()
                .flatten()
                .and_then(|c| c.next_element_sibling())
            else {
                return;
            };
            for _ in 0..lazy::FOCUS_AHEAD {
                if next
                    .matches(&format!(".{}", lazy::PLACEHOLDER_CLASS))
                    .unwrap_or(false)
                {
                    drawn.set((*drawn + lazy::STEP).min(count));
                    return;
                }
                match next.next_element_sibling() {
                    Some(el) => next = el,
                    None => return,
                }
            }
        })
    };
    html! {
        <section class="dj-section" part="section" id={id.clone()} aria-labelledby={format!("{id}-h")}>
            <h3 class="dj-section-title" id={format!("{id}-h")} tabindex="-1">
                <span class="dj-sec-no" aria-hidden="true">{ p.number }</span>{ p.node.node.title.get(l).to_owned() }
            </h3>
            if !help.is_empty() { <p class="dj-help">{ help }</p> }
            { crate::views::group_top(env, &path) }
            <div class="dj-section-body" onfocusin={(n < count).then_some(onfocusin)}>
                { each(p.node.children.iter().take(n), |c| html! {
                    { node_view(env, c, p.slice.child(&c.node.id)) }
                }) }
                if !rest.is_empty() {
                    <div key="dj-ph" ref={placeholder} ~className={lazy::PLACEHOLDER_CLASS} data-for={id.clone()}
                        ~style={lazy::placeholder_style(rest, p.slice.value())}>{ lazy::placeholder_text(rest, l) }</div>
                }
            </div>
            { super::messages::messages(&p.slice, format!("{id}-msg"), false) }
        </section>
    }
}
