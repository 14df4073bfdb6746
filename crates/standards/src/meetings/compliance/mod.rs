//! Annual compliance of a branch's meetings ("一月一调度、一季度一检查"): given
//! all the minutes of one branch for a year or a date range, what was held in
//! each month, quarter, half-year and year, and what is missing.
//!
//! The frequencies are data ([`Requirement`]s in [`ComplianceOptions`]); the
//! defaults (`requirements.json`) follow 《中国共产党支部工作条例（试行）》. A
//! county with other frequencies passes its own list, with no code change.
//!
//! Each record is first checked with the `meeting-minutes` form: by default
//! ([`MinutesCheck::ExcludeInvalid`]) a record with errors — an inquorate
//! general meeting, minutes without an agenda — is not counted as held, and
//! every period lists such records (`invalid`) so that inspectors see why.
//!
//! One entry, [`compliance_with_form`] (and [`compliance`], which compiles the
//! built-in minutes form first), reads the range and the records once into a
//! context; each check (`checks/`, one file each) then adds its findings to
//! one issue collector, worded by one table (`messages.rs`).

mod checks;
mod context;
mod messages;
mod options;
mod report;
mod requirements;
#[cfg(test)]
mod tests;

pub use options::{ComplianceInput, ComplianceOptions, Matcher, MinutesCheck, Requirement};
pub use report::{
    ComplianceCounts, ComplianceReport, InvalidRecord, PeriodResult, PeriodStatus, RecordErrors,
    RequirementResult, COMPLIANCE_REPORT_VERSION,
};
pub use requirements::{apply_frequencies, default_requirements, FREQUENCY_PREFIX};

pub(crate) use checks::range::MAX_YEARS;
use checks::records::Check;
use checks::{fixed_day, frequency, minutes_form, usual_time};
use context::{iso, Context};
use dangjian_core::{Form, Locale, Sink};
use serde_json::Value;

/// Id of the form every record is checked with.
pub const MINUTES_FORM_ID: &str = "meeting-minutes";

/// Checks the minutes of one branch against the required frequencies, each
/// record validated with the built-in `meeting-minutes` form (with
/// `options.minutes_settings`) unless `options.minutes_check` is `off`.
/// Never fails: a bad range, record or setting is an issue in the report.
pub fn compliance(minutes: &[Value], options: &ComplianceOptions) -> ComplianceReport {
    let mut sink = collector(options.locale);
    let form = match options.minutes_check {
        MinutesCheck::Off => None,
        _ => minutes_form::compile(options, &mut sink),
    };
    let check = form.as_ref().map_or(Check::Off, Check::Form);
    run(minutes, options, check, sink)
}

/// Like [`compliance`], with the records validated by `form` (a `meeting-minutes`
/// form the caller has compiled, e.g. once for many branches, with its own
/// settings); `options.minutes_settings` is not read.
pub fn compliance_with_form(
    minutes: &[Value],
    options: &ComplianceOptions,
    form: &Form,
) -> ComplianceReport {
    let check = match options.minutes_check {
        MinutesCheck::Off => Check::Off,
        _ => Check::Form(form),
    };
    run(minutes, options, check, collector(options.locale))
}

/// Like [`compliance`], for records the caller has validated already (a
/// supervisor's run validates every record of every form once): `errors[i]`
/// is what that validation found in `minutes[i]` (`None`, or no entry: no
/// error). `options.minutes_check` still decides whether such a record counts
/// (`off`: the errors are not read); `options.minutes_settings` is not read.
pub fn compliance_checked(
    minutes: &[Value],
    errors: &[Option<RecordErrors>],
    options: &ComplianceOptions,
) -> ComplianceReport {
    let check = match options.minutes_check {
        MinutesCheck::Off => Check::Off,
        _ => Check::Given(errors),
    };
    run(minutes, options, check, collector(options.locale))
}

/// Runs [`compliance`] on a [`ComplianceInput`].
pub fn compliance_of(input: &ComplianceInput) -> ComplianceReport {
    compliance(&input.minutes, &input.options)
}

/// The wording of the compliance issue `code` with `params`: for a caller
/// that renumbers the records an issue names.
pub(crate) fn reword(code: &str, locale: Locale, params: &Value) -> String {
    messages::text(code, locale, params)
}

/// The run's issue collector. A report lists every finding: their number is
/// bounded by the records and periods given, so none is dropped.
fn collector(locale: Locale) -> Sink<'static> {
    Sink::new(locale, messages::MESSAGES).with_max(usize::MAX)
}

fn run(
    minutes: &[Value],
    options: &ComplianceOptions,
    check: Check<'_>,
    mut sink: Sink<'_>,
) -> ComplianceReport {
    let mut counts = ComplianceCounts {
        records: minutes.len(),
        ..ComplianceCounts::default()
    };
    let Some(ctx) = Context::read(minutes, options, check, &mut sink, &mut counts) else {
        return finish(
            String::new(),
            String::new(),
            options.locale,
            counts,
            Vec::new(),
            sink,
        );
    };
    // The minutes form's `frequency_<id>` settings, when given, set the periods.
    let mut requirements = options.requirements.clone();
    if let Some(settings) = &options.minutes_settings {
        requirements::apply_frequencies(&mut requirements, &Value::Object(settings.clone()));
    }
    let results = requirements
        .iter()
        .filter(|r| r.enabled)
        .map(|req| requirement(&ctx, req, &mut counts, &mut sink))
        .collect();
    finish(
        iso(ctx.from),
        iso(ctx.to),
        ctx.locale,
        counts,
        results,
        sink,
    )
}

/// One requirement: its periods judged, then its day and month checks.
fn requirement(
    ctx: &Context<'_>,
    req: &Requirement,
    counts: &mut ComplianceCounts,
    sink: &mut Sink<'_>,
) -> RequirementResult {
    let mut tally = frequency::tally(ctx, req);
    let missing = frequency::judge(ctx, req, &mut tally, counts, sink);
    if let Some(fixed) = &req.fixed_day {
        fixed_day::check(req, fixed, &tally.counted, sink);
    }
    usual_time::check(ctx, req, &tally, sink);
    RequirementResult {
        id: req.id.clone(),
        title: req.title.get(ctx.locale).to_owned(),
        period: req.period,
        min: req.min,
        frequency: frequency::frequency(req, ctx.locale),
        held: tally.held,
        invalid: tally.invalid,
        missing,
        periods: tally.periods,
    }
}

fn finish(
    from: String,
    to: String,
    locale: Locale,
    mut counts: ComplianceCounts,
    requirements: Vec<RequirementResult>,
    sink: Sink<'_>,
) -> ComplianceReport {
    let (issues, tally) = sink.finish();
    counts.errors = tally.errors;
    counts.warnings = tally.warnings;
    ComplianceReport {
        report_version: COMPLIANCE_REPORT_VERSION,
        from,
        to,
        locale: locale.tag().to_owned(),
        compliant: counts.errors == 0,
        counts,
        requirements,
        issues,
    }
}
