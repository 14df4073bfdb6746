//! `<dj-settings>`: a spec's settings as a form a county's IT person fills in.
//! Each setting shows its title, help, source, default and range; a changed
//! value is highlighted and can be reset; the engine checks every value
//! (`Form::with_settings`), so a value out of range shows the engine's own
//! message beside it. The new settings are previewed on the form's examples
//! and exported as settings JSON, as the full spec, or as the tag to embed.

use super::model::{self, Kind, Row};
use super::preview::{self, Example, Verdict};
use crate::i18n::tr;
use dangjian_core::{Diagnostic, Form, Locale};
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
        use_effect_with(edit.changed.clone(), move |_| {
            let ok = variant.is_ok();
            *link.settings.borrow_mut() = changed.clone();
            *link.spec.borrow_mut() = match &*variant {
                Ok(form) => serde_json::to_value(form.spec()).ok(),
                Err(_) => None,
            };
            on_change.emit((changed, ok));
        });
    }
    {
        let link = p.link.clone();
        let edit = edit.clone();
        let rows = rows.clone();
        use_effect_with((), move |_| {
            *link.set.borrow_mut() = Some(Callback::from(move |values: Map<String, Value>| {
                let mut e = Edit::default();
                for row in rows.iter() {
                    if let Some(v) = values.get(&row.name) {
                        e.put(row, v.clone());
                    }
                }
                edit.set(e);
            }));
        });
    }

    let spec = p.base.spec();
    let mistakes: Vec<Diagnostic> = match &*variant {
        Ok(_) => Vec::new(),
        Err(e) => e.diagnostics.clone(),
    };
    let mistake_of = |name: &str| -> Vec<String> {
        let at = format!("/settings/{name}");
        mistakes
            .iter()
            .filter(|d| d.path == at || d.path.starts_with(&format!("{at}/")))
            .map(|d| d.message(l).to_owned())
            .collect()
    };
    let general: Vec<String> = mistakes
        .iter()
        .filter(|d| {
            !rows
                .iter()
                .any(|r| d.path.starts_with(&format!("/settings/{}", r.name)))
        })
        .map(|d| format!("{} {}", d.path, d.message(l)))
        .collect();
    let accepted = variant.is_ok() && edit.typed.is_empty();

    let set_value = |row: &Row| {
        let edit = edit.clone();
        let row = row.clone();
        Callback::from(move |value: Value| {
            let mut e = (*edit).clone();
            e.put(&row, value);
            edit.set(e);
        })
    };
    let set_text = |row: &Row| {
        let edit = edit.clone();
        let row = row.clone();
        Callback::from(move |text: String| {
            let mut e = (*edit).clone();
            match model::parse(&row, &text, l) {
                Ok(value) => e.put(&row, value),
                Err(why) => {
                    e.typed.insert(row.name.clone(), (text, why));
                }
            }
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
            let text = serde_json::to_string_pretty(&changed).unwrap_or_default();
            let _ =
                crate::export::download(&format!("{id}-settings.json"), "application/json", &text);
        })
    };
    let export_spec = {
        let variant = variant.clone();
        Callback::from(move |_: MouseEvent| {
            if let Ok(form) = &*variant {
                let s = form.spec();
                let text = serde_json::to_string_pretty(s).unwrap_or_default();
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
                <div class={classes!("dj-notice", if *ok { "dj-notice-ok" } else { "dj-notice-warn" })} role="status"><p>{ text.clone() }</p></div>
            }
            if !general.is_empty() {
                <div class="dj-summary" part="error-list" role="alert"><ul>{ for general.iter().map(|m| html! { <li>{ m.clone() }</li> }) }</ul></div>
            }
            <div class="dj-set-body">
                <div class="dj-set-main">
                    if rows.is_empty() {
                        <p class="dj-empty">{ tr(l, "这张表单没有设置。", "This form has no settings.") }</p>
                    }
                    { for groups.iter().map(|(group, list)| html! {
                        <section class="dj-section" part="section">
                            <h3 class="dj-section-title">{ if group.is_empty() { tr(l, "设置", "Settings").to_owned() } else { group.get(l).to_owned() } }</h3>
                            { for list.iter().map(|row| setting_row(row, &edit, l, mistake_of(&row.name), set_value(row), set_text(row))) }
                        </section>
                    }) }
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

/// One setting: title, help, the value's input, default, source and range, reset.
fn setting_row(
    row: &Row,
    edit: &Edit,
    l: Locale,
    mistakes: Vec<String>,
    set_value: Callback<Value>,
    set_text: Callback<String>,
) -> Html {
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
        let set_value = set_value.clone();
        let default = row.default.clone();
        Callback::from(move |_: MouseEvent| set_value.emit(default.clone()))
    };
    let input = match &row.kind {
        Kind::Boolean => {
            let on = value.as_bool().unwrap_or(false);
            html! {
                <div class="dj-seg" role="radiogroup" aria-labelledby={format!("{id}-l")}>
                    { for [true, false].into_iter().map(|b| {
                        let set = set_value.clone();
                        html! {
                            <label class={classes!("dj-seg-opt", (on == b).then_some("dj-on"))}>
                                <input type="radio" name={id.clone()} checked={on == b}
                                    onchange={Callback::from(move |_: Event| set.emit(Value::Bool(b)))} />
                                { crate::i18n::yes_no(l, b) }
                            </label>
                        }
                    }) }
                </div>
            }
        }
        Kind::Choice(options) => {
            let options = options.clone();
            let chosen = options.iter().position(|(v, _)| *v == value);
            let onchange = {
                let options = options.clone();
                Callback::from(move |e: Event| {
                    let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                    if let Some((v, _)) = select
                        .value()
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| options.get(i))
                    {
                        set_value.emit(v.clone());
                    }
                })
            };
            html! {
                <select id={id.clone()} class="dj-input dj-select" {onchange}>
                    { for options.iter().enumerate().map(|(i, (v, label))| html! {
                        <option value={i.to_string()} selected={chosen == Some(i)}>
                            { if label.is_empty() { model::as_text(v) } else { format!("{}（{}）", label.get(l), model::as_text(v)) } }
                        </option>
                    }) }
                </select>
            }
        }
        Kind::Json => {
            let text = typed.map_or_else(|| model::as_text(&value), |(t, _)| t.clone());
            let onchange = Callback::from(move |e: Event| {
                let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
                set_text.emit(area.value());
            });
            html! { <textarea id={id.clone()} class="dj-input dj-textarea dj-set-json" rows="6" spellcheck="false"
            aria-invalid={bad.to_string()} value={text} {onchange} /> }
        }
        Kind::Integer | Kind::Number | Kind::Text => {
            let text = typed.map_or_else(|| model::as_text(&value), |(t, _)| t.clone());
            let numeric = row.kind != Kind::Text;
            let onchange = Callback::from(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                set_text.emit(input.value());
            });
            html! {
                <span class="dj-number">
                    <input id={id.clone()} class={classes!("dj-input", numeric.then_some("dj-num"))} type="text"
                        inputmode={if numeric { "decimal" } else { "text" }} aria-invalid={bad.to_string()} value={text} {onchange} />
                    if !row.unit.is_empty() { <span class="dj-unit">{ row.unit.get(l).to_owned() }</span> }
                </span>
            }
        }
    };
    let range = row.range(l);
    html! {
        <div class={classes!("dj-field", "dj-set-row", changed.then_some("dj-set-changed"), bad.then_some("dj-invalid"))}
            part="field" data-setting={row.name.clone()}>
            <div class="dj-set-head">
                <label class="dj-label" id={format!("{id}-l")} for={id.clone()}>{ title }</label>
                <code class="dj-set-name">{ row.name.clone() }</code>
                if changed {
                    <span class="dj-badge dj-set-badge">{ tr(l, "已修改", "changed") }</span>
                    <button type="button" class="dj-btn dj-btn-small dj-set-reset" onclick={reset}>{ tr(l, "恢复默认", "Reset") }</button>
                }
            </div>
            if !row.help.is_empty() { <p class="dj-help">{ row.help.get(l).to_owned() }</p> }
            { input }
            <p class="dj-set-meta">
                <span>{ format!("{}{}", tr(l, "默认值：", "Default: "), row.show(&row.default, l)) }</span>
                if !range.is_empty() { <span>{ format!("{}{range}", tr(l, "范围：", "Range: ")) }</span> }
                if !row.source.is_empty() { <span>{ format!("{}{}", tr(l, "依据：", "Source: "), row.source) }</span> }
            </p>
            <ul class="dj-msgs">
                if let Some((_, why)) = typed { <li class="dj-msg dj-msg-error">{ why.clone() }</li> }
                { for mistakes.iter().map(|m| html! { <li class="dj-msg dj-msg-error">{ m.clone() }</li> }) }
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
                    { for list.iter().map(|c| html! {
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
    let json = serde_json::to_string(changed).unwrap_or_default();
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
