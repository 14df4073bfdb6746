//! GB 32100 unified social credit codes: every example of domain-rules §8.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use dangjian_standards::ident::uscc::{self, check, ALPHABET};

#[test]
fn valid_examples_from_the_domain_rules() {
    for code in [
        "91512081MA62K0260E",
        "11320000MB151840XJ",
        "9131000063159284XQ",
    ] {
        let u = check(code).unwrap_or_else(|e| panic!("{code}: {e:?}"));
        assert_eq!(u.normalized, code);
    }
    let u = check("91512081MA62K0260E").unwrap();
    assert_eq!(
        (
            u.authority.as_str(),
            u.category.as_str(),
            u.region.as_str(),
            u.organisation.as_str()
        ),
        ("9", "1", "512081", "MA62K0260")
    );
}

#[test]
fn invalid_example_from_the_domain_rules() {
    let problems = check("91350100M000100Y4Z").unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].code, "uscc.checksum");
    assert_eq!(problems[0].params["actual"], "Z");
    assert_eq!(
        problems[0].params["expected"],
        uscc::check_char("91350100M000100Y4").unwrap().to_string()
    );
}

#[test]
fn check_value_thirty_one_becomes_zero() {
    // Find a body whose weighted sum is a multiple of 31: its check character is "0".
    let mut found = false;
    for c in ALPHABET.chars() {
        let body = format!("9144030071526726{c}");
        if uscc::check_char(&body) == Some('0') {
            assert!(check(&format!("{body}0")).is_ok());
            found = true;
        }
    }
    assert!(found, "one of 31 last characters gives a sum ≡ 0 (mod 31)");
}

#[test]
fn lower_case_is_accepted_and_normalized() {
    assert_eq!(
        check(" 91512081ma62k0260e ").unwrap().normalized,
        "91512081MA62K0260E"
    );
}

#[test]
fn length_and_characters() {
    assert_eq!(
        check("91512081MA62K0260").unwrap_err()[0].code,
        "uscc.length"
    );
    // Letters outside the alphabet in the body are bad characters; in the last place, a wrong check.
    assert_eq!(
        check("91512081MA62K0260I").unwrap_err()[0].code,
        "uscc.checksum"
    );
    for bad in [
        "91512081MI62K0260E",
        "91512081MO62K0260E",
        "91512081MZ62K0260E",
        "91512081MS62K0260E",
        "91512081MV62K0260E",
    ] {
        let p = check(bad).unwrap_err();
        assert_eq!(p[0].code, "uscc.chars", "{bad}");
    }
    assert_eq!(
        check("91512081MI62K0260E").unwrap_err()[0].params["chars"],
        "I"
    );
}

#[test]
fn every_single_character_change_is_caught() {
    let good = "91512081MA62K0260E";
    for i in 0..18 {
        for c in ALPHABET.chars() {
            let mut chars: Vec<char> = good.chars().collect();
            if chars[i] == c {
                continue;
            }
            chars[i] = c;
            let changed: String = chars.into_iter().collect();
            assert!(!uscc::is_valid(&changed), "{changed}");
        }
    }
}
