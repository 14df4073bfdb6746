//! The toolbar: language, elder-friendly mode, print, and exports.

use super::use_ctx;
use crate::i18n::tr;
use dangjian_core::Locale;
use yew::prelude::*;

/// Props of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// Elder-friendly mode is on.
    pub elder: bool,
    /// Switches elder-friendly mode.
    pub on_elder: Callback<bool>,
    /// Switches the language.
    pub on_locale: Callback<Locale>,
    /// Prints the form alone.
    pub on_print: Callback<()>,
    /// Exports the record as JSON.
    pub on_export_json: Callback<()>,
    /// Exports the rectification list as CSV (scored forms only).
    pub on_export_csv: Option<Callback<()>>,
}

/// The row of buttons above the form.
#[function_component]
pub fn Toolbar(p: &ToolbarProps) -> Html {
    let Some(ctx) = use_ctx() else {
        return html! {};
    };
    let l = ctx.locale();
    let other = if l == Locale::ZhCn {
        Locale::En
    } else {
        Locale::ZhCn
    };
    let on_locale = p.on_locale.clone();
    let lang = Callback::from(move |_: MouseEvent| on_locale.emit(other));
    let on_elder = p.on_elder.clone();
    let elder = p.elder;
    let toggle = Callback::from(move |_: MouseEvent| on_elder.emit(!elder));
    let print = p.on_print.reform(|_: MouseEvent| ());
    let json = p.on_export_json.reform(|_: MouseEvent| ());
    html! {
        <div class="dj-toolbar" role="toolbar" aria-label={tr(l, "表单工具", "Form tools")}>
            <button type="button" class="dj-tool" onclick={lang} lang={if other == Locale::En { "en" } else { "zh-CN" }}>
                { if other == Locale::En { "English" } else { "中文" } }
            </button>
            <button type="button" class={classes!("dj-tool", elder.then_some("dj-on"))} aria-pressed={elder.to_string()} onclick={toggle}>
                <span aria-hidden="true" class="dj-tool-icon">{"大"}</span>{ tr(l, "大字模式", "Large text") }
            </button>
            <button type="button" class="dj-tool" onclick={print}>{ tr(l, "打印", "Print") }</button>
            <button type="button" class="dj-tool" onclick={json}>{ tr(l, "导出数据", "Export data") }</button>
            if let Some(csv) = p.on_export_csv.clone() {
                <button type="button" class="dj-tool" onclick={csv.reform(|_: MouseEvent| ())}>{ tr(l, "导出整改清单", "Export rectification list") }</button>
            }
        </div>
    }
}
