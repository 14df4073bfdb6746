//! The four grades of a review, 好 / 较好 / 一般 / 差, from lowest to highest.

use super::messages::MESSAGES;
use dangjian_core::Locale;
use serde::{Deserialize, Serialize};

/// A grade. Ordered: `Poor < Average < FairlyGood < Good`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// 差.
    Poor,
    /// 一般.
    Average,
    /// 较好.
    FairlyGood,
    /// 好.
    Good,
}

impl Grade {
    /// Every grade, from the highest.
    pub const ALL: [Grade; 4] = [Grade::Good, Grade::FairlyGood, Grade::Average, Grade::Poor];

    /// `good`, `fairly_good`, `average` or `poor`: the values of the form's choices.
    pub fn id(self) -> &'static str {
        match self {
            Grade::Good => "good",
            Grade::FairlyGood => "fairly_good",
            Grade::Average => "average",
            Grade::Poor => "poor",
        }
    }

    /// Reads a grade from JSON (its id).
    pub fn read(
        value: &dangjian_core::spec::read::Json<'_>,
    ) -> dangjian_core::spec::read::Read<Grade> {
        use Grade::{Average, FairlyGood, Good, Poor};
        dangjian_core::spec::read::variant(value, &[Poor, Average, FairlyGood, Good], Grade::id)
    }

    /// The grade written by its id.
    pub fn parse(id: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.id() == id)
    }

    /// 好 / 较好 / 一般 / 差, or the English words.
    pub fn title(self, locale: Locale) -> String {
        let key = format!("grade.{}", self.id());
        crate::wording::render(MESSAGES, &key, locale, &serde_json::Value::Null)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_titles_and_order() {
        assert_eq!(Grade::parse("fairly_good"), Some(Grade::FairlyGood));
        assert_eq!(Grade::parse("excellent"), None);
        assert_eq!(Grade::Average.title(Locale::ZhCn), "一般");
        assert_eq!(Grade::Good.title(Locale::En), "Good");
        assert!(Grade::Poor < Grade::Average && Grade::FairlyGood < Grade::Good);
    }
}
