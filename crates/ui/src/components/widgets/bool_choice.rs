//! Yes / no.

use super::radio_choice::segmented;
use super::WidgetProps;
use crate::components::Env;
use crate::i18n::yes_no;
use serde_json::Value;
use yew::prelude::*;

/// Yes / no, as two buttons; neither is chosen until the person answers.
pub fn bool_choice(p: &WidgetProps, env: &Env) -> Html {
    let l = env.locale;
    let opts = [true, false]
        .into_iter()
        .map(|b| {
            (
                b.to_string(),
                yes_no(l, b).to_owned(),
                p.value == Value::Bool(b),
            )
        })
        .collect();
    segmented(p, opts, env.setter(&p.path))
}
