//! The root component of a mounted form.

use super::lazy::{self, Window};
use super::node::NodeView;
use super::notices::{DraftOffer, ErrorSummary, SaveErrorProp, StorageProblem, Submitted};
use super::score::ScorePanel;
use super::slice::Slice;
use super::toc::Toc;
use super::toolbar::Toolbar;
use super::{dom_id, use_env, Ctx, Env};
use crate::bridge::{Bridge, HostEvent};
use crate::data;
use crate::draft::{now_local, today_local, DraftStore, SaveError};
use crate::i18n::tr;
use crate::state::{Action, FormState, Setup};
use crate::tree::UiNode;
use dangjian_core::Locale;
use serde_json::Value;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`FormApp`].
#[derive(Properties)]
pub struct AppProps {
    /// The compiled form.
    pub setup: Rc<Setup>,
    /// The record to start from.
    pub initial: Rc<Value>,
    /// Starting language.
    pub locale: Locale,
    /// Show, do not edit.
    pub read_only: bool,
    /// Start in elder-friendly mode.
    pub elder: bool,
    /// Where drafts go (none: no drafts).
    pub draft: Option<DraftStore>,
    /// The link to the host page.
    pub bridge: Rc<Bridge>,
    /// The element the form is mounted into (printed alone by the Print button).
    pub host: web_sys::Element,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.setup, &other.setup)
            && Rc::ptr_eq(&self.bridge, &other.bridge)
            && self.read_only == other.read_only
    }
}

/// A whole form: header, toolbar, notices, contents, sections, score, submit.
#[function_component]
pub fn FormApp(p: &AppProps) -> Html {
    let state = {
        let setup = p.setup.clone();
        let initial = p.initial.clone();
        let locale = p.locale;
        use_reducer(move || FormState::new(setup, (*initial).clone(), locale))
    };
    let elder = use_state(|| p.elder);
    let root = use_node_ref();
    let summary = use_node_ref();
    let offer = {
        let draft = p.draft.clone();
        let form_id = p.setup.form.spec().id.clone();
        let initial = p.initial.clone();
        use_state(move || {
            draft
                .and_then(|d| d.load(&form_id))
                .filter(|d| d.data != *initial)
        })
    };
    // (`_eq`: setting the same value again draws nothing.)
    let save_problem = use_state_eq(|| None::<SaveError>);
    let saved_at = use_state_eq(|| None::<String>);
    let submitted_at = use_state_eq(|| None::<String>);
    let focus_summary = use_state(|| 0u32);
    let printed_at = use_state(|| None::<String>);
    let stamp = use_node_ref();
    // Long forms draw the nodes far from the viewport later (see `lazy`).
    let window = {
        let units = p.setup.sections.iter().map(|s| s.children.len()).sum();
        use_memo((), move |_| Window::new(units))
    };
    {
        let window = window.clone();
        let root = root.clone();
        use_effect_with((), move |_| {
            if let Some(el) = root.cast::<web_sys::Element>() {
                (*window).clone().fill(el);
            }
            move || window.close()
        });
    }

    // Any print (the Print button or the browser's own) stamps the time on the
    // paper; the end of a print takes away what the Print button put into the page.
    {
        let stamp = stamp.clone();
        let printed_at = printed_at.clone();
        let root = root.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let before = window.as_ref().map(|w| {
                let root = root.clone();
                gloo::events::EventListener::new(w, "beforeprint", move |_| {
                    // What is not drawn yet is drawn now (best effort: the print the
                    // Print button starts waits until it is done).
                    if let Some(el) = root.cast::<web_sys::Element>() {
                        lazy::reveal_all(&el);
                    }
                    let now = now_local();
                    // Written at once: the print is laid out before the next render.
                    // (The text node is changed in place, so the renderer keeps owning it.)
                    if let Some(el) = stamp.cast::<web_sys::Element>() {
                        el.set_attribute("data-at", &now).ok();
                        let label = el.get_attribute("data-label").unwrap_or_default();
                        if let Some(text) = el.first_child() {
                            text.set_node_value(Some(&format!("{label}{now}")));
                        }
                    }
                    printed_at.set(Some(now));
                })
            });
            let after = window.as_ref().map(|w| {
                gloo::events::EventListener::new(w, "afterprint", |_| crate::print::end())
            });
            move || {
                drop(before);
                drop(after);
            }
        });
    }

    // The handle reaches the form through the bridge.
    {
        let bridge = p.bridge.clone();
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            bridge.connect(Callback::from(move |a| dispatch.dispatch(a)));
        });
    }
    // After every change: tell the handle; after every edit: save the draft and tell the host.
    {
        let bridge = p.bridge.clone();
        let draft = p.draft.clone();
        let state = state.clone();
        let save_problem = save_problem.clone();
        let saved_at = saved_at.clone();
        let submitted_at = submitted_at.clone();
        use_effect_with((state.changes, state.edits), move |&(_, edits)| {
            bridge.update(state.data.clone(), state.view.clone());
            if edits > 0 {
                submitted_at.set(None);
                // The draft and the host's listeners right after this frame, not before it.
                let data = state.data.clone();
                let setup = state.setup.clone();
                gloo::timers::callback::Timeout::new(0, move || {
                    if let Some(store) = &draft {
                        let spec = setup.form.spec();
                        match store.save(&spec.id, &spec.version, &data) {
                            Ok(at) => {
                                save_problem.set(None);
                                saved_at.set(Some(at));
                            }
                            Err(e) => save_problem.set(Some(e)),
                        }
                    }
                    bridge.notify(HostEvent::Change);
                })
                .forget();
            }
        });
    }
    {
        let summary = summary.clone();
        use_effect_with(*focus_summary, move |n| {
            if *n > 0 {
                if let Some(el) = summary.cast::<web_sys::HtmlElement>() {
                    el.scroll_into_view_with_bool(true);
                    let _ = el.focus();
                }
            }
        });
    }

    let env = Env {
        setup: state.setup.clone(),
        locale: state.locale,
        read_only: p.read_only,
        dispatch: {
            let dispatch = state.dispatcher();
            Callback::from(move |a| dispatch.dispatch(a))
        },
    };
    let ctx = Ctx {
        state: state.clone(),
        read_only: p.read_only,
    };
    let l = state.locale;
    let spec = state.setup.form.spec();
    let scored = state.view.report.score.is_some();

    let export_json = {
        let state = state.clone();
        Callback::from(move |()| {
            let text = serde_json::to_string_pretty(&*state.data).unwrap_or_default();
            let name = format!("{}-{}.json", state.setup.form.spec().id, today_local());
            let _ = crate::export::download(&name, "application/json", &text);
            state.dispatch(Action::Announce(
                tr(state.locale, "数据已导出", "Data exported").to_owned(),
            ));
        })
    };
    let export_csv = crate::views::has_rectification(&spec.id, scored).then(|| {
        let state = state.clone();
        Callback::from(move |()| {
            let branch = crate::views::branch_name(&state.data);
            let entries = crate::export::rectification(&state.view.report, &branch, &today_local());
            let csv = crate::export::rectification_csv(&entries, state.locale);
            let name = format!(
                "{}-{}-{}.csv",
                state.setup.form.spec().id,
                tr(state.locale, "整改清单", "rectification"),
                today_local()
            );
            let _ = crate::export::download(&name, "text/csv;charset=utf-8", &csv);
        })
    });
    let on_locale = {
        let state = state.clone();
        Callback::from(move |l| state.dispatch(Action::Locale(l)))
    };
    let on_print = {
        let host = p.host.clone();
        let root = root.clone();
        Callback::from(move |()| {
            // Every node drawn first: the paper shows the whole form.
            if let Some(el) = root.cast::<web_sys::Element>() {
                lazy::reveal_all(&el);
                print_when_drawn(host.clone(), el, 100);
            }
        })
    };
    let on_elder = {
        let elder = elder.clone();
        Callback::from(move |on: bool| {
            crate::draft::remember_elder(on);
            elder.set(on);
        })
    };
    let submit = {
        let state = state.clone();
        let bridge = p.bridge.clone();
        let draft = p.draft.clone();
        let submitted_at = submitted_at.clone();
        let focus_summary = focus_summary.clone();
        Callback::from(move |_: MouseEvent| {
            let l = state.locale;
            if state.view.report.valid {
                if let Some(d) = &draft {
                    d.clear();
                }
                bridge.update(state.data.clone(), state.view.clone());
                bridge.notify(HostEvent::Submit);
                submitted_at.set(Some(now_local()));
                state.dispatch(Action::Announce(tr(l, "已提交", "Submitted").to_owned()));
            } else {
                state.dispatch(Action::Reveal);
                let n = state.view.report.counts.errors;
                state.dispatch(Action::Announce(format!(
                    "{}{n}{}",
                    tr(l, "还有 ", "There are "),
                    tr(
                        l,
                        " 处需要修改后才能提交",
                        " things to fix before submitting"
                    )
                )));
                focus_summary.set(*focus_summary + 1);
            }
        })
    };
    let restore = {
        let offer = offer.clone();
        let state = state.clone();
        Callback::from(move |()| {
            if let Some(d) = (*offer).clone() {
                state.dispatch(Action::Restore(d.data));
                state.dispatch(Action::Announce(
                    tr(state.locale, "草稿已恢复", "Draft restored").to_owned(),
                ));
            }
            offer.set(None);
        })
    };
    let discard = {
        let offer = offer.clone();
        let draft = p.draft.clone();
        let state = state.clone();
        Callback::from(move |()| {
            if state.edits == 0 {
                if let Some(d) = &draft {
                    d.clear();
                }
            }
            offer.set(None);
        })
    };

    // Every section is always in the list, keyed by its id; a hidden one draws
    // nothing. The ones shown are numbered 1, 2, 3… as the contents number them.
    let mut shown = 0;
    let mut first = 0;
    let sections: Vec<Html> = state
        .setup
        .sections
        .iter()
        .map(|s| {
            let path = data::child("", &s.node.id);
            if state.view.visible(&path) {
                shown += 1;
            }
            let order = first;
            first += s.children.len();
            html! { <Section key={s.node.id.clone()} node={s.clone()} slice={Slice::of(&state, &path)} number={shown} first={order} /> }
        })
        .collect();
    let form_level: Vec<_> = state.view.at("").into_iter().cloned().collect();
    let description = spec.description.get(l).to_owned();
    let class = classes!(
        "dj",
        (*elder).then_some("dj-elder"),
        p.read_only.then_some("dj-readonly"),
        scored.then_some("dj-scored")
    );
    let lang = l.tag();

    html! {
        <ContextProvider<Ctx> context={ctx.clone()}>
        <ContextProvider<Env> context={env}>
        <ContextProvider<Rc<Window>> context={(*window).clone()}>
            <div class={class} ref={root.clone()} lang={lang} data-form={spec.id.clone()}>
                <header class="dj-head">
                    <div class="dj-head-text">
                        <h2 class="dj-title">{ spec.title.get(l).to_owned() }</h2>
                        if !description.is_empty() { <p class="dj-desc">{ description }</p> }
                        <p class="dj-meta">{ format!("{}{}", tr(l, "表单版本 ", "Form version "), spec.version) }
                            if p.read_only { <span class="dj-badge dj-badge-ro">{ tr(l, "只读", "Read-only") }</span> }</p>
                    </div>
                    <Toolbar elder={*elder} {on_elder} {on_locale} {on_print} on_export_json={export_json.clone()} on_export_csv={export_csv} />
                </header>
                if let Some(d) = (*offer).clone() {
                    if !p.read_only { <DraftOffer saved_at={d.saved_at.clone()} saved_version={d.other_version(&spec.version).map(AttrValue::from)}
                        current_version={spec.version.clone()} on_restore={restore} on_discard={discard} /> }
                }
                if let Some(e) = *save_problem { <StorageProblem error={SaveErrorProp(e)} on_export={export_json.clone()} /> }
                if let Some(at) = (*submitted_at).clone() { <Submitted at={at} /> }
                <ErrorSummary root={root.clone()} summary={summary.clone()} />
                <div class="dj-body">
                    <Toc root={root.clone()} />
                    <form class="dj-main" aria-label={spec.title.get(l).to_owned()} novalidate={true}
                        onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                        { for sections.into_iter() }
                        if !form_level.is_empty() && state.reveal {
                            <ul class="dj-msgs dj-form-msgs">{ for form_level.iter().map(|i| html! { <li class="dj-msg dj-msg-error">{ i.message.clone() }</li> }) }</ul>
                        }
                        if !p.read_only {
                            <div class="dj-submit-bar">
                                <span class="dj-saved" aria-live="off">
                                    { saved_at.as_ref().map(|t| format!("{}{t}", tr(l, "草稿已自动保存 ", "Draft saved "))).unwrap_or_default() }
                                </span>
                                <button type="button" class="dj-btn dj-btn-primary dj-btn-submit" onclick={submit}>{ tr(l, "提交", "Submit") }</button>
                            </div>
                        }
                    </form>
                    <div class="dj-aside">
                        <ScorePanel root={root.clone()} />
                        { crate::views::aside(&ctx, &root) }
                    </div>
                </div>
                { print_footer(l, (*printed_at).clone(), &stamp) }
                <div class="dj-sr" role="status" aria-live="polite" aria-atomic="true" data-testid="live">{ state.announce.1.clone() }</div>
            </div>
        </ContextProvider<Rc<Window>>>
        </ContextProvider<Env>>
        </ContextProvider<Ctx>>
    }
}

/// Prints the form alone once no placeholder is left (or after `tries` looks).
fn print_when_drawn(host: web_sys::Element, root: web_sys::Element, tries: u32) {
    if lazy::pending(&root) > 0 && tries > 0 {
        lazy::reveal_all(&root);
        let again = wasm_bindgen::closure::Closure::once_into_js(move || {
            print_when_drawn(host, root, tries - 1)
        });
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                wasm_bindgen::JsCast::unchecked_ref(&again),
                20,
            );
        }
        return;
    }
    if let Err(e) = crate::print::begin(&host) {
        web_sys::console::error_2(&"dangjian-forms: cannot prepare the print".into(), &e);
    }
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Signature lines for the paper record (printed only), with the time it was printed.
fn print_footer(l: Locale, printed_at: Option<String>, stamp: &NodeRef) -> Html {
    let label = tr(l, "打印时间：", "Printed: ");
    let at = printed_at.unwrap_or_else(now_local);
    html! {
        <div class="dj-print-only dj-print-sign">
            <div><span>{ tr(l, "填表人（签名）：", "Filled in by: ") }</span><span class="dj-line"></span></div>
            <div><span>{ tr(l, "审核人（签名）：", "Checked by: ") }</span><span class="dj-line"></span></div>
            <div><span>{ tr(l, "日期：", "Date: ") }</span><span class="dj-line dj-line-short"></span><span>{ tr(l, "（盖章）", "(seal)") }</span></div>
            <p class="dj-print-stamp" ref={stamp.clone()} data-label={label} data-at={at.clone()} data-testid="print-stamp">{ format!("{label}{at}") }</p>
        </div>
    }
}

/// Props of [`Section`].
#[derive(Properties, PartialEq)]
pub struct SectionProps {
    /// The section's spec node.
    pub node: Rc<UiNode>,
    /// Its share of the record and report.
    pub slice: Slice,
    /// Its number among the sections shown.
    pub number: usize,
    /// Position of its first node among all the sections' nodes (document order).
    pub first: usize,
}

/// A top-level section: numbered heading, help, the purpose-built panel, the fields.
#[function_component]
pub fn Section(p: &SectionProps) -> Html {
    let window = use_context::<Rc<Window>>();
    let count = p.node.children.len();
    // How many of its nodes are drawn: all of them in a short form; in a long
    // one, the first few of the form, then more as they are wanted (see `lazy`).
    let drawn = {
        let first = p.first;
        let lazy_form = window.as_ref().is_some_and(|w| w.enabled);
        use_state(move || {
            if lazy_form {
                lazy::EAGER_FIRST.saturating_sub(first).min(count)
            } else {
                count
            }
        })
    };
    let placeholder = use_node_ref();
    {
        let placeholder = placeholder.clone();
        let drawn = drawn.clone();
        let window = window.clone();
        use_effect_with((*drawn, p.slice.hidden), move |&(n, hidden)| {
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
                    if let Some(w) = &window {
                        // Watched afresh after each step: still near the viewport means more.
                        w.observe(&el);
                    }
                    watched = Some(el);
                }
            }
            move || {
                drop(listeners);
                if let (Some(el), Some(w)) = (watched, window) {
                    w.unobserve(&el);
                }
            }
        });
    }
    let Some(env) = use_env() else {
        return html! {};
    };
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
        <section class="dj-section" id={id.clone()} aria-labelledby={format!("{id}-h")}>
            <h3 class="dj-section-title" id={format!("{id}-h")} tabindex="-1">
                <span class="dj-sec-no" aria-hidden="true">{ p.number }</span>{ p.node.node.title.get(l).to_owned() }
            </h3>
            if !help.is_empty() { <p class="dj-help">{ help }</p> }
            <crate::views::SectionExtra section={AttrValue::from(path.clone())} />
            <div class="dj-section-body" onfocusin={(n < count).then_some(onfocusin)}>
                { for p.node.children.iter().take(n).map(|c| html! {
                    <NodeView key={c.node.id.clone()} node={c.clone()} slice={p.slice.child(&c.node.id)} />
                }) }
                if !rest.is_empty() {
                    <div key="dj-ph" ref={placeholder} class={lazy::PLACEHOLDER_CLASS} data-for={id.clone()}
                        style={lazy::placeholder_style(rest, p.slice.value())}>{ lazy::placeholder_text(rest, l) }</div>
                }
            </div>
            <super::messages::Messages slice={p.slice.clone()} id={format!("{id}-msg")} />
        </section>
    }
}
