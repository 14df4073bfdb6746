//! The test suites, in the order they run. One module per suite; each has
//! `pub fn steps() -> Vec<Step>`. To add a suite: write the module, declare it
//! here and append its steps in [`all`].

mod attack;
mod browser;
mod compat;
mod e2e;
mod node;
mod rust;
mod setup;
mod support;
mod typed;
mod vite;
mod wasm;

use crate::test::Step;

pub use support::node_consumer;

/// Every step, in order.
pub fn all() -> Vec<Step> {
    let mut steps = Vec::new();
    steps.extend(setup::steps());
    steps.extend(rust::steps());
    steps.extend(wasm::steps());
    steps.extend(node::steps());
    steps.extend(browser::steps());
    steps.extend(attack::steps());
    steps.extend(vite::steps());
    steps.extend(typed::steps());
    steps.extend(compat::steps());
    steps.extend(e2e::steps());
    steps
}

#[cfg(test)]
mod tests {
    use super::all;

    #[test]
    fn step_names_are_unique_words() {
        let steps = all();
        for (i, step) in steps.iter().enumerate() {
            assert!(
                step.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{}",
                step.name
            );
            assert!(
                steps
                    .iter()
                    .skip(i + 1)
                    .all(|other| other.name != step.name),
                "{} twice",
                step.name
            );
        }
    }
}
