//! Checks of one field's value by its type. Lengths and ranges go through the
//! `validator` crate, patterns through `regex-lite`, e-mail addresses and URLs
//! through [`super::web`].

use super::walk::params;
use super::web::{valid_email, valid_url};
use super::Sink;
use crate::data::{self, Data, Pairs};
use crate::dates::{Date, DateTime, Time};
use crate::form::ValidateOptions;
use crate::logic::{parse_date, parse_datetime, parse_time};
use crate::plan::{Plan, STATUSES};
use crate::pointer::At;
use crate::report::Params;
use crate::spec::{FieldType, Format, Moment, Severity, Shape, TextKind};
use serde_json::Value;
use validator::{ValidateLength, ValidateRange};

/// Checks `value` (present and non-empty) against the field `plan`.
pub(crate) fn check(
    sink: &mut Sink<'_>,
    options: &ValidateOptions,
    plan: &Plan,
    value: &Data<'_>,
    at: &At<'_>,
) {
    let mut c = Checker {
        sink,
        options,
        plan,
        at,
    };
    match plan.node.kind.shape() {
        Shape::Group => {}
        Shape::Number { .. } => c.number(value),
        Shape::Boolean => {
            if !value.is_bool() {
                c.type_issue("boolean");
            }
        }
        Shape::Choices => c.multi_choice(value),
        Shape::List => c.list(value),
        Shape::Checklist => c.checklist(value),
        Shape::File => c.file(value),
        Shape::Signature => c.signature(value),
        Shape::Text(kind) => c.text(value, kind),
    }
    // A list's `one_of` applies to each of its values (its item plan).
    if let Some(allowed) = plan.node.one_of.as_ref().filter(|_| plan.item.is_none()) {
        let value = data::to_value(value);
        if !allowed.contains(&value) && !value.is_object() {
            let list: Vec<String> = allowed.iter().map(crate::text::display_value).collect();
            c.issue(
                at.pointer().as_str(),
                "one_of",
                params(&[("allowed", list.join("、").into()), ("value", value)]),
            );
        }
    }
}

struct Checker<'a, 'f> {
    sink: &'a mut Sink<'f>,
    options: &'a ValidateOptions,
    plan: &'a Plan,
    at: &'a At<'a>,
}

impl Checker<'_, '_> {
    fn issue(&mut self, path: &str, code: &str, params: Params) {
        self.sink
            .push(Some(self.plan), path, code, Severity::Error, params);
    }

    fn type_issue(&mut self, expected: &str) {
        let name = crate::messages::type_name(expected, self.options.locale);
        let path = self.at.pointer().to_string();
        self.issue(&path, "type", params(&[("expected", name.into())]));
    }

    /// A string within the hard size limit, or `None` after reporting why not.
    fn string<'v>(&mut self, value: &Data<'v>, at: &At<'_>) -> Option<&'v str> {
        let Some(s) = value.as_str() else {
            let name = crate::messages::type_name("string", self.options.locale);
            self.issue(
                at.pointer().as_str(),
                "type",
                params(&[("expected", name.into())]),
            );
            return None;
        };
        let limit = self.options.limits.max_string_chars;
        // Bytes bound characters from above: only count when it could matter.
        if s.len() > limit {
            let n = s.chars().count();
            if n > limit {
                self.issue(
                    at.pointer().as_str(),
                    "too_long",
                    params(&[("length", n.into()), ("limit", limit.into())]),
                );
                return None;
            }
        }
        Some(s)
    }

    fn lengths(&mut self, s: &str, at: &At<'_>) {
        let node = &self.plan.node;
        if let Some(min) = node.min_length {
            if !at_least_chars(s, min) {
                self.issue(
                    at.pointer().as_str(),
                    "min_length",
                    params(&[("min", min.into()), ("length", s.chars().count().into())]),
                );
            }
        }
        if let Some(max) = node.max_length {
            if !at_most_chars(s, max) {
                self.issue(
                    at.pointer().as_str(),
                    "max_length",
                    params(&[("max", max.into()), ("length", s.chars().count().into())]),
                );
            }
        }
    }

    fn text(&mut self, value: &Data<'_>, kind: TextKind) {
        let at = self.at;
        let Some(s) = self.string(value, at) else {
            return;
        };
        if let Some(c) = hidden_control(s) {
            self.issue(
                at.pointer().as_str(),
                "control_character",
                params(&[("char", format!("U+{:04X}", u32::from(c)).into())]),
            );
        }
        let s = s.trim();
        self.lengths(s, at);
        if let Some(re) = &self.plan.pattern {
            if !re.is_match(s) {
                self.issue(
                    at.pointer().as_str(),
                    "pattern",
                    params(&[(
                        "pattern",
                        self.plan.node.pattern.clone().unwrap_or_default().into(),
                    )]),
                );
            }
        }
        let node = &self.plan.node;
        let problem = match kind {
            TextKind::Plain => None,
            TextKind::Moment(m) => {
                self.temporal(s, m);
                None
            }
            TextKind::Format(f) => {
                self.format(s, f);
                None
            }
            TextKind::Choice => (!node.options.iter().any(|o| o.value == s))
                .then(|| ("choice", params(&[("value", s.into())]))),
            TextKind::Email => (!valid_email(s)).then(|| ("email", Params::new())),
            TextKind::Url => (!valid_url(s)).then(|| ("url", Params::new())),
            TextKind::Mobile => (!valid_mobile(s)).then(|| ("mobile", Params::new())),
            TextKind::PersonName => (!valid_person_name(s)).then(|| ("person_name", Params::new())),
        };
        if let Some((code, p)) = problem {
            self.issue(at.pointer().as_str(), code, p);
        }
    }

    fn format(&mut self, s: &str, format: Format) {
        let kind = self.plan.node.kind;
        let ptr = self.at.pointer().to_string();
        match self
            .sink
            .form
            .and_then(|f| f.inner.formats.get(kind))
            .cloned()
        {
            Some(check) => {
                for p in check.check(s, self.options.today.as_deref()) {
                    self.sink.push_text(
                        Some(self.plan),
                        &ptr,
                        &p.code,
                        Severity::Error,
                        p.params,
                        &p.message,
                    );
                }
            }
            None => {
                let ok = match format {
                    Format::CitizenId => {
                        let b = s.as_bytes();
                        (b.len() == 18
                            && b.iter().take(17).all(u8::is_ascii_digit)
                            && b.get(17)
                                .is_some_and(|c| c.is_ascii_digit() || *c == b'X' || *c == b'x'))
                            || (b.len() == 15 && b.iter().all(u8::is_ascii_digit))
                    }
                    Format::Uscc => {
                        s.len() == 18
                            && s.bytes()
                                .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
                    }
                };
                if !ok {
                    self.issue(&ptr, kind.name(), Params::new());
                }
            }
        }
    }

    fn temporal(&mut self, s: &str, m: Moment) {
        let kind = self.plan.node.kind;
        let Some(value) = moment(m, s) else {
            let ptr = self.at.pointer().to_string();
            self.issue(&ptr, kind.name(), Params::new());
            return;
        };
        let today = self.options.today.as_deref();
        // A bound as the earliest (`end` false) or latest (`end` true) moment it allows,
        // with the text the message shows; `$today` spans the whole day.
        let bound = |b: &Option<String>, end: bool| -> Option<(DateTime, String)> {
            let b = b.as_deref()?;
            if b == "$today" {
                let day = parse_date(today?)?;
                let at = match (m, end) {
                    (Moment::Datetime, true) => day.at(Time::from_hms(23, 59, 59)?),
                    (Moment::Date | Moment::Datetime, _) => day.at(Time::default()),
                    (Moment::Time, _) => return None,
                };
                Some((at, today?.to_owned()))
            } else {
                moment(m, b).map(|at| (at, b.to_owned()))
            }
        };
        if let Some((lo, shown)) = bound(&self.plan.node.earliest, false) {
            if value < lo {
                let ptr = self.at.pointer().to_string();
                self.issue(&ptr, "earliest", params(&[("earliest", shown.into())]));
            }
        }
        if let Some((hi, shown)) = bound(&self.plan.node.latest, true) {
            if value > hi {
                let ptr = self.at.pointer().to_string();
                self.issue(&ptr, "latest", params(&[("latest", shown.into())]));
            }
        }
    }

    fn number(&mut self, value: &Data<'_>) {
        let ptr = self.at.pointer().to_string();
        let Some(n) = value.as_f64() else {
            let expected = if self.plan.node.kind == FieldType::Integer {
                "integer"
            } else {
                "number"
            };
            self.type_issue(expected);
            return;
        };
        if self.plan.node.kind == FieldType::Integer && n.fract() != 0.0 {
            self.issue(&ptr, "integer", Params::new());
            return;
        }
        let node = &self.plan.node;
        if let Some(min) = node.min {
            if !n.validate_range(Some(min), None, None, None) {
                self.issue(
                    &ptr,
                    "min",
                    params(&[("min", num(min)), ("value", data::to_value(value))]),
                );
            }
        }
        if let Some(max) = node.max {
            if !n.validate_range(None, Some(max), None, None) {
                self.issue(
                    &ptr,
                    "max",
                    params(&[("max", num(max)), ("value", data::to_value(value))]),
                );
            }
        }
        if let Some(step) = node.step {
            let base = node.min.unwrap_or(0.0);
            let q = (n - base) / step;
            if (q - q.round()).abs() > 1e-9 * q.abs().max(1.0) {
                self.issue(&ptr, "step", params(&[("step", num(step))]));
            }
        }
    }

    fn multi_choice(&mut self, value: &Data<'_>) {
        let at = self.at;
        let Some(items) = value.as_array() else {
            self.type_issue("array");
            return;
        };
        let mut seen: Vec<&str> = Vec::new();
        for (i, v) in items.iter().enumerate().take(self.options.limits.max_items) {
            let Some(s) = self.string(v, &at.index(i)) else {
                continue;
            };
            if !self.plan.node.options.iter().any(|o| o.value == s) {
                self.issue(
                    at.index(i).pointer().as_str(),
                    "choice",
                    params(&[("value", s.into())]),
                );
            } else if seen.contains(&s) {
                self.issue(
                    at.index(i).pointer().as_str(),
                    "duplicate_choice",
                    params(&[("value", s.into())]),
                );
            }
            seen.push(s);
        }
        let n = items.len() as u64;
        if let Some(min) = self.plan.node.min_count {
            if n < min {
                self.issue(
                    at.pointer().as_str(),
                    "min_count",
                    params(&[("min", min.into()), ("count", n.into())]),
                );
            }
        }
        if let Some(max) = self.plan.node.max_count {
            if n > max {
                self.issue(
                    at.pointer().as_str(),
                    "max_count",
                    params(&[("max", max.into()), ("count", n.into())]),
                );
            }
        }
    }

    /// A list of plain values: its count, each value by the item type's checks
    /// (at `/field/0`, `/field/1`…), and no value twice when `unique`.
    fn list(&mut self, value: &Data<'_>) {
        let at = self.at;
        let Some(items) = value.as_array() else {
            self.type_issue("array");
            return;
        };
        let node = &self.plan.node;
        let n = items.len() as u64;
        if let Some(min) = node.min_items {
            if n < min {
                self.issue(
                    at.pointer().as_str(),
                    "min_items",
                    params(&[("min", min.into()), ("count", n.into())]),
                );
            }
        }
        if let Some(max) = node.max_items {
            if n > max {
                self.issue(
                    at.pointer().as_str(),
                    "max_items",
                    params(&[("max", max.into()), ("count", n.into())]),
                );
            }
        }
        let Some(item) = self.plan.item.as_deref() else {
            return;
        };
        let unique = node.unique;
        let mut seen: Vec<Value> = Vec::new();
        for (i, v) in items.iter().enumerate().take(self.options.limits.max_items) {
            let here = at.index(i);
            if data::is_empty(Some(v)) {
                self.issue(here.pointer().as_str(), "required", Params::new());
                continue;
            }
            check(self.sink, self.options, item, v, &here);
            if unique {
                let value = data::to_value(v);
                if seen.contains(&value) {
                    self.issue(
                        here.pointer().as_str(),
                        "duplicate_item",
                        params(&[("value", value)]),
                    );
                } else {
                    seen.push(value);
                }
            }
        }
    }

    /// The pairs of a composite value, with its keys checked against `allowed`
    /// (in key order, as the walk reports them).
    fn object<'v>(&mut self, value: &Data<'v>, allowed: &[&str]) -> Option<Pairs<'v>> {
        let Some(pairs) = value.as_object() else {
            self.type_issue("object");
            return None;
        };
        let mut bad: Vec<(&str, &str)> = Vec::new();
        for (i, (k, _)) in pairs.iter().enumerate() {
            if !allowed.contains(k) {
                let code = if crate::spec::RESERVED_KEYS.contains(k) {
                    "forbidden_key"
                } else {
                    "unknown_key"
                };
                bad.push((k, code));
            } else if pairs.iter().take(i).any(|(seen, _)| seen == k) {
                bad.push((k, "duplicate_key"));
            }
        }
        bad.sort_unstable();
        for (k, code) in bad {
            if k.chars().count() > self.options.limits.max_key_chars {
                self.issue(
                    self.at.pointer().as_str(),
                    "key_too_long",
                    params(&[
                        ("length", k.chars().count().into()),
                        ("limit", self.options.limits.max_key_chars.into()),
                    ]),
                );
                continue;
            }
            self.issue(
                self.at.key(k).pointer().as_str(),
                code,
                params(&[("key", k.into())]),
            );
        }
        Some(pairs)
    }

    fn checklist(&mut self, value: &Data<'_>) {
        let Some(obj) = self.object(value, &["status", "evidence", "remark", "deductions"]) else {
            return;
        };
        let at = self.at;
        let node = &self.plan.node;
        let status = match data::get(obj, "status") {
            None | Some(Data::Null) => {
                let deduction_style = node
                    .score
                    .as_ref()
                    .is_some_and(|s| !s.deductions.is_empty());
                if node.required && !deduction_style {
                    self.issue(
                        at.key("status").pointer().as_str(),
                        "required",
                        Params::new(),
                    );
                }
                None
            }
            Some(v) => match v.as_str() {
                Some(s) if STATUSES.contains(&s) => Some(s),
                _ => {
                    self.issue(
                        at.key("status").pointer().as_str(),
                        "status",
                        params(&[("value", data::to_value(v))]),
                    );
                    None
                }
            },
        };
        if status == Some("na") && !node.allow_na {
            self.issue(
                at.key("status").pointer().as_str(),
                "na_not_allowed",
                Params::new(),
            );
        }
        let mut texts = [("evidence", ""), ("remark", "")];
        for (key, slot) in texts.iter_mut() {
            if let Some(v) = data::get(obj, key).filter(|v| !v.is_null()) {
                if let Some(s) = self.string(v, &at.key(key)) {
                    *slot = s;
                    if let Some(c) = hidden_control(s) {
                        self.issue(
                            at.key(key).pointer().as_str(),
                            "control_character",
                            params(&[("char", format!("U+{:04X}", u32::from(c)).into())]),
                        );
                    }
                    // `min_length` holds for a text that is given (an empty one is absent).
                    if let Some(min) = node.min_length.filter(|_| !s.trim().is_empty()) {
                        if !at_least_chars(s.trim(), min) {
                            self.issue(
                                at.key(key).pointer().as_str(),
                                "min_length",
                                params(&[
                                    ("min", min.into()),
                                    ("length", s.trim().chars().count().into()),
                                ]),
                            );
                        }
                    }
                    if let Some(max) = node.max_length {
                        if !at_most_chars(s, max) {
                            self.issue(
                                at.key(key).pointer().as_str(),
                                "max_length",
                                params(&[
                                    ("max", max.into()),
                                    ("length", s.chars().count().into()),
                                ]),
                            );
                        }
                    }
                }
            }
        }
        if let (Some(ev), Some(st)) = (&node.evidence, status) {
            let given = texts[0].1.trim();
            if ev.required_for.iter().any(|r| r == st) && !at_least_chars(given, ev.min_length) {
                let label = status_label(st, self.options.locale);
                self.issue(
                    at.key("evidence").pointer().as_str(),
                    "evidence_required",
                    params(&[("status", label.into()), ("min", ev.min_length.into())]),
                );
            }
        }
        if let Some(d) = data::get(obj, "deductions").filter(|v| !v.is_null()) {
            let Some(map) = d.as_object() else {
                let name = crate::messages::type_name("object", self.options.locale);
                self.issue(
                    at.key("deductions").pointer().as_str(),
                    "type",
                    params(&[("expected", name.into())]),
                );
                return;
            };
            let declared = node
                .score
                .as_ref()
                .map(|s| s.deductions.as_slice())
                .unwrap_or(&[]);
            // In key order, whatever the order of the input.
            let mut entered: Vec<&(&str, Data<'_>)> = map.iter().collect();
            entered.sort_unstable_by_key(|(code, _)| *code);
            for (code, count) in entered {
                let deductions = at.key("deductions");
                let here = deductions.key(code).pointer();
                match declared.iter().find(|d| d.code == *code) {
                    None => self.issue(
                        here.as_str(),
                        "deduction_unknown",
                        params(&[("code", (*code).into())]),
                    ),
                    Some(d) => {
                        let max = d.max_count.unwrap_or(1000);
                        let ok = data::as_count(count).is_some_and(|c| c <= max);
                        if !ok {
                            self.issue(
                                here.as_str(),
                                "deduction_count",
                                params(&[("max", max.into())]),
                            );
                        }
                    }
                }
            }
        }
    }

    fn file(&mut self, value: &Data<'_>) {
        let Some(obj) = self.object(value, &["name", "size", "sha256", "type"]) else {
            return;
        };
        let at = self.at;
        match data::get(obj, "name") {
            Some(v) => {
                if let Some(s) = self.string(v, &at.key("name")) {
                    if s.trim().is_empty() {
                        self.issue(
                            at.key("name").pointer().as_str(),
                            "file_name",
                            Params::new(),
                        );
                    }
                }
            }
            None => self.issue(
                at.key("name").pointer().as_str(),
                "file_name",
                Params::new(),
            ),
        }
        if let Some(size) = data::get(obj, "size").filter(|v| !v.is_null()) {
            if data::as_count(size).is_none() {
                self.issue(
                    at.key("size").pointer().as_str(),
                    "file_size",
                    Params::new(),
                );
            }
        }
        if let Some(h) = data::get(obj, "sha256").filter(|v| !v.is_null()) {
            let ok = h
                .as_str()
                .is_some_and(|s| s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit()));
            if !ok {
                self.issue(
                    at.key("sha256").pointer().as_str(),
                    "file_hash",
                    Params::new(),
                );
            }
        }
    }

    fn signature(&mut self, value: &Data<'_>) {
        let Some(obj) = self.object(value, &["name", "date"]) else {
            return;
        };
        let at = self.at;
        let name_ok = data::get(obj, "name")
            .and_then(|v| v.as_str())
            .is_some_and(valid_person_name);
        if !name_ok {
            self.issue(
                at.key("name").pointer().as_str(),
                "signature_name",
                Params::new(),
            );
        }
        let date_ok = data::get(obj, "date")
            .and_then(|v| v.as_str())
            .is_some_and(|d| d.len() == 10 && parse_date(d).is_some());
        if !date_ok {
            self.issue(
                at.key("date").pointer().as_str(),
                "signature_date",
                Params::new(),
            );
        }
    }
}

/// The first character that must not be in a text: a control character (tab,
/// line feed and carriage return are allowed) or a bidirectional override that
/// can disguise what a text says.
///
/// Only a byte such a character can start with — below 0x20, 0x7F, or the lead
/// bytes 0xC2 and 0xE2 — makes it look at a character; eight bytes are tested
/// at a time for those, since every text of every record goes through here.
fn hidden_control(s: &str) -> Option<char> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while from < bytes.len() {
        let at = next_candidate(bytes, from)?;
        // Each candidate byte starts a character, so `at` is a char boundary.
        let c = s.get(at..)?.chars().next()?;
        let hidden = (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        if hidden {
            return Some(c);
        }
        from = at + c.len_utf8();
    }
    None
}

/// The position of the next byte at or after `from` that may start a hidden
/// character (see [`hidden_control`]).
fn next_candidate(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let candidate = |b: u8| b < 0x20 || b == 0x7F || (b | 0x20) == 0xE2;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
        let below_0x20 = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
        if below_0x20 | zero(x ^ (ONES * 0x7F)) | zero((x | (ONES * 0x20)) ^ (ONES * 0xE2)) != 0 {
            if let Some(p) = chunk.iter().position(|b| candidate(*b)) {
                return Some(i + p);
            }
        }
        i += 8;
    }
    bytes
        .get(i..)?
        .iter()
        .position(|b| candidate(*b))
        .map(|p| i + p)
}

/// `validator`'s minimum length, skipping the count of characters when the
/// byte length settles it (a character takes one to four bytes).
fn at_least_chars(s: &str, min: u64) -> bool {
    let bytes = s.len() as u64;
    if bytes < min {
        return false;
    }
    bytes >= min.saturating_mul(4) || s.validate_length(Some(min), None, None)
}

/// `validator`'s maximum length, skipping the count when the byte length settles it.
fn at_most_chars(s: &str, max: u64) -> bool {
    let bytes = s.len() as u64;
    bytes <= max || (bytes <= max.saturating_mul(4) && s.validate_length(None, Some(max), None))
}

fn num(v: f64) -> Value {
    crate::number::Num(v).to_json()
}

/// A value of a temporal type as a point in time that orders like it (times of
/// day on a fixed date), or `None` when `s` is not one.
fn moment(kind: Moment, s: &str) -> Option<DateTime> {
    match kind {
        Moment::Date => (s.len() == 10)
            .then(|| parse_date(s))
            .flatten()
            .map(|d| d.at(Time::default())),
        Moment::Time => parse_time(s).map(|t| Date::default().at(t)),
        Moment::Datetime => parse_datetime(s),
    }
}

/// 11 digits, starting 13–19.
fn valid_mobile(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 11
        && b.iter().all(u8::is_ascii_digit)
        && b.first() == Some(&b'1')
        && b.get(1).is_some_and(|d| (b'3'..=b'9').contains(d))
}

/// 2–40 characters, no digits, not only punctuation.
fn valid_person_name(s: &str) -> bool {
    let s = s.trim();
    let n = s.chars().count();
    (2..=40).contains(&n)
        && !s.chars().any(|c| c.is_ascii_digit())
        && s.chars().any(char::is_alphabetic)
}

/// How a checklist status reads in messages.
pub(crate) fn status_label(status: &str, locale: crate::text::Locale) -> &'static str {
    let zh = locale == crate::text::Locale::ZhCn;
    match (status, zh) {
        ("met", true) => "达标",
        ("met", false) => "met",
        ("partial", true) => "部分达标",
        ("partial", false) => "partially met",
        ("unmet", true) => "未达标",
        ("unmet", false) => "not met",
        ("na", true) => "不适用",
        ("na", false) => "not applicable",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_found_wherever_they_are() {
        let naive = |s: &str| {
            s.chars().find(|c| {
                (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
                    || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
            })
        };
        let pieces = [
            "石岭村",
            "“一村一品”",
            "abc",
            "\t",
            "\n",
            "\u{0}",
            "\u{7}",
            "\u{7F}",
            "\u{85}",
            "\u{202E}",
            "\u{2066}",
            "é",
            "—",
            "\u{2028}",
            "x",
        ];
        // Every piece at every offset of a long text, so the 8-byte windows see it everywhere.
        for piece in pieces {
            for pad in 0..20 {
                let text = format!(
                    "{}{piece}{}",
                    "党".repeat(pad) + &"a".repeat(pad % 3),
                    "建设".repeat(3)
                );
                assert_eq!(hidden_control(&text), naive(&text), "{text:?}");
            }
        }
    }
}
