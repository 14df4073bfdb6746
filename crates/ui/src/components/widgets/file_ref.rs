//! A reference to a file kept elsewhere: picked here, its name, size and SHA-256
//! computed in the browser. The file itself goes nowhere.

use super::{display_value, WidgetProps};
use crate::i18n::tr;
use serde_json::{json, Value};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A file picker recording `{name, size, sha256}`; `busy` (kept by
/// [`super::stateful::Stateful`]) while the checksum is computed.
pub fn file_ref(p: &WidgetProps, busy: UseStateHandle<bool>) -> Html {
    let env = &p.env;
    let l = env.locale;
    let v = p.value.clone();
    let set = env.setter(&p.path);
    let onchange = {
        let busy = busy.clone();
        let set = set.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let set = set.clone();
            let busy = busy.clone();
            busy.set(true);
            yew::platform::spawn_local(async move {
                let sha = crate::filehash::sha256_hex(&file).await.unwrap_or_default();
                set.emit(json!({"name": file.name(), "size": file.size(), "sha256": sha}));
                busy.set(false);
            });
        })
    };
    let clear = Callback::from(move |_: MouseEvent| set.emit(Value::Null));
    let summary = if v.is_object() {
        html! { <span class="dj-file-name">{ display_value(&p.node.node, &v, l) }</span> }
    } else {
        html! { <span class="dj-file-none">{ tr(l, "未选择文件", "No file chosen") }</span> }
    };
    html! {
        <div class="dj-file">
            <input type="file" id={p.id.clone()} class="dj-file-input" aria-describedby={p.describedby.clone()}
                aria-label={p.label.clone()} disabled={p.disabled} {onchange} />
            { summary }
            if *busy { <span class="dj-file-busy">{ tr(l, "正在计算校验值…", "Computing checksum…") }</span> }
            if v.is_object() { <button type="button" class="dj-btn dj-btn-small" onclick={clear} disabled={p.disabled}>{ tr(l, "清除", "Clear") }</button> }
            <p class="dj-file-note">{ tr(l, "文件不会上传，只记录文件名、大小和校验值。", "The file is not uploaded; only its name, size and checksum are recorded.") }</p>
        </div>
    }
}
