//! Calendar dates and times of day: the one place the engine and the
//! standard forms do calendar arithmetic.
//!
//! - [`parse_iso_date`] / [`is_iso_date`]: how every entry point — the CLI's
//!   flags, the npm package's options — reads `today` and the other dates it is
//!   given, so they refuse the same inputs.
//! - [`Date`]: a day of the proleptic Gregorian calendar (years −262143 to
//!   262142), with the arithmetic rules need: days between, weekday, ISO week,
//!   next and previous day, age in whole years. Written and read (serde) as
//!   `YYYY-MM-DD`. Day numbers use Howard Hinnant's `days_from_civil` /
//!   `civil_from_days` algorithms.
//! - [`Time`] and [`DateTime`]: a time of day `HH:MM[:SS]` and a date with one,
//!   ordered as the moments they name.
//!
//! [`Date::parse`] and [`Time::parse`] read fields as the engine always has:
//! each number may follow white space, the year may carry a sign (`+0999`),
//! months, days, hours and minutes have one or two digits, and `:60` is a leap
//! second, ordered after `:59`.

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

/// The earliest and latest years a [`Date`] holds.
const YEARS: std::ops::RangeInclusive<i64> = -262_143..=262_142;

/// Days from 0000-03-01 to 1970-01-01 in Hinnant's day count.
const EPOCH_SHIFT: i64 = 719_468;

/// Days from 0001-01-01 (day 1) to 1970-01-01 (see [`Date::num_days_from_ce`]).
const CE_SHIFT: i64 = 719_163;

/// A day of the proleptic Gregorian calendar. Orders by time; `Display`
/// and serde write it `YYYY-MM-DD` (years outside 0–9999 with a sign and at
/// least four digits: `+12345-01-01`, `-0001-12-31`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// 1970-01-01.
impl Default for Date {
    fn default() -> Date {
        Date {
            year: 1970,
            month: 1,
            day: 1,
        }
    }
}

/// Whether `year` has a 29 February.
fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days of `month` (1–12) in `year`; 0 for another month.
fn month_days(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date `year`-`month`-`day`, or `None` when there is no such day.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        let ok = YEARS.contains(&i64::from(year))
            && (1..=month_days(i64::from(year), month)).contains(&day);
        Some(Date {
            year,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        })
        .filter(|_| ok)
    }

    /// The day `days` after 1970-01-01 (before it when negative).
    pub fn from_days(days: i64) -> Option<Date> {
        // civil_from_days
        let z = days.checked_add(EPOCH_SHIFT)?;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = era.checked_mul(400)? + yoe + i64::from(month <= 2);
        Date::from_ymd(
            i32::try_from(year).ok()?,
            u32::try_from(month).ok()?,
            u32::try_from(day).ok()?,
        )
    }

    /// Days from 1970-01-01 to this day (negative before it).
    pub fn days(self) -> i64 {
        // days_from_civil
        let (month, day) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(month <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - EPOCH_SHIFT
    }

    /// The day's number counting 0001-01-01 as day 1.
    pub fn num_days_from_ce(self) -> i64 {
        self.days() + CE_SHIFT
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// The ISO weekday: Monday = 1 … Sunday = 7.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday.
        u32::try_from((self.days() + 3).rem_euclid(7)).unwrap_or(0) + 1
    }

    /// The day `days` later (earlier when negative), if the calendar holds it.
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_days(self.days().checked_add(days)?)
    }

    /// The next day.
    pub fn succ(self) -> Option<Date> {
        self.add_days(1)
    }

    /// The day before.
    pub fn pred(self) -> Option<Date> {
        self.add_days(-1)
    }

    /// Days from `earlier` to this day (negative when `earlier` is later).
    pub fn days_since(self, earlier: Date) -> i64 {
        self.days() - earlier.days()
    }

    /// Whole years from `birth` to this day: a person's age on it.
    pub fn years_since(self, birth: Date) -> i64 {
        let mut years = i64::from(self.year) - i64::from(birth.year);
        if (self.month, self.day) < (birth.month, birth.day) {
            years -= 1;
        }
        years
    }

    /// The ISO 8601 week: (week-numbering year, week 1–53). Weeks start on
    /// Monday; week 1 holds the year's first Thursday.
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = self.days() + 4 - i64::from(self.weekday());
        let year = Date::from_days(thursday).map_or(self.year, Date::year);
        let first = Date {
            year,
            month: 1,
            day: 1,
        };
        let week = (thursday - first.days()) / 7 + 1;
        (year, u32::try_from(week).unwrap_or(0))
    }

    /// The Monday of ISO week `week` of `year`, or `None` when that year has
    /// no such week (weeks 1–52, or 1–53 in a long year).
    pub fn from_iso_week(year: i32, week: u32) -> Option<Date> {
        let jan4 = Date::from_ymd(year, 1, 4)?;
        let monday = jan4.days() - i64::from(jan4.weekday()) + 1;
        let date = Date::from_days(monday + (i64::from(week) - 1) * 7)?;
        (week >= 1 && date.iso_week() == (year, week)).then_some(date)
    }

    /// Reads `YYYY-MM-DD` (see the [module](self) for what each field may be).
    pub fn parse(text: &str) -> Option<Date> {
        let (year, rest) = year_field(text)?;
        let rest = rest.strip_prefix('-')?;
        let (month, rest) = number_field(rest, 2)?;
        let rest = rest.strip_prefix('-')?;
        let (day, rest) = number_field(rest, 2)?;
        if !rest.is_empty() {
            return None;
        }
        Date::from_ymd(
            i32::try_from(year).ok()?,
            u32::try_from(month).ok()?,
            u32::try_from(day).ok()?,
        )
    }

    /// This day at `time`.
    pub fn at(self, time: Time) -> DateTime {
        DateTime { date: self, time }
    }
}

/// Up to `max` ASCII digits after optional white space (at least one), and what follows.
fn number_field(text: &str, max: usize) -> Option<(i64, &str)> {
    let text = text.trim_start();
    let digits = text
        .bytes()
        .take(max)
        .take_while(u8::is_ascii_digit)
        .count();
    if digits == 0 {
        return None;
    }
    let (number, rest) = text.split_at_checked(digits)?;
    Some((number.parse().ok()?, rest))
}

/// A year: white space, then a sign and any number of digits, or four digits at most.
fn year_field(text: &str) -> Option<(i64, &str)> {
    let text = text.trim_start();
    if let Some(rest) = text.strip_prefix('-') {
        let (n, rest) = number_field_unsigned(rest)?;
        Some((n.checked_neg()?, rest))
    } else if let Some(rest) = text.strip_prefix('+') {
        number_field_unsigned(rest)
    } else {
        number_field(text, 4)
    }
}

/// Any number of ASCII digits (at least one, no white space before), and what follows.
fn number_field_unsigned(text: &str) -> Option<(i64, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let (number, rest) = text.split_at_checked(digits)?;
    Some((number.parse().ok()?, rest))
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if (0..=9999).contains(&self.year) {
            write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
        } else {
            write!(f, "{:+05}-{:02}-{:02}", self.year, self.month, self.day)
        }
    }
}

impl std::fmt::Debug for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

impl std::str::FromStr for Date {
    type Err = BadDate;

    /// [`Date::parse`], white space after the fields allowed.
    fn from_str(s: &str) -> Result<Date, BadDate> {
        Date::parse(s.trim_end()).ok_or(BadDate)
    }
}

/// A text that is no date `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadDate;

impl std::fmt::Display for BadDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("input is not a date YYYY-MM-DD")
    }
}

impl std::error::Error for BadDate {}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Date;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a date YYYY-MM-DD")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Date, E> {
                v.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// A time of day to the second; second 60 is a leap second (after :59).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default)]
pub struct Time {
    hour: u8,
    minute: u8,
    second: u8,
}

impl Time {
    /// `hour`:`minute`:`second`, or `None` outside 0–23, 0–59, 0–60.
    pub fn from_hms(hour: u32, minute: u32, second: u32) -> Option<Time> {
        (hour < 24 && minute < 60 && second <= 60).then_some(Time {
            hour: u8::try_from(hour).ok()?,
            minute: u8::try_from(minute).ok()?,
            second: u8::try_from(second).ok()?,
        })
    }

    /// Reads `HH:MM` (five characters) or `HH:MM:SS` (eight); see the
    /// [module](self) for what each field may be.
    pub fn parse(text: &str) -> Option<Time> {
        let with_seconds = match text.len() {
            5 => false,
            8 => true,
            _ => return None,
        };
        let (hour, rest) = number_field(text, 2)?;
        let (minute, rest) = number_field(rest.strip_prefix(':')?, 2)?;
        let (second, rest) = if with_seconds {
            number_field(rest.strip_prefix(':')?, 2)?
        } else {
            (0, rest)
        };
        if !rest.is_empty() {
            return None;
        }
        Time::from_hms(
            u32::try_from(hour).ok()?,
            u32::try_from(minute).ok()?,
            u32::try_from(second).ok()?,
        )
    }

    /// The hour, 0–23.
    pub fn hour(self) -> u32 {
        u32::from(self.hour)
    }

    /// The minute, 0–59.
    pub fn minute(self) -> u32 {
        u32::from(self.minute)
    }

    /// Seconds since midnight; a leap second counts as :59.
    fn seconds(self) -> i64 {
        i64::from(self.hour) * 3600 + i64::from(self.minute) * 60 + i64::from(self.second.min(59))
    }
}

/// A date with a time of day (no time zone), ordered as the moments they name.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default)]
pub struct DateTime {
    date: Date,
    time: Time,
}

impl DateTime {
    /// Seconds since 1970-01-01T00:00:00 (negative before it).
    pub fn timestamp(self) -> i64 {
        self.date.days() * 86_400 + self.time.seconds()
    }
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

    /// chrono's reading of `%Y-%m-%d`, the reference [`Date::parse`] keeps.
    fn chrono_date(s: &str) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    fn chrono_of(d: Date) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(d.year(), d.month(), d.day()).unwrap()
    }

    #[test]
    fn every_day_1900_to_2100_agrees_with_chrono() {
        use chrono::Datelike;
        let first = Date::from_ymd(1900, 1, 1).unwrap();
        let last = Date::from_ymd(2100, 12, 31).unwrap();
        let mut day = first;
        let mut reference = chrono_of(first);
        let mut n = 0;
        while day <= last {
            assert_eq!(day.to_string(), reference.to_string());
            assert_eq!(day.to_string(), reference.format("%Y-%m-%d").to_string());
            assert_eq!(Date::parse(&day.to_string()), Some(day));
            assert_eq!(Date::from_days(day.days()), Some(day));
            assert_eq!(day.weekday(), reference.weekday().number_from_monday());
            let w = reference.iso_week();
            assert_eq!(day.iso_week(), (w.year(), w.week()));
            assert_eq!(
                day.num_days_from_ce(),
                i64::from(reference.num_days_from_ce())
            );
            assert_eq!(
                day.days(),
                (reference - chrono::NaiveDate::default()).num_days()
            );
            assert_eq!(day.succ().map(chrono_of), reference.succ_opt());
            assert_eq!(day.pred().map(chrono_of), reference.pred_opt());
            assert_eq!(
                Date::from_iso_week(w.year(), w.week()).map(chrono_of),
                chrono::NaiveDate::from_isoywd_opt(w.year(), w.week(), chrono::Weekday::Mon)
            );
            n += 1;
            day = day.succ().unwrap();
            reference = reference.succ_opt().unwrap();
        }
        assert_eq!(n, 73_414);
    }

    #[test]
    fn ages_and_spans_agree_with_chrono() {
        let days = [
            "1949-10-01",
            "1952-02-29",
            "2000-02-28",
            "2024-02-29",
            "2026-06-30",
            "2026-12-31",
        ];
        for a in days {
            for b in days {
                let (da, db) = (Date::parse(a).unwrap(), Date::parse(b).unwrap());
                let (ca, cb) = (chrono_date(a).unwrap(), chrono_date(b).unwrap());
                assert_eq!(db.days_since(da), (cb - ca).num_days());
                assert_eq!(da.cmp(&db), ca.cmp(&cb));
            }
        }
        let birth = Date::parse("2000-02-29").unwrap();
        assert_eq!(Date::parse("2018-02-28").unwrap().years_since(birth), 17);
        assert_eq!(Date::parse("2018-03-01").unwrap().years_since(birth), 18);
    }

    #[test]
    fn iso_weeks_and_their_mondays() {
        // 2026 starts on a Thursday: 53 weeks.
        assert_eq!(Date::from_iso_week(2026, 53), Date::from_ymd(2026, 12, 28));
        assert_eq!(Date::from_iso_week(2027, 53), None);
        assert_eq!(Date::from_iso_week(2027, 0), None);
        assert_eq!(Date::from_iso_week(2020, 1), Date::from_ymd(2019, 12, 30));
        for y in 1900..=2100 {
            for w in 0..=54 {
                assert_eq!(
                    Date::from_iso_week(y, w).map(chrono_of),
                    chrono::NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon),
                    "{y}-W{w}"
                );
            }
        }
    }

    #[test]
    fn parsing_reads_what_chrono_read() {
        for s in [
            "2026-06-30",
            "2024-02-29",
            "2023-02-29",
            "0000-01-01",
            "+999-01-01",
            "-999-01-01",
            " 999-01-01",
            "2026- 1- 1",
            "2026-1-01",
            "2026-01-1",
            "2026-13-01",
            "2026-00-10",
            "20260-01-01",
            "+20260-01-01",
            "2026-06-30 ",
            "2026-06-30x",
            "2026/06/30",
            "",
            "-",
            "2026--1-01",
            "\u{3000}9-01-01",
            "+262142-12-31",
            "+262143-01-01",
            "-262143-01-01",
            "-262144-12-31",
            "+99999999999999999999-01-01",
            "2026-06-3",
        ] {
            assert_eq!(Date::parse(s).map(chrono_of), chrono_date(s), "{s:?}");
            assert_eq!(
                s.parse::<Date>().ok().map(chrono_of),
                s.parse::<chrono::NaiveDate>().ok(),
                "{s:?}"
            );
        }
        for s in [
            "09:30", "23:59", "24:00", "12:60", " 9:30", "9:30 ", "09:30:00", "23:59:60",
            "12:34:60", "12:34:61", "0930", "09-30", "ab:cd", "09:3", "09:30:5", "+9:30",
        ] {
            let mine = Time::parse(s).map(|t| (t.hour(), t.minute()));
            let format = if s.len() == 8 { "%H:%M:%S" } else { "%H:%M" };
            let theirs = matches!(s.len(), 5 | 8)
                .then(|| chrono::NaiveTime::parse_from_str(s, format).ok())
                .flatten()
                .map(|t| {
                    use chrono::Timelike;
                    (t.hour(), t.minute())
                });
            assert_eq!(mine, theirs, "{s:?}");
        }
    }

    #[test]
    fn moments_order_and_count_as_chrono_did() {
        let leap = Date::default().at(Time::parse("23:59:60").unwrap());
        let before = Date::default().at(Time::parse("23:59:59").unwrap());
        let next = Date::from_ymd(1970, 1, 2).unwrap().at(Time::default());
        assert!(before < leap && leap < next);
        assert_eq!(leap.timestamp(), before.timestamp());
        let early = Date::from_ymd(1969, 12, 31)
            .unwrap()
            .at(Time::parse("23:59:30").unwrap());
        assert_eq!(early.timestamp(), -30);
        assert_eq!(early.timestamp() / 60, 0);
    }

    #[test]
    fn serde_writes_and_reads_the_iso_text() {
        let d = Date::from_ymd(2026, 6, 30).unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2026-06-30\"");
        assert_eq!(serde_json::from_str::<Date>("\"2026-06-30\"").unwrap(), d);
        assert!(serde_json::from_str::<Date>("\"2026-02-30\"").is_err());
        assert!(serde_json::from_str::<Date>("20260630").is_err());
        let far = Date::from_ymd(12345, 1, 1).unwrap();
        assert_eq!(far.to_string(), chrono_of(far).to_string());
        let bc = Date::from_ymd(-1, 12, 31).unwrap();
        assert_eq!(bc.to_string(), chrono_of(bc).to_string());
        assert_eq!(format!("{d:?}"), format!("{:?}", chrono_of(d)));
    }
}
