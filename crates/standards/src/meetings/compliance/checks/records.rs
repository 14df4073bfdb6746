//! `compliance.unreadable_record` and `compliance.invalid_record`: which records
//! can be counted at all, and which have errors in their minutes.

use super::super::context::{iso, parse_date, Readable};
use super::super::report::{ComplianceCounts, InvalidRecord, RecordErrors};
use crate::lookup::At;
use crate::wording::params;
use dangjian_core::dates::Date;
use dangjian_core::{Detail, Form, Severity, Sink, ValidateOptions};
use serde_json::{json, Value};

/// How the records are read.
pub(in super::super) struct Reading<'f> {
    /// First day of the range.
    pub(in super::super) from: Date,
    /// Last day of the range.
    pub(in super::super) to: Date,
    /// Today, given to the minutes form.
    pub(in super::super) today: Option<Date>,
    /// How each record's errors are found.
    pub(in super::super) check: Check<'f>,
    /// Records with errors count as held (the warning says so).
    pub(in super::super) count_invalid: bool,
}

/// How each record's errors are found.
#[derive(Clone, Copy)]
pub(in super::super) enum Check<'f> {
    /// Not at all: every record counts.
    Off,
    /// By validating it with the minutes form.
    Form(&'f Form),
    /// Given by the caller, who validated the records already (by index; a
    /// missing entry is a record without errors).
    Given(&'f [Option<RecordErrors>]),
}

impl Check<'_> {
    /// What the check finds in record `index`, or `None` when it has no error.
    fn invalid(
        self,
        record: &Value,
        index: usize,
        date: Date,
        options: &ValidateOptions,
    ) -> Option<InvalidRecord> {
        match self {
            Check::Off => None,
            Check::Form(form) => invalid_record(form, record, index, date, options),
            Check::Given(list) => list.get(index)?.as_ref().map(|e| InvalidRecord {
                record: index,
                date: iso(date),
                errors: e.errors,
                codes: e.codes.clone(),
            }),
        }
    }
}

impl Reading<'_> {
    /// The records dated inside the range, each validated once; counts and
    /// records the others.
    pub(in super::super) fn read<'a>(
        &self,
        minutes: &'a [Value],
        sink: &mut Sink<'_>,
        counts: &mut ComplianceCounts,
    ) -> Vec<Readable<'a>> {
        let validate_options = ValidateOptions {
            detail: Detail::Summary,
            locale: sink.locale(),
            today: self.today.map(iso),
            ..ValidateOptions::default()
        };
        let mut readable = Vec::with_capacity(minutes.len());
        for (i, record) in minutes.iter().enumerate() {
            let kind = record
                .at("/meeting/type")
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty());
            let date = record
                .at("/meeting/date")
                .and_then(Value::as_str)
                .and_then(parse_date);
            match (kind, date) {
                (Some(k), Some(d)) if d >= self.from && d <= self.to => {
                    let invalid = self.check.invalid(record, i, d, &validate_options);
                    if let Some(bad) = &invalid {
                        counts.invalid_records += 1;
                        invalid_issue(bad, k, self.count_invalid, sink);
                    }
                    readable.push(Readable {
                        index: i,
                        record,
                        kind: k,
                        date: d,
                        invalid,
                    });
                }
                (Some(_), Some(_)) => counts.outside_range += 1,
                (k, _) => {
                    counts.unreadable += 1;
                    let field = if k.is_none() { "type" } else { "date" };
                    sink.add(
                        &format!("/minutes/{i}/meeting/{field}"),
                        "compliance.unreadable_record",
                        Severity::Warning,
                        params(json!({"n": i + 1, "index": i})),
                    );
                }
            }
        }
        counts.in_range = readable.len();
        readable
    }
}

/// What validation of one record found, or `None` when it has no error.
fn invalid_record(
    form: &Form,
    record: &Value,
    index: usize,
    date: Date,
    options: &ValidateOptions,
) -> Option<InvalidRecord> {
    let report = form.validate(record, options);
    if report.valid {
        return None;
    }
    let mut codes: Vec<String> = Vec::new();
    for i in report
        .issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
    {
        if !codes.contains(&i.code) {
            codes.push(i.code.clone());
        }
    }
    Some(InvalidRecord {
        record: index,
        date: iso(date),
        errors: report.counts.errors,
        codes,
    })
}

fn invalid_issue(bad: &InvalidRecord, kind: &str, counted: bool, sink: &mut Sink<'_>) {
    let key = if counted {
        "compliance.invalid_record.counted"
    } else {
        "compliance.invalid_record"
    };
    sink.add_worded(
        &format!("/minutes/{}", bad.record),
        "compliance.invalid_record",
        key,
        Severity::Warning,
        params(json!({
            "n": bad.record + 1,
            "index": bad.record,
            "date": bad.date,
            "type": kind,
            "errors": bad.errors,
            "codes": bad.codes.join(", "),
            "counted": counted,
        })),
    );
}
