//! The plan: what `compile` writes and `validate` and `score` read. A spec's
//! nodes, rules, outcomes and scoring with their expressions prepared and
//! their patterns compiled, and the few facts both sides must agree on.

use crate::logic::Expr;
use crate::spec::{Bonus, Node, Rule, Veto};
use regex_lite::Regex;

/// Statuses of a checklist item: what `compile` accepts in a spec and
/// `validate` in a record.
pub(crate) const STATUSES: [&str; 4] = ["met", "partial", "unmet", "na"];

/// A node prepared for validation: its conditions, rules and pattern compiled.
pub(crate) struct Plan {
    pub(crate) node: Node,
    pub(crate) children: Vec<Plan>,
    /// Ids of `children`, sorted, each with its position in `children`: a
    /// record's keys are matched to children by binary search.
    pub(crate) child_ids: Vec<(String, usize)>,
    pub(crate) visible_if: Option<Expr>,
    pub(crate) enabled_if: Option<Expr>,
    pub(crate) required_if: Option<Expr>,
    pub(crate) pattern: Option<Regex>,
    pub(crate) rules: Vec<PlannedRule>,
    /// Compiled `count` of each deduction, in the order of `node.score.deductions`.
    pub(crate) deduction_counts: Vec<Option<Expr>>,
    /// A `list`'s plan for each of its values: its item type with the list's
    /// item properties (and pattern) and nothing else.
    pub(crate) item: Option<Box<Plan>>,
}

/// Ids of plans with their positions, sorted by id for binary search.
pub(crate) fn sorted_ids(plans: &[Plan]) -> Vec<(String, usize)> {
    let mut ids: Vec<(String, usize)> = plans
        .iter()
        .enumerate()
        .map(|(i, p)| (p.node.id.clone(), i))
        .collect();
    crate::order::sort_by(&mut ids, Ord::cmp);
    ids
}

/// A rule prepared for evaluation.
pub(crate) struct PlannedRule {
    pub(crate) rule: Rule,
    pub(crate) when: Option<Expr>,
    pub(crate) assert: Expr,
    pub(crate) params: Vec<(String, Expr)>,
}

/// An outcome prepared for evaluation.
pub(crate) struct PlannedOutcome {
    pub(crate) id: String,
    pub(crate) value: Expr,
}

/// A grade band with its cut-offs read (from the spec or its settings).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GradeBand {
    pub(crate) id: String,
    pub(crate) min: f64,
    pub(crate) max: Option<f64>,
    pub(crate) title: crate::text::Text,
    pub(crate) stars: Option<u8>,
}

/// Form-level scoring prepared for evaluation.
pub(crate) struct PlannedScoring {
    pub(crate) scale: f64,
    pub(crate) bands: Vec<GradeBand>,
    pub(crate) vetoes: Vec<(Veto, Expr)>,
    pub(crate) bonuses: Vec<(Bonus, Expr)>,
    pub(crate) bonus_cap: Option<f64>,
}
