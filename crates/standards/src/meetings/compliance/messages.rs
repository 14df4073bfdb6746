//! The wording of every compliance issue (and of the texts that go into one),
//! in both languages. Keys are issue codes, or `code.variant` for a second
//! wording of the same code.

use dangjian_core::messages::Messages;

/// `(key, zh-CN, en)` templates with `{param}` placeholders.
pub(super) const MESSAGES: &Messages = &[
    (
        "compliance.invalid_range",
        "检查期间无效：{detail}",
        "Invalid range: {detail}",
    ),
    (
        "compliance.range.from_after_to",
        "起始日期晚于结束日期",
        "from is after to",
    ),
    (
        "compliance.range.date_format",
        "日期应为 YYYY-MM-DD",
        "dates are written YYYY-MM-DD",
    ),
    ("compliance.range.year", "年份超出范围", "year out of range"),
    (
        "compliance.range.too_long",
        "检查期间不能超过 {max} 年",
        "the range may span at most {max} years",
    ),
    (
        "compliance.range.both",
        "须同时给出起始和结束日期",
        "give both from and to",
    ),
    (
        "compliance.range.none",
        "须给出年份或起止日期",
        "give a year, or from and to",
    ),
    (
        "compliance.minutes_form",
        "无法用会议记录表单检查各份记录：{detail}",
        "The records cannot be checked with the meeting-minutes form: {detail}",
    ),
    (
        "compliance.unreadable_record",
        "第 {n} 份记录缺少会议类型或有效日期，未计入",
        "Record {n} has no meeting type or valid date and was not counted.",
    ),
    (
        "compliance.invalid_record",
        "第 {n} 份记录（{date}）有 {errors} 个错误（{codes}），不计为已召开",
        "Record {n} ({date}) has {errors} error(s) ({codes}) and is not counted as held.",
    ),
    (
        "compliance.invalid_record.counted",
        "第 {n} 份记录（{date}）有 {errors} 个错误（{codes}），仍按已召开计入",
        "Record {n} ({date}) has {errors} error(s) ({codes}); counted as held all the same.",
    ),
    (
        "compliance.missing",
        "{period}{title}未达到要求：应{frequency}至少 {min} 次，实有 {held} 次",
        "{title}: {held} held in {period}; at least {min} {frequency} required.",
    ),
    (
        "compliance.missing.with_invalid",
        "{period}{title}未达到要求：应{frequency}至少 {min} 次，实有 {held} 次（另有 {invalid} 份记录有错误，未计入）",
        "{title}: {held} held in {period}; at least {min} {frequency} required ({invalid} more record(s) with errors not counted).",
    ),
    (
        "compliance.not_fixed_day",
        "{title}应在每月固定日期举行（{expected}），第 {n} 份记录的日期是 {date}；节假日调整请在会议主题中注明",
        "{title} should be held on a fixed day ({expected}); record {n} is dated {date}. Note a holiday move in the subject.",
    ),
    (
        "compliance.unusual_time",
        "{period}{title}一般在 {usual}召开，本期间只在 {dates} 召开",
        "{title} is usually held in {usual}; in {period} it was held only on {dates}.",
    ),
    (
        "compliance.frequency",
        "{per}至少 {min} 次",
        "at least {min} {per}",
    ),
];

/// The text of `key` in `locale`, with `params` filled in.
pub(super) fn text(key: &str, locale: dangjian_core::Locale, params: &serde_json::Value) -> String {
    crate::wording::render(MESSAGES, key, locale, params)
}
