//! The stand-ins of a branch's minutes: small records carrying exactly the
//! meeting type, date and matched fields of each, checked by the compliance
//! check in the records' place; and its findings renumbered as the
//! supervised records.

use super::super::branch::Run;
use super::super::symbols::Symbols;
use super::meetings::Meeting;
use crate::meetings::Requirement;
use dangjian_core::Issue;
use serde_json::{Map, Value};

/// A record with exactly the meeting type, date and matched fields of `m`.
pub(super) fn stand_in(m: &Meeting, run: &Run, symbols: &Symbols) -> Value {
    let mut record = serde_json::json!({"meeting": {
        "type": symbols.get(m.kind),
        "date": super::super::input::iso(m.date),
    }});
    for (i, sym) in m.fields.iter() {
        if let (Some(ptr), Ok(v)) = (
            run.match_fields.get(*i),
            dangjian_core::json_text::from_str(symbols.get(*sym)),
        ) {
            put(&mut record, ptr, v);
        }
    }
    record
}

/// Sets the value at `pointer` (RFC 6901), making the objects on the way.
fn put(target: &mut Value, pointer: &str, value: Value) {
    let tokens: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect();
    let Some((last, path)) = tokens.split_last() else {
        return;
    };
    let mut at = target;
    for t in path {
        if !at.is_object() {
            *at = Value::Object(Map::new());
        }
        let Value::Object(map) = at else { return };
        at = map
            .entry(t.clone())
            .or_insert_with(|| Value::Object(Map::new()));
    }
    if !at.is_object() {
        *at = Value::Object(Map::new());
    }
    if let Value::Object(map) = at {
        map.insert(last.clone(), value);
    }
}

/// A compliance issue with its records renumbered as supervised records; the
/// missing periods (in the figures already) and the issues about records
/// themselves (the branch lists its invalid records) are left out.
pub(super) fn renumbered(
    mut issue: Issue,
    index: &dyn Fn(usize) -> usize,
    run: &Run,
) -> Option<Issue> {
    if matches!(
        issue.code.as_str(),
        "compliance.missing" | "compliance.invalid_record" | "compliance.unreadable_record"
    ) {
        return None;
    }
    if let Some(rest) = issue.path.strip_prefix("/minutes/") {
        let (i, tail) = rest.split_once('/').unwrap_or((rest, ""));
        if let Ok(i) = i.parse::<usize>() {
            let sep = if tail.is_empty() { "" } else { "/" };
            issue.path = format!("/records/{}{sep}{tail}", index(i));
        }
    }
    if let Some(i) = issue.params.get("index").and_then(Value::as_u64) {
        let i = index(usize::try_from(i).unwrap_or(usize::MAX));
        issue.params.insert("index".into(), i.into());
        issue.params.insert("n".into(), (i + 1).into());
        issue.message = crate::meetings::compliance::reword(
            &issue.code,
            run.locale,
            &Value::Object(issue.params.clone()),
        );
    }
    if let Some(Value::Array(list)) = issue.params.get_mut("invalid_records") {
        for v in list.iter_mut() {
            if let Some(i) = v.as_u64() {
                *v = index(usize::try_from(i).unwrap_or(usize::MAX)).into();
            }
        }
    }
    Some(issue)
}

/// The JSON Pointers the requirements match fields at, each once, in order.
pub(in super::super) fn match_fields(requirements: &[Requirement]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in requirements.iter().flat_map(|r| &r.counts) {
        for ptr in m.fields.keys() {
            if !out.contains(ptr) {
                out.push(ptr.clone());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn put_makes_the_way() {
        let mut v = json!({"meeting": {"type": "x"}});
        put(&mut v, "/lecture/lecturer_role", json!("secretary"));
        put(&mut v, "/meeting/held_as", json!("committee"));
        put(&mut v, "/a~1b/c~0d", json!(1));
        assert_eq!(
            v,
            json!({"meeting": {"type": "x", "held_as": "committee"},
                   "lecture": {"lecturer_role": "secretary"}, "a/b": {"c~d": 1}})
        );
        put(&mut v, "", json!(2));
        assert_eq!(v["a/b"]["c~d"], 1);
    }

    #[test]
    fn the_fields_the_default_requirements_match() {
        let f = match_fields(&crate::meetings::default_requirements());
        assert_eq!(
            f,
            [
                "/meeting/held_as",
                "/lecture/lecturer_role",
                "/talk/pair_type"
            ]
        );
    }
}
