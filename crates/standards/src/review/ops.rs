//! The review as rule operators, so the validation report shows the verdict.
//! They answer from the same Rust code as [`super::verdict`].
//!
//! `review_verdict` takes the whole rule scope (`{"var": ""}`: the record,
//! `$settings` and `$today`); it runs in form-level rules only. The per-line
//! operators take just what they need (the answer or finding, the settings and
//! the reference day), so a record with many lines costs little.
//!
//! | operator | result |
//! |---|---|
//! | `review_verdict(scope)` | `"pass"`, `"pending"` or `"not_nominated"` |
//! | `review_verdict(scope, "flags")` | `[{department, items: [id…]}]` of the flags that count |
//! | `review_verdict(scope, "outstanding")` | ids of departments still to answer |
//! | `review_verdict(scope, "blocking")` | codes of the record errors that block 通过 |
//! | `review_verdict(scope, "missing")` | ids of required departments with no answer line |
//! | `review_verdict(scope, "missing_text", locale)` | their names, joined |
//! | `review_verdict(scope, "summary", locale)` | the verdict in one sentence |
//! | `review_verdict(scope, "outcome", locale)` | in an outcome: `{status, title, summary, flags, outstanding, blocking, cleared}`, where every error code of `$error_codes` also blocks 通过 (as [`super::verdict_with_codes`]) |
//! | `review_row(answer, settings, day, "counts")` | true when the answer's flag counts |
//! | `review_row(answer, settings, day, "items")` | ids of the items that count |
//! | `review_row(answer, settings, day, "items_text", locale)` | those items in words |
//! | `review_department(id, departments, locale)` | a department's name, from the matrix `$settings.review_departments` |
//! | `review_row(answer, settings, day, "outside_remit")` | ids of found items the matrix does not give this department |
//! | `review_finding(finding, settings, day, "outside_window")` | true when its event is outside its window |
//! | `review_finding(finding, settings, day, "window_years")` | the event's window in years, or null |
//!
//! `day` is the reference day (the election day, else today) as `YYYY-MM-DD`, or null.

use super::settings::ReviewSettings;
use super::verdict::{self, finding_counts, findings, row_counts, VerdictOptions};
use super::words;
use crate::ident::citizen_id::parse_iso_date;
use dangjian_core::number::Num;
use dangjian_core::{EngineBuilder, Locale, Operator};
use serde_json::{json, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// Adds the review operators to an engine.
pub(crate) fn install(builder: EngineBuilder) -> EngineBuilder {
    builder
        .operator("review_verdict", VerdictOp)
        .operator("review_row", RowOp)
        .operator("review_finding", FindingOp)
        .operator("review_department", DepartmentOp)
}

fn field<'v>(args: &[&'v Value]) -> Option<&'v str> {
    args.get(1).copied().and_then(Value::as_str)
}

fn locale(args: &[&Value]) -> Locale {
    args.get(2)
        .copied()
        .and_then(Value::as_str)
        .and_then(Locale::parse)
        .unwrap_or_default()
}

struct VerdictOp;

impl Operator for VerdictOp {
    fn call(&self, args: &[&Value]) -> Result<Value, String> {
        let root = args
            .first()
            .copied()
            .filter(|v| v.is_object())
            .ok_or("review_verdict needs the scope {\"var\": \"\"} first")?;
        let settings = root.get("$settings").unwrap_or(&Value::Null);
        let today = root
            .get("$today")
            .and_then(Value::as_str)
            .and_then(parse_iso_date);
        let loc = locale(args);
        let options = VerdictOptions { today, locale: loc };
        if field(args) == Some("outcome") {
            let codes: Vec<&str> = root
                .get("$error_codes")
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let parsed = cached_settings(settings);
            let v = verdict::with_codes(verdict::verdict_in(root, &parsed, &options), &codes, loc);
            return Ok(outcome(&v));
        }
        let v = verdict::verdict_in(root, &cached_settings(settings), &options);
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

/// The verdict as the form's `verdict` outcome reports it.
fn outcome(v: &verdict::Verdict) -> Value {
    let mut blocking: Vec<&str> = Vec::new();
    for b in &v.blocking {
        if !blocking.contains(&b.code.as_str()) {
            blocking.push(&b.code);
        }
    }
    json!({
        "status": v.status.as_str(),
        "title": v.title,
        "summary": v.summary,
        "flags": v.flags.iter().map(|f| json!({
            "department": f.department,
            "department_title": f.department_title,
            "items": f.items.iter().map(|i| json!({"item": i.item, "title": i.title})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "outstanding": v.outstanding.iter().map(|o| json!({"department": o.department, "title": o.title})).collect::<Vec<_>>(),
        "blocking": blocking,
        "cleared": v.cleared,
    })
}

thread_local! {
    /// The settings last parsed: every line of a record brings the same ones.
    static LAST: RefCell<Option<(Value, Rc<ReviewSettings>)>> = const { RefCell::new(None) };
}

/// The settings parsed, reusing the last parse when they are the same.
fn cached_settings(values: &Value) -> Rc<ReviewSettings> {
    LAST.with(|last| {
        let Ok(mut slot) = last.try_borrow_mut() else {
            return Rc::new(ReviewSettings::from_values(values));
        };
        if let Some((v, parsed)) = slot.as_ref() {
            if v == values {
                return Rc::clone(parsed);
            }
        }
        let parsed = Rc::new(ReviewSettings::from_values(values));
        *slot = Some((values.clone(), Rc::clone(&parsed)));
        parsed
    })
}

/// The arguments of a per-line operator: the line, the settings, the reference day, the field.
struct LineArgs<'a> {
    line: &'a Value,
    settings: Rc<ReviewSettings>,
    on: Option<dangjian_core::dates::Date>,
    field: &'a str,
    locale: Locale,
}

fn line_args<'a>(args: &'a [&'a Value], name: &str) -> Result<LineArgs<'a>, String> {
    let line = args
        .first()
        .copied()
        .filter(|v| v.is_object())
        .ok_or_else(|| format!("{name} needs a line object first"))?;
    let settings = cached_settings(args.get(1).copied().unwrap_or(&Value::Null));
    let on = args
        .get(2)
        .copied()
        .and_then(Value::as_str)
        .and_then(parse_iso_date);
    let field = args
        .get(3)
        .copied()
        .and_then(Value::as_str)
        .ok_or_else(|| format!("{name} needs a field name fourth"))?;
    let locale = args
        .get(4)
        .copied()
        .and_then(Value::as_str)
        .and_then(Locale::parse)
        .unwrap_or_default();
    Ok(LineArgs {
        line,
        settings,
        on,
        field,
        locale,
    })
}

struct RowOp;

impl Operator for RowOp {
    fn call(&self, args: &[&Value]) -> Result<Value, String> {
        let a = line_args(args, "review_row")?;
        let dept = a
            .line
            .get("department")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let found = findings(a.line, "", &a.settings, a.on, a.locale);
        let counted: Vec<String> = found
            .iter()
            .filter(|f| f.counts)
            .map(|f| f.item.clone())
            .collect();
        Ok(match a.field {
            "counts" => json!(row_counts(&found)),
            "items" => json!(counted),
            "items_text" => json!(words::items(&a.settings, &counted, a.locale)),
            "outside_remit" => {
                let remit = a
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
            other => return Err(format!("review_row has no field “{other}”")),
        })
    }
}

struct FindingOp;

impl Operator for FindingOp {
    fn call(&self, args: &[&Value]) -> Result<Value, String> {
        let a = line_args(args, "review_finding")?;
        let years = a
            .line
            .get("event")
            .and_then(Value::as_str)
            .and_then(|e| a.settings.window_years(e));
        let date = a.line.get("event_date").and_then(Value::as_str);
        Ok(match a.field {
            "outside_window" => json!(!finding_counts(years, date, a.on)),
            "window_years" => years.map_or(Value::Null, |y| Num::round2(y).to_json()),
            other => return Err(format!("review_finding has no field “{other}”")),
        })
    }
}

struct DepartmentOp;

impl Operator for DepartmentOp {
    fn call(&self, args: &[&Value]) -> Result<Value, String> {
        let id = args
            .first()
            .copied()
            .and_then(Value::as_str)
            .unwrap_or_default();
        let locale = args
            .get(2)
            .copied()
            .and_then(Value::as_str)
            .and_then(Locale::parse)
            .unwrap_or_default();
        // Only the one entry is read: this runs once per answer line.
        let title = args
            .get(1)
            .copied()
            .and_then(Value::as_array)
            .and_then(|list| {
                list.iter()
                    .find(|d| d.get("id").and_then(Value::as_str) == Some(id))
            })
            .and_then(|d| d.get("title"))
            .and_then(|t| <dangjian_core::Text as serde::Deserialize>::deserialize(t).ok())
            .map(|t| t.get(locale).to_owned())
            .filter(|t| !t.is_empty());
        Ok(json!(title.unwrap_or_else(|| id.to_owned())))
    }
}
