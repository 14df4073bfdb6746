//! Child lists drawn by a plain loop.
//!
//! `{ for items.map(draw) }` and `.map(draw).collect::<Html>()` instantiate the
//! standard library's iterator code (`Map::fold`, `Vec::extend_trusted`,
//! `Vec::from_iter`) once per closure, each with the item's drawing code inlined
//! into it. [`each`] walks the items with a `for` loop and pushes each drawn
//! item through one shared, non-generic function, so a list costs its loop and
//! its drawing code only.

use yew::virtual_dom::VList;
use yew::Html;

/// The nodes `draw` makes of `items`, in order, as one list: what
/// `{ for items.into_iter().map(draw) }` draws (the list adds no element).
pub fn each<I: IntoIterator>(items: I, mut draw: impl FnMut(I::Item) -> Html) -> Html {
    let mut out = Vec::new();
    for item in items {
        push(&mut out, draw(item));
    }
    list(out)
}

/// Appends one drawn node: the one copy of `Vec<Html>::push` every list uses.
#[inline(never)]
pub fn push(out: &mut Vec<Html>, node: Html) {
    out.push(node);
}

/// The nodes of `out` as one list node.
#[inline(never)]
pub fn list(out: Vec<Html>) -> Html {
    Html::from(VList::with_children(out, None))
}
