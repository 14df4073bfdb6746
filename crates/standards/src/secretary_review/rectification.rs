//! The rectification list (问题清单) of a review: one entry per problem raised,
//! in the record's order, as a record of the `rectification-list` form, so the
//! problems are worked through and closed (销号) like a checklist's.

use super::assess::assess;
use crate::checklist::{
    Problems, RectificationEntry, RectificationHeader, RectificationList, RectificationOptions,
};
use crate::lookup::At;
use dangjian_core::number::Num;
use dangjian_core::{Form, Locale};
use serde_json::Value;

/// The list of a review record checked with `form` (the `secretary-review`
/// form or a county's copy): the header carries the composite score and
/// grade; each problem is an entry of kind `problem`, finding `raised`, with
/// who raised it as its section and its measure, owner and deadline if given.
pub fn rectification_list(
    form: &Form,
    record: &Value,
    options: &RectificationOptions,
    locale: Locale,
) -> RectificationList {
    let a = assess(record, form.settings(), locale);
    let problems = record
        .at("/problems/items")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let text = |v: &Value, key: &str| {
        v.get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let entries = problems
        .iter()
        .enumerate()
        .map(|(i, p)| RectificationEntry {
            seq: u32::try_from(i + 1).unwrap_or(u32::MAX),
            kind: "problem".to_owned(),
            item_path: format!("/problems/items/{i}"),
            section: raised_by_title(form, &text(p, "raised_by"), locale),
            item: text(p, "problem"),
            status: "raised".to_owned(),
            points: Num(0.0),
            points_lost: Num(0.0),
            reasons: String::new(),
            measure: text(p, "measure"),
            owner: text(p, "owner"),
            deadline: text(p, "deadline"),
            closed_on: String::new(),
            closing_evidence: String::new(),
        })
        .collect();
    RectificationList {
        header: RectificationHeader {
            branch: options.branch.clone(),
            branch_code: crate::branch::branch_of(super::FORM_ID, record).and_then(|b| b.code),
            checklist: form.spec().id.clone(),
            checklist_version: form.spec().version.clone(),
            score: a.composite.unwrap_or_default(),
            grade: a.grade_title.unwrap_or_default(),
            created_on: options.created_on.clone(),
        },
        problems: Problems { entries },
    }
}

/// The title of a `raised_by` choice in the form (the value itself when unknown).
fn raised_by_title(form: &Form, value: &str, locale: Locale) -> String {
    form.spec()
        .sections
        .iter()
        .filter(|s| s.id == "problems")
        .flat_map(|s| s.items.iter().filter(|n| n.id == "items"))
        .flat_map(|n| n.items.iter().filter(|n| n.id == "raised_by"))
        .flat_map(|n| n.options.iter())
        .find(|o| o.value == value)
        .map(|o| o.title.get(locale).to_owned())
        .unwrap_or_else(|| value.to_owned())
}
