//! A period from its key (`2026-03`, `2026-Q2`, `2026-H1`, `2026`,
//! `2026-W05`): a branch's report gives its periods by key only, and the
//! days and wording come back from the key when needed.

use crate::meetings::{Period, Span};
use dangjian_core::dates::Date;

/// The period of kind `period` whose key is `key`.
pub(super) fn span(period: Period, key: &str) -> Option<Span> {
    let (year, rest) = key.split_once('-').unwrap_or((key, ""));
    let y: i32 = year.parse().ok()?;
    let number = |prefix: &str| rest.strip_prefix(prefix)?.parse::<u32>().ok();
    let day = match period {
        Period::Year => Date::from_ymd(y, 1, 1),
        Period::HalfYear => Date::from_ymd(y, (number("H")?.checked_sub(1)?) * 6 + 1, 1),
        Period::Quarter => Date::from_ymd(y, (number("Q")?.checked_sub(1)?) * 3 + 1, 1),
        Period::Month => Date::from_ymd(y, number("")?, 1),
        Period::Week => Date::from_iso_week(y, number("W")?),
    }?;
    let span = period.containing(day)?;
    (span.key() == key).then_some(span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dangjian_core::Locale;

    #[test]
    fn every_key_gives_its_period_back() {
        let from = Date::from_ymd(2026, 1, 1).unwrap();
        let to = Date::from_ymd(2027, 12, 31).unwrap();
        for kind in [
            Period::Week,
            Period::Month,
            Period::Quarter,
            Period::HalfYear,
            Period::Year,
        ] {
            for s in kind.spans(from, to) {
                assert_eq!(span(kind, &s.key()), Some(s), "{}", s.key());
            }
        }
        assert_eq!(
            span(Period::Quarter, "2026-Q2")
                .unwrap()
                .label(Locale::ZhCn),
            "2026年第二季度"
        );
        for bad in [
            "2026-Q5",
            "2026-13",
            "x",
            "2026-H0",
            "2026-W60",
            "2026-03-01",
        ] {
            assert_eq!(
                span(Period::Month, bad).or(span(Period::Quarter, bad)),
                None,
                "{bad}"
            );
        }
    }
}
