//! `dangjian`: validate, score and explain party-building forms from the command line.
//!
//! Exit codes: 0 valid, 1 invalid, 2 usage, spec or parse error. Never 101.

#[macro_use]
mod output;
mod cmd;
mod load;
mod render;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Validate, score and explain party-building forms.
#[derive(Parser)]
#[command(name = "dangjian", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the built-in forms.
    Forms(cmd::forms::Args),
    /// Validate (and score) records against a form.
    Validate(cmd::validate::Args),
    /// Check a spec and report every mistake with its path.
    CheckSpec(cmd::check_spec::Args),
    /// Check a citizen ID number (GB 11643).
    IdNumber(cmd::id_number::Args),
    /// Which meetings a branch held in a year, and which are missing.
    Compliance(cmd::compliance::Args),
    /// Check the candidates of one village together (the slate).
    ReviewSlate(cmd::review_slate::Args),
    /// The rectification list (问题清单) of a checklist record, most points lost first.
    Rectification(cmd::rectification::Args),
    /// The branch's ranking of its members by their points (member-points records).
    Rank(cmd::rank::Args),
    /// Many branches' records as of a date: figures, ranking, who needs attention, totals.
    Supervise(cmd::supervise::Args),
    /// Print a built-in spec (pretty JSON), to start a county's variant from.
    Spec(cmd::spec::Args),
    /// List a form's settings with defaults, ranges, units and sources.
    Settings(cmd::settings::Args),
    /// Print the JSON Schema of specs.
    Schema,
}

/// How a command ended.
pub enum Outcome {
    /// Everything checked is valid.
    Valid,
    /// Something checked is invalid.
    Invalid,
}

/// An error that stops a command (exit code 2): its stable code — the same the
/// npm package throws for the same input (`bad_options`, `bad_json`,
/// `too_large`, `unknown_form`, `spec_invalid`), or `usage`, `io` — and message.
#[derive(Debug)]
pub struct Failure {
    /// Stable code, printed after the message.
    pub code: &'static str,
    /// What went wrong.
    pub message: String,
}

impl Failure {
    /// A failure with `code`.
    pub fn new(code: &'static str, message: impl Into<String>) -> Failure {
        Failure {
            code,
            message: message.into(),
        }
    }

    /// A usage error (bad arguments, missing files).
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure::new("usage", message)
    }

    /// The reader closed standard output: not an error, the end.
    pub fn closed() -> Failure {
        Failure::new(CLOSED, String::new())
    }
}

/// The code of [`Failure::closed`].
const CLOSED: &str = "closed";

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Failure {
        Failure::usage(e.to_string())
    }
}

fn run(cli: Cli) -> Result<Outcome, Failure> {
    match cli.command {
        Command::Forms(a) => cmd::forms::run(&a),
        Command::Validate(a) => cmd::validate::run(&a),
        Command::CheckSpec(a) => cmd::check_spec::run(&a),
        Command::IdNumber(a) => cmd::id_number::run(&a),
        Command::Compliance(a) => cmd::compliance::run(&a),
        Command::ReviewSlate(a) => cmd::review_slate::run(&a),
        Command::Rectification(a) => cmd::rectification::run(&a),
        Command::Rank(a) => cmd::rank::run(&a),
        Command::Supervise(a) => cmd::supervise::run(&a),
        Command::Spec(a) => cmd::spec::run(&a),
        Command::Settings(a) => cmd::settings::run(&a),
        Command::Schema => {
            let schema = serde_json::to_string_pretty(&dangjian_core::spec_schema())?;
            outln!("{schema}");
            Ok(Outcome::Valid)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // A bug must never surface as exit code 101 with a Rust backtrace.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("dangjian: internal error: {info}");
    }));
    match std::panic::catch_unwind(|| run(cli)) {
        Ok(Ok(Outcome::Valid)) => ExitCode::SUCCESS,
        Ok(Ok(Outcome::Invalid)) => ExitCode::from(1),
        Ok(Err(failure)) if failure.code == CLOSED => ExitCode::SUCCESS,
        Ok(Err(Failure { code, message })) => {
            eprintln!("dangjian: {message} [{code}]");
            ExitCode::from(2)
        }
        Err(_) => ExitCode::from(2),
    }
}
