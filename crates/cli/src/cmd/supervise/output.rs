//! Writing a supervision report: JSON, NDJSON (streamed, one branch per line
//! as it is drawn up), CSV (one row per branch) or text tables.

use super::Format;
use crate::{Failure, Outcome};
use dangjian_standards::supervision::{BranchReport, ReportHead, SupervisionReport};
use serde::Serialize;
use std::io::Write;

/// Draws up the report with `finish` (which hands every branch to the
/// function it is given) and writes it in `format`. Exit 0 when no branch
/// needs attention, 1 when some do.
pub(super) fn write(
    format: Format,
    head: &ReportHead,
    finish: impl FnOnce(&mut dyn FnMut(BranchReport)) -> Result<SupervisionReport, Failure>,
) -> Result<Outcome, Failure> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let report = match format {
        Format::Ndjson => {
            line(&mut out, "head", head)?;
            let mut failed = None;
            let mut report = finish(&mut |b| {
                if failed.is_none() {
                    failed = line(&mut out, "branch", &b).err();
                }
            })?;
            if let Some(e) = failed {
                return Err(e);
            }
            report.branches.clear();
            line(&mut out, "report", &report)?;
            report
        }
        Format::Csv => {
            let mut rows = Vec::new();
            let report = finish(&mut |b| rows.push(dangjian_standards::supervision::csv::row(&b)))?;
            put(
                &mut out,
                dangjian_standards::supervision::csv::table(&report, &rows).as_bytes(),
            )?;
            report
        }
        Format::Json | Format::Text => {
            let mut all = Vec::new();
            let mut report = finish(&mut |b| all.push(b))?;
            report.branches = all;
            if format == Format::Json {
                let mut text = serde_json::to_string_pretty(&report)?;
                text.push('\n');
                put(&mut out, text.as_bytes())?;
            } else {
                put(&mut out, super::text::render(&report).as_bytes())?;
            }
            report
        }
    };
    out.flush().map_err(|e| crate::output::written(&e))?;
    Ok(if report.counts.needing_attention == 0 {
        Outcome::Valid
    } else {
        Outcome::Invalid
    })
}

/// One NDJSON line `{"<kind>": value}`.
fn line(out: &mut impl Write, kind: &str, value: &impl Serialize) -> Result<(), Failure> {
    let text = format!("{{\"{kind}\":{}}}\n", serde_json::to_string(value)?);
    put(out, text.as_bytes())
}

/// Writes `bytes`; a reader that closed the pipe ends the command quietly.
fn put(out: &mut impl Write, bytes: &[u8]) -> Result<(), Failure> {
    out.write_all(bytes).map_err(|e| crate::output::written(&e))
}
