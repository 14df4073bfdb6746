//! `<dj-settings>`: a spec's settings as a form a county's IT person fills in.
//! The editor's form is itself a spec ([`model::settings_spec`]) compiled by
//! the engine and drawn with the form components' own widgets; the entered
//! values are validated as a record of that spec, and the engine's issues (and
//! `Form::with_settings`' check of the whole) are shown beside each setting.
//! Each setting shows its title, help, source, default and range; a changed
//! value is highlighted and can be reset. The new settings are previewed on the form's examples
//! and exported as settings JSON, as the full spec, or as the tag to embed.

use super::model::{self, Row};
use super::preview::{self, Example, Verdict};
use crate::components::each;
use crate::components::parts::classes;
use crate::components::widgets::facts::facts;
use crate::components::widgets::{widget, WidgetProps};
use crate::components::Env;
use crate::hooks::effect::{use_effect_keyed, use_effect_on, ONCE};
use crate::hooks::use_node_ref;
use crate::i18n::tr;
use crate::state::{Action, Setup};
use crate::tree::UiNode;
use dangjian_core::{Diagnostic, Form, Locale, Severity, ValidateOptions};
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the page's handle reads and writes while the editor is shown.
#[derive(Default)]
pub struct Link {
    /// The changed settings, `{name: value}`.
    pub settings: RefCell<Map<String, Value>>,
    /// The spec with the new values, when the engine accepts them.
    pub spec: RefCell<Option<Value>>,
    /// Replaces the changed settings (set by the editor once shown).
    pub set: RefCell<Option<Callback<Map<String, Value>>>>,
}

/// Props of [`SettingsEditor`].
#[derive(Properties)]
pub struct EditorProps {
    /// The form with its own settings (the defaults).
    pub base: Rc<Form>,
    /// The settings to start from (changed values only, or all).
    pub initial: Map<String, Value>,
    /// The records the preview re-checks.
    pub examples: Rc<Vec<Example>>,
    /// Starting language.
    pub locale: Locale,
    /// The date the rules use for examples without their own.
    pub today: String,
    /// Told of every change: the changed settings, and whether the engine accepts them.
    pub on_change: Callback<(Map<String, Value>, bool)>,
    /// The page's handle.
    pub link: Rc<Link>,
}

impl PartialEq for EditorProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.base, &other.base) && Rc::ptr_eq(&self.link, &other.link)
    }
}

/// The changed values, the text of inputs that do not read as a value yet, and why.
#[derive(Clone, PartialEq, Default)]
struct Edit {
    changed: Map<String, Value>,
    typed: BTreeMap<String, (String, String)>,
    note: Option<(bool, String)>,
}

impl Edit {
    /// `value` for `row`: kept only when it differs from the default.
    fn put(&mut self, row: &Row, value: Value) {
        self.typed.remove(&row.name);
        if value == row.default {
            self.changed.remove(&row.name);
        } else {
            self.changed.insert(row.name.clone(), value);
        }
    }
}

/// The settings editor.
#[function_component]
pub fn SettingsEditor(p: &EditorProps) -> Html {
    let locale = use_state(|| p.locale);
    let l = *locale;
    let rows = use_memo((), |_| model::rows(p.base.spec()));
    let edit = {
        let rows = rows.clone();
        let initial = p.initial.clone();
        use_state(move || {
            let mut e = Edit::default();
            for row in rows.iter() {
                if let Some(v) = initial.get(&row.name) {
                    e.put(row, v.clone());
                }
            }
            e
        })
    };
    let file = use_node_ref();
    // The editor's own form, compiled by the engine (the unit beside a number is in `l`).
    let setup = use_memo(l, |l| {
        dangjian_standards::engine()
            .compile(&model::settings_spec(p.base.spec(), *l))
            .map(|form| Setup::new(form, None))
            .map_err(|e| e.diagnostics)
    });
    let paths = use_memo((), |_| model::field_paths(&rows));
    // What a widget sets reaches the latest state through this sink (the
    // context's dispatcher stays the same while the person types).
    let sink = use_mut_ref(Callback::<Action>::noop);
    {
        let edit = edit.clone();
        let rows = rows.clone();
        let paths = paths.clone();
        *sink.borrow_mut() = Callback::from(move |action: Action| {
            let Action::Set { path, value } = action else {
                return;
            };
            let Some(row) = paths
                .iter()
                .find(|(_, at)| *at == path)
                .and_then(|(name, _)| rows.iter().find(|r| r.name == *name))
            else {
                return;
            };
            let text = value.as_str().map(str::to_owned);
            let mut e = (*edit).clone();
            match model::setting_value(row, value, l) {
                Ok(v) => e.put(row, v),
                Err(why) => {
                    e.typed
                        .insert(row.name.clone(), (text.unwrap_or_default(), why));
                }
            }
            edit.set(e);
        });
    }
    let dispatch = {
        let sink = sink.clone();
        use_memo((), move |_| {
            Callback::from(move |action: Action| {
                let cb = sink.borrow().clone();
                cb.emit(action);
            })
        })
    };
    // The engine's issues on the entered values, as a record of the editor's form, by setting.
    let checked = use_memo(((*edit).clone(), l), |(edit, l)| {
        let mut by_name: BTreeMap<String, Vec<String>> = BTreeMap::new();
        if let Ok(setup) = &*setup {
            let typed = |name: &str| edit.typed.get(name).map(|(t, _)| t.clone());
            let record = model::record(&rows, &edit.changed, &typed);
            let report = setup
                .form
                .validate(&record, &ValidateOptions::with_locale(*l));
            for issue in report.issues {
                if issue.severity != Severity::Error {
                    continue;
                }
                if let Some((name, _)) = paths.iter().find(|(_, at)| *at == issue.path) {
                    by_name.entry(name.clone()).or_default().push(issue.message);
                }
            }
        }
        by_name
    });
    // The engine's reading of the new values: the variant form, or every mistake.
    // (The form and the examples stay the same for the life of the editor.)
    let variant = use_memo(edit.changed.clone(), |changed| {
        if changed.is_empty() {
            Ok(p.base.clone())
        } else {
            p.base.with_settings(changed).map(Rc::new)
        }
    });
    let before = use_memo(l, |l| {
        p.examples
            .iter()
            .map(|e| preview::verdict(&p.base, e, &p.today, *l))
            .collect::<Vec<Verdict>>()
    });
    let changes = use_memo((edit.changed.clone(), l), |_| match &*variant {
        Ok(form) => Some(preview::changes(&p.examples, &before, form, &p.today, l)),
        Err(_) => None,
    });
    {
        // The page's handle and listeners hear every change.
        let link = p.link.clone();
        let on_change = p.on_change.clone();
        let changed = edit.changed.clone();
        let variant = variant.clone();
        use_effect_keyed(
            edit.changed.clone(),
            Box::new(move |_| {
                let ok = variant.is_ok();
                *link.settings.borrow_mut() = changed.clone();
                *link.spec.borrow_mut() = match &*variant {
                    Ok(form) => serde_json::to_value(form.spec()).ok(),
                    Err(_) => None,
                };
                on_change.emit((changed, ok));
            }),
        );
    }
    {
        let link = p.link.clone();
        let edit = edit.clone();
        let rows = rows.clone();
        use_effect_on(
            ONCE,
            Box::new(move |_| {
                *link.set.borrow_mut() = Some(Callback::from(move |values: Map<String, Value>| {
                    let mut e = Edit::default();
                    for row in rows.iter() {
                        if let Some(v) = values.get(&row.name) {
                            e.put(row, v.clone());
                        }
                    }
                    edit.set(e);
                }));
            }),
        );
    }

    let spec = p.base.spec();
    let mistakes: Vec<Diagnostic> = match &*variant {
        Ok(_) => Vec::new(),
        Err(e) => e.diagnostics.clone(),
    };
    let mistake_of = |name: &str| -> Vec<String> {
        let at = format!("/settings/{name}");
        // The field's own issues first; the whole form's check adds what they do not say.
        if let Some(list) = checked.get(name) {
            return list.clone();
        }
        let mut list = Vec::new();
        for d in mistakes
            .iter()
            .filter(|d| d.path == at || d.path.starts_with(&format!("{at}/")))
        {
            let m = d.message(l).to_owned();
            if !list.contains(&m) {
                list.push(m);
            }
        }
        list
    };
    let mut general: Vec<String> = match &*setup {
        Ok(_) => Vec::new(),
        Err(diagnostics) => diagnostics
            .iter()
            .map(|d| format!("{} {}", d.path, d.message(l)))
            .collect(),
    };
    general.extend(
        mistakes
            .iter()
            .filter(|d| {
                !rows
                    .iter()
                    .any(|r| d.path.starts_with(&format!("/settings/{}", r.name)))
            })
            .map(|d| format!("{} {}", d.path, d.message(l))),
    );
    let accepted = variant.is_ok() && edit.typed.is_empty() && checked.is_empty();
    let env = match &*setup {
        Ok(setup) => Some(Env {
            setup: setup.clone(),
            locale: l,
            read_only: false,
            dispatch: (*dispatch).clone(),
        }),
        Err(_) => None,
    };

    let set_value = |row: &Row| {
        let edit = edit.clone();
        let row = row.clone();
        Callback::from(move |value: Value| {
            let mut e = (*edit).clone();
            e.put(&row, value);
            edit.set(e);
        })
    };
    let groups = model::grouped(&rows);
    let form_title = spec.title.get(l).to_owned();
    let changed_count = edit.changed.len();

    let lang = {
        let locale = locale.clone();
        Callback::from(move |_: MouseEvent| {
            locale.set(if l == Locale::ZhCn {
                Locale::En
            } else {
                Locale::ZhCn
            })
        })
    };
    let export_settings = {
        let changed = edit.changed.clone();
        let id = spec.id.clone();
        Callback::from(move |_: MouseEvent| {
            let text = dangjian_core::json_writer::to_string_pretty(&changed).unwrap_or_default();
            let _ =
                crate::export::download(&format!("{id}-settings.json"), "application/json", &text);
        })
    };
    let export_spec = {
        let variant = variant.clone();
        Callback::from(move |_: MouseEvent| {
            if let Ok(form) = &*variant {
                let s = form.spec();
                let text = dangjian_core::json_writer::to_string_pretty(s).unwrap_or_default();
                let _ = crate::export::download(
                    &format!("{}-{}-county.json", s.id, s.version),
                    "application/json",
                    &text,
                );
            }
        })
    };
    let reset_all = {
        let edit = edit.clone();
        Callback::from(move |_: MouseEvent| edit.set(Edit::default()))
    };
    let pick = {
        let file = file.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let load = {
        let edit = edit.clone();
        let rows = rows.clone();
        let base = p.base.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(f) = input.files().and_then(|list| list.get(0)) else {
                return;
            };
            input.set_value("");
            let (edit, rows, base) = (edit.clone(), rows.clone(), base.clone());
            yew::platform::spawn_local(async move {
                let read = crate::import::read_file(&f)
                    .await
                    .map_err(|e| crate::import::message(&e, l, ""))
                    .and_then(|text| model::read_file(&text, base.spec(), l));
                match read {
                    Ok(values) => {
                        let mut e = Edit::default();
                        for row in rows.iter() {
                            if let Some(v) = values.get(&row.name) {
                                e.put(row, v.clone());
                            }
                        }
                        e.note = Some((
                            true,
                            format!("{}{}", tr(l, "已载入：", "Loaded: "), f.name()),
                        ));
                        edit.set(e);
                    }
                    Err(why) => {
                        let mut e = (*edit).clone();
                        e.note = Some((false, why));
                        edit.set(e);
                    }
                }
            });
        })
    };
    let snippet = embed_snippet(&spec.id, &edit.changed);

    html! {
        <div class="dj dj-settings" lang={l.tag()} data-form={spec.id.clone()} data-testid="settings-editor">
            <header class="dj-head" part="header">
                <div class="dj-head-text">
                    <h2 class="dj-title">{ format!("{}{form_title}", tr(l, "表单设置：", "Settings: ")) }</h2>
                    <p class="dj-desc">{ tr(l,
                        "修改本县（区）的标准：每项设置都由表单引擎校验，右侧列出示例记录结果的变化；改好后导出设置或整张表单，嵌入门户页面即可，无需改代码。",
                        "Change the county's thresholds: the engine checks every value, and the examples whose results change are listed beside. Export the settings or the whole form and embed it in the portal; no code to change.") }</p>
                    <p class="dj-meta">{ format!("{}{} · {}{}", tr(l, "表单版本 ", "Form version "), spec.version,
                        tr(l, "已修改 ", "changed: "), changed_count) }</p>
                </div>
                <div class="dj-toolbar" role="toolbar" part="toolbar" aria-label={tr(l, "设置工具", "Settings tools")}>
                    <button type="button" class="dj-tool" data-tool="language" onclick={lang}>{ if l == Locale::ZhCn { "English" } else { "中文" } }</button>
                    <button type="button" class="dj-tool" onclick={export_settings} disabled={!accepted}>{ tr(l, "导出设置", "Export settings") }</button>
                    <button type="button" class="dj-tool" onclick={export_spec} disabled={!accepted}>{ tr(l, "导出整张表单", "Export the whole form") }</button>
                    <button type="button" class="dj-tool" onclick={pick}>{ tr(l, "载入设置", "Load settings") }</button>
                    <input ref={file} type="file" class="dj-sr" tabindex="-1" aria-hidden="true" accept=".json,application/json"
                        data-testid="settings-file" onchange={load} />
                    <button type="button" class="dj-tool" onclick={reset_all} disabled={changed_count == 0}>{ tr(l, "全部恢复默认", "Reset all") }</button>
                </div>
            </header>
            if let Some((ok, text)) = &edit.note {
                <div ~className={classes(&[Some("dj-notice"), Some(if *ok { "dj-notice-ok" } else { "dj-notice-warn" })])} role="status"><p>{ text.clone() }</p></div>
            }
            if !general.is_empty() {
                <div class="dj-summary" part="error-list" role="alert"><ul>{ each(general.iter(), |m| html! { <li>{ m.clone() }</li> }) }</ul></div>
            }
            <div class="dj-set-body">
                <div class="dj-set-main">
                    if rows.is_empty() {
                        <p class="dj-empty">{ tr(l, "这张表单没有设置。", "This form has no settings.") }</p>
                    }
                    if let Some(env) = env {
                        { each(groups.iter().enumerate(), |(i, (group, list))| html! {
                            <section class="dj-section" part="section">
                                <h3 class="dj-section-title">{ if group.is_empty() { tr(l, "设置", "Settings").to_owned() } else { group.get(l).to_owned() } }</h3>
                                { each(list.iter(), |row| {
                                    let node = env.setup.sections.get(i)
                                        .and_then(|s| s.children.iter().find(|c| c.node.id == row.name))
                                        .cloned();
                                    setting_row(row, node, &format!("/g{i}/{}", row.name), &edit, &env, mistake_of(&row.name), set_value(row))
                                }) }
                            </section>
                        }) }
                    }
                </div>
                <aside class="dj-set-aside">
                    <div class="dj-set-panels">
                        { preview_panel(l, &p.examples, &changes, accepted) }
                        <section class="dj-panel" part="embed">
                            <h3 class="dj-panel-title">{ tr(l, "嵌入门户页面", "Embed in a portal page") }</h3>
                            <p class="dj-help">{ tr(l, "把这一行放进页面，表单即按上面的设置校验和评分：", "Put this line in the page; the form checks and scores with the settings above:") }</p>
                            <textarea class="dj-input dj-textarea dj-set-snippet" readonly={true} rows="4" data-testid="embed-snippet"
                                aria-label={tr(l, "嵌入代码", "Embed code")} value={snippet} />
                        </section>
                    </div>
                </aside>
            </div>
        </div>
    }
}

/// One setting: title, help, the widget of its field in the editor's form,
/// default, source and range, the engine's messages, reset.
fn setting_row(
    row: &Row,
    node: Option<Rc<UiNode>>,
    path: &str,
    edit: &Edit,
    env: &Env,
    mistakes: Vec<String>,
    set_value: Callback<Value>,
) -> Html {
    let l = env.locale;
    let id = format!("dj-set-{}", row.name);
    let value = edit.changed.get(&row.name).unwrap_or(&row.default).clone();
    let typed = edit.typed.get(&row.name);
    let changed = edit.changed.contains_key(&row.name) || typed.is_some();
    let bad = typed.is_some() || !mistakes.is_empty();
    let title = if row.title.is_empty() {
        row.name.clone()
    } else {
        row.title.get(l).to_owned()
    };
    let reset = {
        let default = row.default.clone();
        Callback::from(move |_: MouseEvent| set_value.emit(default.clone()))
    };
    let (help_id, msg_id) = (format!("{id}-help"), format!("{id}-msg"));
    let grouped = node.as_ref().is_some_and(|n| facts(n.node.kind).grouped);
    let input = match node {
        Some(node) => {
            let shown = match typed {
                Some((text, _)) => Value::String(text.clone()),
                None => model::field_value(row, &value),
            };
            widget(
                WidgetProps {
                    node,
                    path: AttrValue::from(path.to_owned()),
                    value: shown,
                    part_issues: None,
                    id: id.clone().into(),
                    describedby: if row.help.is_empty() {
                        msg_id.clone()
                    } else {
                        format!("{help_id} {msg_id}")
                    }
                    .into(),
                    invalid: bad,
                    required: false,
                    label: title.clone().into(),
                    compact: false,
                    disabled: false,
                    env: env.clone(),
                },
                env,
            )
        }
        None => html! {},
    };
    let range = row.range(l);
    html! {
        <div ~className={classes(&[Some("dj-field"), Some("dj-set-row"), changed.then_some("dj-set-changed"), bad.then_some("dj-invalid")])}
            part="field" data-setting={row.name.clone()}>
            <div class="dj-set-head">
                if grouped {
                    <span class="dj-label" id={format!("{id}-l")}>{ title }</span>
                } else {
                    <label class="dj-label" id={format!("{id}-l")} for={id.clone()}>{ title }</label>
                }
                <code class="dj-set-name">{ row.name.clone() }</code>
                if changed {
                    <span class="dj-badge dj-set-badge">{ tr(l, "已修改", "changed") }</span>
                    <button type="button" class="dj-btn dj-btn-small dj-set-reset" onclick={reset}>{ tr(l, "恢复默认", "Reset") }</button>
                }
            </div>
            if !row.help.is_empty() { <p class="dj-help" id={help_id}>{ row.help.get(l).to_owned() }</p> }
            { input }
            <p class="dj-set-meta">
                <span>{ format!("{}{}", tr(l, "默认值：", "Default: "), row.show(&row.default, l)) }</span>
                if !range.is_empty() { <span>{ format!("{}{range}", tr(l, "范围：", "Range: ")) }</span> }
                if !row.source.is_empty() { <span>{ format!("{}{}", tr(l, "依据：", "Source: "), row.source) }</span> }
            </p>
            <ul class="dj-msgs" id={msg_id} aria-live="polite">
                if let Some((_, why)) = typed { <li class="dj-msg dj-msg-error">{ why.clone() }</li> }
                { each(mistakes.iter(), |m| html! { <li class="dj-msg dj-msg-error">{ m.clone() }</li> }) }
            </ul>
        </div>
    }
}

/// The examples whose verdict, score or grade the new settings change.
fn preview_panel(
    l: Locale,
    examples: &[Example],
    changes: &Option<Vec<preview::Change>>,
    accepted: bool,
) -> Html {
    let body = match changes {
        _ if examples.is_empty() => html! {
            <p class="dj-empty">{ tr(l, "没有可用于预览的示例记录。", "No example records to preview with.") }</p>
        },
        Some(list) if accepted => html! {
            <>
                <p class="dj-score-sub" data-testid="preview-count">{ match l {
                    Locale::ZhCn => format!("{} 份示例记录中，{} 份的结果会改变", examples.len(), list.len()),
                    Locale::En => format!("{} of {} example records change", list.len(), examples.len()),
                } }</p>
                <ul class="dj-set-changes">
                    { each(list.iter(), |c| html! {
                        <li data-example={c.name.clone()}>
                            <span class="dj-set-ex">{ c.name.clone() }</span>
                            <span class="dj-set-before">{ c.before.words(l) }</span>
                            <span class="dj-set-arrow" aria-label={tr(l, "变为", "becomes")}>{ "→" }</span>
                            <span class="dj-set-after">{ c.after.words(l) }</span>
                        </li>
                    }) }
                </ul>
            </>
        },
        _ => html! {
            <p class="dj-msg dj-msg-error">{ tr(l, "请先改正标红的设置。", "Correct the settings marked in red first.") }</p>
        },
    };
    html! {
        <section class="dj-panel" part="preview" data-testid="settings-preview">
            <h3 class="dj-panel-title">{ tr(l, "对示例记录的影响", "Effect on the example records") }</h3>
            { body }
        </section>
    }
}

/// The tag that embeds the form with these settings.
fn embed_snippet(id: &str, changed: &Map<String, Value>) -> String {
    if changed.is_empty() {
        return format!("<dj-form form=\"{id}\"></dj-form>");
    }
    let json = dangjian_core::json_writer::to_string(changed).unwrap_or_default();
    format!(
        "<dj-form form=\"{id}\" settings='{}'></dj-form>",
        json.replace('&', "&amp;").replace('\'', "&#39;")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_snippet_quotes_the_settings_for_an_attribute() {
        let map = json!({"name": "it's"}).as_object().cloned().unwrap();
        assert_eq!(
            embed_snippet("f", &map),
            "<dj-form form=\"f\" settings='{\"name\":\"it&#39;s\"}'></dj-form>"
        );
        assert_eq!(
            embed_snippet("f", &Map::new()),
            "<dj-form form=\"f\"></dj-form>"
        );
    }
}
