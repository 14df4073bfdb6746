//! Drafts in `localStorage`: saved on every edit, offered back after a reload,
//! cleared on submit. When storage is full or switched off the caller learns it
//! and the record stays in memory.
//!
//! Beside the draft, the last few records that were about to be lost are kept
//! (`<key>:history`): a draft discarded, replaced by new typing, by an import or
//! by the host page, overwritten by another tab, or submitted. The person can
//! restore any of them.

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
    /// Why it was kept among the earlier drafts (`discarded`, `replaced`,
    /// `superseded`, `other_tab`, `submitted`); empty for the current draft.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kept: String,
}

/// How many earlier drafts are kept per key.
pub const HISTORY: usize = 5;

/// What a stored draft turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// No draft of this form.
    Nothing,
    /// A draft.
    Draft(Draft),
    /// A draft of this form whose record is not an object: it cannot be restored.
    NotARecord(&'static str),
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

    /// The key the draft is stored under.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The draft saved for `form` (drafts of another form under the same key are
    /// ignored). A draft saved under another version of the form is returned too:
    /// the caller compares [`Draft::version`] and warns before restoring it.
    pub fn load(&self, form: &str) -> Loaded {
        if !available() {
            return Loaded::Nothing;
        }
        match LocalStorage::get::<Draft>(&self.key) {
            Ok(d) => read(d, form),
            Err(_) => Loaded::Nothing,
        }
    }

    /// The draft in `text` (a storage event's new value), when it is one of `form`.
    pub fn parse(text: &str, form: &str) -> Loaded {
        match serde_json::from_str::<Draft>(text) {
            Ok(d) => read(d, form),
            Err(_) => Loaded::Nothing,
        }
    }

    /// The earlier drafts of `form`, newest first.
    pub fn history(&self, form: &str) -> Vec<Draft> {
        if !available() {
            return Vec::new();
        }
        LocalStorage::get::<Vec<Draft>>(self.history_key())
            .unwrap_or_default()
            .into_iter()
            .filter(|d| d.form == form && d.data.is_object())
            .collect()
    }

    /// Keeps `draft` among the earlier drafts (newest first, at most [`HISTORY`],
    /// the same record once). When storage is short the oldest go first.
    pub fn keep(&self, mut draft: Draft, why: &str) {
        if !available() || !draft.data.is_object() || crate::data::is_blank(Some(&draft.data)) {
            return;
        }
        draft.kept = why.to_owned();
        let mut list: Vec<Draft> = LocalStorage::get::<Vec<Draft>>(self.history_key())
            .unwrap_or_default()
            .into_iter()
            .filter(|d| d.data != draft.data)
            .collect();
        list.insert(0, draft);
        list.truncate(HISTORY);
        while !list.is_empty() {
            if LocalStorage::set(self.history_key(), &list).is_ok() {
                return;
            }
            list.pop();
        }
    }

    /// A draft of `form` holding `data`, saved now.
    pub fn snapshot(form: &str, version: &str, data: &Value) -> Draft {
        Draft {
            v: DRAFT_VERSION,
            form: form.to_owned(),
            version: version.to_owned(),
            saved_at: now_local(),
            data: data.clone(),
            kept: String::new(),
        }
    }

    fn history_key(&self) -> String {
        format!("{}:history", self.key)
    }

    /// Saves `data` as the draft of `form`.
    pub fn save(&self, form: &str, version: &str, data: &Value) -> Result<String, SaveError> {
        if !available() {
            return Err(SaveError::Unavailable);
        }
        let draft = DraftStore::snapshot(form, version, data);
        LocalStorage::set(&self.key, &draft)
            .map(|()| draft.saved_at)
            .map_err(|_| SaveError::Refused)
    }

    /// Moves a draft of `form` kept under `old` (the default key before keys
    /// differed per element, [`legacy_key`]) to this store, when this one holds
    /// none: the draft is written under this key first and the old one removed
    /// only once that write succeeded (its earlier drafts move with it). True
    /// when a draft was moved.
    pub fn adopt(&self, old: &str, form: &str) -> bool {
        if !available() || old == self.key || self.load(form) != Loaded::Nothing {
            return false;
        }
        let Ok(draft) = LocalStorage::get::<Draft>(old) else {
            return false;
        };
        if read(draft.clone(), form) == Loaded::Nothing {
            return false;
        }
        if LocalStorage::set(&self.key, &draft).is_err() {
            return false;
        }
        let old_history = format!("{old}:history");
        if let Ok(list) = LocalStorage::get::<Vec<Draft>>(&old_history) {
            let none_here = LocalStorage::get::<Vec<Draft>>(self.history_key()).is_err();
            if none_here && LocalStorage::set(self.history_key(), &list).is_ok() {
                LocalStorage::delete(&old_history);
            }
        }
        LocalStorage::delete(old);
        true
    }

    /// Removes the draft.
    pub fn clear(&self) {
        if available() {
            LocalStorage::delete(&self.key);
        }
    }
}

/// The default draft key before keys differed per element:
/// `dangjian:draft:<form id>`, shared by every form of that type on a page.
pub fn legacy_key(form: &str) -> String {
    format!("dangjian:draft:{form}")
}

/// A stored draft as [`Loaded`]: of `form`, of this shape version, a record or not.
fn read(d: Draft, form: &str) -> Loaded {
    if d.v != DRAFT_VERSION || d.form != form {
        Loaded::Nothing
    } else if d.data.is_object() {
        Loaded::Draft(d)
    } else {
        Loaded::NotARecord(crate::state::kind_of(&d.data))
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
            kept: String::new(),
        };
        assert_eq!(d.other_version("2026.1"), Some("2025.1"));
        assert_eq!(d.other_version("2025.1"), None);
    }

    #[test]
    fn a_draft_that_is_not_a_record_is_not_offered() {
        let text = r#"{"v": 1, "form": "f", "version": "1", "saved_at": "2026-01-02 10:00", "data": "just a string"}"#;
        assert_eq!(DraftStore::parse(text, "f"), Loaded::NotARecord("string"));
        let list = r#"{"v": 1, "form": "f", "version": "1", "saved_at": "x", "data": [1, 2, 3]}"#;
        assert_eq!(DraftStore::parse(list, "f"), Loaded::NotARecord("array"));
        let other = r#"{"v": 1, "form": "g", "version": "1", "saved_at": "x", "data": {}}"#;
        assert_eq!(DraftStore::parse(other, "f"), Loaded::Nothing);
        let good = r#"{"v": 1, "form": "f", "version": "1", "saved_at": "x", "data": {"a": 1}}"#;
        assert!(matches!(DraftStore::parse(good, "f"), Loaded::Draft(_)));
    }
}
