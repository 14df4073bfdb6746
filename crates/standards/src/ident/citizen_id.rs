//! Citizen ID numbers (GB 11643-1999, 公民身份号码): 6-digit region, birth date
//! `YYYYMMDD`, 3-digit sequence (odd for men, even for women) and a check
//! character; legacy 15-digit numbers (GB 11643-1989) are accepted and upgraded.
//!
//! # Example
//!
//! ```
//! use dangjian_standards::ident::citizen_id::{self, Gender};
//!
//! let id = citizen_id::parse("11010519491231002x", None).expect("a valid number");
//! assert_eq!(id.normalized, "11010519491231002X");
//! assert_eq!(id.birth_date.to_string(), "1949-12-31");
//! assert_eq!(id.gender, Gender::Female);
//! assert_eq!(citizen_id::mask(&id.normalized), "1101**********002X");
//!
//! let old = citizen_id::parse("440524800101001", None).expect("a valid legacy number");
//! assert_eq!(old.normalized, "440524198001010013");
//! assert!(old.legacy_upgraded);
//! ```

use super::problem::{IdProblem, RenderedProblem};
use super::province::{self, Province};
use dangjian_core::dates::Date;
use dangjian_core::{Locale, Text};
use serde::{Deserialize, Serialize};
use serde_json::json;

/// Weights of the first 17 characters (GB 11643-1999).
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character for each value of the weighted sum modulo 11.
const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// A person's gender, as the sequence number of a citizen ID tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    /// Odd sequence number.
    Male,
    /// Even sequence number.
    Female,
}

impl Gender {
    /// `male` or `female`, the value forms store.
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }

    /// The gender of a form value `male` / `female` (also 男 / 女).
    pub fn parse(s: &str) -> Option<Gender> {
        match s.trim() {
            "male" | "男" => Some(Gender::Male),
            "female" | "女" => Some(Gender::Female),
            _ => None,
        }
    }

    /// How the gender reads in `locale`.
    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (Gender::Male, Locale::ZhCn) => "男",
            (Gender::Female, Locale::ZhCn) => "女",
            (Gender::Male, Locale::En) => "male",
            (Gender::Female, Locale::En) => "female",
        }
    }
}

/// What a valid citizen ID number says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitizenId {
    /// The 18-character number, check character upper-case (upgraded when the input was 15 digits).
    pub normalized: String,
    /// Date of birth.
    pub birth_date: Date,
    /// Gender from the parity of the sequence number.
    pub gender: Gender,
    /// Two-digit province code.
    pub province_code: String,
    /// Name of the province in both languages.
    pub province_name: Text,
    /// True when the input was a legacy 15-digit number.
    pub legacy_upgraded: bool,
}

/// Checks a citizen ID number and reads it. `today`, when given, also rules out
/// birth dates in the future (the engine never reads a clock).
///
/// Surrounding spaces are ignored and a lower-case `x` is accepted. On failure,
/// every problem found is returned (length and characters first: when those are
/// wrong nothing else is checked).
pub fn parse(input: &str, today: Option<Date>) -> Result<CitizenId, Vec<IdProblem>> {
    let s = input.trim().to_ascii_uppercase();
    let chars: Vec<char> = s.chars().collect();
    let (body, legacy) = match chars.len() {
        18 => {
            let ok = chars.iter().take(17).all(char::is_ascii_digit)
                && chars
                    .get(17)
                    .is_some_and(|c| c.is_ascii_digit() || *c == 'X');
            if !ok {
                return Err(vec![IdProblem::new("citizen_id.chars", &[])]);
            }
            (s.get(..17).unwrap_or_default().to_owned(), false)
        }
        15 => {
            if !chars.iter().all(char::is_ascii_digit) {
                return Err(vec![IdProblem::new("citizen_id.chars", &[])]);
            }
            // Insert the century: region + "19" + YYMMDD + sequence.
            (
                format!(
                    "{}19{}",
                    s.get(..6).unwrap_or_default(),
                    s.get(6..).unwrap_or_default()
                ),
                true,
            )
        }
        n => {
            return Err(vec![IdProblem::new(
                "citizen_id.length",
                &[("length", json!(n))],
            )])
        }
    };
    let mut problems = Vec::new();
    let code = body.get(..2).unwrap_or_default();
    let province = province::by_code(code);
    if province.is_none() {
        problems.push(IdProblem::new(
            "citizen_id.province",
            &[("code", json!(code))],
        ));
    }
    let date_digits = body.get(6..14).unwrap_or_default();
    let birth = parse_yyyymmdd(date_digits);
    match birth {
        None => problems.push(IdProblem::new(
            "citizen_id.birth_date",
            &[("date", json!(date_digits))],
        )),
        Some(d) => {
            if let Some(t) = today.filter(|t| d > *t) {
                problems.push(IdProblem::new(
                    "citizen_id.birth_future",
                    &[("date", json!(iso(d))), ("today", json!(iso(t)))],
                ));
            }
        }
    }
    let expected = check_char(&body);
    if !legacy {
        let actual = chars.get(17).copied().unwrap_or(' ');
        if Some(actual) != expected {
            problems.push(IdProblem::new(
                "citizen_id.checksum",
                &[
                    (
                        "expected",
                        json!(expected.map(String::from).unwrap_or_default()),
                    ),
                    ("actual", json!(actual.to_string())),
                ],
            ));
        }
    }
    match (problems.is_empty(), province, birth, expected) {
        (true, Some(p), Some(birth_date), Some(check)) => {
            let seq = body.as_bytes().get(16).map(|b| b - b'0').unwrap_or(0);
            Ok(CitizenId {
                normalized: format!("{body}{check}"),
                birth_date,
                gender: if seq % 2 == 1 {
                    Gender::Male
                } else {
                    Gender::Female
                },
                province_code: p.code.to_owned(),
                province_name: p.name(),
                legacy_upgraded: legacy,
            })
        }
        _ => Err(problems),
    }
}

/// True when `input` is a valid citizen ID number (see [`parse`]).
pub fn is_valid(input: &str, today: Option<Date>) -> bool {
    parse(input, today).is_ok()
}

/// The check character of the first 17 digits, or `None` when they are not 17 digits.
pub fn check_char(first17: &str) -> Option<char> {
    if first17.len() != 17 || !first17.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = first17
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    CHECK.get((sum % 11) as usize).copied()
}

/// Masks a number for people to see: the first 4 and last 4 characters stay,
/// every other becomes `*` (`4405**********0014`). Numbers of 8 characters or
/// fewer are masked entirely.
pub fn mask(number: &str) -> String {
    let chars: Vec<char> = number.trim().chars().collect();
    let n = chars.len();
    if n <= 8 {
        return "*".repeat(n);
    }
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| if i < 4 || i >= n - 4 { *c } else { '*' })
        .collect()
}

/// Parses `YYYYMMDD` into a real calendar date.
fn parse_yyyymmdd(s: &str) -> Option<Date> {
    if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = s.get(..4)?.parse().ok()?;
    let m: u32 = s.get(4..6)?.parse().ok()?;
    let d: u32 = s.get(6..8)?.parse().ok()?;
    Date::from_ymd(y, m, d)
}

/// Parses an ISO date `YYYY-MM-DD` (as `today` and form dates are written).
pub fn parse_iso_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if s.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    parse_yyyymmdd(&format!("{}{}{}", s.get(..4)?, s.get(5..7)?, s.get(8..10)?))
}

/// Full years from `from` to `to`: a person's age on a day.
pub fn years_between(from: Date, to: Date) -> i64 {
    to.years_since(from)
}

/// `YYYY-MM-DD`.
pub fn iso(d: Date) -> String {
    d.to_string()
}

/// Options of [`describe`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DescribeOptions {
    /// Today's date, to rule out birth dates in the future.
    pub today: Option<Date>,
    /// Language of the messages.
    pub locale: Locale,
    /// Show the whole number instead of the masked one.
    pub reveal: bool,
}

/// A province in a description: code and name in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvinceRef {
    /// Two-digit code.
    pub code: String,
    /// Name in the requested language.
    pub name: String,
}

impl ProvinceRef {
    fn new(p: &Province, locale: Locale) -> ProvinceRef {
        ProvinceRef {
            code: p.code.to_owned(),
            name: p.name().get(locale).to_owned(),
        }
    }
}

/// Everything a citizen ID number tells, for people and programs (the CLI's
/// `id-number` prints it as JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Description {
    /// True when the number is valid.
    pub valid: bool,
    /// The (normalized, when valid) number — masked unless the caller asked to reveal it.
    pub number: String,
    /// True when `number` is masked.
    pub masked: bool,
    /// The full 18-character number when valid and revealed; otherwise absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub normalized: Option<String>,
    /// Date of birth, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
    /// `male` or `female`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// The province of registration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<ProvinceRef>,
    /// True when a 15-digit number was upgraded to 18 characters.
    pub legacy_upgraded: bool,
    /// Why the number is invalid (empty when valid).
    pub problems: Vec<RenderedProblem>,
}

/// Describes `input`: what it says when valid, why it is not otherwise.
pub fn describe(input: &str, options: &DescribeOptions) -> Description {
    let locale = options.locale;
    match parse(input, options.today) {
        Ok(id) => Description {
            valid: true,
            number: if options.reveal {
                id.normalized.clone()
            } else {
                mask(&id.normalized)
            },
            masked: !options.reveal,
            normalized: options.reveal.then(|| id.normalized.clone()),
            birth_date: Some(iso(id.birth_date)),
            gender: Some(id.gender),
            province: province::by_code(&id.province_code).map(|p| ProvinceRef::new(p, locale)),
            legacy_upgraded: id.legacy_upgraded,
            problems: Vec::new(),
        },
        Err(problems) => {
            let trimmed = input.trim();
            Description {
                valid: false,
                number: if options.reveal {
                    trimmed.to_owned()
                } else {
                    mask(trimmed)
                },
                masked: !options.reveal,
                normalized: None,
                birth_date: None,
                gender: None,
                province: None,
                legacy_upgraded: false,
                problems: problems
                    .iter()
                    .map(|p| RenderedProblem::new(p, locale))
                    .collect(),
            }
        }
    }
}
