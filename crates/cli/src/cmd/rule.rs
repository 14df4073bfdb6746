//! `dangjian rule`: evaluate one JSONLogic expression on a data document, for
//! spec authors trying a rule out.
//!
//! The expression is read with standard JSONLogic semantics (as json-logic-js
//! reads it) and every domain operator of the built-in forms; the spec-level
//! checks of `compile` (paths that name fields, type agreement) do not apply.

use crate::{Failure, Outcome};
use dangjian_core::{Locale, RuleError, RuleOptions};
use serde_json::Value;

/// Arguments of `rule`.
#[derive(clap::Args)]
pub struct Args {
    /// The expression: JSON text, or `@FILE`.
    rule: String,
    /// The data: JSON text, `@FILE`, or `-` for standard input (default `null`).
    data: Option<String>,
    /// `$today` (YYYY-MM-DD); defaults to the system date.
    #[arg(long)]
    today: Option<String>,
    /// `$settings`: a JSON object, or the path of a file holding one.
    #[arg(long)]
    settings: Option<String>,
    /// Set one of `$settings`: NAME=VALUE, the value as JSON (`--set majority_strict=false`).
    #[arg(long = "set", value_name = "NAME=VALUE", value_parser = super::parse_setting)]
    set: Vec<(String, Value)>,
    /// `$locale`.
    #[arg(long, default_value = "zh-CN", value_parser = super::locale)]
    locale: Locale,
    /// Change a rule budget: NAME=N (max_rule_steps, max_rule_depth,
    /// max_rule_size, max_items).
    #[arg(long = "limit", value_name = "NAME=N", value_parser = super::parse_limit)]
    limit: Vec<(String, usize)>,
}

/// Prints the result as JSON; exit 0. A malformed expression, bad data or a
/// rule that cannot be evaluated is exit 2 with its code.
pub fn run(args: &Args) -> Result<Outcome, Failure> {
    let rule = json_arg(&args.rule, "the rule")?;
    let data = match args.data.as_deref() {
        None => Value::Null,
        Some("-") => crate::load::parse_json(&crate::load::read_text("-")?, "standard input")?,
        Some(d) => json_arg(d, "the data")?,
    };
    let mut settings = crate::load::json_object_or(
        args.settings.as_deref(),
        "--settings",
        serde_json::Map::new(),
    )?;
    settings.extend(args.set.iter().cloned());
    let options = RuleOptions {
        today: Some(super::today(args.today.as_deref())?),
        settings: Value::Object(settings),
        locale: args.locale,
        limits: super::limits(&args.limit)?,
    };
    let engine = dangjian_standards::engine();
    let result = engine
        .evaluate_rule(&rule, &data, &options)
        .map_err(|e| failure(&e))?;
    outln!("{}", serde_json::to_string_pretty(&result)?);
    Ok(Outcome::Valid)
}

/// JSON text, or the contents of `@FILE`.
fn json_arg(arg: &str, what: &str) -> Result<Value, Failure> {
    match arg.strip_prefix('@') {
        Some(path) => crate::load::read_json(path),
        None => crate::load::parse_json(arg, what),
    }
}

fn failure(e: &RuleError) -> Failure {
    Failure::new(e.code(), e.to_string())
}
