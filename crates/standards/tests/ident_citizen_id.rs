//! GB 11643 citizen ID numbers: every example of domain-rules §8, and the edges.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use dangjian_core::dates::Date;
use dangjian_core::Locale;
use dangjian_standards::ident::citizen_id::{self, describe, mask, parse, DescribeOptions, Gender};

fn date(s: &str) -> Date {
    citizen_id::parse_iso_date(s).unwrap()
}

fn codes(input: &str, today: Option<Date>) -> Vec<String> {
    parse(input, today)
        .unwrap_err()
        .into_iter()
        .map(|p| p.code)
        .collect()
}

#[test]
fn valid_examples_from_the_domain_rules() {
    let today = Some(date("2026-11-22"));
    let cases = [
        (
            "11010519491231002X",
            "1949-12-31",
            Gender::Female,
            "11",
            "北京",
        ),
        (
            "440524188001010014",
            "1880-01-01",
            Gender::Male,
            "44",
            "广东",
        ),
        (
            "513101198201130014",
            "1982-01-13",
            Gender::Male,
            "51",
            "四川",
        ),
        (
            "370101190102039973",
            "1901-02-03",
            Gender::Male,
            "37",
            "山东",
        ),
    ];
    for (number, birth, gender, code, province) in cases {
        let id = parse(number, today).unwrap_or_else(|e| panic!("{number}: {e:?}"));
        assert_eq!(id.normalized, number);
        assert_eq!(citizen_id::iso(id.birth_date), birth, "{number}");
        assert_eq!(id.gender, gender, "{number}");
        assert_eq!(id.province_code, code);
        assert_eq!(id.province_name.get(Locale::ZhCn), province);
        assert!(!id.legacy_upgraded);
    }
}

#[test]
fn wrong_check_character_names_the_expected_one() {
    let problems = parse("440524188001010015", None).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].code, "citizen_id.checksum");
    assert_eq!(problems[0].params["expected"], "4");
    assert_eq!(problems[0].params["actual"], "5");
    assert_eq!(
        problems[0].message(Locale::ZhCn),
        "身份证号码校验码错误：末位应为“4”，实际为“5”"
    );
    assert!(problems[0].message(Locale::En).contains("expected “4”"));
}

#[test]
fn lower_case_x_and_spaces_are_normalized() {
    let id = parse(" 11010519491231002x ", None).unwrap();
    assert_eq!(id.normalized, "11010519491231002X");
}

#[test]
fn legacy_fifteen_digit_number_is_upgraded() {
    let id = parse("440524800101001", None).unwrap();
    assert_eq!(id.normalized, "440524198001010013");
    assert!(id.legacy_upgraded);
    assert_eq!(citizen_id::iso(id.birth_date), "1980-01-01");
    assert_eq!(id.gender, Gender::Male);
    // The upgraded number is itself valid.
    assert!(citizen_id::is_valid(&id.normalized, None));
}

#[test]
fn legacy_number_with_impossible_date_fails() {
    assert_eq!(codes("440524800230001", None), ["citizen_id.birth_date"]);
}

#[test]
fn length_and_characters() {
    assert_eq!(codes("4405241880010100", None), ["citizen_id.length"]);
    assert_eq!(codes("", None), ["citizen_id.length"]);
    assert_eq!(codes("44052418800101001A", None), ["citizen_id.chars"]);
    assert_eq!(codes("4405241880010X0014", None), ["citizen_id.chars"]);
    assert_eq!(codes("44052480010100X", None), ["citizen_id.chars"]);
    // Full-width digits are characters, not digits.
    assert_eq!(codes("４40524188001010014", None), ["citizen_id.chars"]);
    let p = parse("12345", None).unwrap_err();
    assert_eq!(p[0].params["length"], 5);
}

#[test]
fn unknown_province_code() {
    // 99 is no province; the check character is right for these digits.
    let body = "99052419800101001";
    let n = format!("{body}{}", citizen_id::check_char(body).unwrap());
    assert_eq!(codes(&n, None), ["citizen_id.province"]);
    let body = "00052419800101001";
    let n = format!("{body}{}", citizen_id::check_char(body).unwrap());
    assert_eq!(codes(&n, None), ["citizen_id.province"]);
}

#[test]
fn impossible_birth_dates() {
    for birth in ["19800230", "19810229", "19801301", "19800000", "19800132"] {
        let body = format!("440524{birth}001");
        let n = format!("{body}{}", citizen_id::check_char(&body).unwrap());
        assert_eq!(codes(&n, None), ["citizen_id.birth_date"], "{birth}");
    }
    // 2000 was a leap year; 1900 was not.
    let body = "44052420000229001";
    assert!(parse(
        &format!("{body}{}", citizen_id::check_char(body).unwrap()),
        None
    )
    .is_ok());
    let body = "44052419000229001";
    assert_eq!(
        codes(
            &format!("{body}{}", citizen_id::check_char(body).unwrap()),
            None
        ),
        ["citizen_id.birth_date"]
    );
}

#[test]
fn birth_date_in_the_future_needs_today() {
    let body = "44052420270101002";
    let n = format!("{body}{}", citizen_id::check_char(body).unwrap());
    assert!(
        parse(&n, None).is_ok(),
        "without today the future cannot be known"
    );
    assert_eq!(
        codes(&n, Some(date("2026-11-22"))),
        ["citizen_id.birth_future"]
    );
    assert!(
        parse(&n, Some(date("2027-01-01"))).is_ok(),
        "born today is fine"
    );
    let p = parse(&n, Some(date("2026-11-22"))).unwrap_err();
    assert_eq!(p[0].params["date"], "2027-01-01");
}

#[test]
fn several_problems_at_once() {
    // Bad province, bad date and wrong check character.
    assert_eq!(
        codes("990524198002300010", None),
        [
            "citizen_id.province",
            "citizen_id.birth_date",
            "citizen_id.checksum"
        ]
    );
}

#[test]
fn gender_from_sequence_parity() {
    for (seq, gender) in [
        ("001", Gender::Male),
        ("002", Gender::Female),
        ("019", Gender::Male),
        ("990", Gender::Female),
    ] {
        let body = format!("44052419800101{seq}");
        let n = format!("{body}{}", citizen_id::check_char(&body).unwrap());
        assert_eq!(parse(&n, None).unwrap().gender, gender, "{seq}");
    }
}

#[test]
fn masking_keeps_four_and_four() {
    assert_eq!(mask("440524188001010014"), "4405**********0014");
    assert_eq!(mask("440524800101001"), "4405*******1001");
    assert_eq!(mask("12345678"), "********");
    assert_eq!(mask(""), "");
}

#[test]
fn describe_masks_unless_revealed() {
    let d = describe("440524188001010014", &DescribeOptions::default());
    assert!(d.valid);
    assert_eq!(d.number, "4405**********0014");
    assert!(d.masked);
    assert_eq!(d.normalized, None);
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["gender"], "male");
    assert_eq!(json["birth_date"], "1880-01-01");
    assert_eq!(json["province"]["name"], "广东");
    assert!(!json.to_string().contains("440524188001010014"));

    let d = describe(
        "440524800101001",
        &DescribeOptions {
            reveal: true,
            locale: Locale::En,
            today: None,
        },
    );
    assert_eq!(d.number, "440524198001010013");
    assert_eq!(d.normalized.as_deref(), Some("440524198001010013"));
    assert_eq!(d.province.unwrap().name, "Guangdong");
    assert!(d.legacy_upgraded);

    let d = describe(
        "440524188001010015",
        &DescribeOptions {
            locale: Locale::En,
            ..DescribeOptions::default()
        },
    );
    assert!(!d.valid);
    assert_eq!(d.number, "4405**********0015");
    assert_eq!(d.problems[0].code, "citizen_id.checksum");
    assert!(d.problems[0].message.starts_with("Wrong check character"));
}
