//! The review as rule operators, so the validation report shows the verdict.
//! Each takes the whole rule scope (`{"var": ""}`: the record, `$settings`,
//! `$today`, and inside a repeated group `$item`) and answers from the same
//! Rust code as [`super::verdict`].
//!
//! | operator | result |
//! |---|---|
//! | `review_verdict(scope)` | `"pass"`, `"pending"` or `"not_nominated"` |
//! | `review_verdict(scope, "flags")` | `[{department, items: [id…]}]` of the flags that count |
//! | `review_verdict(scope, "outstanding")` | ids of departments still to answer |
//! | `review_verdict(scope, "blocking")` | codes of the record errors that block 通过 |
//! | `review_verdict(scope, "missing")` | ids of required departments with no answer row |
//! | `review_verdict(scope, "missing_text", locale)` | their names, joined |
//! | `review_verdict(scope, "summary", locale)` | the verdict in one sentence |
//! | `review_row(scope, "counts")` | in a department answer (`$item`): true when its flag counts |
//! | `review_row(scope, "items")` | ids of the items that count |
//! | `review_row(scope, "items_text", locale)` | those items in words |
//! | `review_row(scope, "department", locale)` | the department's name |
//! | `review_row(scope, "outside_remit")` | ids of found items the matrix does not give this department |
//! | `review_finding(scope, "outside_window")` | in a finding (`$item`): true when its event is outside its window |
//! | `review_finding(scope, "window_years")` | the event's window in years, or null |

use super::settings::ReviewSettings;
use super::verdict::{self, finding_counts, findings, reference_date, row_counts, VerdictOptions};
use super::words;
use crate::ident::citizen_id::parse_iso_date;
use dangjian_core::number::Num;
use dangjian_core::{EngineBuilder, Locale, Operator};
use serde_json::{json, Value};

/// Adds the review operators to an engine.
pub(crate) fn install(builder: EngineBuilder) -> EngineBuilder {
    builder
        .operator("review_verdict", VerdictOp)
        .operator("review_row", RowOp)
        .operator("review_finding", FindingOp)
}

struct Scope<'a> {
    root: &'a Value,
    settings: ReviewSettings,
    today: Option<chrono::NaiveDate>,
}

fn scope(args: &[Value]) -> Result<Scope<'_>, String> {
    let root = args
        .first()
        .filter(|v| v.is_object())
        .ok_or("the first argument must be the scope {\"var\": \"\"}")?;
    let settings = ReviewSettings::from_values(root.get("$settings").unwrap_or(&Value::Null));
    let today = root
        .get("$today")
        .and_then(Value::as_str)
        .and_then(parse_iso_date);
    Ok(Scope {
        root,
        settings,
        today,
    })
}

fn field(args: &[Value]) -> Option<&str> {
    args.get(1).and_then(Value::as_str)
}

fn locale(args: &[Value]) -> Locale {
    args.get(2)
        .and_then(Value::as_str)
        .and_then(Locale::parse)
        .unwrap_or_default()
}

struct VerdictOp;

impl Operator for VerdictOp {
    fn call(&self, args: &[Value]) -> Result<Value, String> {
        let sc = scope(args)?;
        let settings = sc.root.get("$settings").unwrap_or(&Value::Null);
        let loc = locale(args);
        let v = verdict::verdict(
            sc.root,
            settings,
            &VerdictOptions {
                today: sc.today,
                locale: loc,
            },
        );
        let missing: Vec<&verdict::Outstanding> =
            v.outstanding.iter().filter(|o| o.path.is_none()).collect();
        Ok(match field(args) {
            None => json!(v.status.as_str()),
            Some("flags") => Value::Array(
                v.flags.iter().map(|f| json!({"department": f.department, "items": f.items.iter().map(|i| &i.item).collect::<Vec<_>>()})).collect(),
            ),
            Some("outstanding") => json!(v.outstanding.iter().map(|o| &o.department).collect::<Vec<_>>()),
            Some("blocking") => json!(v.blocking.iter().map(|b| &b.code).collect::<Vec<_>>()),
            Some("missing") => json!(missing.iter().map(|o| &o.department).collect::<Vec<_>>()),
            Some("missing_text") => json!(words::join(loc, &missing.iter().map(|o| o.title.clone()).collect::<Vec<_>>())),
            Some("summary") => json!(v.summary),
            Some(other) => return Err(format!("review_verdict has no field “{other}”")),
        })
    }
}

struct RowOp;

impl Operator for RowOp {
    fn call(&self, args: &[Value]) -> Result<Value, String> {
        let sc = scope(args)?;
        let row = sc
            .root
            .get("$item")
            .ok_or("review_row works inside the department answers")?;
        let loc = locale(args);
        let dept = row
            .get("department")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let on = reference_date(sc.root, sc.today);
        let found = findings(row, "", &sc.settings, on, loc);
        let counted: Vec<String> = found
            .iter()
            .filter(|f| f.counts)
            .map(|f| f.item.clone())
            .collect();
        Ok(match field(args) {
            Some("counts") => json!(row_counts(&found)),
            Some("items") => json!(counted),
            Some("items_text") => json!(words::items(&sc.settings, &counted, loc)),
            Some("department") => json!(words::department(&sc.settings, dept, loc)),
            Some("outside_remit") => {
                let remit = sc
                    .settings
                    .department(dept)
                    .map(|d| d.items.as_slice())
                    .unwrap_or(&[]);
                let mut outside: Vec<&str> = Vec::new();
                for f in &found {
                    if !remit.contains(&f.item) && !outside.contains(&f.item.as_str()) {
                        outside.push(&f.item);
                    }
                }
                json!(outside)
            }
            other => {
                return Err(format!(
                    "review_row has no field “{}”",
                    other.unwrap_or_default()
                ))
            }
        })
    }
}

struct FindingOp;

impl Operator for FindingOp {
    fn call(&self, args: &[Value]) -> Result<Value, String> {
        let sc = scope(args)?;
        let finding = sc
            .root
            .get("$item")
            .ok_or("review_finding works inside the findings")?;
        let years = finding
            .get("event")
            .and_then(Value::as_str)
            .and_then(|e| sc.settings.window_years(e));
        let date = finding.get("event_date").and_then(Value::as_str);
        let on = reference_date(sc.root, sc.today);
        Ok(match field(args) {
            Some("outside_window") => json!(!finding_counts(years, date, on)),
            Some("window_years") => years.map_or(Value::Null, |y| Num::round2(y).to_json()),
            other => {
                return Err(format!(
                    "review_finding has no field “{}”",
                    other.unwrap_or_default()
                ))
            }
        })
    }
}
