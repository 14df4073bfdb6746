//! The rule budget: how much work one evaluation of one expression may do.
//!
//! Each evaluation counts its steps (every node evaluated, every element an
//! iterating operator visits), its nesting depth, and the size of what it
//! builds (elements of lists made by `merge`, `map`, `filter`, `reduce`;
//! characters of texts made by `cat` and `substr`). Lists longer than
//! `max_items` are not iterated. Past a limit the evaluation stops with
//! [`Fault::Budget`], which the caller reports as an issue on the rule.

use super::eval::Fault;
use crate::limits::{Exceeded, Limits};

/// What is left of one evaluation's budget.
pub(crate) struct Budget {
    limits: Limits,
    steps: usize,
    depth: usize,
    built: usize,
}

impl Budget {
    /// A fresh budget.
    pub(crate) fn new(limits: &Limits) -> Budget {
        Budget {
            limits: *limits,
            steps: 0,
            depth: 0,
            built: 0,
        }
    }

    /// One more step.
    pub(crate) fn step(&mut self) -> Result<(), Fault> {
        self.steps += 1;
        if self.steps > self.limits.max_rule_steps {
            return Err(over(
                "max_rule_steps",
                self.limits.max_rule_steps,
                self.steps,
            ));
        }
        Ok(())
    }

    /// One level deeper; [`Budget::leave`] when done.
    pub(crate) fn enter(&mut self) -> Result<(), Fault> {
        self.depth += 1;
        if self.depth > self.limits.max_rule_depth {
            return Err(over(
                "max_rule_depth",
                self.limits.max_rule_depth,
                self.depth,
            ));
        }
        Ok(())
    }

    /// One level up.
    pub(crate) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// `n` more elements or characters built.
    pub(crate) fn build(&mut self, n: usize) -> Result<(), Fault> {
        self.built = self.built.saturating_add(n);
        if self.built > self.limits.max_rule_size {
            return Err(over("max_rule_size", self.limits.max_rule_size, self.built));
        }
        Ok(())
    }

    /// A list of `n` elements may be iterated.
    pub(crate) fn items(&self, n: usize) -> Result<(), Fault> {
        if n > self.limits.max_items {
            return Err(over("max_items", self.limits.max_items, n));
        }
        Ok(())
    }
}

fn over(limit: &'static str, max: usize, found: usize) -> Fault {
    Fault::Budget(Exceeded { limit, max, found })
}
