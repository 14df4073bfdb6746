//! Checks between settings: what a county's values must keep true together
//! (a quorum's numerator not above its denominator, a smallest committee not
//! above the largest), beside each setting's own type, range and options.

use crate::spec::Logic;
use crate::text::Text;
use schemars::JsonSchema;
use serde::Serialize;

/// A check over the form's settings, evaluated wherever settings are applied:
/// the spec's defaults when it is compiled, a county's values in
/// [`crate::Form::with_settings`]. When `assert` does not hold, every setting
/// it names gets an error with `code` and `message`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SettingsCheck {
    /// Stable code of the error, e.g. `settings.election_quorum`.
    pub code: String,
    /// A JSONLogic expression that must be true. It reads only settings,
    /// as `{"var": "$settings.NAME"}`, and only those declared by the form.
    pub assert: Logic,
    /// The settings the check is about: the error is reported at each of them
    /// (`/settings/NAME`), and their values fill the message's `{NAME}` placeholders.
    pub settings: Vec<String>,
    /// The message, in both languages (`{"zh-CN": …, "en": …}`).
    pub message: Text,
    /// Where the check comes from (regulation, article), for the form's documentation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}
