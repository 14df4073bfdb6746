//! What the slate checks read, read once: the reference day, each candidate as
//! a person (identity, age, education, posts), the committees they would form,
//! and the figures computed on them.

use super::checks::candidates;
use super::options::SlateOptions;
use crate::ident::citizen_id::{parse_iso_date, Gender};
use crate::lookup::At;
use dangjian_core::dates::Date;
use dangjian_core::{Locale, Sink};
use serde_json::Value;

/// Posts on the villagers' committee.
pub(super) const VILLAGE_POSTS: [&str; 3] = [
    "committee_director",
    "committee_deputy_director",
    "committee_member",
];
/// Posts in the village party organisation.
pub(super) const BRANCH_POSTS: [&str; 3] = [
    "branch_secretary",
    "branch_deputy_secretary",
    "branch_member",
];

/// One candidate as the checks see it.
pub(super) struct Person<'a> {
    /// Index in the list of candidates.
    pub(super) index: usize,
    /// The candidate-review record.
    pub(super) record: &'a Value,
    /// The name, or `?`.
    pub(super) name: String,
    /// The normalized citizen ID number, when valid.
    pub(super) id: Option<String>,
    /// From the ID number, else as declared.
    pub(super) gender: Option<Gender>,
    /// Full years on the reference day.
    pub(super) age: Option<i64>,
    /// Position in the options' education levels.
    pub(super) education: Option<usize>,
    /// The posts the candidate stands for.
    pub(super) posts: Vec<&'a str>,
}

impl Person<'_> {
    /// True when the candidate stands for any of `posts`.
    pub(super) fn holds(&self, posts: &[&str]) -> bool {
        self.posts.iter().any(|p| posts.contains(p))
    }

    /// True for a woman.
    pub(super) fn is_woman(&self) -> bool {
        self.gender == Some(Gender::Female)
    }
}

/// The slate's facts.
pub(super) struct Context<'a> {
    /// Thresholds and switches.
    pub(super) options: &'a SlateOptions,
    /// Language of the messages.
    pub(super) locale: Locale,
    /// The day ages are counted to.
    pub(super) on: Option<Date>,
    /// Candidates given.
    pub(super) candidates: usize,
    /// Candidates who count, in input order.
    pub(super) people: Vec<Person<'a>>,
    /// Indexes of candidates left out (建议不予提名).
    pub(super) excluded: Vec<usize>,
}

impl<'a> Context<'a> {
    /// Reads the candidates once (recording the ones that cannot be counted).
    pub(super) fn read(
        list: &'a [Value],
        options: &'a SlateOptions,
        sink: &mut Sink<'_>,
    ) -> Context<'a> {
        let today = options.today.as_deref().and_then(parse_iso_date);
        let on = options
            .election_date
            .as_deref()
            .and_then(parse_iso_date)
            .or_else(|| {
                list.iter()
                    .find_map(|c| text(c, "/election/election_date").and_then(parse_iso_date))
            })
            .or(today);
        let (people, excluded) = candidates::read(list, options, today, on, sink);
        Context {
            options,
            locale: options.locale,
            on,
            candidates: list.len(),
            people,
            excluded,
        }
    }

    /// Members of the villagers' committee.
    pub(super) fn village(&self) -> Vec<&Person<'a>> {
        self.people
            .iter()
            .filter(|p| p.holds(&VILLAGE_POSTS))
            .collect()
    }

    /// Members of the village party committee.
    pub(super) fn branch(&self) -> Vec<&Person<'a>> {
        self.people
            .iter()
            .filter(|p| p.holds(&BRANCH_POSTS))
            .collect()
    }

    /// Distinct members of the two committees.
    pub(super) fn members(&self) -> Vec<&Person<'a>> {
        self.people
            .iter()
            .filter(|p| p.holds(&VILLAGE_POSTS) || p.holds(&BRANCH_POSTS))
            .collect()
    }

    /// The candidate secretary, if any.
    pub(super) fn secretary(&self) -> Option<&Person<'a>> {
        self.people
            .iter()
            .find(|p| p.posts.contains(&"branch_secretary"))
    }

    /// The position of an education level in the options' list.
    pub(super) fn level(&self, value: &str) -> Option<usize> {
        self.options
            .education_levels
            .iter()
            .position(|l| l == value)
    }
}

/// The trimmed, non-empty text at `pointer`.
pub(super) fn text<'a>(v: &'a Value, pointer: &str) -> Option<&'a str> {
    v.at(pointer)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}
