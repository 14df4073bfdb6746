//! Unified social credit codes (GB 32100-2015, 统一社会信用代码): 18 characters
//! from `0-9A-HJ-NP-RTUWXY` (values 0–30), the last one a check character.
//!
//! # Example
//!
//! ```
//! use dangjian_standards::ident::uscc;
//!
//! assert!(uscc::check("91512081MA62K0260E").is_ok());
//! let problems = uscc::check("91350100M000100Y4Z").unwrap_err();
//! assert_eq!(problems[0].code, "uscc.checksum");
//! ```

use super::problem::IdProblem;
use serde::{Deserialize, Serialize};
use serde_json::json;

/// The 31 characters a code uses, in the order of their values 0–30.
pub const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/// Weights of the first 17 characters.
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// A valid code and its parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Uscc {
    /// The 18-character code in upper case.
    pub normalized: String,
    /// Registration authority (1st character), e.g. `9` for market regulation.
    pub authority: String,
    /// Kind of organisation within that authority (2nd character).
    pub category: String,
    /// Administrative division code of registration (characters 3–8).
    pub region: String,
    /// Organisation code (characters 9–17).
    pub organisation: String,
}

/// The value (0–30) of a code character.
fn value(c: char) -> Option<u32> {
    ALPHABET
        .chars()
        .position(|a| a == c)
        .and_then(|i| u32::try_from(i).ok())
}

/// The check character of the first 17 characters, or `None` when they are not
/// 17 characters of the alphabet.
pub fn check_char(first17: &str) -> Option<char> {
    let values: Option<Vec<u32>> = first17.chars().map(value).collect();
    let values = values.filter(|v| v.len() == 17)?;
    let sum: u32 = values.iter().zip(WEIGHTS).map(|(v, w)| v * w).sum();
    let check = (31 - sum % 31) % 31;
    ALPHABET.chars().nth(check as usize)
}

/// Checks a code. Surrounding spaces are ignored and lower case is accepted.
pub fn check(input: &str) -> Result<Uscc, Vec<IdProblem>> {
    let s = input.trim().to_ascii_uppercase();
    let chars: Vec<char> = s.chars().collect();
    if chars.len() != 18 {
        return Err(vec![IdProblem::new(
            "uscc.length",
            &[("length", json!(chars.len()))],
        )]);
    }
    // A wrong last character is a wrong check character, whatever it is.
    let bad: String = chars
        .iter()
        .take(17)
        .filter(|c| value(**c).is_none())
        .collect();
    if !bad.is_empty() {
        return Err(vec![IdProblem::new("uscc.chars", &[("chars", json!(bad))])]);
    }
    let first17: String = chars.iter().take(17).collect();
    let actual = chars.get(17).copied().unwrap_or(' ');
    match check_char(&first17) {
        Some(expected) if expected == actual => {
            let part = |a: usize, b: usize| {
                chars
                    .get(a..b)
                    .map(|c| c.iter().collect::<String>())
                    .unwrap_or_default()
            };
            Ok(Uscc {
                authority: part(0, 1),
                category: part(1, 2),
                region: part(2, 8),
                organisation: part(8, 17),
                normalized: s,
            })
        }
        expected => Err(vec![IdProblem::new(
            "uscc.checksum",
            &[
                (
                    "expected",
                    json!(expected.map(String::from).unwrap_or_default()),
                ),
                ("actual", json!(actual.to_string())),
            ],
        )]),
    }
}

/// True when `input` is a valid code.
pub fn is_valid(input: &str) -> bool {
    check(input).is_ok()
}
