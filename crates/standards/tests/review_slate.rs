//! Slate checks over the candidates of one village: every threshold at its edge,
//! and every slate vector's expected outcome.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use dangjian_core::{Locale, Severity};
use dangjian_standards::ident::citizen_id;
use dangjian_standards::review::{slate, SlateInput, SlateOptions, SlateReport};
use serde_json::{json, Value};

fn vector(name: &str) -> SlateInput {
    let path = format!(
        "{}/../../tests/vectors/slate/{name}.input.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A candidate with clear answers from every department, born on `birth`.
fn person(name: &str, female: bool, birth: &str, education: &str, positions: &[&str]) -> Value {
    let mut c = vector("valid").candidates[3].clone();
    // A distinct sequence number for each person, odd for men and even for women.
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(1);
    let k = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % 400;
    let seq = format!("{:03}", 2 * k + usize::from(!female));
    let body = format!("440605{}{seq}", birth.replace('-', ""));
    c["candidate"]["name"] = json!(name);
    c["candidate"]["citizen_id"] =
        json!(format!("{body}{}", citizen_id::check_char(&body).unwrap()));
    c["candidate"]["gender"] = json!(if female { "female" } else { "male" });
    c["candidate"]["birth_date"] = json!(birth);
    c["candidate"]["education"] = json!(education);
    c["candidate"]["positions"] = json!(positions);
    c
}

fn codes(r: &SlateReport) -> Vec<&str> {
    r.issues.iter().map(|i| i.code.as_str()).collect()
}

fn opts() -> SlateOptions {
    SlateOptions {
        today: Some("2026-11-22".into()),
        require_deputies: false,
        expect_one_shoulder: false,
        ..SlateOptions::default()
    }
}

/// Three members: a young woman with a college diploma, a senior-high man, and the secretary-director.
fn base() -> Vec<Value> {
    vec![
        person(
            "陈丽华",
            true,
            "1990-03-14",
            "college",
            &["branch_secretary", "committee_director"],
        ),
        person(
            "梁志明",
            false,
            "1979-08-22",
            "senior_high",
            &["committee_member"],
        ),
        person(
            "何秀珍",
            true,
            "1995-06-11",
            "senior_high",
            &["committee_member"],
        ),
    ]
}

#[test]
fn a_sound_slate_has_no_issue() {
    let r = slate(&base(), &opts());
    assert!(r.valid && r.issues.is_empty(), "{:#?}", r.issues);
    assert_eq!(r.summary.village_committee, 3);
    assert_eq!(r.summary.reference_date.as_deref(), Some("2026-12-06"));
}

#[test]
fn committee_size_three_to_seven() {
    let mut c = base();
    c.pop();
    let r = slate(&c, &opts());
    let i = r
        .issues
        .iter()
        .find(|i| i.code == "slate.committee_size")
        .unwrap();
    assert_eq!(i.severity, Severity::Error);
    assert_eq!(
        (
            i.params["count"].clone(),
            i.params["min"].clone(),
            i.params["committee_id"].clone()
        ),
        (json!(2), json!(3), json!("village"))
    );
    let mut c = base();
    for k in 0..4 {
        c.push(person(
            &format!("成员{}号", ["甲", "乙", "丙", "丁"][k]),
            false,
            "1985-01-01",
            "senior_high",
            &["committee_member"],
        ));
    }
    assert!(
        !codes(&slate(&c, &opts())).contains(&"slate.committee_size"),
        "7 is fine"
    );
    c.push(person(
        "成员戊",
        false,
        "1985-01-01",
        "senior_high",
        &["committee_member"],
    ));
    assert!(
        codes(&slate(&c, &opts())).contains(&"slate.committee_size"),
        "8 is too many"
    );
    let wider = SlateOptions {
        village_committee_max: 9,
        ..opts()
    };
    assert!(!codes(&slate(&c, &wider)).contains(&"slate.committee_size"));
}

#[test]
fn no_woman_on_the_villagers_committee_is_a_slate_error() {
    let r = vector("no-woman").run();
    assert!(!r.valid);
    let i = r
        .issues
        .iter()
        .find(|i| i.code == "slate.no_woman")
        .unwrap();
    assert_eq!(i.severity, Severity::Error);
    assert_eq!(i.message, "村民委员会拟任成员中女性0人，至少应有1人");
    // A woman only on the party committee does not count.
    let mut c = base();
    c[0] = person(
        "陈立华",
        false,
        "1990-03-14",
        "college",
        &["branch_secretary", "committee_director"],
    );
    c[2] = person(
        "何秀珍",
        true,
        "1995-06-11",
        "senior_high",
        &["branch_member"],
    );
    c.push(person(
        "何志成",
        false,
        "1995-06-11",
        "senior_high",
        &["committee_member"],
    ));
    assert!(codes(&slate(&c, &opts())).contains(&"slate.no_woman"));
}

#[test]
fn close_relatives_on_one_committee() {
    let r = vector("close-relatives").run();
    let i = r
        .issues
        .iter()
        .find(|i| i.code == "slate.close_relatives")
        .unwrap();
    assert_eq!(i.path, "/3/candidate/relations/0");
    assert_eq!(i.params["relation_id"], "spouse");
    assert!(
        i.message.contains("黄伟强") && i.message.contains("何秀珍"),
        "{}",
        i.message
    );
    assert_eq!(
        r.issues
            .iter()
            .filter(|i| i.code == "slate.close_relatives")
            .count(),
        1
    );

    // Matched by name when no ID number is declared; declared both ways, reported once.
    let mut c = base();
    c[1]["candidate"]["relations"] = json!([{"name": "何秀珍", "relation": "sibling"}]);
    c[2]["candidate"]["relations"] = json!([{"name": "梁志明", "relation": "sibling"}]);
    let r = slate(&c, &opts());
    let found: Vec<&str> = r
        .issues
        .iter()
        .filter(|i| i.code == "slate.close_relatives")
        .map(|i| i.path.as_str())
        .collect();
    assert_eq!(found, ["/1/candidate/relations/0"]);
    // A relation outside the close list does not count.
    c[1]["candidate"]["relations"] = json!([{"name": "何秀珍", "relation": "other"}]);
    c[2]["candidate"]["relations"] = json!([]);
    assert!(slate(&c, &opts()).valid);
    // Relatives on different committees are fine.
    let mut c = base();
    c.push(person(
        "陈国强",
        false,
        "1966-01-01",
        "senior_high",
        &["branch_member"],
    ));
    c.push(person(
        "陈小明",
        false,
        "1992-01-01",
        "senior_high",
        &["branch_deputy_secretary"],
    ));
    c[3]["candidate"]["relations"] = json!([{"name": "梁志明", "relation": "parent"}]);
    assert!(!codes(&slate(&c, &opts())).contains(&"slate.close_relatives"));
}

#[test]
fn young_member_counts_up_to_and_including_thirty_five() {
    let mut c = base();
    // Still 35 on election day 2026-12-06 (36 the day after).
    c[0] = person(
        "陈丽华",
        true,
        "1990-12-07",
        "college",
        &["branch_secretary", "committee_director"],
    );
    c[2] = person(
        "何秀珍",
        true,
        "1980-06-11",
        "senior_high",
        &["committee_member"],
    );
    assert!(!codes(&slate(&c, &opts())).contains(&"slate.no_young_member"));
    c[0] = person(
        "陈丽华",
        true,
        "1990-12-06",
        "college",
        &["branch_secretary", "committee_director"],
    );
    assert!(codes(&slate(&c, &opts())).contains(&"slate.no_young_member"));
}

#[test]
fn education_shares() {
    let mut c = base();
    c[1]["candidate"]["education"] = json!("junior_high");
    // 2 of 3 = 66.67 % ≥ 55 %.
    assert!(!codes(&slate(&c, &opts())).contains(&"slate.senior_high_share"));
    c[2]["candidate"]["education"] = json!("primary");
    let r = slate(&c, &opts());
    let i = r
        .issues
        .iter()
        .find(|i| i.code == "slate.senior_high_share")
        .unwrap();
    assert_eq!(i.params["percent"], json!(33.33));
    assert_eq!(i.severity, Severity::Warning);
    c[0]["candidate"]["education"] = json!("senior_high");
    assert!(codes(&slate(&c, &opts())).contains(&"slate.no_college"));
}

#[test]
fn average_and_secretary_ages() {
    // Ages 48, 48, 48 on election day: the average is at the cap, not above.
    let c = vec![
        person(
            "陈丽华",
            true,
            "1978-12-06",
            "college",
            &["branch_secretary", "committee_director"],
        ),
        person(
            "梁志明",
            false,
            "1978-12-06",
            "senior_high",
            &["committee_member"],
        ),
        person(
            "何秀珍",
            true,
            "1978-12-06",
            "senior_high",
            &["committee_member"],
        ),
    ];
    let lenient = SlateOptions {
        min_young: 0,
        ..opts()
    };
    assert!(
        slate(&c, &lenient).issues.is_empty(),
        "{:#?}",
        slate(&c, &lenient).issues
    );
    let mut c = c;
    c[1] = person(
        "梁志明",
        false,
        "1977-12-06",
        "senior_high",
        &["committee_member"],
    );
    assert!(codes(&slate(&c, &lenient)).contains(&"slate.average_age"));

    let mut c = base();
    c[0] = person(
        "陈丽华",
        true,
        "1966-12-06",
        "college",
        &["branch_secretary", "committee_director"],
    );
    assert!(
        !codes(&slate(&c, &opts())).contains(&"slate.secretary_age"),
        "60 is fine"
    );
    c[0] = person(
        "陈丽华",
        true,
        "1965-12-06",
        "college",
        &["branch_secretary", "committee_director"],
    );
    let r = slate(&c, &opts());
    let i = r
        .issues
        .iter()
        .find(|i| i.code == "slate.secretary_age")
        .unwrap();
    assert_eq!(
        (i.path.as_str(), i.params["age"].clone()),
        ("/0", json!(61))
    );
}

#[test]
fn one_shoulder_cross_appointment_and_posts() {
    let mut c = base();
    c[0]["candidate"]["positions"] = json!(["branch_secretary"]);
    c.push(person(
        "黄伟强",
        false,
        "1980-01-01",
        "senior_high",
        &["committee_director"],
    ));
    let o = SlateOptions {
        expect_one_shoulder: true,
        min_cross_appointment_percent: Some(50.0),
        ..opts()
    };
    let r = slate(&c, &o);
    assert!(codes(&r).contains(&"slate.one_shoulder"));
    assert_eq!(r.summary.one_shoulder, Some(false));
    assert_eq!(r.summary.cross_appointed, 0);
    assert!(codes(&r).contains(&"slate.cross_appointment"));
    let deputies = SlateOptions {
        require_deputies: true,
        ..opts()
    };
    let posts: Vec<String> = slate(&base(), &deputies)
        .issues
        .iter()
        .filter(|i| i.code == "slate.post_missing")
        .map(|i| i.params["post_id"].to_string())
        .collect();
    assert_eq!(
        posts,
        [
            "\"branch_deputy_secretary\"",
            "\"committee_deputy_director\""
        ]
    );
    let mut two = base();
    two[1]["candidate"]["positions"] = json!(["committee_director"]);
    assert!(codes(&slate(&two, &opts())).contains(&"slate.duplicate_post"));
}

#[test]
fn previous_term_comparison() {
    let o = SlateOptions {
        previous_term: Some(dangjian_standards::review::slate::PreviousTerm {
            average_age: Some(38.0),
            senior_high_percent: Some(100.0),
            college_percent: None,
        }),
        ..opts()
    };
    let r = slate(&base(), &o);
    // Ages 36, 47, 31: average 38 is not below 38; 100 % senior-high stays at 100 %.
    assert_eq!(r.summary.average_age.map(|n| n.get()), Some(38.0));
    assert_eq!(r.summary.age_down, Some(false));
    assert_eq!(r.summary.education_up, Some(true));
    assert_eq!(codes(&r), ["slate.age_not_down"]);
}

#[test]
fn not_nominated_candidates_are_left_out() {
    let r = vector("flagged-candidate-left-out").run();
    assert_eq!(r.summary.excluded, [1]);
    assert!(codes(&r).contains(&"slate.not_nominated"));
    let mut input = vector("flagged-candidate-left-out");
    input.options.exclude_not_nominated = false;
    assert!(input.run().summary.excluded.is_empty());
}

#[test]
fn duplicate_and_malformed_candidates() {
    let mut c = base();
    c.push(c[1].clone());
    c.push(json!("not a record"));
    let r = slate(&c, &opts());
    assert!(r
        .issues
        .iter()
        .any(|i| i.code == "slate.duplicate_candidate" && i.path == "/3/candidate/citizen_id"));
    assert!(r
        .issues
        .iter()
        .any(|i| i.code == "slate.candidate_type" && i.path == "/4"));
    assert!(codes(&slate(&[], &opts())).contains(&"slate.empty"));
}

#[test]
fn identity_from_the_declared_details_when_the_id_is_unusable() {
    let mut c = base();
    c[2]["candidate"]["citizen_id"] = json!("bad");
    let r = slate(&c, &opts());
    assert_eq!(r.summary.village_committee_women, 2, "declared gender used");
    assert!(
        codes(&r).contains(&"slate.pending"),
        "its review cannot pass with a bad number"
    );
    c[2]["candidate"].as_object_mut().unwrap().remove("gender");
    assert!(codes(&slate(&c, &opts())).contains(&"slate.identity_unknown"));
}

#[test]
fn vectors_give_their_expected_outcomes() {
    for (name, valid, must) in [
        ("valid", true, vec![]),
        ("valid-en", true, vec![]),
        ("no-woman", false, vec!["slate.no_woman"]),
        ("close-relatives", false, vec!["slate.close_relatives"]),
        (
            "several-problems",
            false,
            vec![
                "slate.committee_size",
                "slate.duplicate_post",
                "slate.average_age",
                "slate.secretary_age",
                "slate.age_not_down",
            ],
        ),
        (
            "flagged-candidate-left-out",
            true,
            vec!["slate.not_nominated"],
        ),
        (
            "stricter-county-options",
            true,
            vec![
                "slate.senior_high_share",
                "slate.average_age",
                "slate.cross_appointment",
            ],
        ),
    ] {
        let r = vector(name).run();
        assert_eq!(r.valid, valid, "{name}: {:#?}", r.issues);
        for code in must {
            assert!(codes(&r).contains(&code), "{name}: no {code}");
        }
        if name.starts_with("valid") {
            assert!(r.issues.is_empty(), "{name}: {:#?}", r.issues);
            assert_eq!(r.summary.age_down, Some(true));
        }
    }
    assert_eq!(vector("valid-en").run().locale, "en");
}

#[test]
fn input_and_report_are_json() {
    let bad: Result<SlateInput, _> =
        serde_json::from_value(json!({"candidates": [], "options": {"min_woman": 2}}));
    assert!(bad.is_err(), "a misspelt option is refused");
    let input: SlateInput = serde_json::from_value(json!({"today": "2026-11-22", "locale": "en", "candidates": base(), "options": {"min_women": 3}})).unwrap();
    let r = input.run();
    assert!(codes(&r).contains(&"slate.no_woman"));
    let i = r
        .issues
        .iter()
        .position(|i| i.code == "slate.no_woman")
        .unwrap();
    assert!(
        r.issues[i].message.starts_with("The villagers' committee"),
        "{}",
        r.issues[i].message
    );
    let j = serde_json::to_value(&r).unwrap();
    assert_eq!(j["issues"][i]["severity"], "error");
    assert_eq!(j["summary"]["senior_high_percent"], json!(100));
    assert_eq!(j["report_version"], 1);
    let o: SlateOptions = serde_json::from_value(json!({})).unwrap();
    assert_eq!(o, SlateOptions::default());
    assert_eq!(o.locale, Locale::ZhCn);
}
