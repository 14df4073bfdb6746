//! Slate checks over all candidates of one village (换届班子结构): committee
//! sizes, women, close relatives, young members, education, average age, the
//! secretary's age, 一肩挑, 交叉任职 and “一降一升” against the previous term.
//!
//! Candidates are candidate-review records; paths in the report are JSON
//! Pointers into the list of candidates (`/2/candidate/relations/0`).
//!
//! One entry, [`slate()`], reads the candidates once into a context
//! (`context.rs`) and its figures (`figures.rs`); each check (`checks/`, one
//! file each) adds its findings to one issue collector, worded by one table
//! (`messages.rs`).
//!
//! # Example
//!
//! ```
//! use dangjian_standards::review::{slate, SlateOptions};
//! use serde_json::json;
//!
//! let report = slate(&[json!({"candidate": {"name": "张三"}})], &SlateOptions::default());
//! assert!(!report.valid);
//! assert!(report.issues.iter().any(|i| i.code == "slate.committee_size"));
//! ```

mod checks;
mod context;
mod figures;
mod messages;
mod options;
mod report;

pub use options::{PreviousTerm, SlateOptions, SOURCES};
pub use report::{SlateInput, SlateReport, SlateSummary, SLATE_REPORT_VERSION};

use checks::{
    committees, duplicates, education, posts, previous_term, relatives, secretary, women, youth,
};
use context::Context;
use dangjian_core::number::Num;
use dangjian_core::Sink;
use figures::Figures;
use serde_json::Value;

/// Checks the composition of the committees proposed by `candidates` (the
/// candidate-review records of one village).
pub fn slate(candidates: &[Value], options: &SlateOptions) -> SlateReport {
    // Every finding is listed: their number is bounded by the candidates given.
    let mut sink = Sink::new(options.locale, messages::MESSAGES).with_max(usize::MAX);
    let ctx = Context::read(candidates, options, &mut sink);
    let f = Figures::of(&ctx);
    duplicates::check(&ctx, &mut sink);
    committees::empty(&f, &mut sink);
    committees::sizes(&ctx, &f, &mut sink);
    posts::check(&ctx, &f, &mut sink);
    women::check(&ctx, &f, &mut sink);
    relatives::check(&ctx, &mut sink);
    youth::young(&ctx, &f, &mut sink);
    education::senior_high(&ctx, &f, &mut sink);
    education::college(&ctx, &f, &mut sink);
    youth::average_age(&ctx, &f, &mut sink);
    secretary::age(&ctx, &f, &mut sink);
    secretary::one_shoulder(&ctx, &f, &mut sink);
    committees::cross_appointment(&ctx, &f, &mut sink);
    let trend = previous_term::check(&ctx, &f, &mut sink);
    let summary = summary(&ctx, &f, trend);
    let (issues, counts) = sink.finish();
    SlateReport {
        report_version: SLATE_REPORT_VERSION,
        locale: options.locale.tag().to_owned(),
        valid: counts.errors == 0,
        counts,
        issues,
        summary,
    }
}

fn summary(ctx: &Context<'_>, f: &Figures, trend: previous_term::Trend) -> SlateSummary {
    SlateSummary {
        reference_date: ctx.on.map(crate::ident::citizen_id::iso),
        candidates: ctx.candidates,
        excluded: ctx.excluded.clone(),
        village_committee: f.village,
        branch_committee: f.branch,
        members: f.members,
        village_committee_women: f.village_women,
        women: f.women,
        young: f.young,
        senior_high: f.senior_high,
        senior_high_percent: Num::round2(f.senior_high_percent),
        college: f.college,
        college_percent: Num::round2(f.college_percent),
        average_age: f.average_age.map(Num::round2),
        secretary_age: f.secretary_age,
        one_shoulder: f.one_shoulder,
        cross_appointed: f.cross,
        cross_appointment_percent: Num::round2(f.cross_percent),
        age_down: trend.age_down,
        education_up: trend.education_up,
    }
}
