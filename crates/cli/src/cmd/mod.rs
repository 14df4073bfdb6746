//! One module per subcommand.

pub mod check_spec;
pub mod forms;
pub mod validate;

use clap::ValueEnum;
use dangjian_core::Locale;

/// Output formats.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The report as JSON (the documented report shape).
    Json,
    /// A table for people.
    Text,
}

/// Parses a `--locale` value.
pub fn locale(tag: &str) -> Result<Locale, String> {
    Locale::parse(tag).ok_or_else(|| format!("unknown locale “{tag}” (use zh-CN or en)"))
}
