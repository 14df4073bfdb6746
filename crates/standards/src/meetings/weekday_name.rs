//! `weekday_name(date or weekday, locale)`: the name of a day for messages, so
//! a rule can say “应在星期二举行，本记录的日期是星期三” rather than a number.

use super::fixed_day::weekday;
use crate::ident::citizen_id::parse_iso_date;
use dangjian_core::{EngineBuilder, Locale, Operator};
use serde_json::Value;

/// The operator: a date `YYYY-MM-DD` or an ISO weekday (Monday = 1 … Sunday =
/// 7), then the language (`zh-CN` or `en`, default `zh-CN`) → `星期三` / `Wednesday`.
struct WeekdayName;

impl Operator for WeekdayName {
    fn call(&self, args: &[&Value]) -> Result<Value, String> {
        let day = match args.first().copied() {
            Some(Value::String(s)) => parse_iso_date(s)
                .map(|d| d.weekday())
                .ok_or("weekday_name: not a date YYYY-MM-DD")?,
            Some(Value::Number(n)) => n
                .as_u64()
                .filter(|d| (1..=7).contains(d))
                .and_then(|d| u32::try_from(d).ok())
                .ok_or("weekday_name: a weekday is 1 (Monday) to 7 (Sunday)")?,
            _ => return Err("weekday_name: expects a date or a weekday number".into()),
        };
        let locale = match args.get(1).copied() {
            None | Some(Value::Null) => Locale::ZhCn,
            Some(Value::String(s)) => Locale::parse(s).ok_or("weekday_name: locale zh-CN or en")?,
            Some(_) => return Err("weekday_name: locale zh-CN or en".into()),
        };
        Ok(Value::String(weekday(day, locale).to_owned()))
    }
}

/// Adds `weekday_name` to an engine.
pub(crate) fn install(builder: EngineBuilder) -> EngineBuilder {
    builder.operator("weekday_name", WeekdayName)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_a_day_in_both_languages() {
        let op = WeekdayName;
        assert_eq!(op.call(&[&json!("2026-11-25")]).unwrap(), json!("星期三"));
        assert_eq!(
            op.call(&[&json!("2026-11-24"), &json!("en")]).unwrap(),
            json!("Tuesday")
        );
        assert_eq!(
            op.call(&[&json!(2), &json!("zh-CN")]).unwrap(),
            json!("星期二")
        );
        assert_eq!(
            op.call(&[&json!(7), &json!("en")]).unwrap(),
            json!("Sunday")
        );
        assert!(op.call(&[&json!(8)]).is_err());
        assert!(op.call(&[&json!("2026-02-30")]).is_err());
        assert!(op.call(&[&json!(2), &json!("fr")]).is_err());
    }
}
