//! Calendar dates written `YYYY-MM-DD`: how every entry point — the CLI's
//! flags, the npm package's options — reads `today` and the other dates it is
//! given, so they refuse the same inputs.

/// The year, month and day of a real calendar date written `YYYY-MM-DD`
/// (ASCII digits, years 0001–9999); `None` for anything else, such as
/// `2026-13-45`, `2026-02-30` or `2026-6-1`.
pub fn parse_iso_date(text: &str) -> Option<(i32, u32, u32)> {
    let b = text.as_bytes();
    let shaped = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shaped {
        return None;
    }
    let year: i32 = text.get(0..4)?.parse().ok()?;
    let month: u32 = text.get(5..7)?.parse().ok()?;
    let day: u32 = text.get(8..10)?.parse().ok()?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (year >= 1 && (1..=days).contains(&day)).then_some((year, month, day))
}

/// True for a real calendar date written `YYYY-MM-DD` (see [`parse_iso_date`]).
pub fn is_iso_date(text: &str) -> bool {
    parse_iso_date(text).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_real_dates_in_the_iso_shape() {
        for good in [
            "2026-06-30",
            "2024-02-29",
            "2000-02-29",
            "0001-01-01",
            "9999-12-31",
        ] {
            assert!(is_iso_date(good), "{good}");
        }
        for bad in [
            "2026-13-45",
            "2026-02-30",
            "2023-02-29",
            "1900-02-29",
            "2026-00-10",
            "2026-01-00",
            "0000-01-01",
            "2026-6-30",
            "2026/06/30",
            "２０２６-06-30",
            "2026-06-30T00:00",
            "",
        ] {
            assert!(!is_iso_date(bad), "{bad}");
        }
        assert_eq!(parse_iso_date("2026-06-30"), Some((2026, 6, 30)));
    }
}
