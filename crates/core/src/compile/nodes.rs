//! Checks of the spec's header and of every node's properties, and the plan
//! (compiled conditions, patterns and rules) built from them.

use super::exprs::{plan_rules, prepare, ScopeRef};
use super::Ctx;
use crate::params;
use crate::plan::{sorted_ids, Plan, STATUSES};
use crate::pointer::Pointer;
use crate::spec::{FieldType, Node, Property, Spec};
use regex_lite::Regex;

use crate::spec::RESERVED_KEYS as FORBIDDEN_KEYS;

/// Largest pattern program allowed, so a hostile pattern cannot exhaust memory.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

pub(super) fn check_header(ctx: &mut Ctx<'_>, spec: &Spec) {
    if !valid_id(&spec.id, true) {
        ctx.error(
            "/id",
            "spec.invalid_id",
            "表单标识“{id}”只能包含字母、数字、- 和 _",
            "The form id “{id}” may only hold letters, digits, - and _.",
            params! {"id" => spec.id},
        );
    }
    if spec.version.trim().is_empty() {
        ctx.error(
            "/version",
            "spec.invalid_value",
            "版本号不能为空",
            "The version must not be empty.",
            params! {},
        );
    }
    if spec.title.is_empty() {
        ctx.warn(
            "/title",
            "spec.missing_title",
            "表单缺少标题",
            "The form has no title.",
            params! {},
        );
    }
    if spec.sections.is_empty() {
        ctx.error(
            "/sections",
            "spec.empty_group",
            "表单至少需要一个部分或字段",
            "A form needs at least one section or field.",
            params! {},
        );
    }
    for name in spec.settings.keys() {
        if !valid_id(name, false) {
            ctx.error(
                Pointer::root().key("settings").key(name).as_str(),
                "spec.invalid_id",
                "设置名“{id}”只能包含字母、数字和 _",
                "The setting name “{id}” may only hold letters, digits and _.",
                params! {"id" => name},
            );
        }
    }
}

/// True for ids made of ASCII letters, digits, `_` (and `-` where allowed), not reserved.
pub(crate) fn valid_id(id: &str, allow_dash: bool) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && !FORBIDDEN_KEYS.contains(&id)
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || (allow_dash && c == '-'))
}

pub(super) fn plan_sections(ctx: &mut Ctx<'_>, spec: &Spec) -> Vec<Plan> {
    let at = Pointer::root().key("sections");
    check_siblings(ctx, &spec.sections, &at);
    let mut plans = Vec::with_capacity(spec.sections.len());
    // A top-level node is a section (a plain group) or, beside the sections, a
    // field or a repeated group whose value sits at the record's top level
    // (`/name`): flat records need no regrouping.
    for (i, section) in spec.sections.iter().enumerate() {
        let here = at.index(i);
        plans.push(plan_node(ctx, spec, section, ScopeRef::ROOT, &here));
    }
    plans
}

fn check_siblings(ctx: &mut Ctx<'_>, nodes: &[Node], at: &Pointer) {
    let ids: Vec<Option<&str>> = nodes
        .iter()
        .map(|n| valid_id(&n.id, false).then_some(n.id.as_str()))
        .collect();
    let repeated = crate::order::repeats(&ids);
    // (The pointer is written only for a mistake: most ids are fine.)
    let here = |i: usize| at.index(i).key("id");
    for (i, n) in nodes.iter().enumerate() {
        if ids.get(i).is_some_and(Option::is_none) {
            ctx.report(|ctx| {
                ctx.error(
                    here(i).as_str(),
                    "spec.invalid_id",
                    "标识“{id}”只能包含字母、数字和 _，且不能是保留字",
                    "The id “{id}” may only hold letters, digits and _, and must not be reserved.",
                    params! {"id" => n.id},
                )
            });
        } else if repeated.get(i).copied().unwrap_or(false) {
            ctx.report(|ctx| {
                ctx.error(
                    here(i).as_str(),
                    "spec.duplicate_id",
                    "同一层级中标识“{id}”重复",
                    "The id “{id}” is used twice at the same level.",
                    params! {"id" => n.id},
                )
            });
        }
    }
}

fn plan_node<'s>(
    ctx: &mut Ctx<'_>,
    spec: &'s Spec,
    node: &'s Node,
    scope: ScopeRef<'s>,
    at: &Pointer,
) -> Plan {
    check_properties(ctx, node, at);
    let cond = |ctx: &mut Ctx<'_>, e: &Option<serde_json::Value>, key: &str| {
        e.as_ref()
            .and_then(|e| prepare(ctx, spec, scope, e, at.key(key).as_str()))
    };
    let visible_if = cond(ctx, &node.visible_if, "visible_if");
    let enabled_if = cond(ctx, &node.enabled_if, "enabled_if");
    let required_if = cond(ctx, &node.required_if, "required_if");
    let pattern = node
        .pattern
        .as_ref()
        .and_then(|p| compile_pattern(ctx, p, &at.key("pattern")));
    let inner = if node.repeat.is_some() {
        ScopeRef {
            item_of: Some(node),
            outcome: false,
        }
    } else {
        scope
    };
    // (A pointer is written only where there is something under it.)
    let rules = if node.rules.is_empty() {
        Vec::new()
    } else {
        plan_rules(ctx, spec, &node.rules, inner, at.key("rules").as_str())
    };
    let deduction_counts = node
        .score
        .as_ref()
        .map(|s| {
            s.deductions
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    d.count.as_ref().and_then(|c| {
                        prepare(
                            ctx,
                            spec,
                            scope,
                            c,
                            at.key("score")
                                .key("deductions")
                                .index(i)
                                .key("count")
                                .as_str(),
                        )
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let children: Vec<Plan> = if node.items.is_empty() {
        Vec::new()
    } else {
        let items = at.key("items");
        check_siblings(ctx, &node.items, &items);
        node.items
            .iter()
            .enumerate()
            .map(|(i, c)| plan_node(ctx, spec, c, inner, &items.index(i)))
            .collect()
    };
    let own = node.without_items();
    let item = node
        .kind
        .applies(Property::ListItems)
        .then(|| Box::new(item_plan(&own, pattern.clone())));
    Plan {
        node: own,
        child_ids: sorted_ids(&children),
        children,
        visible_if,
        enabled_if,
        required_if,
        pattern,
        rules,
        deduction_counts,
        item,
    }
}

/// The plan of each value of a list: the item type with the list's item
/// properties (lengths, pattern, range, bounds, options, `one_of`, messages).
#[inline(never)]
fn item_plan(list: &Node, pattern: Option<Regex>) -> Plan {
    let node = Node {
        id: list.id.clone(),
        kind: list.item_type(),
        title: list.title.clone(),
        min_length: list.min_length,
        max_length: list.max_length,
        min: list.min,
        max: list.max,
        step: list.step,
        earliest: list.earliest.clone(),
        latest: list.latest.clone(),
        pattern: list.pattern.clone(),
        one_of: list.one_of.clone(),
        options: list.options.clone(),
        messages: list.messages.clone(),
        ..Node::default()
    };
    Plan {
        node,
        children: Vec::new(),
        child_ids: Vec::new(),
        visible_if: None,
        enabled_if: None,
        required_if: None,
        pattern,
        rules: Vec::new(),
        deduction_counts: Vec::new(),
        item: None,
    }
}

#[inline(never)]
fn compile_pattern(ctx: &mut Ctx<'_>, pattern: &str, at: &Pointer) -> Option<Regex> {
    // Counted before anything else is done with it: a huge pattern costs nothing.
    let max = ctx.engine.inner.spec_limits.max_pattern_chars;
    let found = pattern.chars().take(max.saturating_add(1)).count();
    if found > max {
        let e = crate::Exceeded {
            limit: "max_pattern_chars",
            max,
            found: pattern.chars().count(),
        };
        ctx.out.push(crate::limits::spec_diagnostic(at.as_str(), e));
        return None;
    }
    match regex_lite::RegexBuilder::new(&format!("^(?:{pattern})$"))
        .size_limit(REGEX_SIZE_LIMIT)
        .build()
    {
        Ok(r) => Some(r),
        Err(e) => {
            ctx.error(
                at.as_str(),
                "spec.pattern",
                "正则表达式无效：{detail}",
                "Invalid regular expression: {detail}",
                params! {"detail" => e.to_string()},
            );
            None
        }
    }
}

#[inline(never)]
fn check_properties(ctx: &mut Ctx<'_>, node: &Node, at: &Pointer) {
    let k = node.kind;
    let p = |key: &str| String::from(at.key(key));
    if k.applies(Property::Items) {
        if node.items.is_empty() {
            ctx.report(|ctx| {
                ctx.error(
                    &p("items"),
                    "spec.empty_group",
                    "分组“{id}”没有任何字段（是否漏写了 type？）",
                    "The group “{id}” has no items (is a `type` missing?).",
                    params! {"id" => node.id},
                )
            });
        }
    } else {
        if !node.items.is_empty() {
            ctx.report(|ctx| {
                ctx.error(
                    &p("items"),
                    "spec.items_on_field",
                    "只有 group 才能包含 items",
                    "Only a group can hold items.",
                    params! {},
                )
            });
        }
        if node.repeat.is_some() {
            ctx.report(|ctx| {
                ctx.error(
                    &p("repeat"),
                    "spec.items_on_field",
                    "只有 group 才能重复",
                    "Only a group can repeat.",
                    params! {},
                )
            });
        }
    }
    if let Some(r) = node.repeat {
        if r.max.is_some_and(|m| m < r.min) {
            ctx.report(|ctx| {
                ctx.error(
                    &p("repeat"),
                    "spec.range",
                    "重复次数下限大于上限",
                    "repeat.min is greater than repeat.max.",
                    params! {},
                )
            });
        }
    }
    // A list's item properties are checked against its item type (`of`).
    let it = node.item_type();
    check_list(ctx, node, at);
    let choice = it.applies(Property::Options);
    if choice && node.options.is_empty() {
        ctx.report(|ctx| {
            ctx.error(
                &p("options"),
                "spec.missing_options",
                "选择题必须有选项",
                "A choice needs options.",
                params! {},
            )
        });
    }
    if !choice && !node.options.is_empty() {
        ctx.report(|ctx| ignored(ctx, &p("options"), "options", it));
    }
    let values: Vec<Option<&str>> = node
        .options
        .iter()
        .map(|o| Some(o.value.as_str()))
        .collect();
    let repeated = crate::order::repeats(&values);
    for (i, o) in node.options.iter().enumerate() {
        if repeated.get(i).copied().unwrap_or(false) {
            ctx.report(|ctx| {
                ctx.error(
                    at.key("options").index(i).key("value").as_str(),
                    "spec.duplicate_id",
                    "选项值“{id}”重复",
                    "The option value “{id}” is used twice.",
                    params! {"id" => o.value},
                )
            });
        }
    }
    if let (Some(a), Some(b)) = (node.min, node.max) {
        if a > b {
            ctx.report(|ctx| {
                ctx.error(
                    &p("min"),
                    "spec.range",
                    "min 大于 max",
                    "min is greater than max.",
                    params! {},
                )
            });
        }
    }
    if let (Some(a), Some(b)) = (node.min_length, node.max_length) {
        if a > b {
            ctx.report(|ctx| {
                ctx.error(
                    &p("min_length"),
                    "spec.range",
                    "min_length 大于 max_length",
                    "min_length is greater than max_length.",
                    params! {},
                )
            });
        }
    }
    if let (Some(a), Some(b)) = (node.min_count, node.max_count) {
        if a > b {
            ctx.report(|ctx| {
                ctx.error(
                    &p("min_count"),
                    "spec.range",
                    "min_count 大于 max_count",
                    "min_count is greater than max_count.",
                    params! {},
                )
            });
        }
    }
    if node.step.is_some_and(|s| s <= 0.0 || !s.is_finite()) {
        ctx.report(|ctx| {
            ctx.error(
                &p("step"),
                "spec.range",
                "step 必须为正数",
                "step must be positive.",
                params! {},
            )
        });
    }
    if (node.min.is_some() || node.max.is_some() || node.step.is_some())
        && !it.applies(Property::Range)
    {
        ctx.report(|ctx| ignored(ctx, &p("min"), "min/max/step", it));
    }
    for (key, v) in [("earliest", &node.earliest), ("latest", &node.latest)] {
        if let Some(v) = v {
            if !it.applies(Property::Bounds) {
                ctx.report(|ctx| ignored(ctx, &p(key), key, it));
            } else if v != "$today" && crate::logic::parse_date_or_time(it, v).is_none() {
                ctx.report(|ctx| {
                    ctx.error(
                        &p(key),
                        "spec.invalid_value",
                        "“{value}”不是有效的日期或时间，也不是 $today",
                        "“{value}” is neither a valid date/time nor $today.",
                        params! {"value" => v},
                    )
                });
            }
        }
    }
    if node.evidence.is_some() && !it.applies(Property::Evidence) {
        ctx.report(|ctx| ignored(ctx, &p("evidence"), "evidence", it));
    }
    // `na` on an option takes a scored choice out of the denominator; nothing else reads it.
    if !it.applies(Property::OptionNa) {
        if let Some(i) = node.options.iter().position(|o| o.na) {
            let at = String::from(at.key("options").index(i).key("na"));
            ctx.report(|ctx| ignored(ctx, &at, "na", it));
        }
    }
    if let Some(ev) = &node.evidence {
        for (i, s) in ev.required_for.iter().enumerate() {
            if !STATUSES.contains(&s.as_str()) {
                ctx.report(|ctx| {
                    ctx.error(
                        at.key("evidence").key("required_for").index(i).as_str(),
                        "spec.invalid_value",
                        "“{value}”不是检查项状态（met、partial、unmet、na）",
                        "“{value}” is not a checklist status (met, partial, unmet, na).",
                        params! {"value" => s},
                    )
                });
            }
        }
    }
    if (node.pattern.is_some() || node.min_length.is_some() || node.max_length.is_some())
        && !(it.applies(Property::Pattern) && it.applies(Property::Length))
    {
        ctx.report(|ctx| ignored(ctx, &p("pattern"), "pattern/min_length/max_length", it));
    }
}

fn check_list(ctx: &mut Ctx<'_>, node: &Node, at: &Pointer) {
    let k = node.kind;
    let p = |key: &str| String::from(at.key(key));
    if !k.applies(Property::ListItems) {
        for (key, set) in [
            ("of", node.of.is_some()),
            ("min_items", node.min_items.is_some()),
            ("max_items", node.max_items.is_some()),
            ("unique", node.unique),
        ] {
            if set {
                ctx.report(|ctx| ignored(ctx, &p(key), key, k));
            }
        }
        return;
    }
    if let Some(of) = node.of.filter(|t| !t.applies(Property::ItemType)) {
        ctx.report(|ctx| ctx.error(
            &p("of"),
            "spec.invalid_value",
            "列表的值只能是简单类型（文本、数字、日期、是否、单选等），不能是 {type}",
            "A list's values must be of a plain type (text, number, date, boolean, choice…), not {type}.",
            params! {"type" => of.name()},
        ));
    }
    if let (Some(a), Some(b)) = (node.min_items, node.max_items) {
        if a > b {
            ctx.report(|ctx| {
                ctx.error(
                    &p("min_items"),
                    "spec.range",
                    "min_items 大于 max_items",
                    "min_items is greater than max_items.",
                    params! {},
                )
            });
        }
    }
}

#[cold]
#[inline(never)]
fn ignored(ctx: &mut Ctx<'_>, at: &str, prop: &str, kind: FieldType) {
    ctx.warn(
        at,
        "spec.ignored_property",
        "属性 {prop} 对 {type} 类型不起作用",
        "The property {prop} has no effect on a {type} field.",
        params! {"prop" => prop, "type" => kind.name()},
    );
}
