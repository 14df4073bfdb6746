//! The identifier checks as the engine sees them: format checks of field types
//! and operators callable from rules.

use super::citizen_id::{self, parse_iso_date};
use super::uscc;
use dangjian_core::{EngineBuilder, FormatCheck, FormatProblem, Operator};
use serde_json::Value;

/// The format check of `citizen_id` fields.
pub(crate) struct CitizenIdFormat;

impl FormatCheck for CitizenIdFormat {
    fn check(&self, value: &str, today: Option<&str>) -> Vec<FormatProblem> {
        match citizen_id::parse(value, today.and_then(parse_iso_date)) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.iter().map(|p| p.to_format_problem()).collect(),
        }
    }
}

/// The format check of `uscc` fields.
pub(crate) struct UsccFormat;

impl FormatCheck for UsccFormat {
    fn check(&self, value: &str, _today: Option<&str>) -> Vec<FormatProblem> {
        match uscc::check(value) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.iter().map(|p| p.to_format_problem()).collect(),
        }
    }
}

/// What an operator computes from a parsed citizen ID.
#[derive(Clone, Copy)]
enum IdPart {
    Valid,
    Birth,
    Gender,
    Normalized,
}

struct IdOperator(IdPart);

impl Operator for IdOperator {
    fn call(&self, args: &[&Value]) -> Result<Value, String> {
        let today = match args.get(1).copied() {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => {
                Some(parse_iso_date(s).ok_or("today must be a date YYYY-MM-DD")?)
            }
            Some(_) => return Err("today must be a date YYYY-MM-DD".into()),
        };
        let parsed = match args.first().copied() {
            Some(Value::String(s)) => citizen_id::parse(s, today).ok(),
            _ => None,
        };
        Ok(match (self.0, parsed) {
            (IdPart::Valid, p) => Value::Bool(p.is_some()),
            (_, None) => Value::Null,
            (IdPart::Birth, Some(id)) => Value::String(citizen_id::iso(id.birth_date)),
            (IdPart::Gender, Some(id)) => Value::String(id.gender.as_str().to_owned()),
            (IdPart::Normalized, Some(id)) => Value::String(id.normalized),
        })
    }
}

struct UsccValid;

impl Operator for UsccValid {
    fn call(&self, args: &[&Value]) -> Result<Value, String> {
        Ok(Value::Bool(
            matches!(args.first().copied(), Some(Value::String(s)) if uscc::is_valid(s)),
        ))
    }
}

/// Adds the identifier operators to an engine.
pub(crate) fn install(builder: EngineBuilder) -> EngineBuilder {
    builder
        .operator("citizen_id_valid", IdOperator(IdPart::Valid))
        .operator("citizen_id_birth", IdOperator(IdPart::Birth))
        .operator("citizen_id_gender", IdOperator(IdPart::Gender))
        .operator("citizen_id_normalized", IdOperator(IdPart::Normalized))
        .operator("uscc_valid", UsccValid)
}
