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
    let rows: Vec<serde_json::Value> = dangjian_standards::catalogue()
        .iter()
        .map(|f| serde_json::json!({"id": f.id, "version": f.version, "title": f.title(args.locale)}))
        .collect();
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&rows)?);
    } else {
        for r in &rows {
            outln!(
                "{:<22} {:<10} {}",
                r["id"].as_str().unwrap_or(""),
                r["version"].as_str().unwrap_or(""),
                r["title"].as_str().unwrap_or("")
            );
        }
    }
    Ok(Outcome::Valid)
}
