//! Something given as a record that is not one (from the page, a draft or a file).

use crate::components::parts::{button, notice, Notice};
use crate::components::Ctx;
use crate::i18n::tr;
use crate::state::{Action, Refusal};
use yew::prelude::*;

/// Says what was refused and why; the record shown is unchanged.
pub fn refused(ctx: &Ctx) -> Html {
    let Some(why) = &ctx.state.refused else {
        return html! {};
    };
    let l = ctx.locale();
    let text = match why {
        Refusal::NotARecord { kind } => format!(
            "{}{}{}",
            tr(
                l,
                "页面传入的数据不是一份记录（是",
                "The page gave data that is not a record (it is "
            ),
            crate::import::kind_words(l, kind),
            tr(
                l,
                "），已忽略；表单中的内容没有改变。",
                "), so it was ignored; the form is unchanged."
            )
        ),
        Refusal::Import(e) => format!(
            "{}{}",
            tr(l, "没有导入：", "Not imported: "),
            crate::import::message(e, l, ctx.state.setup.form.spec().title.get(l))
        ),
    };
    let state = ctx.state.clone();
    let forget = Callback::from(move |_: MouseEvent| state.dispatch(Action::ForgetRefusal));
    notice(
        Notice {
            class: "dj-notice dj-notice-warn",
            role: "alert",
            label: None,
            testid: "refused",
        },
        html! { { text } },
        None,
        button("dj-btn", tr(l, "知道了", "OK"), forget),
    )
}
