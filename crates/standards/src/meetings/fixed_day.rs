//! The fixed day of a recurring meeting (主题党日 “每月相对固定一天”): which day
//! of the month it is held on, and whether a meeting kept to it.

use dangjian_core::dates::Date;
use dangjian_core::spec::read::{deserialize_by, object, optional, uint32, Json, Read};
use dangjian_core::Locale;
use serde::Serialize;

/// On which day a requirement's meetings are held. Every field is optional:
/// `{}` means “the same day of the month every time, whichever it is” (the day
/// most of the meetings were held on, the earliest on a tie);
/// `{"day_of_month": 10}` the 10th; `{"weekday": 5}` a Friday;
/// `{"weekday": 5, "nth": 1}` the first Friday of the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct FixedDay {
    /// Day of the month, 1–31.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day_of_month: Option<u32>,
    /// ISO weekday, Monday = 1 … Sunday = 7.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekday: Option<u32>,
    /// With `weekday`: which one of the month (1–5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nth: Option<u32>,
}

const FIXED_DAY: &[&str] = &["day_of_month", "weekday", "nth"];

impl FixedDay {
    /// Reads a fixed day from JSON: every property optional, no others.
    pub fn read(value: &Json<'_>) -> Read<FixedDay> {
        object(value, "struct FixedDay", FIXED_DAY, |f| {
            let mut d = FixedDay::default();
            for (k, v) in f.entries() {
                match k {
                    "day_of_month" => f.set(k, &mut d.day_of_month, optional(v, uint32)),
                    "weekday" => f.set(k, &mut d.weekday, optional(v, uint32)),
                    "nth" => f.set(k, &mut d.nth, optional(v, uint32)),
                    _ => f.unknown(k),
                }
            }
            d
        })
    }
}

deserialize_by!(FixedDay, FixedDay::read);

/// A fixed day made concrete for a list of dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rule {
    day_of_month: Option<u32>,
    weekday: Option<u32>,
    nth: Option<u32>,
    /// True when the day of the month was read from the meetings themselves.
    inferred: bool,
}

impl FixedDay {
    /// The rule for these meeting dates; `None` when there is nothing to check
    /// (no day given and no date to infer it from).
    pub(crate) fn rule(&self, dates: &[Date]) -> Option<Rule> {
        if self.day_of_month.is_some() || self.weekday.is_some() {
            return Some(Rule {
                day_of_month: self.day_of_month,
                weekday: self.weekday,
                nth: self.nth,
                inferred: false,
            });
        }
        let mut tally = [0usize; 32];
        for d in dates {
            if let Some(n) = tally.get_mut(d.day() as usize) {
                *n += 1;
            }
        }
        let (day, n) =
            tally.iter().enumerate().fold(
                (0, 0),
                |best, (day, &n)| if n > best.1 { (day, n) } else { best },
            );
        (n > 0).then(|| Rule {
            day_of_month: u32::try_from(day).ok(),
            weekday: None,
            nth: None,
            inferred: true,
        })
    }
}

impl Rule {
    /// True when `date` is on the fixed day.
    pub(crate) fn holds(&self, date: Date) -> bool {
        let day_ok = self.day_of_month.is_none_or(|d| date.day() == d);
        let weekday_ok = self.weekday.is_none_or(|w| date.weekday() == w);
        let nth_ok = self.nth.is_none_or(|n| (date.day() - 1) / 7 + 1 == n);
        day_ok && weekday_ok && nth_ok
    }

    /// The fixed day in words: 每月 10 日, 每月第 1 个星期五.
    pub(crate) fn describe(&self, locale: Locale) -> String {
        let zh = locale == Locale::ZhCn;
        let mut out = match (self.day_of_month, self.weekday, self.nth) {
            (Some(d), _, _) if zh => format!("每月 {d} 日"),
            (Some(d), _, _) => format!("day {d} of each month"),
            (None, Some(w), Some(n)) if zh => format!("每月第 {n} 个{}", weekday(w, locale)),
            (None, Some(w), Some(n)) => {
                format!("the {} {} of each month", ordinal(n), weekday(w, locale))
            }
            (None, Some(w), None) if zh => weekday(w, locale).to_owned(),
            (None, Some(w), None) => format!("a {}", weekday(w, locale)),
            (None, None, _) => String::new(),
        };
        if self.inferred {
            out.push_str(if zh {
                "，即多数会议的日期"
            } else {
                ", the day most of them were held on"
            });
        }
        out
    }
}

/// The name of ISO weekday `w` (Monday = 1) in `locale` (`?` for a number out of range).
pub(crate) fn weekday(w: u32, locale: Locale) -> &'static str {
    const ZH: [&str; 7] = [
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
    ];
    const EN: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let table = if locale == Locale::ZhCn { ZH } else { EN };
    w.checked_sub(1)
        .and_then(|i| table.get(i as usize))
        .copied()
        .unwrap_or("?")
}

fn ordinal(n: u32) -> String {
    match n {
        1 => "first".into(),
        2 => "second".into(),
        3 => "third".into(),
        4 => "fourth".into(),
        5 => "fifth".into(),
        _ => format!("{n}th"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn the_same_day_is_read_from_the_meetings() {
        let dates = [d("2026-01-10"), d("2026-02-10"), d("2026-03-12")];
        let rule = FixedDay::default().rule(&dates).unwrap();
        assert!(rule.holds(d("2026-04-10")));
        assert!(!rule.holds(d("2026-03-12")));
        assert_eq!(rule.describe(Locale::ZhCn), "每月 10 日，即多数会议的日期");
        // A tie goes to the earliest day.
        let rule = FixedDay::default()
            .rule(&[d("2026-01-15"), d("2026-02-10")])
            .unwrap();
        assert!(rule.holds(d("2026-05-10")));
        assert!(FixedDay::default().rule(&[]).is_none());
    }

    #[test]
    fn a_given_day_or_weekday() {
        let tenth = FixedDay {
            day_of_month: Some(10),
            ..FixedDay::default()
        }
        .rule(&[])
        .unwrap();
        assert!(tenth.holds(d("2026-06-10")));
        assert!(!tenth.holds(d("2026-06-11")));
        let first_friday = FixedDay {
            weekday: Some(5),
            nth: Some(1),
            ..FixedDay::default()
        }
        .rule(&[])
        .unwrap();
        assert!(first_friday.holds(d("2026-05-01")));
        assert!(!first_friday.holds(d("2026-05-08")));
        assert_eq!(first_friday.describe(Locale::ZhCn), "每月第 1 个星期五");
        assert_eq!(
            first_friday.describe(Locale::En),
            "the first Friday of each month"
        );
    }
}
