//! `dangjian check-spec`: every mistake in a spec, with its path.

use crate::{Failure, Outcome};
use dangjian_core::{Locale, Severity};

/// Arguments of `check-spec`.
#[derive(clap::Args)]
pub struct Args {
    /// The spec file (`-` for standard input).
    spec: String,
    /// Print the diagnostics as JSON.
    #[arg(long)]
    json: bool,
    /// Language of messages.
    #[arg(long, default_value = "zh-CN", value_parser = super::locale)]
    locale: Locale,
}

/// Compiles the spec; exit 0 when it compiles (warnings allowed), 2 otherwise.
pub fn run(args: &Args) -> Result<Outcome, Failure> {
    let text = crate::load::read_text(&args.spec)?;
    let engine = dangjian_standards::engine();
    let diagnostics = match engine.compile_str(&text) {
        Ok(form) => form.warnings().to_vec(),
        Err(e) => e.diagnostics,
    };
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if args.json {
        outln!(
            "{}",
            serde_json::to_string_pretty(
                &serde_json::json!({"valid": errors == 0, "diagnostics": diagnostics})
            )?
        );
    } else {
        for d in &diagnostics {
            let sev = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let path = if d.path.is_empty() { "(root)" } else { &d.path };
            outln!(
                "{sev:<8} {path}\n         {} [{}]",
                d.message(args.locale),
                d.code
            );
        }
        let warnings = diagnostics.len() - errors;
        outln!("{}: {errors} error(s), {warnings} warning(s)", args.spec);
    }
    if errors == 0 {
        Ok(Outcome::Valid)
    } else {
        Err(Failure::new(
            "spec_invalid",
            format!("{}: the spec has {errors} error(s)", args.spec),
        ))
    }
}
