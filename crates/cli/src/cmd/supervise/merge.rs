//! `dangjian supervise --merge`: the reports of shards (a province's counties,
//! each supervised on its own) combined into one. Each input is a report as
//! JSON, or the `--format ndjson` output (read line by line: a province's
//! merge holds the ranking, not the branches).

use super::{output, Args};
use crate::{Failure, Outcome};
use dangjian_standards::supervision::{
    BranchReport, Merger, ReportHead, SupervisionReport, Thresholds,
};
use serde_json::{Map, Value};
use std::io::BufRead;

/// A shard, opened.
enum Shard {
    /// A whole report.
    Report(Box<SupervisionReport>),
    /// NDJSON output: its head, then the rest of the lines.
    Lines(
        ReportHead,
        Box<dyn Iterator<Item = std::io::Result<String>>>,
        String,
    ),
}

impl Shard {
    fn head(&self) -> ReportHead {
        match self {
            Shard::Report(r) => r.head.clone(),
            Shard::Lines(h, _, _) => h.clone(),
        }
    }
}

/// Merges the shards given; prints as `supervise` does.
pub(super) fn run(args: &Args) -> Result<Outcome, Failure> {
    if let Some((name, _)) = args.set.iter().find(|(n, _)| n.contains('.')) {
        return Err(Failure::usage(format!(
            "--set {name}: a form's settings cannot change in a merge (run the shards with it)"
        )));
    }
    let Some((first, rest)) = args.files.split_first() else {
        return Err(Failure::usage("give the shards' reports to merge"));
    };
    let first = open(first)?;
    let mut head = first.head();
    head.attention_settings = overlay(&head.attention_settings, &args.set)?;
    let mut merger = Merger::new(Some(head.attention_settings.clone()));
    output::write(args.format, &head, |each| {
        feed(first, &mut merger, each)?;
        for f in rest {
            feed(open(f)?, &mut merger, each)?;
        }
        merger.finish().map_err(|e| Failure::usage(e.to_string()))
    })
}

/// The shard's thresholds with `--set`'s changed.
fn overlay(t: &Thresholds, set: &[(String, Value)]) -> Result<Thresholds, Failure> {
    let mut map = match serde_json::to_value(t)? {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    for (k, v) in set {
        map.insert(k.clone(), v.clone());
    }
    serde_json::from_value(Value::Object(map))
        .map_err(|e| Failure::new("bad_options", format!("--set: {e}")))
}

fn open(path: &str) -> Result<Shard, Failure> {
    let file = std::fs::File::open(path)
        .map_err(|e| Failure::new("io", format!("cannot read {path}: {e}")))?;
    let mut lines = std::io::BufReader::with_capacity(1 << 16, file).lines();
    let first = loop {
        match lines.next() {
            Some(Ok(l)) if l.trim().is_empty() => continue,
            Some(Ok(l)) => break l,
            Some(Err(e)) => return Err(Failure::new("io", format!("cannot read {path}: {e}"))),
            None => return Err(Failure::usage(format!("{path}: empty"))),
        }
    };
    if let Ok(Value::Object(mut m)) = dangjian_core::json_text::from_str(&first) {
        if let Some(h) = m.remove("head") {
            let head: ReportHead =
                serde_json::from_value(h).map_err(|e| Failure::usage(format!("{path}:1: {e}")))?;
            return Ok(Shard::Lines(head, Box::new(lines), path.to_owned()));
        }
    }
    let text = crate::load::read_text(path)?;
    let report: SupervisionReport = dangjian_core::json_text::read(&text)
        .map_err(|e| Failure::usage(format!("{path}: not a supervision report ({e})")))?;
    Ok(Shard::Report(Box::new(report)))
}

fn feed(
    shard: Shard,
    merger: &mut Merger,
    each: &mut dyn FnMut(BranchReport),
) -> Result<(), Failure> {
    let fail = |e: dangjian_standards::supervision::MergeError| Failure::usage(e.to_string());
    match shard {
        Shard::Report(r) => merger.report(*r, &mut *each).map_err(fail),
        Shard::Lines(head, lines, path) => {
            merger.head(&head).map_err(fail)?;
            for (n, line) in lines.enumerate() {
                let line =
                    line.map_err(|e| Failure::new("io", format!("cannot read {path}: {e}")))?;
                if line.trim().is_empty() {
                    continue;
                }
                let at = || format!("{path}:{}", n + 2);
                let Value::Object(mut m) = dangjian_core::json_text::from_str(&line)
                    .map_err(|e| Failure::usage(format!("{}: {e}", at())))?
                else {
                    return Err(Failure::usage(format!(
                        "{}: not a line of a supervision report",
                        at()
                    )));
                };
                if let Some(b) = m.remove("branch") {
                    let b: BranchReport = serde_json::from_value(b)
                        .map_err(|e| Failure::usage(format!("{}: {e}", at())))?;
                    each(merger.branch(b).map_err(fail)?);
                } else if let Some(r) = m.remove("report") {
                    let r: SupervisionReport = serde_json::from_value(r)
                        .map_err(|e| Failure::usage(format!("{}: {e}", at())))?;
                    merger.totals(&r);
                } else {
                    return Err(Failure::usage(format!(
                        "{}: not a line of a supervision report",
                        at()
                    )));
                }
            }
            Ok(())
        }
    }
}
