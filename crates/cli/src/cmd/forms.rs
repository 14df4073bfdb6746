//! `dangjian forms`: the built-in forms.

use crate::{Failure, Outcome};
use dangjian_core::Locale;

/// Arguments of `forms`.
#[derive(clap::Args)]
pub struct Args {
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// Language of titles.
    #[arg(long, default_value = "zh-CN", value_parser = super::locale)]
    locale: Locale,
}

/// Lists id, version and title of each built-in form.
pub fn run(args: &Args) -> Result<Outcome, Failure> {
    let engine = dangjian_standards::engine();
    let mut rows = Vec::new();
    for f in dangjian_standards::builtin_forms() {
        let form = engine
            .compile_str(f.spec)
            .map_err(|e| crate::load::spec_failure(f.id, &e, args.locale))?;
        let spec = form.spec();
        rows.push(serde_json::json!({"id": spec.id, "version": spec.version, "title": spec.title.get(args.locale)}));
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
    } else {
        for r in &rows {
            println!(
                "{:<22} {:<10} {}",
                r["id"].as_str().unwrap_or(""),
                r["version"].as_str().unwrap_or(""),
                r["title"].as_str().unwrap_or("")
            );
        }
    }
    Ok(Outcome::Valid)
}
