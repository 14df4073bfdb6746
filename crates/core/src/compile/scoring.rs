//! Scoring checks: grade bands that overlap or leave gaps, vetoes naming unknown
//! grades, points that do not add up to the declared total, scores on fields
//! that cannot be scored; and the choice of the band set a setting names.

use super::exprs::{prepare, ScopeRef};
use super::Ctx;
use crate::params;
use crate::plan::{GradeBand, PlannedScoring};
use crate::pointer::Pointer;
use crate::spec::{Band, Cut, FieldType, Node, ScoreBy, Scoring, Spec};

const EPSILON: f64 = 1e-6;

pub(super) fn plan(ctx: &mut Ctx<'_>, spec: &Spec) -> Option<PlannedScoring> {
    let mut total_points = 0.0;
    let mut any_scored = false;
    let root = Pointer::root().key("sections");
    for (i, s) in spec.sections.iter().enumerate() {
        walk_items(
            ctx,
            s,
            &root.index(i),
            false,
            &mut total_points,
            &mut any_scored,
        );
    }
    let default = Scoring {
        total: None,
        scale: 100.0,
        bands: vec![],
        band_sets: std::collections::BTreeMap::new(),
        band_set: None,
        veto: vec![],
        bonus: vec![],
        bonus_cap: None,
    };
    let scoring = match (&spec.scoring, any_scored) {
        (Some(s), _) => s,
        (None, true) => &default,
        (None, false) => return None,
    };
    let at = Pointer::root().key("scoring");
    if !(scoring.scale > 0.0 && scoring.scale.is_finite()) {
        ctx.error(
            at.key("scale").as_str(),
            "spec.range",
            "scale 必须为正数",
            "scale must be positive.",
            params! {},
        );
    }
    if let Some(total) = scoring.total {
        if (total - total_points).abs() > EPSILON {
            ctx.error(
                at.key("total").as_str(),
                "spec.points_total",
                "各项分值合计 {actual} 分，与声明的总分 {declared} 分不符",
                "The items add up to {actual} points, not the declared total of {declared}.",
                params! {"actual" => num(total_points), "declared" => num(total)},
            );
        }
    }
    // Every list of bands a veto may end up grading against: the bands, or each band set.
    let lists: Vec<(Option<&str>, Vec<GradeBand>)> = if scoring.band_sets.is_empty() {
        let bands = resolve(ctx, spec, &scoring.bands, &at.key("bands"));
        check_bands(ctx, &bands, &at.key("bands"));
        vec![(None, bands)]
    } else {
        scoring
            .band_sets
            .iter()
            .map(|(name, set)| {
                let here = at.key("band_sets").key(name);
                let bands = resolve(ctx, spec, set, &here);
                check_bands(ctx, &bands, &here);
                (Some(name.as_str()), bands)
            })
            .collect()
    };
    check_scale(ctx, scoring, &lists, &at);
    let lists: Vec<(Option<&str>, &[GradeBand])> =
        lists.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    let active = active_bands(ctx, spec, scoring, &at)
        .and_then(|name| lists.iter().find(|(n, _)| *n == name))
        .map(|(_, b)| b.to_vec())
        .unwrap_or_default();
    let mut vetoes = Vec::new();
    for (i, v) in scoring.veto.iter().enumerate() {
        let here = at.key("veto").index(i);
        check_grade(ctx, v.grade.as_deref(), &lists, &here.key("grade"));
        if let Some(e) = prepare(
            ctx,
            spec,
            ScopeRef::ROOT,
            &v.when,
            here.key("when").as_str(),
        ) {
            vetoes.push((v.clone(), e));
        }
    }
    let mut bonuses = Vec::new();
    for (i, b) in scoring.bonus.iter().enumerate() {
        let here = at.key("bonus").index(i);
        if let Some(e) = prepare(
            ctx,
            spec,
            ScopeRef::ROOT,
            &b.count,
            here.key("count").as_str(),
        ) {
            bonuses.push((b.clone(), e));
        }
    }
    check_item_vetoes(ctx, spec, &lists);
    let mut bands = active;
    crate::order::sort_by(&mut bands, |a, b| b.min.total_cmp(&a.min));
    Some(PlannedScoring {
        scale: scoring.scale,
        bands,
        vetoes,
        bonuses,
        bonus_cap: scoring.bonus_cap,
    })
}

/// A number for a message: two decimals at most, and `10`, not `10.0`.
fn num(v: f64) -> serde_json::Value {
    crate::number::Num::round2(v).to_json()
}

/// The bands that grade the form: `bands`, or the set `band_set` picks from
/// `band_sets` (by name, or by the value of `$settings.NAME`), as the key of
/// its list: `Some(None)` for `bands`, `Some(Some(name))` for a set. Every
/// mistake in the choice is a diagnostic; the answer is then `None`.
fn active_bands<'s>(
    ctx: &mut Ctx<'_>,
    spec: &'s Spec,
    scoring: &'s Scoring,
    at: &Pointer,
) -> Option<Option<&'s str>> {
    let sets = &scoring.band_sets;
    let choice = scoring.band_set.as_deref();
    if sets.is_empty() {
        if choice.is_some() {
            ctx.error(
                at.key("band_set").as_str(),
                "spec.missing_property",
                "band_set 须从 band_sets 中选取，但未定义 band_sets",
                "band_set picks one of band_sets, but there are no band_sets.",
                params! {},
            );
        }
        return Some(None);
    }
    if !scoring.bands.is_empty() {
        ctx.error(
            at.key("bands").as_str(),
            "spec.invalid_value",
            "已用 band_sets 定义等级时不能再有 bands；请把这些等级放进 band_sets",
            "bands cannot be given beside band_sets; put them in band_sets.",
            params! {},
        );
    }
    let names: Vec<&str> = sets.keys().map(String::as_str).collect();
    let Some(choice) = choice else {
        ctx.error(
            at.key("band_set").as_str(),
            "spec.missing_property",
            "有 band_sets 时须用 band_set 指定采用哪一组等级（{sets}）",
            "With band_sets, band_set must say which set grades the form ({sets}).",
            params! {"sets" => names.join(", ")},
        );
        return None;
    };
    let (name, where_) = match choice.strip_prefix("$settings.") {
        None => (choice, at.key("band_set")),
        Some(setting) => match spec.settings.get(setting).map(|s| &s.value) {
            None => {
                ctx.error(
                    at.key("band_set").as_str(),
                    "spec.unknown_setting",
                    "表单没有名为“{name}”的设置",
                    "The form has no setting named “{name}”.",
                    params! {"name" => setting},
                );
                return None;
            }
            Some(serde_json::Value::String(value)) => (
                value.as_str(),
                Pointer::root().key("settings").key(setting).key("value"),
            ),
            Some(other) => {
                ctx.error(
                    Pointer::root()
                        .key("settings")
                        .key(setting)
                        .key("value")
                        .as_str(),
                    "spec.setting_type",
                    "设置“{name}”选取等级组，其值应为组名（文本），而不是 {value}",
                    "Setting “{name}” picks a band set: its value must be a set's name (text), not {value}.",
                    params! {"name" => setting, "value" => other},
                );
                return None;
            }
        },
    };
    match sets.get_key_value(name) {
        Some((key, _)) => Some(Some(key.as_str())),
        None => {
            ctx.error(
                where_.as_str(),
                "spec.invalid_value",
                "没有名为“{name}”的等级组（可选：{sets}）",
                "There is no band set named “{name}” (the sets: {sets}).",
                params! {"name" => name, "sets" => names.join(", ")},
            );
            None
        }
    }
}

/// A veto's grade must name a band of every list it may grade against.
fn check_grade(
    ctx: &mut Ctx<'_>,
    grade: Option<&str>,
    lists: &[(Option<&str>, &[GradeBand])],
    at: &Pointer,
) {
    let Some(g) = grade else {
        return;
    };
    for (set, bands) in lists {
        if bands.iter().any(|b| b.id == g) {
            continue;
        }
        match set {
            None => ctx.error(
                at.as_str(),
                "spec.unknown_reference",
                "没有等级“{grade}”",
                "There is no grade band “{grade}”.",
                params! {"grade" => g},
            ),
            Some(name) => ctx.error(
                at.as_str(),
                "spec.unknown_reference",
                "等级组“{set}”中没有等级“{grade}”；一票否决须指向每组都有的等级，或不写 grade（定为所用等级组的最低等级）",
                "Band set “{set}” has no grade band “{grade}”: a veto must name a band every set has, or leave out grade (the lowest band of the set in use).",
                params! {"grade" => g, "set" => name},
            ),
        }
    }
}

fn check_item_vetoes(ctx: &mut Ctx<'_>, spec: &Spec, lists: &[(Option<&str>, &[GradeBand])]) {
    fn walk(ctx: &mut Ctx<'_>, n: &Node, at: &Pointer, lists: &[(Option<&str>, &[GradeBand])]) {
        if let Some(v) = n.score.as_ref().and_then(|s| s.veto.as_ref()) {
            check_grade(
                ctx,
                v.grade.as_deref(),
                lists,
                &at.key("score").key("veto").key("grade"),
            );
        }
        for (i, c) in n.items.iter().enumerate() {
            walk(ctx, c, &at.key("items").index(i), lists);
        }
    }
    let root = Pointer::root().key("sections");
    for (i, s) in spec.sections.iter().enumerate() {
        walk(ctx, s, &root.index(i), lists);
    }
}

/// The bands of one list with their cut-offs read: a `{"setting": NAME}` cut
/// takes the value of that number setting; an unknown setting, or one whose
/// value is not a number, is an error at the cut (the band is then left out).
fn resolve(ctx: &mut Ctx<'_>, spec: &Spec, bands: &[Band], at: &Pointer) -> Vec<GradeBand> {
    let mut out = Vec::with_capacity(bands.len());
    for (i, b) in bands.iter().enumerate() {
        let here = at.index(i);
        let min = cut(ctx, spec, &b.min, &here.key("min"));
        let max = match &b.max {
            Some(c) => cut(ctx, spec, c, &here.key("max")).map(Some),
            None => Some(None),
        };
        if let (Some(min), Some(max)) = (min, max) {
            out.push(GradeBand {
                id: b.id.clone(),
                min,
                max,
                title: b.title.clone(),
                stars: b.stars,
            });
        }
    }
    out
}

/// The number a cut-off stands for.
fn cut(ctx: &mut Ctx<'_>, spec: &Spec, c: &Cut, at: &Pointer) -> Option<f64> {
    let name = match c {
        Cut::Number(n) => return Some(*n),
        Cut::Setting(r) => r.setting.as_str(),
    };
    match spec.settings.get(name).map(|s| &s.value) {
        None => {
            ctx.error(
                at.as_str(),
                "spec.unknown_setting",
                "表单没有名为“{name}”的设置",
                "The form has no setting named “{name}”.",
                params! {"name" => name},
            );
            None
        }
        Some(v) => match v.as_f64().filter(|n| n.is_finite()) {
            Some(n) => Some(n),
            None => {
                ctx.error(
                    at.as_str(),
                    "spec.setting_type",
                    "等级分数线取自设置“{name}”，其值应为数字，而不是 {value}",
                    "A grade cut-off reads setting “{name}”: its value must be a number, not {value}.",
                    params! {"name" => name, "value" => v},
                );
                None
            }
        },
    }
}

/// Warns when grade bands do not fit the form's scale: a band starting above
/// the highest score reachable (the scale, plus the bonus cap) can never be
/// reached — bands written for 0–100 on a 10-point form.
fn check_scale(
    ctx: &mut Ctx<'_>,
    scoring: &Scoring,
    lists: &[(Option<&str>, Vec<GradeBand>)],
    at: &Pointer,
) {
    let reachable = match (scoring.bonus.is_empty(), scoring.bonus_cap) {
        (true, _) => scoring.scale,
        (false, Some(cap)) => scoring.scale + cap.max(0.0),
        (false, None) => return,
    };
    for (set, bands) in lists {
        let Some(top) = bands.iter().map(|b| b.min).reduce(f64::max) else {
            continue;
        };
        if top > reachable + EPSILON {
            let here = match set {
                Some(name) => at.key("band_sets").key(name),
                None => at.key("bands"),
            };
            ctx.warn(
                here.as_str(),
                "spec.band_scale",
                "等级分数线最高为 {top} 分，超出本表的满分 {scale} 分：这些等级似乎是按另一种分制写的，最高等级永远达不到",
                "The grade bands reach up to {top}, above this form's scale of {scale}: they seem written for another scale, and the top band can never be reached.",
                params! {"top" => num(top), "scale" => num(reachable)},
            );
        }
    }
}

/// Duplicate ids, empty ranges, overlaps and gaps in one list of bands at `at`.
fn check_bands(ctx: &mut Ctx<'_>, bands: &[GradeBand], at: &Pointer) {
    let ids: Vec<Option<&str>> = bands.iter().map(|b| Some(b.id.as_str())).collect();
    let repeated = crate::order::repeats(&ids);
    for (i, b) in bands.iter().enumerate() {
        let here = at.index(i);
        if repeated.get(i).copied().unwrap_or(false) {
            ctx.error(
                here.key("id").as_str(),
                "spec.duplicate_id",
                "等级“{id}”重复",
                "The band id “{id}” is used twice.",
                params! {"id" => b.id},
            );
        }
        if b.max.is_some_and(|m| m <= b.min) {
            ctx.error(
                here.as_str(),
                "spec.range",
                "等级“{id}”的下限不小于上限",
                "Band “{id}” has min ≥ max.",
                params! {"id" => b.id},
            );
        }
        for (j, other) in bands.iter().enumerate().skip(i + 1) {
            let a_hi = b.max.unwrap_or(f64::INFINITY);
            let b_hi = other.max.unwrap_or(f64::INFINITY);
            if b.min < b_hi && other.min < a_hi {
                ctx.error(
                    at.index(j).as_str(),
                    "spec.band_overlap",
                    "等级“{a}”与“{b}”的分数区间重叠",
                    "Grade bands “{a}” and “{b}” overlap.",
                    params! {"a" => b.id, "b" => other.id},
                );
            }
        }
    }
    let mut sorted: Vec<_> = bands.iter().collect();
    crate::order::sort_by(&mut sorted, |a, b| a.min.total_cmp(&b.min));
    for pair in sorted.windows(2) {
        if let [lo, hi] = pair {
            if let Some(lo_max) = lo.max {
                if hi.min > lo_max + EPSILON {
                    ctx.warn(
                        at.as_str(),
                        "spec.band_gap",
                        "等级“{a}”与“{b}”之间有空档（{from}–{to} 分没有等级）",
                        "There is a gap between bands “{a}” and “{b}” ({from}–{to} has no grade).",
                        params! {"a" => lo.id, "b" => hi.id, "from" => num(lo_max), "to" => num(hi.min)},
                    );
                }
            }
        }
    }
}

fn walk_items(
    ctx: &mut Ctx<'_>,
    node: &Node,
    at: &Pointer,
    in_repeat: bool,
    total: &mut f64,
    any: &mut bool,
) {
    if let Some(score) = &node.score {
        *any = true;
        let here = at.key("score");
        if in_repeat {
            ctx.error(here.as_str(), "spec.score_type", "重复组内的字段不能单独计分；请给重复组本身设置 per_unit 计分", "Fields inside a repeated group cannot be scored; score the group itself with per_unit.", params! {});
        }
        let points = match node.kind.scoring() {
            Some(ScoreBy::Answer | ScoreBy::Answers) => {
                let best = if node.kind == FieldType::Choice {
                    node.options
                        .iter()
                        .filter_map(|o| o.score)
                        .fold(0.0, f64::max)
                } else {
                    node.options
                        .iter()
                        .filter_map(|o| o.score)
                        .filter(|s| *s > 0.0)
                        .sum()
                };
                score.points.unwrap_or(best)
            }
            Some(ScoreBy::Status | ScoreBy::YesNo | ScoreBy::Quantity) => match score.points {
                Some(p) => p,
                None => {
                    ctx.error(
                        here.as_str(),
                        "spec.missing_property",
                        "计分项须声明分值 points",
                        "A scored item needs `points`.",
                        params! {},
                    );
                    0.0
                }
            },
            None => {
                ctx.error(
                    here.as_str(),
                    "spec.score_type",
                    "{type} 类型的字段不能计分",
                    "A {type} field cannot be scored.",
                    params! {"type" => node.kind.name()},
                );
                0.0
            }
        };
        if node.kind == FieldType::Group && node.repeat.is_none() {
            ctx.error(
                here.as_str(),
                "spec.score_type",
                "只有重复组能按条目计分",
                "Only a repeated group can be scored (per entry).",
                params! {},
            );
        }
        if node.kind.scoring() == Some(ScoreBy::Quantity) && score.per_unit.is_none() {
            ctx.error(
                here.key("per_unit").as_str(),
                "spec.missing_property",
                "按数量计分须声明 per_unit",
                "Scoring by quantity needs `per_unit`.",
                params! {},
            );
        }
        if !(points >= 0.0 && points.is_finite()) {
            ctx.error(
                here.key("points").as_str(),
                "spec.range",
                "分值不能为负",
                "Points cannot be negative.",
                params! {},
            );
        }
        if score.partial.is_some_and(|p| !(0.0..=1.0).contains(&p)) {
            ctx.error(
                here.key("partial").as_str(),
                "spec.range",
                "partial 应在 0 到 1 之间",
                "partial must be between 0 and 1.",
                params! {},
            );
        }
        if score.floor < 0.0 || score.floor > points + EPSILON {
            ctx.error(
                here.key("floor").as_str(),
                "spec.range",
                "floor 应在 0 到分值之间",
                "floor must be between 0 and the points.",
                params! {},
            );
        }
        for (i, d) in score.deductions.iter().enumerate() {
            if !(d.points >= 0.0 && d.points.is_finite()) {
                ctx.error(
                    here.key("deductions").index(i).key("points").as_str(),
                    "spec.range",
                    "扣分值不能为负",
                    "A deduction cannot be negative.",
                    params! {},
                );
            }
        }
        *total += points;
    }
    for (i, c) in node.items.iter().enumerate() {
        walk_items(
            ctx,
            c,
            &at.key("items").index(i),
            in_repeat || node.repeat.is_some(),
            total,
            any,
        );
    }
}
