//! The default frequencies (domain rules §1), kept as data in `requirements.json`
//! beside this file: 《中国共产党支部工作条例（试行）》 and local practice, each
//! with its source. How often each is required is a setting of the
//! `meeting-minutes` form, `frequency_<id>` (a period, or `off`), so a county
//! changes a frequency as it changes any threshold; or it passes its own list
//! in the options instead.

use super::options::Requirement;
use crate::meetings::period::Period;
use dangjian_core::spec::read::{list, Json};
use serde_json::Value;
use std::sync::OnceLock;

/// The default requirements as JSON (`requirements.json` beside this file,
/// without its whitespace: the build script compacts it), embedded once.
const DEFAULTS: &str = include_str!(concat!(env!("OUT_DIR"), "/requirements.json"));

/// The frequencies of 《中国共产党支部工作条例（试行）》 and local practice
/// (domain rules §1). Empty only if the embedded list were unreadable, which a
/// test rules out.
pub fn default_requirements() -> Vec<Requirement> {
    static PARSED: OnceLock<Vec<Requirement>> = OnceLock::new();
    let mut list = PARSED
        .get_or_init(|| {
            dangjian_core::json_text::from_str(DEFAULTS)
                .ok()
                .and_then(|v| list(&Json::view(&v), Requirement::read).ok())
                .unwrap_or_default()
        })
        .clone();
    apply_frequencies(
        &mut list,
        crate::builtin_settings::of(super::MINUTES_FORM_ID),
    );
    list
}

/// The prefix of the settings that set a requirement's frequency.
pub const FREQUENCY_PREFIX: &str = "frequency_";

/// Sets each requirement's period from the setting `frequency_<id>` of
/// `settings` (`{name: value}`): a period (`week`, `month`, `quarter`,
/// `half_year`, `year`) turns it on with that period, `off` turns it off. A
/// requirement without such a setting, or with a value that is neither, keeps
/// what it had (the minutes form refuses such a value first).
pub fn apply_frequencies(requirements: &mut [Requirement], settings: &Value) {
    for r in requirements.iter_mut() {
        let Some(value) = settings.get(format!("{FREQUENCY_PREFIX}{}", r.id)) else {
            continue;
        };
        if value.as_str() == Some("off") {
            r.enabled = false;
        } else if let Ok(period) = <Period as serde::Deserialize>::deserialize(value) {
            r.period = period;
            r.enabled = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meetings::period::Period;

    #[test]
    fn the_embedded_list_reads() {
        let list: Vec<Requirement> = serde_json::from_str(DEFAULTS).unwrap();
        assert_eq!(list.len(), 12);
        // The minutes form's frequency settings default to the list's own periods.
        assert_eq!(default_requirements(), list);
        let theme = list.iter().find(|r| r.id == "theme_day").unwrap();
        assert_eq!(theme.period, Period::Month);
        assert!(theme.fixed_day.is_some());
        let tuesday = list.iter().find(|r| r.id == "party_tuesday").unwrap();
        assert!(!tuesday.enabled);
        assert!(list.iter().all(|r| r.min == 1 && r.source.is_some()));
    }

    #[test]
    fn a_frequency_setting_changes_the_period_or_turns_it_off() {
        let mut list = default_requirements();
        let settings = serde_json::json!({
            "frequency_party_lecture": "half_year",
            "frequency_party_tuesday": "week",
            "frequency_committee": "off"
        });
        apply_frequencies(&mut list, &settings);
        let find = |id: &str| list.iter().find(|r| r.id == id).unwrap().clone();
        assert_eq!(find("party_lecture").period, Period::HalfYear);
        assert!(find("party_tuesday").enabled);
        assert!(!find("committee").enabled);
    }
}
