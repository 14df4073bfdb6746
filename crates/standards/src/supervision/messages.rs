//! The wording of every supervision issue and attention reason, in both
//! languages. Keys are issue codes, or `code.variant` for a second wording of
//! the same code.

use dangjian_core::messages::Messages;

/// `(key, zh-CN, en)` templates with `{param}` placeholders.
pub(super) const MESSAGES: &Messages = &[
    (
        "supervision.invalid_options",
        "督导选项有误：{detail}",
        "The supervision options are wrong: {detail}",
    ),
    (
        "supervision.options.as_of",
        "截止日期“{value}”不是 YYYY-MM-DD 格式的有效日期",
        "the as-of date “{value}” is not a real date YYYY-MM-DD",
    ),
    (
        "supervision.options.today",
        "今天的日期“{value}”不是 YYYY-MM-DD 格式的有效日期",
        "today “{value}” is not a real date YYYY-MM-DD",
    ),
    (
        "supervision.options.range",
        "督导期间无效（{value}）：须给出年份，或起止日期（YYYY-MM-DD，起始不晚于结束，不超过 {max} 年）",
        "invalid period ({value}): give a year, or from and to (YYYY-MM-DD, from not after to, at most {max} years)",
    ),
    (
        "supervision.unknown_form",
        "没有名为“{form}”的可督导表单（可用：{forms}）",
        "There is no supervised form named “{form}” (forms: {forms}).",
    ),
    (
        "supervision.form_settings",
        "表单“{form}”的设置有误，其记录未计入：{detail}",
        "The settings of form “{form}” are wrong, so its records were not counted: {detail}",
    ),
    (
        "supervision.unreadable",
        "第 {n} 份记录（{source}）无法读取：{detail}",
        "Record {n} ({source}) cannot be read: {detail}",
    ),
    (
        "supervision.unrecognised",
        "第 {n} 份记录（{source}）不是可督导表单的记录，未计入",
        "Record {n} ({source}) is not a record of a supervised form and was not counted.",
    ),
    (
        "supervision.no_branch",
        "第 {n} 份记录（{source}，{form}）没有填写所属党组织，无法归入任何支部，未计入",
        "Record {n} ({source}, {form}) names no branch, so it belongs to none and was not counted.",
    ),
    (
        "supervision.attention.score_below",
        "最近一次标准化建设评估（{date}）得 {score} 分，低于 {cut_off} 分",
        "The latest checklist ({date}) scored {score}, below {cut_off}.",
    ),
    (
        "supervision.attention.vetoed",
        "最近一次标准化建设评估（{date}）触发一票否决：{vetoes}",
        "The latest checklist ({date}) hit an automatic fail: {vetoes}.",
    ),
    (
        "supervision.attention.no_checklist",
        "{from} 至 {as_of} 没有标准化建设评估记录",
        "No branch checklist from {from} to {as_of}.",
    ),
    (
        "supervision.attention.missing_meetings",
        "缺少 {count} 次{per}应召开的会议（达到 {threshold} 次即需关注）：{list}",
        "{count} meeting(s) held {per} are missing ({threshold} or more need attention): {list}.",
    ),
    (
        "supervision.attention.overdue",
        "{count} 项整改逾期未销号，最久逾期 {days} 天",
        "{count} rectification item(s) overdue and not closed, the oldest by {days} day(s).",
    ),
    (
        "supervision.attention.secretary_grade",
        "书记述职评议（{date}）结果为“{grade}”",
        "The secretary's annual review ({date}) was graded “{grade}”.",
    ),
    (
        "supervision.attention.invalid_records",
        "{count} 份记录有错误，未计入（请核实更正）",
        "{count} record(s) have errors and were not counted (check and correct them).",
    ),
    ("supervision.per.weekly", "每周", "weekly"),
    ("supervision.per.monthly", "每月", "monthly"),
    ("supervision.per.quarterly", "每季度", "quarterly"),
    ("supervision.per.yearly", "每半年或每年", "half-yearly or yearly"),
    ("supervision.list.item", "{title}（{periods}）", "{title} ({periods})"),
    ("supervision.list.separator", "；", "; "),
    ("supervision.list.comma", "、", ", "),
];

/// The text of `key` in `locale`, with `params` filled in.
pub(super) fn text(key: &str, locale: dangjian_core::Locale, params: &serde_json::Value) -> String {
    crate::wording::render(MESSAGES, key, locale, params)
}
