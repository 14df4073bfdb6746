//! `compile`: checks a spec and prepares it for validation.
//!
//! Every mistake is collected, never just the first: structure ([`parse`]),
//! node properties ([`nodes`]), expressions typed against the form's paths
//! ([`exprs`]), cycles between conditions ([`cycles`]), scoring ([`scoring`]),
//! settings ([`settings`]) and the checks between them ([`settings_checks`]).

mod cycles;
mod exprs;
mod nodes;
mod parse;
mod scoring;
pub(crate) mod settings;
pub(crate) mod settings_checks;

use crate::diagnostic::{Diagnostic, SpecError};
use crate::engine::Engine;
use crate::form::Form;
use crate::json_text::Json;
use crate::params;
use crate::spec::{Severity, Spec};

/// Collects diagnostics while compiling.
pub(crate) struct Ctx<'e> {
    pub(crate) engine: &'e Engine,
    pub(crate) out: Vec<Diagnostic>,
}

/// (The reports are out of line and cold: a spec's checks are mostly passed,
/// and each check's caller stays small, compiled and run for every node.)
impl Ctx<'_> {
    /// Runs `report` (a check's mistake: its pointer, its parameters and
    /// its diagnostic built) out of line, so a check run for every node of a
    /// spec stays small code: V8 charges a function's whole size at each
    /// call toward compiling it again with its optimizing tier.
    #[cold]
    #[inline(never)]
    pub(crate) fn report(&mut self, report: impl FnOnce(&mut Self)) {
        report(self);
    }

    #[cold]
    #[inline(never)]
    pub(crate) fn error(
        &mut self,
        path: &str,
        code: &str,
        zh: &str,
        en: &str,
        params: crate::report::Params,
    ) {
        self.out
            .push(Diagnostic::new(path, code, Severity::Error, zh, en, params));
    }

    #[cold]
    #[inline(never)]
    pub(crate) fn warn(
        &mut self,
        path: &str,
        code: &str,
        zh: &str,
        en: &str,
        params: crate::report::Params,
    ) {
        self.out.push(Diagnostic::new(
            path,
            code,
            Severity::Warning,
            zh,
            en,
            params,
        ));
    }
}

/// Reads a spec property by property, so that every structural mistake is
/// reported (with the semantic ones that can still be seen), then compiles it.
/// A well-formed spec is read once, straight into its types. Settings beyond
/// `max_settings_bytes` are refused first, before anything is read.
pub(crate) fn compile_json(engine: &Engine, value: &Json<'_>) -> Result<Form, SpecError> {
    if let Some(settings) = value.get("settings") {
        crate::limits::check_settings(&settings.to_value(), engine.spec_limits())?;
    }
    let mut out = Vec::new();
    let spec = parse::parse_spec(value, &mut out);
    if !out.is_empty() {
        // The node-by-node read wants each node to be an object; the strict
        // read also takes a struct written as the array of its properties.
        if let Ok(spec) = crate::spec::read::spec_strict(value) {
            return compile_spec(engine, spec);
        }
    }
    match spec {
        Some(spec) if out.is_empty() => compile_spec(engine, spec),
        Some(spec) => {
            // Structure is broken somewhere: still report every semantic mistake we can see.
            let mut ctx = Ctx { engine, out };
            let _ = check_and_plan(&mut ctx, &spec);
            Err(finish(ctx.out))
        }
        None => Err(finish(out)),
    }
}

pub(crate) fn compile_spec(engine: &Engine, spec: Spec) -> Result<Form, SpecError> {
    let mut ctx = Ctx {
        engine,
        out: Vec::new(),
    };
    let planned = check_and_plan(&mut ctx, &spec);
    if ctx.out.iter().any(|d| d.severity == Severity::Error) {
        return Err(finish(ctx.out));
    }
    let Some((sections, rules, scoring, outcomes)) = planned else {
        return Err(finish(ctx.out));
    };
    let settings = serde_json::Value::Object(crate::report::object(
        spec.settings
            .iter()
            .map(|(k, s)| (k.clone(), s.value.clone())),
    ));
    Ok(Form {
        spec,
        inner: engine.inner.clone(),
        section_ids: crate::plan::sorted_ids(&sections),
        sections,
        rules,
        scoring,
        outcomes,
        settings,
        warnings: ctx.out,
    })
}

type Planned = (
    Vec<crate::plan::Plan>,
    Vec<crate::plan::PlannedRule>,
    Option<crate::plan::PlannedScoring>,
    Vec<crate::plan::PlannedOutcome>,
);

fn check_and_plan(ctx: &mut Ctx<'_>, spec: &Spec) -> Option<Planned> {
    nodes::check_header(ctx, spec);
    settings::check(ctx, spec);
    settings_checks::check(ctx, spec);
    let sections = nodes::plan_sections(ctx, spec);
    let rules = exprs::plan_rules(ctx, spec, &spec.rules, exprs::ScopeRef::ROOT, "/rules");
    cycles::check(ctx, spec);
    let scoring = scoring::plan(ctx, spec);
    let outcomes = exprs::plan_outcomes(ctx, spec);
    Some((sections, rules, scoring, outcomes))
}

/// Orders diagnostics: errors first, each group in spec order.
fn finish(mut out: Vec<Diagnostic>) -> SpecError {
    crate::order::sort_by_key(&mut out, |d| d.severity);
    SpecError { diagnostics: out }
}

/// A diagnostic for JSON text that does not parse, with its line and column.
pub(crate) fn json_error(e: &crate::json_text::TextError) -> Diagnostic {
    Diagnostic::new(
        "",
        "spec.json",
        Severity::Error,
        "JSON 格式错误（第 {line} 行第 {column} 列）：{detail}",
        "Invalid JSON at line {line}, column {column}: {detail}",
        params! {"line" => e.line, "column" => e.column, "detail" => e.to_string()},
    )
}

/// The (path, code) of each mistake a compile reported, none when it
/// compiled: what the compile tests compare.
#[cfg(test)]
pub(crate) fn diagnostic_codes(r: Result<crate::Form, crate::SpecError>) -> Vec<(String, String)> {
    r.err()
        .map(|e| {
            e.diagnostics
                .into_iter()
                .map(|d| (d.path, d.code))
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The strict read (`Spec`'s `Deserialize`) and the tolerant one must
    /// agree on every spec: the same spec, or a mistake in both.
    #[test]
    fn strict_and_tolerant_reads_agree() {
        let specs = [
            include_str!("../../../../examples/specs/village-safety-checklist.json"),
            include_str!("../../../standards/forms/branch-checklist.json"),
            include_str!("../../../standards/forms/meeting-minutes.json"),
            include_str!("../../../standards/forms/candidate-review.json"),
            include_str!("../../../standards/forms/village-decision.json"),
            include_str!("../../../standards/forms/member-points.json"),
            include_str!("../../../standards/forms/rectification-list.json"),
            include_str!("../../tests/hostile/spec-wrong-types.json"),
            include_str!("../../tests/hostile/spec-self-cycle.json"),
            include_str!("../../tests/hostile/spec-nan-points.json"),
            include_str!("../../tests/hostile/spec-regex-bomb.json"),
            r#"{"id": "x", "version": "1", "title": "t", "sections": [{"id": "s", "items": [{"id": "a", "type": "text", "required_if": {"var": "s.nope"}}]}]}"#,
        ];
        for text in specs {
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            let strict = <Spec as serde::Deserialize>::deserialize(&value);
            let mut out = Vec::new();
            let tolerant = parse::parse_spec(&Json::view(&value), &mut out);
            match (strict, tolerant) {
                (Ok(a), Some(b)) if out.is_empty() => assert_eq!(a, b),
                (Err(_), _) if !out.is_empty() => {}
                (a, _) => panic!("the reads disagree: {:?} / {out:?}", a.err()),
            }
        }
    }
}
