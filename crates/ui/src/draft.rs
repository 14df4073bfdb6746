//! Drafts in `localStorage`: saved on every edit, offered back after a reload,
//! cleared on submit. When storage is full or switched off the caller learns it
//! and the record stays in memory.

use gloo::storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Version of the stored draft's shape.
const DRAFT_VERSION: u32 = 1;

/// A saved draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// Shape version.
    pub v: u32,
    /// Form id.
    pub form: String,
    /// Form version.
    pub version: String,
    /// When it was saved, local time `YYYY-MM-DD HH:MM`.
    pub saved_at: String,
    /// The record.
    pub data: Value,
}

impl Draft {
    /// The version of the form the draft was saved under, when it is not `current`.
    pub fn other_version(&self, current: &str) -> Option<&str> {
        (self.version != current).then_some(self.version.as_str())
    }
}

/// Why a draft could not be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveError {
    /// The browser has no usable `localStorage` (private mode, disabled by policy).
    Unavailable,
    /// Storage refused the write (quota exceeded).
    Refused,
}

/// Where one form's draft lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftStore {
    key: String,
}

impl DraftStore {
    /// A store under `key`.
    pub fn new(key: &str) -> DraftStore {
        DraftStore {
            key: key.to_owned(),
        }
    }

    /// The draft saved for `form` (drafts of another form under the same key are
    /// ignored). A draft saved under another version of the form is returned too:
    /// the caller compares [`Draft::version`] and warns before restoring it.
    pub fn load(&self, form: &str) -> Option<Draft> {
        if !available() {
            return None;
        }
        LocalStorage::get::<Draft>(&self.key)
            .ok()
            .filter(|d| d.v == DRAFT_VERSION && d.form == form)
    }

    /// Saves `data` as the draft of `form`.
    pub fn save(&self, form: &str, version: &str, data: &Value) -> Result<String, SaveError> {
        if !available() {
            return Err(SaveError::Unavailable);
        }
        let saved_at = now_local();
        let draft = Draft {
            v: DRAFT_VERSION,
            form: form.to_owned(),
            version: version.to_owned(),
            saved_at: saved_at.clone(),
            data: data.clone(),
        };
        LocalStorage::set(&self.key, &draft)
            .map(|()| saved_at)
            .map_err(|_| SaveError::Refused)
    }

    /// Removes the draft.
    pub fn clear(&self) {
        if available() {
            LocalStorage::delete(&self.key);
        }
    }
}

/// True when `localStorage` can be used (reading the property throws when disabled).
pub fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

/// The local time as `YYYY-MM-DD HH:MM`.
pub fn now_local() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// Today's local date as `YYYY-MM-DD`.
pub fn today_local() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Where the elder-friendly preference is kept, for every form on the site.
const ELDER_KEY: &str = "dangjian:elder";

/// The elder-friendly mode the person chose last time, if storage works.
pub fn remembered_elder() -> Option<bool> {
    if !available() {
        return None;
    }
    LocalStorage::get::<bool>(ELDER_KEY).ok()
}

/// Remembers the elder-friendly mode (silently skipped when storage does not work).
pub fn remember_elder(on: bool) {
    if available() {
        let _ = LocalStorage::set(ELDER_KEY, on);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_knows_when_it_was_saved_under_another_version() {
        let d = Draft {
            v: DRAFT_VERSION,
            form: "meeting-minutes".into(),
            version: "2025.1".into(),
            saved_at: "2026-01-02 10:00".into(),
            data: serde_json::json!({}),
        };
        assert_eq!(d.other_version("2026.1"), Some("2025.1"));
        assert_eq!(d.other_version("2025.1"), None);
    }
}
