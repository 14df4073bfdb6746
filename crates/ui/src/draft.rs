//! Drafts in `localStorage`: saved on every edit, offered back after a reload,
//! cleared on submit. When storage is full or switched off the caller learns it
//! and the record stays in memory.
//!
//! Beside the draft, the last few records that were about to be lost are kept
//! (`<key>:history`): a draft discarded, replaced by new typing, by an import or
//! by the host page, overwritten by another tab, or submitted. The person can
//! restore any of them.

use gloo::storage::{LocalStorage, Storage};
use serde_json::Value;

/// Version of the stored draft's shape.
const DRAFT_VERSION: u32 = 1;

/// A saved draft, stored as the JSON text [`Draft::text`] writes and
/// [`Draft::read`] reads (the fields in this order, `kept` left out when empty).
#[derive(Debug, Clone, PartialEq)]
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

    /// The stored text of the draft: compact JSON, the fields in declaration
    /// order, `kept` left out when empty.
    pub fn text(&self) -> String {
        let mut out = format!("{{\"v\":{},\"form\":", self.v);
        push_string(&mut out, &self.form);
        out.push_str(",\"version\":");
        push_string(&mut out, &self.version);
        out.push_str(",\"saved_at\":");
        push_string(&mut out, &self.saved_at);
        out.push_str(",\"data\":");
        out.push_str(&dangjian_core::json_writer::value_text(&self.data));
        if !self.kept.is_empty() {
            out.push_str(",\"kept\":");
            push_string(&mut out, &self.kept);
        }
        out.push('}');
        out
    }

    /// The draft a stored JSON value holds: an object with `v` (a whole number
    /// that fits 32 bits), `form`, `version` and `saved_at` (strings), `data`
    /// (any value) and optionally `kept` (a string), other members ignored; or
    /// an array of those values in that order. `None` for anything else.
    /// Read from text, a member written twice counts once (its last value),
    /// where the derived reading refused the draft: drafts are written by
    /// [`Draft::text`], which never does that.
    pub fn read(value: Value) -> Option<Draft> {
        let (v, form, version, saved_at, data, kept) = match value {
            Value::Object(mut m) => {
                // Taken out in place (the map is dropped after): removing
                // entries would link the tree's rebalancing code for it alone.
                let mut take = |key: &str| m.get_mut(key).map(Value::take);
                (
                    take("v")?,
                    take("form")?,
                    take("version")?,
                    take("saved_at")?,
                    take("data")?,
                    take("kept"),
                )
            }
            Value::Array(list) if (5..=6).contains(&list.len()) => {
                let mut it = list.into_iter();
                (
                    it.next()?,
                    it.next()?,
                    it.next()?,
                    it.next()?,
                    it.next()?,
                    it.next(),
                )
            }
            _ => return None,
        };
        Some(Draft {
            v: u32::try_from(v.as_u64()?).ok()?,
            form: owned_string(form)?,
            version: owned_string(version)?,
            saved_at: owned_string(saved_at)?,
            data,
            kept: match kept {
                Some(k) => owned_string(k)?,
                None => String::new(),
            },
        })
    }
}

/// Appends `s` as a JSON string.
fn push_string(out: &mut String, s: &str) {
    dangjian_core::json_writer::write_str(out, s);
}

/// The string a JSON value is, owned.
fn owned_string(v: Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s),
        _ => None,
    }
}

/// The draft in JSON `text`, if it is one ([`Draft::read`]).
fn read_text(text: &str) -> Option<Draft> {
    Draft::read(dangjian_core::json_text::from_str(text).ok()?)
}

/// The drafts in JSON `text`: an array of drafts, or `None` when it is not one
/// or any of its entries is not a draft.
fn read_list(text: &str) -> Option<Vec<Draft>> {
    let Value::Array(list) = dangjian_core::json_text::from_str(text).ok()? else {
        return None;
    };
    let mut out = Vec::with_capacity(list.len());
    for v in list {
        out.push(Draft::read(v)?);
    }
    Some(out)
}

/// The stored text of a list of drafts: a JSON array of [`Draft::text`].
fn list_text(list: &[Draft]) -> String {
    let mut out = String::from("[");
    for (i, d) in list.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&d.text());
    }
    out.push(']');
    out
}

/// The text stored under `key`, if any (storage must be [`available`]).
fn stored(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Stores `text` under `key`; false when storage refused it (quota).
fn store(key: &str, text: &str) -> bool {
    LocalStorage::raw().set_item(key, text).is_ok()
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
        match stored(&self.key).as_deref().and_then(read_text) {
            Some(d) => read(d, form),
            None => Loaded::Nothing,
        }
    }

    /// The draft in `text` (a storage event's new value), when it is one of `form`.
    pub fn parse(text: &str, form: &str) -> Loaded {
        match read_text(text) {
            Some(d) => read(d, form),
            None => Loaded::Nothing,
        }
    }

    /// The earlier drafts of `form`, newest first.
    pub fn history(&self, form: &str) -> Vec<Draft> {
        if !available() {
            return Vec::new();
        }
        let mut list = self.stored_history().unwrap_or_default();
        list.retain(|d| d.form == form && d.data.is_object());
        list
    }

    /// Keeps `draft` among the earlier drafts (newest first, at most [`HISTORY`],
    /// the same record once). When storage is short the oldest go first.
    pub fn keep(&self, mut draft: Draft, why: &str) {
        if !available() || !draft.data.is_object() || crate::data::is_blank(Some(&draft.data)) {
            return;
        }
        draft.kept = why.to_owned();
        let mut list = self.stored_history().unwrap_or_default();
        list.retain(|d| d.data != draft.data);
        list.insert(0, draft);
        list.truncate(HISTORY);
        let key = self.history_key();
        while !list.is_empty() {
            if store(&key, &list_text(&list)) {
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

    /// The earlier drafts stored under this key, all of them, if the stored
    /// text is a list of drafts.
    fn stored_history(&self) -> Option<Vec<Draft>> {
        read_list(&stored(&self.history_key())?)
    }

    /// Saves `data` as the draft of `form`.
    pub fn save(&self, form: &str, version: &str, data: &Value) -> Result<String, SaveError> {
        if !available() {
            return Err(SaveError::Unavailable);
        }
        let draft = DraftStore::snapshot(form, version, data);
        if store(&self.key, &draft.text()) {
            Ok(draft.saved_at)
        } else {
            Err(SaveError::Refused)
        }
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
        let Some(draft) = stored(old).as_deref().and_then(read_text) else {
            return false;
        };
        if read(draft.clone(), form) == Loaded::Nothing {
            return false;
        }
        if !store(&self.key, &draft.text()) {
            return false;
        }
        let old_history = format!("{old}:history");
        if let Some(list) = stored(&old_history).as_deref().and_then(read_list) {
            let none_here = self.stored_history().is_none();
            if none_here && store(&self.history_key(), &list_text(&list)) {
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
    dangjian_core::json_text::from_str(&stored(ELDER_KEY)?)
        .ok()?
        .as_bool()
}

/// Remembers the elder-friendly mode (silently skipped when storage does not work).
pub fn remember_elder(on: bool) {
    if available() {
        store(ELDER_KEY, if on { "true" } else { "false" });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::{Deserialize, Serialize};

    /// The derived shape drafts were stored with before [`Draft::text`] and
    /// [`Draft::read`]: both must read and write exactly as it does.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Derived {
        v: u32,
        form: String,
        version: String,
        saved_at: String,
        data: Value,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        kept: String,
    }

    impl From<Derived> for Draft {
        fn from(d: Derived) -> Draft {
            Draft {
                v: d.v,
                form: d.form,
                version: d.version,
                saved_at: d.saved_at,
                data: d.data,
                kept: d.kept,
            }
        }
    }

    /// Stored texts: well-formed drafts and every field replaced by each JSON
    /// kind, removed, renamed; arrays of fields; lists.
    fn texts() -> Vec<String> {
        let kinds = [
            "null",
            "true",
            "0",
            "1",
            "-1",
            "1.0",
            "4294967295",
            "4294967296",
            "\"\"",
            "\"x\"",
            "\"引号\\\"\\n\u{2028}\"",
            "[]",
            "[1,{\"a\":2}]",
            "{}",
            "{\"a\":{\"b\":[null]}}",
        ];
        let fields = ["v", "form", "version", "saved_at", "data", "kept"];
        let base = [
            r#"1"#,
            r#""meeting-minutes""#,
            r#""2026.1""#,
            r#""2026-01-02 10:00""#,
            r#"{"a":1}"#,
            r#""replaced""#,
        ];
        let mut out = Vec::new();
        let object = |vals: &[Option<&str>], extra: &str| {
            let mut parts: Vec<String> = fields
                .iter()
                .zip(vals)
                .filter_map(|(f, v)| v.map(|v| format!("\"{f}\": {v}")))
                .collect();
            if !extra.is_empty() {
                parts.push(extra.to_owned());
            }
            format!("{{{}}}", parts.join(", "))
        };
        let full: Vec<Option<&str>> = base.iter().map(|b| Some(*b)).collect();
        out.push(object(&full, ""));
        out.push(object(&full, r#""other": [1, 2]"#));
        for i in 0..fields.len() {
            let mut without = full.clone();
            without[i] = None;
            out.push(object(&without, ""));
            out.push(object(
                &without,
                &format!("\"{}x\": {}", fields[i], base[i]),
            ));
            for k in kinds {
                let mut with = full.clone();
                with[i] = Some(k);
                out.push(object(&with, ""));
            }
        }
        for n in 0..=7 {
            let vals: Vec<&str> = base.iter().chain(["2"].iter()).take(n).copied().collect();
            out.push(format!("[{}]", vals.join(",")));
        }
        out.push(r#"[1,"f","1","x",{},null]"#.into());
        out.extend(kinds.iter().map(|k| k.to_string()));
        out.push(format!("{} trailing", object(&full, "")));
        out.push(String::new());
        let one = object(&full, "");
        let mut bad = full.clone();
        bad[0] = Some("\"1\"");
        let bad = object(&bad, "");
        let lists: Vec<String> = vec![
            "[]".into(),
            format!("[{one}]"),
            format!("[{one},{one}]"),
            format!("[{one},{bad}]"),
            format!("[{one},null]"),
            format!("{{\"0\": {one}}}"),
        ];
        out.extend(lists);
        out
    }

    #[test]
    fn drafts_read_and_write_as_the_derived_shape_did() {
        let texts = texts();
        assert!(texts.len() > 100);
        let mut read = 0;
        for t in &texts {
            let theirs = serde_json::from_str::<Derived>(t).ok();
            let mine = read_text(t);
            assert_eq!(mine, theirs.clone().map(Draft::from), "reading {t}");
            if let Some(d) = theirs {
                read += 1;
                assert_eq!(
                    mine.map(|m| m.text()),
                    serde_json::to_string(&d).ok(),
                    "writing {t}"
                );
            }
            let theirs = serde_json::from_str::<Vec<Derived>>(t).ok();
            let mine = read_list(t);
            assert_eq!(
                mine,
                theirs
                    .clone()
                    .map(|l| l.into_iter().map(Draft::from).collect()),
                "reading list {t}"
            );
            if let (Some(mine), Some(theirs)) = (mine, theirs) {
                assert_eq!(
                    Some(list_text(&mine)),
                    serde_json::to_string(&theirs).ok(),
                    "writing list {t}"
                );
            }
        }
        assert!(read > 20, "{read}");
    }

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
