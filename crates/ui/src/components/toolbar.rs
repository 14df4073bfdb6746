//! The toolbar: language, elder-friendly mode, print, export and import of the
//! record, the earlier drafts, and the rectification list as a spreadsheet.

use super::Ctx;
use crate::components::each;
use crate::components::parts::classes;
use crate::draft::{Draft, DraftStore};
use crate::embed::{Hidden, Tool};
use crate::hooks::screen::{ScreenChange, ScreenHandle, Switch};
use crate::hooks::use_node_ref;
use crate::i18n::tr;
use crate::state::{Action, FormState, Refusal};
use dangjian_core::Locale;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the toolbar is drawn with, besides the state.
pub struct ToolbarProps {
    /// The form's root element (everything is drawn before printing).
    pub root: NodeRef,
    /// The element the form is mounted into (printed alone).
    pub host: web_sys::Element,
    /// Where drafts go (none: no drafts, and no earlier drafts to offer).
    pub store: Option<DraftStore>,
    /// The buttons the page hides.
    pub hidden: Hidden,
}

/// What the toolbar keeps between drawings (held by the form, which draws it:
/// [`use_toolbar`]).
#[derive(Clone)]
pub struct ToolbarState {
    /// The form's screen state: the earlier drafts, while their list is open.
    pub screen: ScreenHandle,
    /// The hidden file input of "import".
    pub file: NodeRef,
}

/// The toolbar's state, kept by the form's component (the list of earlier
/// drafts in `screen`).
#[hook]
pub fn use_toolbar(screen: &ScreenHandle) -> ToolbarState {
    ToolbarState {
        screen: screen.clone(),
        file: use_node_ref(),
    }
}

/// What the toolbar's buttons act on: [`Act::run`] does what the button
/// named `data-tool="…"` does.
struct Act {
    state: UseReducerHandle<FormState>,
    screen: ScreenHandle,
    file: NodeRef,
    host: web_sys::Element,
    root: NodeRef,
    store: Option<DraftStore>,
    /// The language the language button switches to.
    other: Locale,
}

impl Act {
    /// Does what the button named `tool` does (a name it does not know: nothing).
    fn run(&self, tool: &str) {
        let state = &self.state;
        match tool {
            "language" => state.dispatch(Action::Locale(self.other)),
            "elder" => {
                let on = !self.screen.elder;
                crate::draft::remember_elder(on);
                self.screen.dispatch(ScreenChange::Set(Switch::Elder, on));
            }
            "print" => {
                // Every node drawn first: the paper shows the whole form.
                if let Some(el) = self.root.cast::<web_sys::Element>() {
                    crate::components::lazy::reveal_all(&el);
                    crate::print::print_form(self.host.clone(), el, 100);
                }
            }
            "export" => crate::export::export_record(state),
            "rectification" => crate::export::export_rectification(state),
            "import" => {
                if let Some(input) = self.file.cast::<HtmlInputElement>() {
                    input.click();
                }
            }
            "history" => {
                let form = &state.setup.form.spec().id;
                let list = match (&self.screen.history, &self.store) {
                    (Some(_), _) | (None, None) => None,
                    (None, Some(store)) => Some(store.history(form)),
                };
                self.screen.dispatch(ScreenChange::History(list));
            }
            _ => {}
        }
    }
}

/// Why an earlier draft was kept, in words.
fn kept_words(l: Locale, why: &str) -> &'static str {
    match why {
        "discarded" => tr(l, "放弃的草稿", "discarded"),
        "replaced" => tr(l, "被替换前的内容", "before it was replaced"),
        "superseded" => tr(l, "较早的草稿", "an older draft"),
        "other_tab" => tr(l, "另一窗口的草稿", "from another tab"),
        "submitted" => tr(l, "已提交的内容", "submitted"),
        _ => tr(l, "草稿", "draft"),
    }
}

/// The row of buttons above the form. A plain function: the form, which holds
/// the state, draws it with every change.
pub fn toolbar(ctx: &Ctx, p: &ToolbarProps, s: &ToolbarState) -> Html {
    let (history, file) = (&s.screen.history, &s.file);
    let l = ctx.locale();
    let state = ctx.state.clone();
    let other = if l == Locale::ZhCn {
        Locale::En
    } else {
        Locale::ZhCn
    };
    // Every button of the toolbar (and the close button of the earlier drafts)
    // is named by its `data-tool` and followed by this one handler: one
    // closure, where a callback per button compiled its own copies.
    let onclick = {
        let act = Act {
            state: state.clone(),
            screen: s.screen.clone(),
            file: file.clone(),
            host: p.host.clone(),
            root: p.root.clone(),
            store: p.store.clone(),
            other,
        };
        Callback::from(move |e: MouseEvent| {
            let tool = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                .and_then(|t| t.closest("[data-tool]").ok().flatten())
                .and_then(|button| button.get_attribute("data-tool"));
            if let Some(tool) = tool {
                act.run(&tool);
            }
        })
    };
    let elder = s.screen.elder;
    let has_csv = state.view.report.score.is_some()
        && state
            .setup
            .hints
            .aside
            .iter()
            .any(|(_, panel, _)| *panel == crate::views::Panel::Rectification);
    let imported = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(f) = input.files().and_then(|list| list.get(0)) else {
                return;
            };
            // The same file can be chosen again.
            input.set_value("");
            let state = state.clone();
            yew::platform::spawn_local(async move {
                let read = crate::import::read_file(&f)
                    .await
                    .and_then(|text| crate::import::read_record(&text, state.setup.form.spec()));
                match read {
                    Ok(record) => {
                        state.dispatch(Action::Import(record));
                        state.dispatch(Action::Announce(
                            tr(state.locale, "数据已导入", "Data imported").to_owned(),
                        ));
                    }
                    Err(e) => state.dispatch(Action::Refuse(Refusal::Import(e))),
                }
            });
        })
    };
    let read_only = ctx.read_only;
    let shows = |tool: Tool| !p.hidden.hides(tool);
    html! {
        <div class="dj-toolbar" role="toolbar" part="toolbar" aria-label={tr(l, "表单工具", "Form tools")} {onclick}>
            if shows(Tool::Language) {
                <button type="button" class="dj-tool" data-tool="language" lang={if other == Locale::En { "en" } else { "zh-CN" }}>
                    { if other == Locale::En { "English" } else { "中文" } }
                </button>
            }
            if shows(Tool::Elder) {
                <button type="button" ~className={classes(&[Some("dj-tool"), elder.then_some("dj-on")])} data-tool="elder" aria-pressed={elder.to_string()}>
                    <span aria-hidden="true" class="dj-tool-icon">{"大"}</span>{ tr(l, "大字模式", "Large text") }
                </button>
            }
            if shows(Tool::Print) {
                <button type="button" class="dj-tool" data-tool="print">{ tr(l, "打印", "Print") }</button>
            }
            if shows(Tool::Export) {
                <button type="button" class="dj-tool" data-tool="export">{ tr(l, "导出数据", "Export data") }</button>
            }
            if !read_only && shows(Tool::Import) {
                <button type="button" class="dj-tool" data-tool="import">{ tr(l, "导入数据", "Import data") }</button>
                <input ref={file} type="file" class="dj-sr" tabindex="-1" aria-hidden="true" accept=".json,application/json"
                    data-testid="import-file" onchange={imported} />
            }
            if p.store.is_some() && !read_only && shows(Tool::History) {
                <button type="button" ~className={classes(&[Some("dj-tool"), history.is_some().then_some("dj-on")])} aria-expanded={history.is_some().to_string()}
                    aria-controls="dj-history" data-tool="history">{ tr(l, "草稿记录", "Earlier drafts") }</button>
            }
            if has_csv && shows(Tool::Export) {
                <button type="button" class="dj-tool" data-tool="rectification">{ tr(l, "导出整改清单", "Export rectification list") }</button>
            }
            if let Some(list) = history.clone() {
                { earlier_drafts(ctx, list, &s.screen) }
            }
        </div>
    }
}

/// The earlier drafts, newest first, each with a button to restore it (the
/// close button is the toolbar's "history" again).
fn earlier_drafts(ctx: &super::Ctx, list: Vec<Draft>, screen: &ScreenHandle) -> Html {
    let l = ctx.locale();
    html! {
        <div class="dj-history" id="dj-history" role="region" aria-label={tr(l, "草稿记录", "Earlier drafts")} data-testid="history">
            <p class="dj-history-head">{ tr(l, "最近保存的几份内容（只保存在本机浏览器中）", "The last records kept in this browser") }</p>
            if list.is_empty() {
                <p class="dj-empty">{ tr(l, "还没有较早的草稿。", "No earlier drafts yet.") }</p>
            } else {
                <ol>
                    { each(list.into_iter(), |d| {
                        let filled = crate::data::filled(&d.data);
                        let first: String = crate::data::first_text(&d.data).unwrap_or("").chars().take(24).collect();
                        let restore = {
                            let state = ctx.state.clone();
                            let dispatch = screen.dispatcher();
                            let data = d.data.clone();
                            Callback::from(move |_: MouseEvent| {
                                state.dispatch(Action::Restore(data.clone()));
                                state.dispatch(Action::Announce(tr(state.locale, "草稿已恢复", "Draft restored").to_owned()));
                                dispatch.dispatch(ScreenChange::History(None));
                            })
                        };
                        html! {
                            <li>
                                <span class="dj-history-when">{ d.saved_at.clone() }</span>
                                <span class="dj-badge">{ kept_words(l, &d.kept) }</span>
                                <span class="dj-history-what">{ format!("{}{filled}{}", tr(l, "已填 ", ""), tr(l, " 项", " answers")) }
                                    if !first.is_empty() { { format!(" · {first}") } }</span>
                                { super::parts::button("dj-btn dj-btn-small", tr(l, "恢复", "Restore"), restore) }
                            </li>
                        }
                    }) }
                </ol>
            }
            <button type="button" class="dj-btn dj-btn-small" data-tool="history">{ tr(l, "关闭", "Close") }</button>
        </div>
    }
}
