//! The joint review's one table of wording: the verdicts, the sentence that
//! sums one up, the errors the verdict finds itself, and how negative-list
//! items are named. The slate checks keep theirs in `slate/messages.rs`.

use dangjian_core::messages::{lookup, Messages};
use dangjian_core::Locale;
use serde_json::Value;

/// `(key, zh-CN, en)` templates with `{param}` placeholders.
pub(super) const MESSAGES: &Messages = &[
    ("verdict.pass", "通过", "passed"),
    ("verdict.pending", "待审", "pending"),
    (
        "verdict.not_nominated",
        "建议不予提名",
        "not recommended for nomination",
    ),
    ("summary.dash", "——", " — "),
    (
        "summary.pass",
        "通过{dash}{n}个部门核查均无问题",
        "passed{dash}all {n} departments answered clear",
    ),
    ("summary.awaiting", "尚待{names}答复", "awaiting {names}"),
    ("summary.own_errors", "记录有误：", "errors in the record: "),
    (
        "summary.reported_errors",
        "记录有{n}处错误待改正",
        "{n} error(s) in the record to correct",
    ),
    (
        "summary.more_errors",
        "另有{n}处错误待改正",
        "{n} more error(s) to correct",
    ),
    (
        "summary.department_items",
        "{department}：{items}",
        "{department}: {items}",
    ),
    ("item.none", "未写明事项", "no item named"),
    ("item.bare", "第{id}项", "item {id}"),
    ("item.titled", "第{id}项（{title}）", "item {id} ({title})"),
    (
        "blocker.no_answers",
        "尚无任何部门的核查意见",
        "No department has answered.",
    ),
    (
        "blocker.citizen_id_missing",
        "未填写公民身份号码",
        "The citizen ID number is missing.",
    ),
    (
        "blocker.birth_date_mismatch",
        "申报的出生日期与身份证号码不一致",
        "The declared date of birth differs from the citizen ID number.",
    ),
    (
        "blocker.gender_mismatch",
        "申报的性别与身份证号码不一致",
        "The declared gender differs from the citizen ID number.",
    ),
    (
        "blocker.too_young",
        "候选人在换届选举日未满{min_age}周岁",
        "The candidate is under {min_age} on election day.",
    ),
    (
        "blocker.uscc_missing",
        "未填写统一社会信用代码",
        "The unified social credit code is missing.",
    ),
    (
        "blocker.uscc_override_note",
        "人工确认统一社会信用代码须说明理由",
        "Confirming the credit code by hand needs a note.",
    ),
    (
        "blocker.uscc_override_by",
        "人工确认统一社会信用代码须写明确认人",
        "Confirming the credit code by hand needs the reviewer's name.",
    ),
    (
        "blocker.uscc_override_on",
        "人工确认统一社会信用代码须写明确认日期",
        "Confirming the credit code by hand needs the date.",
    ),
];

/// The text of `key` in `locale`, with `params` filled in.
pub(super) fn text(key: &str, locale: Locale, params: &Value) -> String {
    crate::wording::render(MESSAGES, key, locale, params)
}

/// A fixed text of the table (no params), borrowed for the program's life.
pub(super) fn word(key: &str, locale: Locale) -> &'static str {
    lookup(MESSAGES, key).map_or("", |(zh, en)| crate::wording::pick(locale, zh, en))
}
