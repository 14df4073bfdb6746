//! How much of the form is answered: the contents and the summary bar both show it.

use crate::report_view::Progress;
use crate::state::FormState;
use crate::tree::{declared_required, list_shape};
use yew::prelude::*;

/// Answered out of required, counted as [`Progress::count`] says. The required
/// places are worked out again only when a list gains or loses rows.
#[hook]
pub fn use_progress(state: &FormState) -> Progress {
    let declared = {
        let setup = state.setup.clone();
        let data = state.data.clone();
        use_memo(list_shape(&state.setup.sections, &state.data), move |_| {
            declared_required(&setup.sections, &data)
        })
    };
    Progress::count(&state.view, &state.data, &declared)
}
