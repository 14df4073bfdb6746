//! The figures of the proposed committees, computed once from the context:
//! what the checks compare with their thresholds and what the summary reports.

use super::context::{Context, BRANCH_POSTS, VILLAGE_POSTS};
use dangjian_core::number::Num;

/// Counts, shares and ages of the committees.
pub(super) struct Figures {
    /// Members of the villagers' committee.
    pub(super) village: usize,
    /// Members of the village party committee.
    pub(super) branch: usize,
    /// Distinct members of the two committees.
    pub(super) members: usize,
    /// Women on the villagers' committee.
    pub(super) village_women: usize,
    /// Women among all members.
    pub(super) women: usize,
    /// Members aged `young_max_age` or under.
    pub(super) young: usize,
    /// Members with senior-high education or more.
    pub(super) senior_high: usize,
    /// Their share, %.
    pub(super) senior_high_percent: f64,
    /// Members with a college diploma or more.
    pub(super) college: usize,
    /// Their share, %.
    pub(super) college_percent: f64,
    /// Average age of the members whose age is known.
    pub(super) average_age: Option<f64>,
    /// The secretary's age.
    pub(super) secretary_age: Option<i64>,
    /// Whether the secretary also stands for director; none without a secretary.
    pub(super) one_shoulder: Option<bool>,
    /// Members on both committees.
    pub(super) cross: usize,
    /// Their share, %.
    pub(super) cross_percent: f64,
}

impl Figures {
    /// The figures of `ctx`.
    pub(super) fn of(ctx: &Context<'_>) -> Figures {
        let members = ctx.members();
        let ages: Vec<i64> = members.iter().filter_map(|p| p.age).collect();
        let at_least = |lvl: &str| {
            let floor = ctx.level(lvl);
            members
                .iter()
                .filter(|p| matches!((p.education, floor), (Some(e), Some(f)) if e >= f))
                .count()
        };
        let senior_high = at_least(&ctx.options.senior_high_level);
        let college = at_least(&ctx.options.college_level);
        #[allow(clippy::cast_precision_loss)]
        let average_age =
            (!ages.is_empty()).then(|| ages.iter().sum::<i64>() as f64 / ages.len() as f64);
        let secretary = ctx.secretary();
        let cross = members
            .iter()
            .filter(|p| p.holds(&VILLAGE_POSTS) && p.holds(&BRANCH_POSTS))
            .count();
        Figures {
            village: ctx.village().len(),
            branch: ctx.branch().len(),
            members: members.len(),
            village_women: ctx.village().iter().filter(|p| p.is_woman()).count(),
            women: members.iter().filter(|p| p.is_woman()).count(),
            young: ages
                .iter()
                .filter(|a| **a <= ctx.options.young_max_age)
                .count(),
            senior_high,
            senior_high_percent: percent(senior_high, members.len()),
            college,
            college_percent: percent(college, members.len()),
            average_age,
            secretary_age: secretary.and_then(|s| s.age),
            one_shoulder: secretary.map(|s| s.posts.contains(&"committee_director")),
            cross,
            cross_percent: percent(cross, members.len()),
        }
    }
}

/// `part` of `whole`, in %; 0 of nothing.
fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    #[allow(clippy::cast_precision_loss)]
    let p = part as f64 * 100.0 / whole as f64;
    p
}

/// A figure as it is written in params: two decimals at most.
pub(super) fn n(v: f64) -> serde_json::Value {
    Num::round2(v).to_json()
}
