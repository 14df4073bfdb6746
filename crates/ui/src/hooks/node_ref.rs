//! A reference to a drawn element, kept for the component's life.

use yew::prelude::*;

/// What Yew's `use_node_ref` gives, one `NodeRef` for the component's life,
/// held by `use_mut_ref`: Yew's own keeps it in a `use_state`, whose reducer,
/// setter and comparison are compiled for `NodeRef` alone.
#[hook]
pub fn use_node_ref() -> NodeRef {
    let kept = use_mut_ref(NodeRef::default);
    let node = kept.borrow().clone();
    node
}
