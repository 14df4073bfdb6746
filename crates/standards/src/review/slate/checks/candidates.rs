//! `slate.candidate_type`, `slate.not_nominated`, `slate.pending` and
//! `slate.identity_unknown`: which candidates the composition counts, read once
//! into people.

use super::super::context::{text, Person};
use super::super::options::SlateOptions;
use super::params;
use crate::ident::citizen_id::{self, parse_iso_date, years_between, Gender};
use crate::lookup::At;
use crate::review::settings::ReviewSettings;
use crate::review::verdict::{verdict_in, VerdictOptions, VerdictStatus};
use dangjian_core::dates::Date;
use dangjian_core::{Severity, Sink};
use serde_json::{json, Value};

/// The people the composition counts, and the indexes of those left out.
pub(in super::super) fn read<'a>(
    list: &'a [Value],
    options: &SlateOptions,
    today: Option<Date>,
    on: Option<Date>,
    sink: &mut Sink<'_>,
) -> (Vec<Person<'a>>, Vec<usize>) {
    let settings =
        ReviewSettings::from_values(options.review_settings.as_ref().unwrap_or(&Value::Null));
    let verdicts = VerdictOptions {
        today,
        locale: options.locale,
    };
    let mut people = Vec::new();
    let mut excluded = Vec::new();
    for (i, c) in list.iter().enumerate() {
        if !c.is_object() {
            sink.add(
                &format!("/{i}"),
                "slate.candidate_type",
                Severity::Error,
                params(&[("number", json!(i + 1))]),
            );
            continue;
        }
        let person = person(i, c, today, on, options);
        let status = verdict_in(c, &settings, &verdicts).status;
        let name = params(&[("name", json!(person.name))]);
        if status == VerdictStatus::NotNominated && options.exclude_not_nominated {
            sink.add(
                &format!("/{i}"),
                "slate.not_nominated",
                Severity::Warning,
                name,
            );
            excluded.push(i);
            continue;
        }
        if status == VerdictStatus::Pending {
            sink.add(
                &format!("/{i}"),
                "slate.pending",
                Severity::Warning,
                name.clone(),
            );
        }
        if (person.age.is_none() && on.is_some()) || person.gender.is_none() {
            sink.add(
                &format!("/{i}/candidate/citizen_id"),
                "slate.identity_unknown",
                Severity::Warning,
                name,
            );
        }
        people.push(person);
    }
    (people, excluded)
}

/// One candidate's identity, age, education and posts.
fn person<'a>(
    index: usize,
    c: &'a Value,
    today: Option<Date>,
    on: Option<Date>,
    options: &SlateOptions,
) -> Person<'a> {
    let parsed = text(c, "/candidate/citizen_id").and_then(|s| citizen_id::parse(s, today).ok());
    let birth = parsed
        .as_ref()
        .map(|p| p.birth_date)
        .or_else(|| text(c, "/candidate/birth_date").and_then(parse_iso_date));
    let gender = parsed
        .as_ref()
        .map(|p| p.gender)
        .or_else(|| text(c, "/candidate/gender").and_then(Gender::parse));
    let posts: Vec<&str> = c
        .at("/candidate/positions")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let education = text(c, "/candidate/education")
        .and_then(|v| options.education_levels.iter().position(|l| l == v));
    Person {
        index,
        record: c,
        name: text(c, "/candidate/name").unwrap_or("?").to_owned(),
        id: parsed.map(|p| p.normalized),
        gender,
        age: birth.zip(on).map(|(b, d)| years_between(b, d)),
        education,
        posts,
    }
}
