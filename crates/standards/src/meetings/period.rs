//! Calendar periods (ISO week, month, quarter, half-year, year) and the list of
//! periods that overlap a date range.

use dangjian_core::dates::Date;
use dangjian_core::spec::read::{deserialize_by, variant, Json, Read};
use dangjian_core::Locale;
use serde::Serialize;

/// How often a requirement repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// An ISO week (Monday to Sunday).
    Week,
    /// A calendar month.
    Month,
    /// A calendar quarter.
    Quarter,
    /// January–June or July–December.
    HalfYear,
    /// A calendar year.
    Year,
}

/// One concrete period, e.g. the second quarter of 2026.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Kind of period.
    pub period: Period,
    /// First day.
    pub from: Date,
    /// Last day (inclusive).
    pub to: Date,
}

impl Period {
    /// Every period, in the order of the type.
    pub const ALL: [Period; 5] = [
        Period::Week,
        Period::Month,
        Period::Quarter,
        Period::HalfYear,
        Period::Year,
    ];

    /// The name in JSON: `week`, `month`, `quarter`, `half_year`, `year`.
    pub fn name(self) -> &'static str {
        match self {
            Period::Week => "week",
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::HalfYear => "half_year",
            Period::Year => "year",
        }
    }

    /// Reads a period from JSON (its name).
    pub fn read(value: &Json<'_>) -> Read<Period> {
        variant(value, &Period::ALL, Period::name)
    }

    /// How the frequency reads: "每季度" / "per quarter".
    pub fn per(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (Period::Week, Locale::ZhCn) => "每周",
            (Period::Month, Locale::ZhCn) => "每月",
            (Period::Quarter, Locale::ZhCn) => "每季度",
            (Period::HalfYear, Locale::ZhCn) => "每半年",
            (Period::Year, Locale::ZhCn) => "每年",
            (Period::Week, Locale::En) => "per week",
            (Period::Month, Locale::En) => "per month",
            (Period::Quarter, Locale::En) => "per quarter",
            (Period::HalfYear, Locale::En) => "per half-year",
            (Period::Year, Locale::En) => "per year",
        }
    }

    /// The period of this kind that holds `date`.
    pub fn containing(self, date: Date) -> Option<Span> {
        let y = date.year();
        let (from, to) = match self {
            Period::Week => {
                let from = date.add_days(1 - i64::from(date.weekday()))?;
                (from, from.add_days(6)?)
            }
            Period::Month => month_span(y, date.month())?,
            Period::Quarter => {
                let first = (date.month() - 1) / 3 * 3 + 1;
                (Date::from_ymd(y, first, 1)?, month_span(y, first + 2)?.1)
            }
            Period::HalfYear => {
                let first = if date.month() <= 6 { 1 } else { 7 };
                (Date::from_ymd(y, first, 1)?, month_span(y, first + 5)?.1)
            }
            Period::Year => (Date::from_ymd(y, 1, 1)?, Date::from_ymd(y, 12, 31)?),
        };
        Some(Span {
            period: self,
            from,
            to,
        })
    }

    /// Every period of this kind that overlaps `from..=to`, in order.
    pub fn spans(self, from: Date, to: Date) -> Vec<Span> {
        let mut out = Vec::new();
        let mut cursor = from;
        while cursor <= to {
            let Some(span) = self.containing(cursor) else {
                break;
            };
            out.push(span);
            match span.to.succ() {
                Some(next) => cursor = next,
                None => break,
            }
        }
        out
    }
}

fn month_span(year: i32, month: u32) -> Option<(Date, Date)> {
    let from = Date::from_ymd(year, month, 1)?;
    let next = if month == 12 {
        Date::from_ymd(year + 1, 1, 1)?
    } else {
        Date::from_ymd(year, month + 1, 1)?
    };
    Some((from, next.pred()?))
}

impl Span {
    /// A stable key: `2026-W05`, `2026-03`, `2026-Q2`, `2026-H1`, `2026`.
    pub fn key(&self) -> String {
        let y = self.from.year();
        match self.period {
            Period::Week => {
                let (year, week) = self.from.iso_week();
                format!("{year}-W{week:02}")
            }
            Period::Month => format!("{y}-{:02}", self.from.month()),
            Period::Quarter => format!("{y}-Q{}", (self.from.month() - 1) / 3 + 1),
            Period::HalfYear => format!("{y}-H{}", if self.from.month() <= 6 { 1 } else { 2 }),
            Period::Year => format!("{y}"),
        }
    }

    /// The period as people read it: `2026年第二季度` / `Q2 2026`.
    pub fn label(&self, locale: Locale) -> String {
        let y = self.from.year();
        let m = self.from.month();
        let zh = locale == Locale::ZhCn;
        match self.period {
            Period::Week => {
                let (year, week) = self.from.iso_week();
                let start = self.from;
                if zh {
                    format!("{year}年第{week}周（{start}起）")
                } else {
                    format!("week {week} of {year} (from {start})")
                }
            }
            Period::Month => {
                if zh {
                    format!("{y}年{m}月")
                } else {
                    format!(
                        "{} {y}",
                        MONTHS_EN.get(m as usize - 1).copied().unwrap_or("")
                    )
                }
            }
            Period::Quarter => {
                let q = (m - 1) / 3 + 1;
                if zh {
                    format!(
                        "{y}年第{}季度",
                        QUARTERS_ZH.get(q as usize - 1).copied().unwrap_or("")
                    )
                } else {
                    format!("Q{q} {y}")
                }
            }
            Period::HalfYear => {
                let first = m <= 6;
                match (zh, first) {
                    (true, true) => format!("{y}年上半年"),
                    (true, false) => format!("{y}年下半年"),
                    (false, true) => format!("first half of {y}"),
                    (false, false) => format!("second half of {y}"),
                }
            }
            Period::Year => {
                if zh {
                    format!("{y}年")
                } else {
                    format!("{y}")
                }
            }
        }
    }

    /// True when the whole period lies inside `from..=to`.
    pub fn within(&self, from: Date, to: Date) -> bool {
        self.from >= from && self.to <= to
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const QUARTERS_ZH: [&str; 4] = ["一", "二", "三", "四"];

deserialize_by!(Period, Period::read);

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn a_year_has_twelve_months_four_quarters_two_halves() {
        let (a, b) = (d("2026-01-01"), d("2026-12-31"));
        assert_eq!(Period::Month.spans(a, b).len(), 12);
        assert_eq!(Period::Quarter.spans(a, b).len(), 4);
        assert_eq!(Period::HalfYear.spans(a, b).len(), 2);
        assert_eq!(Period::Year.spans(a, b).len(), 1);
        // 2026-01-01 is a Thursday: its ISO week starts in 2025.
        let weeks = Period::Week.spans(a, b);
        assert_eq!(weeks.first().unwrap().from, d("2025-12-29"));
        assert!(!weeks.first().unwrap().within(a, b));
        assert_eq!(weeks.len(), 53);
    }

    #[test]
    fn keys_and_labels() {
        let q = Period::Quarter.containing(d("2026-05-20")).unwrap();
        assert_eq!(q.key(), "2026-Q2");
        assert_eq!((q.from, q.to), (d("2026-04-01"), d("2026-06-30")));
        assert_eq!(q.label(Locale::ZhCn), "2026年第二季度");
        assert_eq!(q.label(Locale::En), "Q2 2026");
        let m = Period::Month.containing(d("2028-02-10")).unwrap();
        assert_eq!(m.to, d("2028-02-29"));
        assert_eq!(m.key(), "2028-02");
        assert_eq!(
            Period::HalfYear.containing(d("2026-07-01")).unwrap().key(),
            "2026-H2"
        );
        assert_eq!(
            Period::Week.containing(d("2026-11-24")).unwrap().key(),
            "2026-W48"
        );
    }
}
