//! The names an expression reads: the record's top-level keys, `$settings`,
//! `$today`, `$locale`, inside a repeated group `$item` and `$index`, and for
//! outcomes `$valid`, `$errors`, `$error_codes`, `$score`.
//!
//! Nothing is copied to make a scope: a name is looked up where its value
//! already lives (the record in the arena, the settings in the compiled form).
//! Only `{"var": ""}`, the whole scope as one object, is built — once per
//! scope, when an expression asks for it.

use super::value::V;
use crate::data::{self, Data, Pairs};
use bumpalo::Bump;
use serde_json::Value;
use std::cell::OnceCell;

/// The values an expression sees.
pub(crate) struct Scope<'a> {
    pub(crate) arena: &'a Bump,
    root: &'a Root<'a>,
    item: Option<(&'a Data<'a>, usize)>,
    /// Values added to the root scope (the `$valid`… of outcomes).
    extra: Pairs<'a>,
    whole: OnceCell<&'a Data<'a>>,
}

/// What every scope of one record shares.
pub(crate) struct Root<'a> {
    /// Names this record's evaluations (for sharing converted arguments); never reused.
    pub(crate) token: super::converted::Token,
    record: Pairs<'a>,
    /// For a rule evaluated on its own: the data document itself, which
    /// `{"var": ""}` returns as it is.
    document: Option<&'a Data<'a>>,
    settings: &'a Value,
    today: Option<&'a str>,
    locale: &'a str,
    limits: crate::Limits,
    /// The settings copied into the arena, only if `{"var": ""}` needs them.
    settings_data: OnceCell<Data<'a>>,
}

impl<'a> Scope<'a> {
    /// The top-level scope of a record.
    pub(crate) fn new(
        arena: &'a Bump,
        record: &'a Data<'a>,
        settings: &'a Value,
        today: Option<&'a str>,
        locale: &'a str,
        limits: &crate::Limits,
    ) -> Scope<'a> {
        let record: Pairs<'a> = match record {
            Data::Object(pairs) => pairs,
            _ => &[],
        };
        let root = arena.alloc(Root {
            token: super::converted::Token::fresh(),
            record,
            document: None,
            settings,
            today,
            locale,
            limits: *limits,
            settings_data: OnceCell::new(),
        });
        Scope {
            arena,
            root,
            item: None,
            extra: &[],
            whole: OnceCell::new(),
        }
    }

    /// The budgets of evaluations in this scope.
    pub(crate) fn limits(&self) -> &crate::Limits {
        &self.root.limits
    }

    /// The scope of a rule evaluated on its own ([`crate::Engine::evaluate_rule`]):
    /// `var` reads `data` as json-logic-js does, and `$settings`, `$today`,
    /// `$locale` where `data` has no such key.
    pub(crate) fn document(
        arena: &'a Bump,
        data: &'a Data<'a>,
        settings: &'a Value,
        today: Option<&'a str>,
        locale: &'a str,
        limits: &crate::Limits,
    ) -> Scope<'a> {
        let scope = Scope::new(arena, data, settings, today, locale, limits);
        let root = arena.alloc(Root {
            token: scope.root.token,
            record: scope.root.record,
            document: Some(data),
            settings,
            today,
            locale,
            limits: *limits,
            settings_data: OnceCell::new(),
        });
        Scope { root, ..scope }
    }

    /// The record's token.
    pub(crate) fn token(&self) -> super::converted::Token {
        self.root.token
    }

    /// The root scope with more named values, e.g. `$valid` for outcomes.
    pub(crate) fn with_values(&self, values: &[(&'static str, Value)]) -> Scope<'a> {
        let arena = self.arena;
        let extra = arena
            .alloc_slice_fill_iter(values.iter().map(|(k, v)| (*k, data::from_value(v, arena))));
        Scope {
            arena,
            root: self.root,
            item: None,
            extra,
            whole: OnceCell::new(),
        }
    }

    /// The scope of one sub-record of a repeated group.
    pub(crate) fn item(&self, item: &'a Data<'a>, index: usize) -> Scope<'a> {
        Scope {
            arena: self.arena,
            root: self.root,
            item: Some((item, index)),
            extra: &[],
            whole: OnceCell::new(),
        }
    }

    /// The value of a top-level name; `None` when the scope has no such name.
    pub(crate) fn name(&self, key: &str) -> Option<V<'a>> {
        if let Some(d) = self.root.document {
            if let Some(v) = V::data(d).member(key) {
                return Some(v);
            }
            if !key.starts_with('$') {
                return None;
            }
        }
        if let Some(rest) = key.strip_prefix('$') {
            return match rest {
                "settings" => Some(V::json(self.root.settings)),
                "today" => Some(self.root.today.map_or(V::Null, V::Str)),
                "locale" => Some(V::Str(self.root.locale)),
                "item" => self.item.map(|(d, _)| V::data(d)),
                #[allow(clippy::cast_possible_wrap)]
                "index" => self.item.map(|(_, i)| V::int(i as i64)),
                _ => data::get(self.extra, key).map(V::data),
            };
        }
        data::get(self.root.record, key).map(V::data)
    }

    /// The whole scope as one object (`{"var": ""}`), built once.
    pub(crate) fn whole(&self) -> &'a Data<'a> {
        if let Some(d) = self.root.document {
            return d;
        }
        self.whole.get_or_init(|| {
            let arena = self.arena;
            let root = self.root;
            let settings = *root
                .settings_data
                .get_or_init(|| data::from_value(root.settings, arena));
            let today = root.today.map_or(Data::Null, Data::String);
            let names = [
                ("$settings", settings),
                ("$today", today),
                ("$locale", Data::String(root.locale)),
            ];
            #[allow(clippy::cast_possible_wrap)]
            let item = self.item.map(|(d, i)| {
                [
                    ("$item", *d),
                    (
                        "$index",
                        Data::Number(datavalue_rs::NumberValue::Integer(i as i64)),
                    ),
                ]
            });
            let pairs = bumpalo::collections::Vec::from_iter_in(
                root.record
                    .iter()
                    .filter(|(k, _)| !k.starts_with('$'))
                    .copied()
                    .chain(names)
                    .chain(self.extra.iter().copied())
                    .chain(item.into_iter().flatten()),
                arena,
            )
            .into_bump_slice();
            arena.alloc(Data::Object(pairs))
        })
    }
}
