//! The checks between settings of the built-in forms: the defaults pass them,
//! and a county's values that break one are refused at every setting it names.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use dangjian_core::{Form, Locale};
use serde_json::{json, Value};

fn form(id: &str) -> Form {
    dangjian_standards::compile_builtin(&dangjian_standards::engine(), id)
        .unwrap()
        .unwrap()
}

/// `(path, code)` of every error `settings` gets on form `id`.
fn refused(id: &str, settings: Value) -> Vec<(String, String)> {
    form(id)
        .with_settings(settings.as_object().unwrap())
        .err()
        .map(|e| {
            e.diagnostics
                .into_iter()
                .map(|d| (d.path, d.code))
                .collect()
        })
        .unwrap_or_default()
}

fn at(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
        .collect()
}

#[test]
fn an_election_quorum_above_one_is_refused_in_both_languages() {
    let err = form("meeting-minutes")
        .with_settings(
            json!({"election_quorum_num": 9, "election_quorum_den": 5})
                .as_object()
                .unwrap(),
        )
        .err()
        .unwrap();
    let d = &err.diagnostics;
    assert_eq!(d.len(), 2);
    assert_eq!(d[0].path, "/settings/election_quorum_num");
    assert_eq!(d[1].path, "/settings/election_quorum_den");
    assert!(d.iter().all(|d| d.code == "settings.election_quorum"));
    assert!(d[0]
        .message(Locale::ZhCn)
        .starts_with("选举到会比例 9/5 不能大于 1"));
    assert!(d[0]
        .message(Locale::En)
        .starts_with("The election quorum 9/5 cannot be above 1"));
    // Fixed, it is accepted: 5/5 is a whole-attendance quorum.
    assert!(form("meeting-minutes")
        .with_settings(
            json!({"election_quorum_num": 5, "election_quorum_den": 5})
                .as_object()
                .unwrap()
        )
        .is_ok());
}

#[test]
fn each_built_in_form_refuses_values_that_break_its_checks() {
    assert_eq!(
        refused("branch-checklist", json!({"committee_min_size": 6})),
        at(&[
            ("/settings/committee_min_size", "settings.committee_size"),
            (
                "/settings/committee_usual_max_size",
                "settings.committee_size"
            ),
            ("/settings/committee_max_size", "settings.committee_size"),
        ])
    );
    assert_eq!(
        refused(
            "candidate-review",
            json!({"slate_village_committee_min": 9})
        ),
        at(&[
            (
                "/settings/slate_village_committee_min",
                "settings.village_committee_size"
            ),
            (
                "/settings/slate_village_committee_max",
                "settings.village_committee_size"
            ),
        ])
    );
    assert_eq!(
        refused("secretary-review", json!({"lower_votes_den": 0})),
        at(&[
            ("/settings/lower_votes_num", "settings.lower_votes_share"),
            ("/settings/lower_votes_den", "settings.lower_votes_share"),
        ])
    );
    assert_eq!(
        refused("secretary-review", json!({"window_to_month": 11})),
        at(&[
            ("/settings/window_from_month", "settings.review_window"),
            ("/settings/window_to_month", "settings.review_window"),
        ])
    );
    assert_eq!(
        refused("village-decision", json!({"women_share_num": 4})),
        at(&[
            ("/settings/women_share_num", "settings.women_share"),
            ("/settings/women_share_den", "settings.women_share"),
        ])
    );
    assert_eq!(
        refused("member-points", json!({"grade_two_stars_min": 85})).len(),
        5
    );
}

#[test]
fn every_built_in_form_with_settings_declares_checks_its_defaults_pass() {
    for id in [
        "branch-checklist",
        "candidate-review",
        "meeting-minutes",
        "member-points",
        "secretary-review",
        "village-decision",
    ] {
        let f = form(id);
        assert!(!f.spec().settings_checks.is_empty(), "{id}");
        for c in &f.spec().settings_checks {
            assert!(c.code.starts_with("settings."), "{id}: {}", c.code);
        }
    }
}
