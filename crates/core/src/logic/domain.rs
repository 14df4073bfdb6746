//! Operators every form can use in rules, beyond standard JSONLogic.
//!
//! | operator | meaning |
//! |---|---|
//! | `count(list)` | number of elements (`null` → 0) |
//! | `count_where(list, key, value)` | elements whose `key` equals `value` |
//! | `sum_of(list, key)` | sum of `key` over the elements (non-numbers skipped) |
//! | `weekday(date)` | ISO weekday, Monday = 1 … Sunday = 7 |
//! | `hour(time or datetime)` | hour of the day, 0–23 |
//! | `days_between(a, b)` | days from date `a` to date `b` (negative when `b` is earlier) |
//! | `minutes_between(a, b)` | minutes from time or date-time `a` to `b` (negative when `b` is earlier) |
//! | `age_on(birth, date)` | full years between a birth date and a date |
//! | `quarter(date)` / `month(date)` / `year(date)` | parts of a date |
//! | `ceil(x)` / `floor(x)` | rounding |
//! | `more_than_half(part, whole, strict)` | `2·part > whole`, or `≥` when `strict` is false |
//! | `at_least_fraction(part, whole, num, den)` | `part·den ≥ whole·num`, e.g. ⅘ quorums |
//! | `length(text)` | characters in a text |
//! | `distinct(list, key?)` | true when no two elements (or their `key`s) are equal (one pass) |

use crate::dates::{Date, Time};
use crate::extension::Operator;
use serde_json::{json, Value};
use std::sync::Arc;

/// The built-in operators, by name.
pub(crate) fn builtin_operators() -> Vec<(String, Arc<dyn Operator>)> {
    let table: Vec<(&str, Arc<dyn Operator>)> = vec![
        ("count", Arc::new(Fn(count))),
        ("count_where", Arc::new(Fn(count_where))),
        ("sum_of", Arc::new(Fn(sum_of))),
        ("weekday", Arc::new(Fn(weekday))),
        ("hour", Arc::new(Fn(hour))),
        ("days_between", Arc::new(Fn(days_between))),
        ("age_on", Arc::new(Fn(age_on))),
        ("minutes_between", Arc::new(Fn(minutes_between))),
        ("quarter", Arc::new(Fn(quarter))),
        ("month", Arc::new(Fn(month))),
        ("year", Arc::new(Fn(year))),
        ("ceil", Arc::new(Fn(ceil))),
        ("floor", Arc::new(Fn(floor))),
        ("more_than_half", Arc::new(Fn(more_than_half))),
        ("at_least_fraction", Arc::new(Fn(at_least_fraction))),
        ("length", Arc::new(Fn(length))),
        ("distinct", Arc::new(Fn(distinct))),
    ];
    table
        .into_iter()
        .map(|(n, op)| (n.to_owned(), op))
        .collect()
}

/// A plain function as an [`Operator`].
struct Fn(fn(&[&Value]) -> Result<Value, String>);

impl Operator for Fn {
    fn call(&self, args: &[&Value]) -> Result<Value, String> {
        (self.0)(args)
    }
}

fn arg<'v>(args: &[&'v Value], i: usize) -> &'v Value {
    args.get(i).copied().unwrap_or(&Value::Null)
}

fn num(args: &[&Value], i: usize) -> Result<f64, String> {
    arg(args, i)
        .as_f64()
        .ok_or_else(|| format!("argument {} must be a number", i + 1))
}

/// Parses `YYYY-MM-DD` (also the date part of a date-time).
pub(crate) fn parse_date(s: &str) -> Option<Date> {
    let date_part = s.get(..10)?;
    if s.len() > 10 && !matches!(s.as_bytes().get(10), Some(b'T') | Some(b' ')) {
        return None;
    }
    if date_part.len() != 10
        || date_part.as_bytes().get(4) != Some(&b'-')
        || date_part.as_bytes().get(7) != Some(&b'-')
    {
        return None;
    }
    Date::parse(date_part)
}

/// Parses `HH:MM` or `HH:MM:SS`.
pub(crate) fn parse_time(s: &str) -> Option<Time> {
    Time::parse(s)
}

fn date(args: &[&Value], i: usize) -> Result<Date, String> {
    arg(args, i)
        .as_str()
        .and_then(parse_date)
        .ok_or_else(|| format!("argument {} must be a date YYYY-MM-DD", i + 1))
}

fn count(args: &[&Value]) -> Result<Value, String> {
    match arg(args, 0) {
        Value::Array(a) => Ok(json!(a.len())),
        Value::Null => Ok(json!(0)),
        _ => Err("count needs a list".into()),
    }
}

fn count_where(args: &[&Value]) -> Result<Value, String> {
    let key = arg(args, 1).as_str().ok_or("count_where needs a key")?;
    let want = arg(args, 2);
    match arg(args, 0) {
        Value::Array(a) => Ok(json!(a.iter().filter(|e| e.get(key) == Some(want)).count())),
        Value::Null => Ok(json!(0)),
        _ => Err("count_where needs a list".into()),
    }
}

fn sum_of(args: &[&Value]) -> Result<Value, String> {
    let key = arg(args, 1).as_str().ok_or("sum_of needs a key")?;
    match arg(args, 0) {
        Value::Array(a) => Ok(json!(a
            .iter()
            .filter_map(|e| e.get(key).and_then(Value::as_f64))
            .sum::<f64>())),
        Value::Null => Ok(json!(0)),
        _ => Err("sum_of needs a list".into()),
    }
}

fn weekday(args: &[&Value]) -> Result<Value, String> {
    Ok(json!(date(args, 0)?.weekday()))
}

fn hour(args: &[&Value]) -> Result<Value, String> {
    let s = arg(args, 0).as_str().ok_or("hour needs a time")?;
    let time_part = if s.len() >= 16 {
        s.get(11..16)
    } else {
        Some(s)
    };
    let t = time_part
        .and_then(|t| parse_time(t.get(..5).unwrap_or(t)))
        .ok_or("hour needs HH:MM")?;
    Ok(json!(t.hour()))
}

fn days_between(args: &[&Value]) -> Result<Value, String> {
    Ok(json!(date(args, 1)?.days_since(date(args, 0)?)))
}

/// Minutes since midnight of a time, or since the epoch of a date-time.
fn minutes_of(v: &Value) -> Option<i64> {
    let s = v.as_str()?;
    if let Some(t) = parse_time(s) {
        return Some(i64::from(t.hour()) * 60 + i64::from(t.minute()));
    }
    let dt = super::parse_datetime(s)?;
    Some(dt.timestamp() / 60)
}

fn minutes_between(args: &[&Value]) -> Result<Value, String> {
    let a = minutes_of(arg(args, 0)).ok_or("argument 1 must be a time HH:MM or a date-time")?;
    let b = minutes_of(arg(args, 1)).ok_or("argument 2 must be a time HH:MM or a date-time")?;
    Ok(json!(b - a))
}

fn age_on(args: &[&Value]) -> Result<Value, String> {
    Ok(json!(date(args, 1)?.years_since(date(args, 0)?)))
}

fn quarter(args: &[&Value]) -> Result<Value, String> {
    Ok(json!((date(args, 0)?.month() - 1) / 3 + 1))
}

fn month(args: &[&Value]) -> Result<Value, String> {
    Ok(json!(date(args, 0)?.month()))
}

fn year(args: &[&Value]) -> Result<Value, String> {
    Ok(json!(date(args, 0)?.year()))
}

fn ceil(args: &[&Value]) -> Result<Value, String> {
    Ok(json!(num(args, 0)?.ceil()))
}

fn floor(args: &[&Value]) -> Result<Value, String> {
    Ok(json!(num(args, 0)?.floor()))
}

fn more_than_half(args: &[&Value]) -> Result<Value, String> {
    let part = num(args, 0)?;
    let whole = num(args, 1)?;
    let strict = arg(args, 2).as_bool().unwrap_or(true);
    Ok(json!(if strict {
        2.0 * part > whole
    } else {
        2.0 * part >= whole
    }))
}

fn at_least_fraction(args: &[&Value]) -> Result<Value, String> {
    let (part, whole, n, d) = (num(args, 0)?, num(args, 1)?, num(args, 2)?, num(args, 3)?);
    Ok(json!(part * d >= whole * n))
}

fn length(args: &[&Value]) -> Result<Value, String> {
    match arg(args, 0) {
        Value::String(s) => Ok(json!(s.chars().count())),
        Value::Null => Ok(json!(0)),
        _ => Err("length needs a text".into()),
    }
}

fn distinct(args: &[&Value]) -> Result<Value, String> {
    let key = arg(args, 1).as_str();
    let Value::Array(a) = arg(args, 0) else {
        return Ok(json!(true));
    };
    // Each value by its JSON text; a text seen twice is a repeat.
    let mut texts = Vec::with_capacity(a.len());
    for e in a {
        let v = match key {
            Some(k) => match e.get(k) {
                Some(v) if !v.is_null() && v != &json!("") => v,
                _ => continue,
            },
            None => e,
        };
        texts.push(crate::json_writer::value_text(v));
    }
    let keys: Vec<Option<&str>> = texts.iter().map(|t| Some(t.as_str())).collect();
    Ok(json!(!crate::order::repeats(&keys).contains(&true)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(weekday(&[&json!("2026-11-24")]).unwrap(), json!(2)); // a Tuesday
        assert_eq!(
            age_on(&[&json!("1990-05-20"), &json!("2026-05-19")]).unwrap(),
            json!(35)
        );
        assert_eq!(
            age_on(&[&json!("1990-05-20"), &json!("2026-05-20")]).unwrap(),
            json!(36)
        );
        assert_eq!(
            days_between(&[&json!("2026-01-01"), &json!("2026-03-01")]).unwrap(),
            json!(59)
        );
        assert!(weekday(&[&json!("2026-02-30")]).is_err());
        assert_eq!(hour(&[&json!("2026-11-24T14:30")]).unwrap(), json!(14));
        assert_eq!(quarter(&[&json!("2026-11-24")]).unwrap(), json!(4));
        assert_eq!(
            minutes_between(&[&json!("14:30"), &json!("16:05")]).unwrap(),
            json!(95)
        );
        assert_eq!(
            minutes_between(&[&json!("2026-11-24T23:30"), &json!("2026-11-25T00:10")]).unwrap(),
            json!(40)
        );
        assert!(minutes_between(&[&json!("25:00"), &json!("16:05")]).is_err());
    }

    #[test]
    fn majorities() {
        assert_eq!(
            more_than_half(&[&json!(5), &json!(10)]).unwrap(),
            json!(false)
        );
        assert_eq!(
            more_than_half(&[&json!(5), &json!(10), &json!(false)]).unwrap(),
            json!(true)
        );
        assert_eq!(
            at_least_fraction(&[&json!(16), &json!(20), &json!(4), &json!(5)]).unwrap(),
            json!(true)
        );
        assert_eq!(
            at_least_fraction(&[&json!(15), &json!(20), &json!(4), &json!(5)]).unwrap(),
            json!(false)
        );
    }

    #[test]
    fn lists() {
        let l = json!([{"a": 1, "r": "x"}, {"a": 2, "r": "y"}, {"a": "z", "r": "x"}]);
        assert_eq!(count(&[&l]).unwrap(), json!(3));
        assert_eq!(
            count_where(&[&l, &json!("r"), &json!("x")]).unwrap(),
            json!(2)
        );
        assert_eq!(sum_of(&[&l, &json!("a")]).unwrap(), json!(3.0));
        assert_eq!(distinct(&[&l, &json!("r")]).unwrap(), json!(false));
    }
}
