//! The setting values of the built-in forms (`{name: value}`), read once from
//! their specs: what a domain module falls back to when a county's copy of a
//! spec leaves a setting out.

use serde_json::{Map, Value};
use std::sync::OnceLock;

/// The settings of the built-in form `form_id` as `{name: value}`; `Null` for
/// an unknown form, or one whose spec is not at hand yet (a browser build
/// before the spec was fetched: see [`crate::catalog::provide`]).
pub(crate) fn of(form_id: &str) -> &'static Value {
    static SLOTS: OnceLock<Vec<OnceLock<Value>>> = OnceLock::new();
    static NONE: Value = Value::Null;
    let catalogue = crate::catalogue();
    let slots = SLOTS.get_or_init(|| catalogue.iter().map(|_| OnceLock::new()).collect());
    let Some((slot, form)) = catalogue
        .iter()
        .position(|f| f.id == form_id)
        .and_then(|i| slots.get(i))
        .zip(crate::builtin(form_id))
    else {
        return &NONE;
    };
    slot.get_or_init(|| values(form.spec))
}

/// The `value` of every setting of a spec given as JSON text.
fn values(spec: &str) -> Value {
    let spec: Value = dangjian_core::json_text::from_str(spec).unwrap_or(Value::Null);
    let map: Map<String, Value> = spec
        .get("settings")
        .and_then(Value::as_object)
        .map(|m| {
            dangjian_core::report::object(
                m.iter()
                    .map(|(k, s)| (k.clone(), s.get("value").cloned().unwrap_or(Value::Null))),
            )
        })
        .unwrap_or_default();
    Value::Object(map)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_built_in_form_has_its_values() {
        assert_eq!(super::of("candidate-review")["min_age"], 18);
        assert_eq!(super::of("meeting-minutes")["majority_strict"], true);
        assert!(super::of("no-such-form").is_null());
    }
}
