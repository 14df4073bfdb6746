//! A list of issues a person can act on: each entry names its place (section ›
//! field, or the row of a list), identical messages are merged with their
//! places listed, and every place is a link (`data-go`, see [`super::navigate`]).

use crate::components::each;
use crate::i18n::tr;
use crate::places::{self, Entry, Place};
use crate::tree::UiNode;
use dangjian_core::{Issue, Locale};
use std::rc::Rc;
use yew::prelude::*;

/// A link to `place`, worded `text`. A value the form has no field for
/// (`unknown_key`) is shown in the notice listing such values: the link goes there.
pub fn link(place: &Place, code: &str, text: String) -> Html {
    let to = if code == "unknown_key" {
        format!("#{}-h", super::notices::UNKNOWN_ID)
    } else {
        place.path.clone()
    };
    super::parts::go_link(to, text)
}

/// One entry: `place：message`, or `message：place、place…` when merged. With
/// `full` the places carry their section's title.
pub fn entry(e: &Entry, l: Locale, full: bool) -> Html {
    let name = |p: &Place| if full { p.full() } else { p.short() };
    match e.places.as_slice() {
        [one] => html! {
            <li data-code={e.code.clone()}>{ link(one, &e.code, name(one)) }<span class="dj-entry-msg">{ format!("{}{}", tr(l, "：", ": "), e.message) }</span></li>
        },
        many => {
            html! {
                <li data-code={e.code.clone()}>
                    <span class="dj-entry-msg">{ format!("{}{}", e.message, tr(l, "（", " (")) }{ format!("{} {}", many.len(), tr(l, "处）：", "places): ")) }</span>
                    <span class="dj-places">
                        { each(many.iter().enumerate(), |(i, p)| html! {
                            <>{ if i > 0 { tr(l, "、", ", ") } else { "" } }{ link(p, &e.code, name(p)) }</>
                        }) }
                    </span>
                </li>
            }
        }
    }
}

/// `issues` as one list of entries, identical messages merged, each place named in full.
pub fn flat(sections: &[Rc<UiNode>], issues: &[&Issue], l: Locale) -> Html {
    entries(&places::merge(sections, issues, l), l)
}

/// Entries as a list, each place named in full.
pub fn entries(entries: &[Entry], l: Locale) -> Html {
    html! {
        <ul class="dj-panel-msgs">{ each(entries.iter(), |e| entry(e, l, true)) }</ul>
    }
}
