//! The meeting-minutes form on its golden vectors and on a year of real-looking minutes.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

mod common;

use common::{assert_doc_complete, codes, has, has_code, read, root, run_input};
use dangjian_core::{Report, Severity, ValidateOptions};
use serde_json::Value;

const FORM: &str = "meeting-minutes";

fn run(case: &str) -> Report {
    run_input(&common::input(FORM, case))
}

#[test]
fn every_vector_input_runs() {
    let mut n = 0;
    for path in common::vector_inputs(FORM) {
        let input = read(&path);
        assert_eq!(input["form"], FORM, "{}", path.display());
        let r = run_input(&input);
        assert_eq!(r.form.id, FORM);
        n += 1;
    }
    assert!(n >= 20, "only {n} vectors");
}

#[test]
fn valid_records_are_clean() {
    for case in [
        "valid-general-meeting",
        "valid-election",
        "valid-party-tuesday",
        "valid-org-life",
        "valid-evaluation",
        "valid-talk",
    ] {
        let r = run(case);
        assert!(r.valid && r.issues.is_empty(), "{case}: {:?}", codes(&r));
    }
}

#[test]
fn a_draft_lists_what_is_missing() {
    let r = run("draft");
    assert!(!r.valid);
    for path in [
        "/meeting/start_time",
        "/meeting/place",
        "/meeting/recorder",
        "/attendance/on_leave",
        "/agenda/items/0/summary",
    ] {
        assert!(has(&r, "required", path), "{path}: {:?}", codes(&r));
    }
    // Nothing is said about sums that cannot be computed yet.
    assert!(!has_code(&r, "minutes.attendance_sum"));
}

#[test]
fn several_errors_at_once() {
    let r = run("many-errors");
    for (code, path) in [
        ("unknown_key", "/unexpected"),
        ("latest", "/meeting/date"),
        ("time", "/meeting/start_time"),
        ("minutes.attendance_sum", "/attendance/expected"),
        ("minutes.first_topic", "/agenda/items/0/kind"),
        ("required", "/resolutions/votes/0/subject"),
        ("minutes.vote_tally", "/resolutions/votes/0/yes"),
    ] {
        assert!(has(&r, code, path), "{code} at {path}: {:?}", codes(&r));
    }
    assert!(has(&r, "minutes.host_is_recorder", "/meeting/recorder"));
    assert!(r.counts.errors >= 7);
}

#[test]
fn general_meeting_quorum_reads_the_setting() {
    let strict = run("general-meeting-10-expected-5-present-strict");
    assert!(
        has(&strict, "minutes.quorum", "/attendance/voting_present"),
        "{:?}",
        codes(&strict)
    );
    assert!(!strict.valid);
    let half = run("general-meeting-10-expected-5-present-at-least-half");
    assert!(
        half.valid && !has_code(&half, "minutes.quorum"),
        "{:?}",
        codes(&half)
    );
}

#[test]
fn election_quorum_is_four_fifths() {
    let r16 = run("election-20-expected-16-present");
    assert!(r16.valid, "{:?}", codes(&r16));
    let r15 = run("election-20-expected-15-present");
    assert_eq!(
        codes(&r15),
        vec![(
            "election.quorum".to_owned(),
            "/election/voters_present".to_owned()
        )]
    );
}

#[test]
fn half_the_votes_does_not_elect() {
    let r = run("election-12-present-6-votes-not-elected");
    assert_eq!(
        codes(&r),
        vec![(
            "election.winner_majority".to_owned(),
            "/election/candidates/2/elected".to_owned()
        )]
    );
}

#[test]
fn contested_election_needs_twenty_percent_more_candidates() {
    let r = run("election-5-seats-5-candidates");
    assert_eq!(
        codes(&r),
        vec![(
            "election.candidate_margin".to_owned(),
            "/election/candidates".to_owned()
        )]
    );
    // The message names the fewest candidates, ⌈seats × 1.2⌉.
    let i = &r.issues[0];
    assert_eq!(i.params["min"], serde_json::json!(6));
    assert_eq!(
        i.message,
        "差额选举应选 5 人，候选人 5 人；候选人应不少于 6 人（应选人数的 120%）"
    );
    let input = common::input(FORM, "election-5-seats-5-candidates");
    for (seats, min) in [(6, 8), (7, 9), (10, 12)] {
        let mut v = input.clone();
        v["data"]["election"]["seats"] = serde_json::json!(seats);
        let r = run_input(&v);
        let m = r
            .issues
            .iter()
            .find(|i| i.code == "election.candidate_margin")
            .unwrap_or_else(|| panic!("{seats} seats: {:?}", codes(&r)));
        assert_eq!(m.params["min"], serde_json::json!(min), "{seats} seats");
    }
}

#[test]
fn a_member_under_party_probation_has_no_vote() {
    let r = run("election-member-under-party-probation-votes");
    assert_eq!(
        codes(&r),
        vec![(
            "election.ineligible_ballot".to_owned(),
            "/election/voters/1/voted".to_owned()
        )]
    );
}

#[test]
fn first_agenda_item_must_be_theory_study() {
    let r = run("first-agenda-item-not-theory-study");
    assert_eq!(
        codes(&r),
        vec![(
            "minutes.first_topic".to_owned(),
            "/agenda/items/0/kind".to_owned()
        )]
    );
}

#[test]
fn party_tuesday_off_day_or_morning_is_a_warning() {
    let wed = run("party-tuesday-on-a-wednesday");
    assert!(wed.valid);
    assert_eq!(
        codes(&wed),
        vec![(
            "minutes.party_tuesday_weekday".to_owned(),
            "/meeting/date".to_owned()
        )]
    );
    assert_eq!(wed.issues[0].severity, Severity::Warning);
    let morning = run("party-tuesday-in-the-morning");
    assert!(morning.valid);
    assert_eq!(
        codes(&morning),
        vec![(
            "minutes.party_tuesday_afternoon".to_owned(),
            "/meeting/start_time".to_owned()
        )]
    );
}

#[test]
fn expected_must_equal_present_leave_absent() {
    let r = run("attendance-sum-mismatch");
    assert_eq!(
        codes(&r),
        vec![(
            "minutes.attendance_sum".to_owned(),
            "/attendance/expected".to_owned()
        )]
    );
    assert!(
        r.issues[0].message.contains("47"),
        "{}",
        r.issues[0].message
    );
}

#[test]
fn at_most_a_third_rated_excellent() {
    let over = run("evaluation-more-than-a-third-excellent");
    assert_eq!(
        codes(&over),
        vec![(
            "evaluation.excellent_cap".to_owned(),
            "/evaluation/results".to_owned()
        )]
    );
    let exact = run("evaluation-exactly-a-third-excellent");
    assert!(
        exact.valid && exact.issues.is_empty(),
        "{:?}",
        codes(&exact)
    );
}

#[test]
fn org_life_needs_all_three_stages() {
    let r = run("org-life-missing-rectification-stage");
    assert_eq!(
        codes(&r),
        vec![(
            "minutes.org_life_stage".to_owned(),
            "/org_life/rectification/summary".to_owned()
        )]
    );
}

#[test]
fn committee_with_half_present_cannot_meet() {
    let r = run("committee-half-present");
    assert!(
        has(&r, "minutes.committee_quorum", "/attendance/present"),
        "{:?}",
        codes(&r)
    );
    assert!(has(
        &r,
        "minutes.motion_majority",
        "/resolutions/votes/0/result"
    ));
}

#[test]
fn admission_needs_more_than_half_of_voters_expected_written_votes_included() {
    // 20 yes present + 2 written = 22 of 44 expected: exactly half fails.
    let r = run("admission-vote-22-of-44-fails");
    assert_eq!(
        codes(&r),
        vec![(
            "minutes.motion_majority".to_owned(),
            "/resolutions/votes/0/result".to_owned()
        )]
    );
}

#[test]
fn english_messages() {
    let mut input = common::input(FORM, "attendance-sum-mismatch");
    input["locale"] = "en".into();
    let r = run_input(&input);
    assert_eq!(
        r.issues[0].message,
        "47 expected, but present 43 + on leave 3 + absent 0 = 46"
    );
}

#[test]
fn a_year_of_minutes_is_valid() {
    let spec: Value =
        serde_json::from_str(dangjian_standards::builtin(FORM).unwrap().spec).unwrap();
    let form = dangjian_standards::engine().compile(&spec).unwrap();
    let options = ValidateOptions {
        today: Some("2026-11-22".into()),
        ..ValidateOptions::default()
    };
    let dir = root().join("examples/minutes-2026");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let r = form.validate(&read(&path), &options);
        assert!(r.valid, "{}: {:?}", path.display(), codes(&r));
        // The only warnings are the two summer theme days with low attendance.
        for i in &r.issues {
            assert_eq!(i.code, "minutes.theme_day_attendance", "{}", path.display());
        }
        n += 1;
    }
    assert_eq!(n, 50);
    assert!(
        form.validate(
            &read(&root().join("examples/meeting-minutes.json")),
            &options
        )
        .valid
    );
}

#[test]
fn the_doc_lists_every_rule_and_setting() {
    assert_doc_complete("meeting-minutes");
}

#[test]
fn votes_above_seats_times_valid_ballots_mean_an_overfilled_ballot_was_counted() {
    // The held-out case: 3 seats, 20 valid ballots, votes adding up to 66 > 3 × 20.
    let mut input = common::input(FORM, "election-votes-exceed-seats-times-ballots");
    let e = &mut input["data"]["election"];
    e["voters_expected"] = serde_json::json!(24);
    e["voters_present"] = serde_json::json!(20);
    e["excluded"] = serde_json::json!([]);
    for key in ["ballots_issued", "ballots_returned", "ballots_valid"] {
        e[key] = serde_json::json!(20);
    }
    e["ballots_invalid"] = serde_json::json!(0);
    for (c, votes) in [20, 18, 16, 12].into_iter().enumerate() {
        e["candidates"][c]["votes"] = serde_json::json!(votes);
        e["candidates"][c]["elected"] = serde_json::json!(c < 3);
    }
    let r = run_input(&input);
    let over: Vec<_> = r
        .issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .map(|i| (i.code.as_str(), i.path.as_str()))
        .collect();
    assert_eq!(
        over,
        [("election.votes_exceed_seats", "/election/ballots_valid")]
    );
    let i = &r.issues[0];
    assert_eq!(
        (&i.params["total"], &i.params["max"]),
        (&serde_json::json!(66), &serde_json::json!(60))
    );
    // Exactly seats × valid ballots is possible (every ballot names three people).
    input["data"]["election"]["candidates"][3]["votes"] = serde_json::json!(6);
    assert!(run_input(&input).valid);
    // One more vote is not.
    input["data"]["election"]["candidates"][3]["votes"] = serde_json::json!(7);
    input["locale"] = "en".into();
    let r = run_input(&input);
    assert_eq!(
        r.issues[0].message,
        "The candidates' votes add up to 61, more than 3 seats × 20 valid ballots = 60: a ballot naming more people than there are seats was counted as valid, and such a ballot is invalid"
    );
    assert!(run("election-votes-equal-seats-times-ballots").valid);
    assert!(has(
        &run("election-votes-exceed-seats-times-ballots"),
        "election.votes_exceed_seats",
        "/election/ballots_valid"
    ));
}
