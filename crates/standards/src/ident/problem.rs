//! Why an identifier is wrong: a stable code, the values involved, and the
//! message in both languages.

use dangjian_core::report::Params;
use dangjian_core::text::interpolate;
use dangjian_core::{FormatProblem, Locale, Text};
use serde::{Deserialize, Serialize};

/// One reason an identifier is invalid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdProblem {
    /// Stable code, e.g. `citizen_id.checksum`.
    pub code: String,
    /// Values the message is built from.
    pub params: Params,
}

impl IdProblem {
    pub(crate) fn new(code: &str, pairs: &[(&str, serde_json::Value)]) -> IdProblem {
        IdProblem {
            code: code.to_owned(),
            params: dangjian_core::report::params(pairs),
        }
    }

    /// The message template of this problem's code.
    pub fn template(&self) -> Text {
        template(&self.code)
    }

    /// The message in `locale`, with its values filled in.
    pub fn message(&self, locale: Locale) -> String {
        interpolate(self.template().get(locale), &self.params)
    }

    /// The problem as the engine's format problem.
    pub fn to_format_problem(&self) -> FormatProblem {
        FormatProblem {
            code: self.code.clone(),
            message: self.template(),
            params: self.params.clone(),
        }
    }
}

/// A problem rendered for people: code, message in one language, values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RenderedProblem {
    /// Stable code.
    pub code: String,
    /// The message in the requested language.
    pub message: String,
    /// Values the message was built from.
    pub params: Params,
}

impl RenderedProblem {
    /// Renders `problem` in `locale`.
    pub fn new(problem: &IdProblem, locale: Locale) -> RenderedProblem {
        RenderedProblem {
            code: problem.code.clone(),
            message: problem.message(locale),
            params: problem.params.clone(),
        }
    }
}

/// Every issue code the identifier checks raise, with its default wording.
pub const CODES: [(&str, &str, &str); 9] = [
    (
        "citizen_id.length",
        "身份证号码应为18位（或15位旧号码），实际为{length}位",
        "A citizen ID number has 18 characters (or 15 for an old number); this one has {length}.",
    ),
    (
        "citizen_id.chars",
        "身份证号码含有无效字符：前17位须为数字，末位为数字或X",
        "The citizen ID number has invalid characters: the first 17 must be digits, the last a digit or X.",
    ),
    ("citizen_id.province", "身份证号码的省级代码“{code}”不存在", "The citizen ID number starts with “{code}”, which is no province code."),
    ("citizen_id.birth_date", "身份证号码中的出生日期“{date}”不是有效日期", "The birth date “{date}” in the citizen ID number is not a real date."),
    (
        "citizen_id.birth_future",
        "身份证号码中的出生日期{date}晚于今天（{today}）",
        "The birth date {date} in the citizen ID number is after today ({today}).",
    ),
    (
        "citizen_id.checksum",
        "身份证号码校验码错误：末位应为“{expected}”，实际为“{actual}”",
        "Wrong check character in the citizen ID number: expected “{expected}”, found “{actual}”.",
    ),
    ("uscc.length", "统一社会信用代码应为18位，实际为{length}位", "A unified social credit code has 18 characters; this one has {length}."),
    (
        "uscc.chars",
        "统一社会信用代码含有无效字符“{chars}”（不使用I、O、Z、S、V）",
        "The unified social credit code has invalid characters “{chars}” (I, O, Z, S and V are never used).",
    ),
    (
        "uscc.checksum",
        "统一社会信用代码校验码错误：末位应为“{expected}”，实际为“{actual}”",
        "Wrong check character in the unified social credit code: expected “{expected}”, found “{actual}”.",
    ),
];

/// The default wording of an identifier issue code.
pub fn template(code: &str) -> Text {
    CODES
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, zh, en)| Text::new(zh, en))
        .unwrap_or_else(|| Text::new(code, code))
}
