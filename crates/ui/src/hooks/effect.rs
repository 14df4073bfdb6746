//! Effects through one boxed closure type per type of dependencies.
//!
//! `use_effect_with(deps, closure)` instantiates Yew's effect machinery (the
//! hook, its `rendered` step, its slot in the component's hook list) once per
//! closure, ~0.9 KB of wasm each. Boxed, every effect on dependencies of the
//! same type shares one copy.

use yew::functional::Hook;
use yew::prelude::*;

/// What an effect leaves to run when its dependencies change or the component
/// goes away.
pub type Teardown = Box<dyn FnOnce()>;

/// `use_effect_with(deps, effect)` for an effect with nothing to clean up.
pub fn use_effect_on<D: PartialEq + 'static>(
    deps: D,
    effect: Box<dyn FnOnce(&D)>,
) -> impl Hook<Output = ()> {
    use_effect_with(deps, effect)
}

/// `use_effect_with(deps, effect)` for an effect that returns its clean-up.
pub fn use_effect_on_teardown<D: PartialEq + 'static>(
    deps: D,
    effect: Box<dyn FnOnce(&D) -> Teardown>,
) -> impl Hook<Output = ()> {
    use_effect_with(deps, effect)
}
