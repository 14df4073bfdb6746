//! The message catalogue: every built-in issue code with its zh-CN and English wording.
//! A spec overrides a wording per code (form-wide or per field); checks outside a
//! form (in `dangjian-standards`) bring their own table of wording ([`Messages`])
//! and collect their issues with [`crate::Sink`].

use crate::report::Params;
use crate::text::{interpolate, Locale, Text};
use std::collections::BTreeMap;

/// A table of wording: `(key, zh-CN template, English template)`, with `{param}`
/// placeholders filled from an issue's params. The key is an issue code, or a
/// variant wording of one (see [`crate::Sink::add_worded`]).
pub type Messages = [(&'static str, &'static str, &'static str)];

/// The wording of `key` in `table`, as (zh-CN, English) templates.
pub fn lookup(table: &Messages, key: &str) -> Option<(&'static str, &'static str)> {
    table
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, zh, en)| (*zh, *en))
}

/// Built-in wording of `code`, as (zh-CN, English) templates.
pub fn builtin(code: &str) -> Option<(&'static str, &'static str)> {
    Some(match code {
        "required" => ("此项为必填项", "This field is required."),
        "type" => ("应填写{expected}", "Expected {expected}."),
        "unknown_key" => ("表单中没有“{key}”这一项", "The form has no field “{key}”."),
        "forbidden_key" => ("不允许使用字段名“{key}”", "The key “{key}” is not allowed."),
        "too_long" => (
            "内容过长：{length} 个字符，上限 {limit}",
            "Too long: {length} characters, the limit is {limit}.",
        ),
        "control_character" => (
            "含有不可见的控制字符 {char}",
            "Contains the invisible control character {char}.",
        ),
        "duplicate_key" => (
            "字段“{key}”出现了不止一次",
            "The key “{key}” appears more than once.",
        ),
        "key_too_long" => (
            "字段名过长：{length} 个字符，上限 {limit}",
            "A key is too long: {length} characters, the limit is {limit}.",
        ),
        "too_deep" => (
            "数据嵌套层级过深（上限 {limit} 层）",
            "The data is nested too deeply (limit {limit}).",
        ),
        "too_many" => (
            "条目过多：{count} 条，上限 {limit}",
            "Too many entries: {count}, the limit is {limit}.",
        ),
        "rule_budget" => (
            "规则“{rule}”的计算量超出上限（{limit} = {max}），未能检查",
            "The rule “{rule}” needs more work than allowed ({limit} = {max}) and was not checked.",
        ),
        "min_length" => ("至少填写 {min} 个字符", "Enter at least {min} characters."),
        "max_length" => ("最多填写 {max} 个字符", "Enter at most {max} characters."),
        "min" => ("不能小于 {min}", "Must be at least {min}."),
        "max" => ("不能大于 {max}", "Must be at most {max}."),
        "step" => ("应为 {step} 的整数倍", "Must be a multiple of {step}."),
        "integer" => ("应填写整数", "Must be a whole number."),
        "pattern" => ("格式不符合要求", "The format is not accepted."),
        "one_of" => ("只能填写：{allowed}", "Must be one of: {allowed}."),
        "choice" => (
            "“{value}”不是可选项",
            "“{value}” is not one of the options.",
        ),
        "duplicate_choice" => ("“{value}”重复选择", "“{value}” is chosen twice."),
        "min_count" => ("至少选择 {min} 项", "Choose at least {min}."),
        "max_count" => ("最多选择 {max} 项", "Choose at most {max}."),
        "min_items" => (
            "至少需要 {min} 条记录",
            "At least {min} entries are needed.",
        ),
        "max_items" => ("最多 {max} 条记录", "At most {max} entries are allowed."),
        "duplicate_item" => ("“{value}”重复填写", "“{value}” is given twice."),
        "date" => (
            "日期格式应为 YYYY-MM-DD 且为真实日期",
            "Dates are written YYYY-MM-DD and must exist.",
        ),
        "time" => ("时间格式应为 HH:MM", "Times are written HH:MM."),
        "datetime" => (
            "日期时间格式应为 YYYY-MM-DDTHH:MM",
            "Date-times are written YYYY-MM-DDTHH:MM.",
        ),
        "earliest" => ("不能早于 {earliest}", "Must not be before {earliest}."),
        "latest" => ("不能晚于 {latest}", "Must not be after {latest}."),
        "email" => ("电子邮箱格式不正确", "This is not a valid e-mail address."),
        "url" => ("网址格式不正确", "This is not a valid web address."),
        "mobile" => (
            "手机号码应为以 1 开头的 11 位数字",
            "Mobile numbers have 11 digits starting with 1.",
        ),
        "person_name" => (
            "姓名应为 2–40 个字符，不含数字",
            "Names have 2–40 characters and no digits.",
        ),
        "status" => (
            "状态只能是：达标、部分达标、未达标、不适用",
            "Status must be met, partial, unmet or na.",
        ),
        "na_not_allowed" => (
            "此项不能选择“不适用”",
            "This item cannot be marked not applicable.",
        ),
        "evidence_required" => (
            "标记为“{status}”时须提供佐证材料（至少 {min} 个字符）",
            "Evidence of at least {min} characters is needed when marked “{status}”.",
        ),
        "deduction_unknown" => ("没有“{code}”这一扣分项", "There is no deduction “{code}”."),
        "deduction_count" => (
            "扣分次数应为 0 到 {max} 的整数",
            "A deduction count is a whole number from 0 to {max}.",
        ),
        "file_name" => ("文件名不能为空", "The file needs a name."),
        "file_size" => (
            "文件大小应为非负整数（字节）",
            "File size is a whole number of bytes, 0 or more.",
        ),
        "file_hash" => (
            "SHA-256 应为 64 位十六进制字符",
            "SHA-256 is 64 hexadecimal characters.",
        ),
        "signature_name" => ("签名须填写姓名", "A signature needs a name."),
        "signature_date" => (
            "签名日期格式应为 YYYY-MM-DD",
            "Signature dates are written YYYY-MM-DD.",
        ),
        "citizen_id" => (
            "身份证号码应为 18 位（或 15 位旧号码）",
            "A citizen ID number has 18 characters (or 15 for old numbers).",
        ),
        "uscc" => (
            "统一社会信用代码应为 18 位数字或大写字母",
            "A unified social credit code has 18 digits or capital letters.",
        ),
        "rule" => ("不符合规则 {rule}", "Rule {rule} is not met."),
        "spec.setting_type" => (
            "设置“{name}”的值应为 {type} 类型，而不是 {value}",
            "Setting “{name}” takes a value of type {type}, not {value}.",
        ),
        "setting.out_of_range" => (
            "设置“{name}”的值 {value} 超出允许范围 {range}",
            "Setting “{name}”: {value} is outside its range {range}.",
        ),
        "setting.not_an_option" => (
            "设置“{name}”的值 {value} 不是可选值（{options}）",
            "Setting “{name}”: {value} is not one of its options ({options}).",
        ),
        _ => return None,
    })
}

/// Localized names of value types, for the `type` message.
pub(crate) fn type_name(expected: &str, locale: Locale) -> &'static str {
    let (zh, en) = match expected {
        "object" => ("一组内容（对象）", "an object"),
        "array" => ("一个列表（数组）", "a list (array)"),
        "string" => ("文本", "text"),
        "integer" => ("整数", "a whole number"),
        "number" => ("数字", "a number"),
        "boolean" => ("是或否", "true or false"),
        _ => ("正确类型的值", "a value of the right type"),
    };
    match locale {
        Locale::ZhCn => zh,
        Locale::En => en,
    }
}

/// Wording overrides that apply at one place of the form: the field's own, then
/// the form's, then the engine's extensions, then a domain table.
#[derive(Clone, Copy)]
pub(crate) struct Overrides<'a> {
    pub(crate) node: Option<&'a BTreeMap<String, Text>>,
    pub(crate) form: &'a BTreeMap<String, Text>,
    pub(crate) extra: &'a BTreeMap<String, Text>,
    pub(crate) table: &'a Messages,
}

impl Overrides<'_> {
    /// Renders the message of `code` in `locale`.
    pub(crate) fn render(
        &self,
        code: &str,
        locale: Locale,
        params: &Params,
        fallback: Option<&Text>,
    ) -> String {
        if let Some(t) = self
            .node
            .and_then(|m| m.get(code))
            .or_else(|| self.form.get(code))
        {
            return interpolate(t.get(locale), params);
        }
        if let Some(t) = fallback {
            return interpolate(t.get(locale), params);
        }
        if let Some(t) = self.extra.get(code) {
            return interpolate(t.get(locale), params);
        }
        match lookup(self.table, code).or_else(|| builtin(code)) {
            Some((zh, en)) => interpolate(if locale == Locale::ZhCn { zh } else { en }, params),
            None => code.to_owned(),
        }
    }
}
