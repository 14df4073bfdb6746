//! The default frequencies (domain rules §1), kept as data in `requirements.json`
//! beside this file: 《中国共产党支部工作条例（试行）》 and local practice, each
//! with its source. A county passes its own list in the options instead.

use super::options::Requirement;
use std::sync::OnceLock;

/// The default requirements as JSON, embedded once.
const DEFAULTS: &str = include_str!("requirements.json");

/// The frequencies of 《中国共产党支部工作条例（试行）》 and local practice
/// (domain rules §1). Empty only if the embedded list were unreadable, which a
/// test rules out.
pub fn default_requirements() -> Vec<Requirement> {
    static PARSED: OnceLock<Vec<Requirement>> = OnceLock::new();
    PARSED
        .get_or_init(|| serde_json::from_str(DEFAULTS).unwrap_or_default())
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meetings::period::Period;

    #[test]
    fn the_embedded_list_reads() {
        let list: Vec<Requirement> = serde_json::from_str(DEFAULTS).unwrap();
        assert_eq!(list.len(), 12);
        assert_eq!(default_requirements(), list);
        let theme = list.iter().find(|r| r.id == "theme_day").unwrap();
        assert_eq!(theme.period, Period::Month);
        assert!(theme.fixed_day.is_some());
        let tuesday = list.iter().find(|r| r.id == "party_tuesday").unwrap();
        assert!(!tuesday.enabled);
        assert!(list.iter().all(|r| r.min == 1 && r.source.is_some()));
    }
}
