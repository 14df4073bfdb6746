//! What every check of a compliance run reads, read once: the range, today, and
//! each record's meeting type, date and validation result.

use super::checks::records::Check;
use super::checks::{range, records};
use super::options::{ComplianceOptions, MinutesCheck};
use super::report::{ComplianceCounts, InvalidRecord};
use dangjian_core::dates::Date;
use dangjian_core::{Locale, Sink};
use serde_json::Value;

/// A record in the range, with what its validation found.
pub(super) struct Readable<'a> {
    /// Index in the list of minutes.
    pub(super) index: usize,
    /// The record itself.
    pub(super) record: &'a Value,
    /// Its `/meeting/type`.
    pub(super) kind: &'a str,
    /// Its `/meeting/date`.
    pub(super) date: Date,
    /// Present when the minutes have errors.
    pub(super) invalid: Option<InvalidRecord>,
}

/// The run's facts.
pub(super) struct Context<'a> {
    /// Language of messages and titles.
    pub(super) locale: Locale,
    /// First day checked.
    pub(super) from: Date,
    /// Last day checked.
    pub(super) to: Date,
    /// Periods holding or after this day are not judged.
    pub(super) today: Option<Date>,
    /// Records with errors count as held.
    pub(super) count_invalid: bool,
    /// The records dated inside the range, in input order.
    pub(super) records: Vec<Readable<'a>>,
}

impl<'a> Context<'a> {
    /// Reads the range and the records once (counting them, and recording why
    /// a record or the range cannot be used); `None` when the range is invalid.
    pub(super) fn read(
        minutes: &'a [Value],
        options: &ComplianceOptions,
        check: Check<'_>,
        sink: &mut Sink<'_>,
        counts: &mut ComplianceCounts,
    ) -> Option<Context<'a>> {
        let (from, to) = range::check(options, sink)?;
        let today = options.today.as_deref().and_then(parse_date);
        let count_invalid = options.minutes_check == MinutesCheck::CountInvalid;
        let found = records::Reading {
            from,
            to,
            today,
            check,
            count_invalid,
        };
        let records = found.read(minutes, sink, counts);
        Some(Context {
            locale: options.locale,
            from,
            to,
            today,
            count_invalid,
            records,
        })
    }
}

/// A real date written `YYYY-MM-DD`.
pub(super) fn parse_date(s: &str) -> Option<Date> {
    if s.len() != 10 {
        return None;
    }
    Date::parse(s)
}

/// `YYYY-MM-DD`.
pub(super) fn iso(date: Date) -> String {
    date.to_string()
}
