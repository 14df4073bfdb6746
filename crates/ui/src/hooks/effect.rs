//! Effects through one type: every effect of the form depends on a [`Deps`]
//! and is one boxed closure that returns its clean-up.
//!
//! `use_effect_with(deps, closure)` instantiates Yew's effect machinery (the
//! hook, its `rendered` step, its slot in the component's hook list, the
//! comparison and the drop of the dependencies) once per type of dependencies
//! and of closure: ~10–17 functions each, which V8 compiles on the first
//! render. Boxed, and with the dependencies as two numbers, the form's
//! effects share one copy (bench/README.md, "The UI's hooks, one type each").
//! The settings editor's effect keeps its own type (a map): it is not on a
//! form's first render.

use yew::functional::Hook;
use yew::prelude::*;

/// What a form's effect depends on: two numbers (a counter, a length, a flag
/// as 0 or 1 …). The effect runs after the first render and again after each
/// render where either has changed.
pub type Deps = (u64, u64);

/// The dependencies of an effect that runs once, after the first render.
pub const ONCE: Deps = (0, 0);

/// What an effect leaves to run when its dependencies change or the component
/// goes away.
pub type Teardown = Box<dyn FnOnce()>;

/// `use_effect_with(deps, effect)` for a form's effect with nothing to clean up.
pub fn use_effect_on(deps: Deps, effect: Box<dyn FnOnce(&Deps)>) -> impl Hook<Output = ()> {
    use_effect_keyed(deps, effect)
}

/// `use_effect_with(deps, effect)` for a form's effect that returns its clean-up.
pub fn use_effect_on_teardown(
    deps: Deps,
    effect: Box<dyn FnOnce(&Deps) -> Teardown>,
) -> impl Hook<Output = ()> {
    use_effect_with(deps, effect)
}

/// `use_effect_with(deps, effect)` for an effect whose dependencies are not
/// numbers (the settings editor's map): one more copy
/// of Yew's effect code per type `D`, so only off the form's first render.
pub fn use_effect_keyed<D: PartialEq + 'static>(
    deps: D,
    effect: Box<dyn FnOnce(&D)>,
) -> impl Hook<Output = ()> {
    use_effect_with(
        deps,
        Box::new(move |deps: &D| {
            effect(deps);
            Box::new(|| ()) as Teardown
        }) as Box<dyn FnOnce(&D) -> Teardown>,
    )
}

/// `n` as a number of [`Deps`]: 0 for none, `n + 1` for `Some(n)`.
pub fn some_or_zero(n: Option<usize>) -> u64 {
    n.map_or(0, |n| n as u64 + 1)
}

/// Two counts as one number of [`Deps`]: `a` in the high half, `b` in the
/// low one (each below 2³², as every index and length is in wasm32).
pub fn pair(a: usize, b: usize) -> u64 {
    (a as u64) << 32 | (b as u64 & 0xffff_ffff)
}
