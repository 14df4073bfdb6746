//! One reader per spec type. Each walks its object once; the property names
//! are listed in the type's order, as the messages name them.

use super::wording::untagged;
use super::{
    any, boolean, count, deserialize_by, float, list, named, object, optional, small, string,
    variant, Faults, Fields, Json, Members, Read, Setter,
};
use crate::spec::{
    Band, Bonus, ChoiceOption, Cut, Deduction, Evidence, FieldType, ItemScore, ItemVeto, Node,
    Outcome, Repeat, Rule, Scoring, Setting, SettingOption, SettingRef, SettingType, SettingsCheck,
    Severity, Spec, Veto,
};
use crate::text::{Locale, Text};
use serde_json::Value;

/// Stores what `$read` gives for property `$key` in `$slot`, or records the mistake.
macro_rules! set {
    ($f:ident, $key:ident, $slot:expr, $read:expr) => {
        if let Some(v) = $f.take($key, $read) {
            $slot = v;
        }
    };
}

/// A [`Setter`] that stores what `$read` gives in field `$field` (left as it
/// was when the value cannot be read).
macro_rules! put {
    ($field:ident, $read:expr) => {
        |into, value| {
            into.$field = ($read)(value)?;
            Ok(())
        }
    };
}

/// The properties a spec needs before its others can be judged one by one.
pub(crate) const SPEC_SKELETON: &[&str] = &["id", "version", "title", "sections"];
/// The properties a node needs before its others can be judged one by one.
pub(crate) const NODE_SKELETON: &[&str] = &["id", "type"];
/// The properties a rule needs before its others can be judged one by one.
pub(crate) const RULE_SKELETON: &[&str] = &["code", "assert", "message"];

const SPEC: &[&str] = &[
    "$schema",
    "id",
    "version",
    "title",
    "description",
    "settings",
    "settings_checks",
    "sections",
    "rules",
    "scoring",
    "messages",
    "outcomes",
    "ui",
];

/// Reads a spec's own properties. With `nested` false, `sections` and `rules`
/// are left to the caller (which reads them node by node): they are skipped
/// and `sections` is not required.
pub(crate) fn spec(map: &Members<'_>, nested: bool) -> (Spec, Faults) {
    let mut f = Fields::new(map, SPEC);
    let s = spec_fields(&mut f, nested);
    (s, f.finish())
}

fn spec_fields(f: &mut Fields<'_>, nested: bool) -> Spec {
    let (mut id, mut version, mut title, mut sections) = (None, None, None, None);
    let mut s = Spec {
        schema: None,
        id: String::new(),
        version: String::new(),
        title: Text::Empty,
        description: Text::Empty,
        settings: Default::default(),
        settings_checks: Vec::new(),
        sections: Vec::new(),
        rules: Vec::new(),
        scoring: None,
        messages: Default::default(),
        outcomes: Vec::new(),
        ui: None,
    };
    for (k, v) in f.entries() {
        match k {
            "$schema" => set!(f, k, s.schema, optional(v, string)),
            "id" => id = f.take(k, string(v)),
            "version" => version = f.take(k, string(v)),
            "title" => title = f.take(k, text(v)),
            "description" => set!(f, k, s.description, text(v)),
            "settings" => set!(f, k, s.settings, named(v, setting)),
            "settings_checks" => set!(f, k, s.settings_checks, list(v, settings_check)),
            "sections" | "rules" if !nested => {}
            "sections" => sections = f.take(k, list(v, node_strict)),
            "rules" => set!(f, k, s.rules, list(v, rule_strict)),
            "scoring" => set!(f, k, s.scoring, optional(v, scoring)),
            "messages" => set!(f, k, s.messages, named(v, text)),
            "outcomes" => set!(f, k, s.outcomes, list(v, outcome)),
            "ui" => set!(f, k, s.ui, optional(v, any)),
            _ => f.unknown(k),
        }
    }
    s.id = f.need("id", id);
    s.version = f.need("version", version);
    s.title = f.need("title", title);
    if nested {
        s.sections = f.need("sections", sections);
    }
    s
}

/// A spec, or its first mistake.
pub(crate) fn spec_strict(value: &Json<'_>) -> Read<Spec> {
    object(value, "struct Spec", SPEC, |f| spec_fields(f, true))
}

const NODE: &[&str; 35] = &[
    "id",
    "type",
    "title",
    "help",
    "placeholder",
    "required",
    "required_if",
    "visible_if",
    "enabled_if",
    "items",
    "repeat",
    "min_length",
    "max_length",
    "min",
    "max",
    "step",
    "earliest",
    "latest",
    "pattern",
    "one_of",
    "options",
    "min_count",
    "max_count",
    "of",
    "min_items",
    "max_items",
    "unique",
    "evidence",
    "allow_na",
    "score",
    "rules",
    "messages",
    "default",
    "ui",
    "source",
];

/// Reads a node's properties; a faulty one keeps its default. With `nested`
/// false, `items` and `rules` are left to the caller.
pub(crate) fn node(map: &Members<'_>, nested: bool) -> (Node, Faults) {
    let mut f = Fields::new(map, NODE);
    let n = node_fields(&mut f, nested);
    (n, f.finish())
}

fn node_fields(f: &mut Fields<'_>, nested: bool) -> Node {
    let mut n = Node {
        allow_na: true,
        ..Node::default()
    };
    for (k, v) in f.entries() {
        if !nested && matches!(k, "items" | "rules") {
            continue;
        }
        f.put(&mut n, k, v, &NODE_SETTERS);
    }
    f.require("id");
    n
}

/// How each of a node's properties is read into it, in `NODE`'s order: one
/// small function per property, called through this table. (A `match` on
/// the name with every reader inlined made the loop over a node's
/// properties 9 KB of code, which V8 charges in full on every turn toward
/// compiling it again with its optimizing tier: on every cold compile.)
const NODE_SETTERS: [Setter<Node>; 35] = [
    put!(id, string),
    put!(kind, field_type),
    put!(title, text),
    put!(help, text),
    put!(placeholder, text),
    put!(required, boolean),
    put!(required_if, |v| optional(v, any)),
    put!(visible_if, |v| optional(v, any)),
    put!(enabled_if, |v| optional(v, any)),
    put!(items, |v| list(v, node_strict)),
    put!(repeat, |v| optional(v, repeat)),
    put!(min_length, |v| optional(v, count)),
    put!(max_length, |v| optional(v, count)),
    put!(min, |v| optional(v, float)),
    put!(max, |v| optional(v, float)),
    put!(step, |v| optional(v, float)),
    put!(earliest, |v| optional(v, string)),
    put!(latest, |v| optional(v, string)),
    put!(pattern, |v| optional(v, string)),
    put!(one_of, |v| optional(v, |v| list(v, any))),
    put!(options, |v| list(v, choice_option)),
    put!(min_count, |v| optional(v, count)),
    put!(max_count, |v| optional(v, count)),
    put!(of, |v| optional(v, field_type)),
    put!(min_items, |v| optional(v, count)),
    put!(max_items, |v| optional(v, count)),
    put!(unique, boolean),
    put!(evidence, |v| optional(v, evidence)),
    put!(allow_na, boolean),
    put!(score, |v| optional(v, item_score)),
    put!(rules, |v| list(v, rule_strict)),
    put!(messages, |v| named(v, text)),
    put!(default, |v| optional(v, any)),
    put!(ui, |v| optional(v, any)),
    put!(source, |v| optional(v, string)),
];

fn node_strict(value: &Json<'_>) -> Read<Node> {
    object(value, "struct Node", NODE, |f| node_fields(f, true))
}

const RULE: &[&str] = &[
    "code", "when", "assert", "path", "severity", "message", "params", "source",
];

/// Reads a rule's properties.
pub(crate) fn rule(map: &Members<'_>) -> (Rule, Faults) {
    let mut f = Fields::new(map, RULE);
    let r = rule_fields(&mut f);
    (r, f.finish())
}

fn rule_fields(f: &mut Fields<'_>) -> Rule {
    let (mut code, mut assert, mut message) = (None, None, None);
    let mut r = Rule {
        code: String::new(),
        when: None,
        assert: Value::Null,
        path: None,
        severity: Severity::Error,
        message: Text::Empty,
        params: Default::default(),
        source: None,
    };
    for (k, v) in f.entries() {
        match k {
            "code" => code = f.take(k, string(v)),
            "when" => set!(f, k, r.when, optional(v, any)),
            "assert" => assert = f.take(k, any(v)),
            "path" => set!(f, k, r.path, optional(v, string)),
            "severity" => set!(f, k, r.severity, severity(v)),
            "message" => message = f.take(k, text(v)),
            "params" => set!(f, k, r.params, named(v, any)),
            "source" => set!(f, k, r.source, optional(v, string)),
            _ => f.unknown(k),
        }
    }
    r.code = f.need("code", code);
    r.assert = f.need("assert", assert);
    r.message = f.need("message", message);
    r
}

/// A rule, or its first mistake.
pub(crate) fn rule_strict(value: &Json<'_>) -> Read<Rule> {
    object(value, "struct Rule", RULE, rule_fields)
}

fn repeat(value: &Json<'_>) -> Read<Repeat> {
    object(value, "struct Repeat", &["min", "max"], |f| {
        let mut r = Repeat::default();
        for (k, v) in f.entries() {
            match k {
                "min" => set!(f, k, r.min, count(v)),
                "max" => set!(f, k, r.max, optional(v, count)),
                _ => f.unknown(k),
            }
        }
        r
    })
}

fn choice_option(value: &Json<'_>) -> Read<ChoiceOption> {
    object(
        value,
        "struct ChoiceOption",
        &["value", "title", "score", "na"],
        |f| {
            let mut stored = None;
            let mut o = ChoiceOption {
                value: String::new(),
                title: Text::Empty,
                score: None,
                na: false,
            };
            for (k, v) in f.entries() {
                match k {
                    "value" => stored = f.take(k, string(v)),
                    "title" => set!(f, k, o.title, text(v)),
                    "score" => set!(f, k, o.score, optional(v, float)),
                    "na" => set!(f, k, o.na, boolean(v)),
                    _ => f.unknown(k),
                }
            }
            o.value = f.need("value", stored);
            o
        },
    )
}

fn evidence(value: &Json<'_>) -> Read<Evidence> {
    object(
        value,
        "struct Evidence",
        &["required_for", "min_length"],
        |f| {
            let mut e = Evidence {
                required_for: vec!["met".to_owned(), "partial".to_owned()],
                min_length: 1,
            };
            for (k, v) in f.entries() {
                match k {
                    "required_for" => set!(f, k, e.required_for, list(v, string)),
                    "min_length" => set!(f, k, e.min_length, count(v)),
                    _ => f.unknown(k),
                }
            }
            e
        },
    )
}

const SCORING: &[&str] = &[
    "total",
    "scale",
    "bands",
    "band_sets",
    "band_set",
    "veto",
    "bonus",
    "bonus_cap",
];

fn scoring(value: &Json<'_>) -> Read<Scoring> {
    object(value, "struct Scoring", SCORING, |f| {
        let mut s = Scoring {
            total: None,
            scale: 100.0,
            bands: Vec::new(),
            band_sets: Default::default(),
            band_set: None,
            veto: Vec::new(),
            bonus: Vec::new(),
            bonus_cap: None,
        };
        for (k, v) in f.entries() {
            match k {
                "total" => set!(f, k, s.total, optional(v, float)),
                "scale" => set!(f, k, s.scale, float(v)),
                "bands" => set!(f, k, s.bands, list(v, band)),
                "band_sets" => set!(f, k, s.band_sets, named(v, |v| list(v, band))),
                "band_set" => set!(f, k, s.band_set, optional(v, string)),
                "veto" => set!(f, k, s.veto, list(v, veto)),
                "bonus" => set!(f, k, s.bonus, list(v, bonus)),
                "bonus_cap" => set!(f, k, s.bonus_cap, optional(v, float)),
                _ => f.unknown(k),
            }
        }
        s
    })
}

fn band(value: &Json<'_>) -> Read<Band> {
    object(
        value,
        "struct Band",
        &["id", "min", "max", "title", "stars"],
        |f| {
            let (mut id, mut min, mut title) = (None, None, None);
            let mut b = Band {
                id: String::new(),
                min: Cut::Number(0.0),
                max: None,
                title: Text::Empty,
                stars: None,
            };
            for (k, v) in f.entries() {
                match k {
                    "id" => id = f.take(k, string(v)),
                    "min" => min = f.take(k, cut(v)),
                    "max" => set!(f, k, b.max, optional(v, cut)),
                    "title" => title = f.take(k, text(v)),
                    "stars" => set!(f, k, b.stars, optional(v, small)),
                    _ => f.unknown(k),
                }
            }
            b.id = f.need("id", id);
            b.min = f.need("min", min.map(Some)).unwrap_or(Cut::Number(0.0));
            b.title = f.need("title", title);
            b
        },
    )
}

/// A number, or `{"setting": NAME}`; anything else is not a cut.
fn cut(value: &Json<'_>) -> Read<Cut> {
    match value {
        Json::Number(_) => float(value).map(Cut::Number),
        Json::Object(_) | Json::Array(_) => setting_ref_strict(value)
            .map(Cut::Setting)
            .map_err(|_| untagged("Cut")),
        _ => Err(untagged("Cut")),
    }
}

fn setting_ref(f: &mut Fields<'_>) -> SettingRef {
    let mut name = None;
    for (k, v) in f.entries() {
        match k {
            "setting" => name = f.take(k, string(v)),
            _ => f.unknown(k),
        }
    }
    let setting = f.need("setting", name);
    SettingRef { setting }
}

fn setting_ref_strict(value: &Json<'_>) -> Read<SettingRef> {
    object(value, "struct SettingRef", &["setting"], setting_ref)
}

fn veto(value: &Json<'_>) -> Read<Veto> {
    object(
        value,
        "struct Veto",
        &["id", "when", "title", "grade"],
        |f| {
            let (mut id, mut when, mut title, mut grade) = (None, None, None, None);
            for (k, v) in f.entries() {
                match k {
                    "id" => id = f.take(k, string(v)),
                    "when" => when = f.take(k, any(v)),
                    "title" => title = f.take(k, text(v)),
                    "grade" => grade = f.take(k, optional(v, string)).flatten(),
                    _ => f.unknown(k),
                }
            }
            Veto {
                id: f.need("id", id),
                when: f.need("when", when),
                title: f.need("title", title),
                grade,
            }
        },
    )
}

fn bonus(value: &Json<'_>) -> Read<Bonus> {
    object(
        value,
        "struct Bonus",
        &["id", "title", "points", "count", "cap"],
        |f| {
            let (mut id, mut title, mut points, mut n, mut cap) = (None, None, None, None, None);
            for (k, v) in f.entries() {
                match k {
                    "id" => id = f.take(k, string(v)),
                    "title" => title = f.take(k, text(v)),
                    "points" => points = f.take(k, float(v)),
                    "count" => n = f.take(k, any(v)),
                    "cap" => cap = f.take(k, optional(v, float)).flatten(),
                    _ => f.unknown(k),
                }
            }
            Bonus {
                id: f.need("id", id),
                title: f.need("title", title),
                points: f.need("points", points),
                count: f.need("count", n),
                cap,
            }
        },
    )
}

const ITEM_SCORE: &[&str; 6] = &[
    "points",
    "partial",
    "per_unit",
    "deductions",
    "floor",
    "veto",
];

/// How each of an item score's properties is read, in `ITEM_SCORE`'s order
/// (read for every scored item: small code, as [`NODE_SETTERS`]).
const ITEM_SCORE_SETTERS: [Setter<ItemScore>; 6] = [
    put!(points, |v| optional(v, float)),
    put!(partial, |v| optional(v, float)),
    put!(per_unit, |v| optional(v, float)),
    put!(deductions, |v| list(v, deduction)),
    put!(floor, float),
    put!(veto, |v| optional(v, item_veto)),
];

fn item_score(value: &Json<'_>) -> Read<ItemScore> {
    object(value, "struct ItemScore", ITEM_SCORE, |f| {
        let mut s = ItemScore {
            points: None,
            partial: None,
            per_unit: None,
            deductions: Vec::new(),
            floor: 0.0,
            veto: None,
        };
        for (k, v) in f.entries() {
            f.put(&mut s, k, v, &ITEM_SCORE_SETTERS);
        }
        s
    })
}

fn deduction(value: &Json<'_>) -> Read<Deduction> {
    object(
        value,
        "struct Deduction",
        &["code", "title", "points", "count", "max_count"],
        |f| {
            let (mut code, mut title, mut points, mut n, mut max) = (None, None, None, None, None);
            for (k, v) in f.entries() {
                match k {
                    "code" => code = f.take(k, string(v)),
                    "title" => title = f.take(k, text(v)),
                    "points" => points = f.take(k, float(v)),
                    "count" => n = f.take(k, optional(v, any)).flatten(),
                    "max_count" => max = f.take(k, optional(v, count)).flatten(),
                    _ => f.unknown(k),
                }
            }
            Deduction {
                code: f.need("code", code),
                title: f.need("title", title),
                points: f.need("points", points),
                count: n,
                max_count: max,
            }
        },
    )
}

fn item_veto(value: &Json<'_>) -> Read<ItemVeto> {
    object(value, "struct ItemVeto", &["on", "grade"], |f| {
        let (mut on, mut grade) = (None, None);
        for (k, v) in f.entries() {
            match k {
                "on" => on = f.take(k, list(v, any)),
                "grade" => grade = f.take(k, optional(v, string)).flatten(),
                _ => f.unknown(k),
            }
        }
        ItemVeto {
            on: f.need("on", on),
            grade,
        }
    })
}

const SETTING: &[&str] = &[
    "value", "title", "help", "type", "unit", "min", "max", "options", "group", "source",
];

fn setting(value: &Json<'_>) -> Read<Setting> {
    object(value, "struct Setting", SETTING, |f| {
        let mut default = None;
        let mut s = Setting {
            value: Value::Null,
            title: Text::Empty,
            help: Text::Empty,
            kind: None,
            unit: Text::Empty,
            min: None,
            max: None,
            options: Vec::new(),
            group: Text::Empty,
            source: None,
        };
        for (k, v) in f.entries() {
            match k {
                "value" => default = f.take(k, any(v)),
                "title" => set!(f, k, s.title, text(v)),
                "help" => set!(f, k, s.help, text(v)),
                "type" => set!(f, k, s.kind, optional(v, setting_type)),
                "unit" => set!(f, k, s.unit, text(v)),
                "min" => set!(f, k, s.min, optional(v, float)),
                "max" => set!(f, k, s.max, optional(v, float)),
                "options" => set!(f, k, s.options, list(v, setting_option)),
                "group" => set!(f, k, s.group, text(v)),
                "source" => set!(f, k, s.source, optional(v, string)),
                _ => f.unknown(k),
            }
        }
        s.value = f.need("value", default);
        s
    })
}

fn setting_option(value: &Json<'_>) -> Read<SettingOption> {
    object(value, "struct SettingOption", &["value", "title"], |f| {
        let (mut stored, mut title) = (None, Text::Empty);
        for (k, v) in f.entries() {
            match k {
                "value" => stored = f.take(k, any(v)),
                "title" => set!(f, k, title, text(v)),
                _ => f.unknown(k),
            }
        }
        SettingOption {
            value: f.need("value", stored),
            title,
        }
    })
}

fn settings_check(value: &Json<'_>) -> Read<SettingsCheck> {
    object(
        value,
        "struct SettingsCheck",
        &["code", "assert", "settings", "message", "source"],
        |f| {
            let (mut code, mut assert, mut names, mut message) = (None, None, None, None);
            let mut source = None;
            for (k, v) in f.entries() {
                match k {
                    "code" => code = f.take(k, string(v)),
                    "assert" => assert = f.take(k, any(v)),
                    "settings" => names = f.take(k, list(v, string)),
                    "message" => message = f.take(k, text(v)),
                    "source" => source = f.take(k, optional(v, string)).flatten(),
                    _ => f.unknown(k),
                }
            }
            SettingsCheck {
                code: f.need("code", code),
                assert: f.need("assert", assert),
                settings: f.need("settings", names),
                message: f.need("message", message),
                source,
            }
        },
    )
}

fn outcome(value: &Json<'_>) -> Read<Outcome> {
    object(
        value,
        "struct Outcome",
        &["id", "title", "value", "source"],
        |f| {
            let (mut id, mut title, mut expr, mut source) = (None, Text::Empty, None, None);
            for (k, v) in f.entries() {
                match k {
                    "id" => id = f.take(k, string(v)),
                    "title" => set!(f, k, title, text(v)),
                    "value" => expr = f.take(k, any(v)),
                    "source" => source = f.take(k, optional(v, string)).flatten(),
                    _ => f.unknown(k),
                }
            }
            Outcome {
                id: f.need("id", id),
                title,
                value: f.need("value", expr),
                source,
            }
        },
    )
}

/// A text: a string for every locale, or `{"zh-CN": …, "en": …}` (other
/// keys are ignored, `null` is no text).
pub fn text(value: &Json<'_>) -> Read<Text> {
    match value {
        Json::String(s) => Ok(Text::Plain(String::from(&**s))),
        Json::Object(map) => {
            let (mut zh, mut en) = (None, None);
            for (k, v) in map.iter() {
                let slot = match k {
                    "zh-CN" => &mut zh,
                    "en" => &mut en,
                    _ => continue,
                };
                *slot = match v {
                    Json::Null => None,
                    Json::String(s) => Some(String::from(&**s)),
                    _ => return Err(untagged("Text")),
                };
            }
            Ok(Text::Localized { zh, en })
        }
        _ => Err(untagged("Text")),
    }
}

/// A locale: `"zh-CN"` or `"en"` (as serde reads a unit variant).
pub fn locale(value: &Json<'_>) -> Read<Locale> {
    variant(value, &[Locale::ZhCn, Locale::En], Locale::tag)
}

fn field_type(value: &Json<'_>) -> Read<FieldType> {
    variant(value, &FieldType::ALL, FieldType::name)
}

fn severity(value: &Json<'_>) -> Read<Severity> {
    variant(value, &Severity::ALL, Severity::name)
}

fn setting_type(value: &Json<'_>) -> Read<SettingType> {
    variant(value, &SettingType::ALL, SettingType::name)
}

deserialize_by!(Spec, spec_strict);
deserialize_by!(Node, node_strict);
deserialize_by!(Rule, rule_strict);
deserialize_by!(Repeat, repeat);
deserialize_by!(ChoiceOption, choice_option);
deserialize_by!(Evidence, evidence);
deserialize_by!(Scoring, scoring);
deserialize_by!(Band, band);
deserialize_by!(Cut, cut);
deserialize_by!(SettingRef, setting_ref_strict);
deserialize_by!(Veto, veto);
deserialize_by!(Bonus, bonus);
deserialize_by!(ItemScore, item_score);
deserialize_by!(Deduction, deduction);
deserialize_by!(ItemVeto, item_veto);
deserialize_by!(Setting, setting);
deserialize_by!(SettingOption, setting_option);
deserialize_by!(Outcome, outcome);
deserialize_by!(Text, text);
deserialize_by!(Locale, locale);
deserialize_by!(FieldType, field_type);
deserialize_by!(Severity, severity);
deserialize_by!(SettingType, setting_type);
