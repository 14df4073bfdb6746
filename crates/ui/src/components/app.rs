//! The root component of a mounted form: the state, the hooks, and the layout.

use super::aside::aside;
use super::error_summary::error_summary;
use super::lazy;
use super::navigate;
use super::notices;
use super::print_footer::print_footer;
use super::section::Section;
use super::slice::Slice;
use super::toc::toc;
use super::toolbar::{toolbar, use_toolbar, ToolbarProps};
use super::{Ctx, Env};
use crate::bridge::{Bridge, HostEvent};
use crate::components::each;
use crate::components::parts::classes;
use crate::data;
use crate::draft::{now_local, DraftStore};
use crate::hooks;
use crate::hooks::drafts::Choice;
use crate::hooks::effect::use_effect_on;
use crate::hooks::screen::{Focus, ScreenChange};
use crate::hooks::use_node_ref;
use crate::i18n::tr;
use crate::state::{Action, FormState, Setup};
use dangjian_core::Locale;
use serde_json::Value;
use std::rc::Rc;
use yew::prelude::*;

/// The element of the form's fields (its first field takes focus).
const MAIN: &str = ".dj-main";

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
    /// The toolbar buttons the page hides.
    #[prop_or_default]
    pub hidden: crate::embed::Hidden,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.setup, &other.setup)
            && Rc::ptr_eq(&self.bridge, &other.bridge)
            && self.read_only == other.read_only
    }
}

/// A whole form: header, toolbar, notices, contents, sections, panels, submit.
#[function_component]
pub fn FormApp(p: &AppProps) -> Html {
    let state = {
        let setup = p.setup.clone();
        let initial = p.initial.clone();
        let locale = p.locale;
        let bridge = p.bridge.clone();
        use_reducer(move || {
            // The handle's first report is of this very record: not validated again.
            let (data, view) = bridge.latest();
            let known = Rc::ptr_eq(&data, &initial).then_some(view);
            FormState::with_view(setup, initial, locale, known)
        })
    };
    let root = use_node_ref();
    let summary = use_node_ref();
    // The switches, the last submission and print, the requests to move focus.
    let screen = hooks::use_screen(p.elder);
    // The confirmation of a submission.
    let confirmation = use_node_ref();
    let window = hooks::use_lazy_window(&p.setup, &root);
    let stamp = hooks::use_print_stamp(&root, &screen);
    hooks::use_host_bridge(&p.bridge, &state);
    // After the draft found on opening is restored or discarded (its notice,
    // and the button pressed in it, go): focus to the form's first field.
    let drafts = {
        let mut drafts = hooks::use_drafts(p.draft.clone(), &state, &p.initial);
        let inner = drafts.choose.clone();
        let dispatch = screen.dispatcher();
        drafts.choose = Callback::from(move |choice| {
            inner.emit(choice);
            if matches!(choice, Choice::Restore | Choice::Discard) {
                dispatch.dispatch(ScreenChange::Focus(Focus::FirstField));
            }
        });
        drafts
    };
    // The contents and the panels beside the form are drawn here (plain
    // functions); their state is kept here.
    let progress = hooks::use_progress(&state);
    // What the first screen does not show is drawn just after the first frame.
    let first_frame_shown = hooks::use_first_frame_shown(&screen);
    let toolbar_state = use_toolbar(&screen);
    {
        // An edit after a submission: the confirmation no longer applies.
        let dispatch = screen.dispatcher();
        use_effect_on(
            (state.edits, 0),
            Box::new(move |_| dispatch.dispatch(ScreenChange::Submitted(None))),
        );
    }
    {
        // Each request moves focus once: to the form's first field (a draft
        // restored or discarded), to the summary of what is left to fix (a
        // submission refused), or to the confirmation of a submission (at the
        // top of the form: it scrolls into view and is read out).
        let (root, summary, confirmation) = (root.clone(), summary.clone(), confirmation.clone());
        let to = screen.focus_to;
        use_effect_on(
            (u64::from(screen.focus_requests), 0),
            Box::new(move |&(n, _)| match to.filter(|_| n > 0) {
                Some(Focus::FirstField) => {
                    if let Some(main) = root
                        .cast::<web_sys::Element>()
                        .and_then(|r| r.query_selector(MAIN).ok().flatten())
                    {
                        navigate::focus_first_input(&main);
                    }
                }
                Some(Focus::Summary) => navigate::scroll_and_focus(&summary),
                Some(Focus::Confirmation) => navigate::scroll_and_focus(&confirmation),
                None => {}
            }),
        );
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
    // The panels inside the form follow the whole state.
    hooks::use_live_source(&ctx);
    let l = state.locale;
    let spec = state.setup.form.spec();
    let scored = state.view.report.score.is_some();

    // Every link to a place (`data-go`) is followed by this one handler.
    let onclick = {
        let root = root.clone();
        let state = state.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(target) = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            else {
                return;
            };
            let (Some(to), Some(el)) = (
                navigate::target_of(&target),
                root.cast::<web_sys::Element>(),
            ) else {
                return;
            };
            e.prevent_default();
            let said = if to.starts_with('#') {
                target.text_content().unwrap_or_default()
            } else {
                crate::places::place(&state.setup.sections, &to, state.locale).full()
            };
            let dispatch = state.dispatcher();
            let l = state.locale;
            navigate::go(el, to, move || {
                dispatch.dispatch(Action::Announce(format!(
                    "{}{said}",
                    tr(l, "已转到：", "Moved to: ")
                )));
            });
        })
    };
    // A control reached by the keyboard (`:focus-visible`: not a choice being
    // clicked, which a scroll between press and release would make miss) is
    // scrolled clear of the sticky bars.
    let onfocusin = {
        let root = root.clone();
        Callback::from(move |e: FocusEvent| {
            let (Some(target), Some(el)) = (
                e.target()
                    .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()),
                root.cast::<web_sys::Element>(),
            ) else {
                return;
            };
            let in_form = target.closest(MAIN).ok().flatten().is_some();
            let in_bar = target.closest(".dj-submit-bar").ok().flatten().is_some();
            let keyboard = target.matches(":focus-visible").unwrap_or(false);
            if in_form && !in_bar && keyboard {
                navigate::keep_clear(&el, &target);
            }
        })
    };
    let submit = {
        let state = state.clone();
        let bridge = p.bridge.clone();
        let screen = screen.dispatcher();
        let store = p.draft.clone();
        Callback::from(move |_: MouseEvent| {
            let l = state.locale;
            if state.view.report.valid {
                if let Some(store) = &store {
                    let spec = state.setup.form.spec();
                    store.keep(
                        DraftStore::snapshot(&spec.id, &spec.version, &state.data),
                        "submitted",
                    );
                    store.clear();
                }
                bridge.update(state.data.clone(), state.view.clone());
                bridge.notify(HostEvent::Submit);
                screen.dispatch(ScreenChange::Submitted(Some(now_local())));
                screen.dispatch(ScreenChange::Focus(Focus::Confirmation));
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
                screen.dispatch(ScreenChange::Focus(Focus::Summary));
            }
        })
    };

    // Every section is always in the list, keyed by its id; a hidden one draws
    // nothing. The ones shown are numbered 1, 2, 3… as the contents number them.
    // Top-level fields (and repeated groups) beside the sections are drawn in
    // an untitled section, one for each run of them.
    let mut shown = 0;
    // A long form draws at first the nodes the screen shows (see `lazy::eager`):
    // the estimated height of the nodes before each section.
    let screen_em = window.screen_em(screen.elder);
    let mut above = 0.0;
    let mut sections: Vec<Html> = Vec::new();
    let mut loose: Vec<Html> = Vec::new();
    let flush = |loose: &mut Vec<Html>, sections: &mut Vec<Html>| {
        if loose.is_empty() {
            return;
        }
        let key = format!("dj-top-{}", sections.len());
        sections.push(html! {
            <section key={key} class="dj-section dj-section-untitled" part="section">
                <div class="dj-section-body">{ super::each::list(std::mem::take(loose)) }</div>
            </section>
        });
    };
    for s in &state.setup.sections {
        let path = data::child("", &s.node.id);
        if !s.is_section() {
            lazy::eager(std::slice::from_ref(s), &state.data, &mut above, screen_em);
            loose.push(super::node::node_view(&env, s, Slice::of(&state, &path)));
            continue;
        }
        flush(&mut loose, &mut sections);
        let slice = Slice::of(&state, &path);
        let eager = if slice.hidden {
            0
        } else {
            shown += 1;
            lazy::eager(&s.children, slice.value(), &mut above, screen_em)
        };
        sections.push(html! { <Section key={s.node.id.clone()} node={s.clone()} {slice} number={shown} {eager} window={window.clone()} env={env.clone()} /> });
    }
    flush(&mut loose, &mut sections);
    let form_level: Vec<_> = state.view.at("").into_iter().cloned().collect();
    let description = spec.description.get(l).to_owned();
    let class = classes(&[
        Some("dj"),
        screen.elder.then_some("dj-elder"),
        p.read_only.then_some("dj-readonly"),
        scored.then_some("dj-scored"),
        super::aside::has_panels(&state).then_some("dj-has-aside"),
    ]);

    html! {
            <div ~className={class} ref={root.clone()} lang={l.tag()} data-form={spec.id.clone()} {onclick} {onfocusin}>
                <header class="dj-head" part="header">
                    <div class="dj-head-text">
                        <h2 class="dj-title">{ spec.title.get(l).to_owned() }</h2>
                        if !description.is_empty() { <p class="dj-desc">{ description }</p> }
                        <p class="dj-meta">{ format!("{}{}", tr(l, "表单版本 ", "Form version "), spec.version) }
                            if p.read_only { <span class="dj-badge dj-badge-ro">{ tr(l, "只读", "Read-only") }</span> }</p>
                    </div>
                    { toolbar(&ctx, &ToolbarProps { root: root.clone(), host: p.host.clone(), store: p.draft.clone(), hidden: p.hidden }, &toolbar_state) }
                </header>
                { notices::draft_offer(&ctx, &drafts) }
                { notices::other_tab(&ctx, &drafts) }
                { notices::storage_problem(&ctx, drafts.state.problem) }
                { notices::refused(&ctx) }
                { notices::undo_bar(&ctx) }
                if let Some(at) = screen.submitted_at.clone() { { notices::submitted(l, &at, &confirmation) } }
                { notices::unknown_data(&ctx) }
                { error_summary(&ctx, &summary) }
                <div class="dj-body">
                    { toc(&ctx, &progress) }
                    <form class="dj-main" aria-label={spec.title.get(l).to_owned()} novalidate={true}
                        onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                        { super::each::list(sections) }
                        if !form_level.is_empty() && state.reveal {
                            <ul class="dj-msgs dj-form-msgs">{ each(form_level.iter(), |i| html! { <li class="dj-msg dj-msg-error">{ i.message.clone() }</li> }) }</ul>
                        }
                        if !p.read_only {
                            <div class="dj-submit-bar" part="submit-bar">
                                <span class="dj-saved" aria-live="off">
                                    // Once submitted the draft is cleared: the bar says so until the next edit.
                                    { match (&screen.submitted_at, &drafts.state.saved_at) {
                                        (Some(at), _) => format!("{}{at}", tr(l, "已提交 ", "Submitted ")),
                                        (None, Some(t)) => format!("{}{t}", tr(l, "草稿已自动保存 ", "Draft saved ")),
                                        (None, None) => String::new(),
                                    } }
                                </span>
                                { super::parts::button("dj-btn dj-btn-primary dj-btn-submit", tr(l, "提交", "Submit"), submit) }
                            </div>
                        }
                    </form>
                    { aside(&ctx, &progress, &screen) }
                </div>
                // Paper only: drawn after the first frame (a print reveals every line first anyway).
                if first_frame_shown { { print_footer(l, stamp.at.clone(), &stamp.node) } }
                <div class="dj-sr" role="status" aria-live="polite" aria-atomic="true" data-testid="live">{ state.announce.1.clone() }</div>
            </div>
    }
}
