//! The interface's words, in Chinese and English (the report's own messages
//! come in the language the report was drawn up in).

use dangjian_standards::meetings::PeriodStatus;
use dangjian_standards::supervision::{BranchReport, ItemStatus};

/// The language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lang {
    /// Chinese (the default) or English.
    pub zh: bool,
}

impl Lang {
    /// `zh` or `en`, by the language.
    pub fn t(self, zh: &'static str, en: &'static str) -> &'static str {
        if self.zh {
            zh
        } else {
            en
        }
    }

    /// The locale tag given to the engine.
    pub fn tag(self) -> &'static str {
        self.t("zh-CN", "en")
    }

    /// A period's status in words.
    pub fn status(self, s: PeriodStatus) -> &'static str {
        match s {
            PeriodStatus::Met => self.t("达标", "met"),
            PeriodStatus::Missing => self.t("缺漏", "missing"),
            PeriodStatus::Open => self.t("进行中", "open"),
            PeriodStatus::Future => self.t("未到", "future"),
            PeriodStatus::Partial => self.t("不完整", "partial"),
        }
    }

    /// A rectification item's status in words.
    pub fn item(self, s: ItemStatus) -> &'static str {
        match s {
            ItemStatus::Open => self.t("整改中", "open"),
            ItemStatus::Overdue => self.t("逾期", "overdue"),
            ItemStatus::Closed => self.t("已销号", "closed"),
        }
    }
}

/// The CSS class of a period's status (also the heat map's colour).
pub fn status_class(s: PeriodStatus) -> &'static str {
    match s {
        PeriodStatus::Met => "met",
        PeriodStatus::Missing => "missing",
        PeriodStatus::Open => "open",
        PeriodStatus::Future => "future",
        PeriodStatus::Partial => "partial",
    }
}

/// The titles of the requirement ids `ids` (a calendar cell's missing ones),
/// as the branch's requirements name them, joined with "、".
pub fn titles(b: &BranchReport, ids: &[String]) -> String {
    ids.iter()
        .map(|id| {
            b.meetings
                .requirements
                .iter()
                .find(|r| &r.id == id)
                .map_or(id.as_str(), |r| r.title.as_str())
        })
        .collect::<Vec<_>>()
        .join("、")
}

/// `n` stars as ★ and ☆ out of five.
pub fn stars(n: u8) -> String {
    let n = usize::from(n.min(5));
    format!("{}{}", "★".repeat(n), "☆".repeat(5 - n))
}
