//! Scoring: points per item, answer weights, N/A out of the denominator,
//! deductions with a floor, per-unit points with a cap, bonuses, vetoes, section
//! subtotals, normalisation and grade bands — with the reason for every lost point.

use crate::data::{self, Data};
use crate::form::{Detail, Form, ValidateOptions};
use crate::logic::{RuleEngine, Scope};
use crate::number::Num;
use crate::plan::PlannedScoring;
use crate::report::{BonusHit, Grade, ItemScoreReport, Loss, ScoreReport, SectionScore, VetoHit};
use crate::spec::{FieldType, ItemScore, Node, ScoreBy};
use crate::text::Locale;
use crate::validate::ScoreFact;
use serde_json::Value;

pub(crate) fn score<'a>(
    form: &'a Form,
    scoring: &'a PlannedScoring,
    facts: &[ScoreFact<'_, '_>],
    scope: &Scope<'a>,
    options: &ValidateOptions,
) -> ScoreReport {
    let locale = options.locale;
    let full = options.detail == Detail::Full;
    let mut items = Vec::with_capacity(facts.len());
    let mut vetoes = Vec::new();
    let n_sections = form.sections.len();
    let mut sec_earned = vec![0.0; n_sections];
    let mut sec_possible = vec![0.0; n_sections];
    for fact in facts {
        let Some(cfg) = fact.plan.node.score.as_ref() else {
            continue;
        };
        let result = item(&fact.plan.node, cfg, fact, locale, full);
        if result.applicable {
            if let Some(e) = sec_earned.get_mut(fact.section) {
                *e += result.earned;
            }
            if let Some(p) = sec_possible.get_mut(fact.section) {
                *p += result.points;
            }
        }
        if let (Some(v), true) = (&cfg.veto, fact.visible) {
            if let Some(answer) = answer_of(&fact.plan.node, fact.value) {
                if v.on.contains(&answer) {
                    vetoes.push((
                        VetoHit {
                            id: fact.plan.node.id.clone(),
                            title: fact.plan.node.title.get(locale).to_owned(),
                            path: Some(fact.path.to_string()),
                        },
                        v.grade.clone(),
                    ));
                }
            }
        }
        if !full {
            continue;
        }
        items.push(ItemScoreReport {
            path: fact.path.to_string(),
            section: form
                .sections
                .get(fact.section)
                .map(|p| p.node.id.clone())
                .unwrap_or_default(),
            title: fact.plan.node.title.get(locale).to_owned(),
            status: result.status.to_owned(),
            applicable: result.applicable,
            points: Num::round2(result.points),
            earned: Num::round2(result.earned),
            lost: result.lost,
        });
    }
    let logic = &form.inner.logic;
    for (v, e) in &scoring.vetoes {
        if matches!(logic.test(e, scope), Ok(true)) {
            vetoes.push((
                VetoHit {
                    id: v.id.clone(),
                    title: v.title.get(locale).to_owned(),
                    path: None,
                },
                v.grade.clone(),
            ));
        }
    }
    let mut bonuses = Vec::new();
    let mut bonus_total = 0.0;
    for (b, e) in &scoring.bonuses {
        let count = match logic.value(e, scope) {
            Ok(Value::Bool(true)) => 1.0,
            Ok(Value::Number(n)) => n.as_f64().unwrap_or(0.0).max(0.0),
            _ => 0.0,
        };
        let mut pts = count * b.points;
        if let Some(cap) = b.cap {
            pts = pts.min(cap);
        }
        if pts > 0.0 {
            bonus_total += pts;
            bonuses.push(BonusHit {
                id: b.id.clone(),
                title: b.title.get(locale).to_owned(),
                points: Num::round2(pts),
            });
        }
    }
    if let Some(cap) = scoring.bonus_cap {
        bonus_total = bonus_total.min(cap);
    }
    let earned: f64 = sec_earned.iter().sum();
    let possible: f64 = sec_possible.iter().sum();
    let percent = if possible > 0.0 {
        earned / possible * scoring.scale
    } else {
        0.0
    };
    let percent = Num::round2(percent).get();
    let total = percent + bonus_total;
    let grade = grade(scoring, total, &vetoes, locale);
    let sections = form
        .sections
        .iter()
        .enumerate()
        .filter(|(i, _)| facts.iter().any(|f| f.section == *i))
        .map(|(i, p)| {
            let e = sec_earned.get(i).copied().unwrap_or(0.0);
            let pos = sec_possible.get(i).copied().unwrap_or(0.0);
            SectionScore {
                id: p.node.id.clone(),
                title: p.node.title.get(locale).to_owned(),
                earned: Num::round2(e),
                possible: Num::round2(pos),
                percent: Num::round2(if pos > 0.0 { e / pos * 100.0 } else { 0.0 }),
            }
        })
        .collect();
    ScoreReport {
        earned: Num::round2(earned),
        possible: Num::round2(possible),
        percent: Num::round2(percent),
        bonus: Num::round2(bonus_total),
        total: Num::round2(total),
        grade,
        vetoes: vetoes.into_iter().map(|(v, _)| v).collect(),
        sections,
        items,
        bonuses,
    }
}

fn grade(
    scoring: &PlannedScoring,
    total: f64,
    vetoes: &[(VetoHit, Option<String>)],
    locale: Locale,
) -> Option<Grade> {
    // Bands are sorted from the highest `min` down.
    let lowest = scoring.bands.last();
    let band = if let Some((_, forced)) = vetoes.first() {
        match forced {
            Some(id) => scoring.bands.iter().find(|b| &b.id == id),
            None => lowest,
        }
    } else {
        let t = Num::round2(total).get();
        scoring
            .bands
            .iter()
            .find(|b| t >= b.min && b.max.is_none_or(|m| t < m))
    }?;
    Some(Grade {
        id: band.id.clone(),
        title: band.title.get(locale).to_owned(),
        stars: band.stars,
    })
}

/// The answer an item veto compares with: the status, the choice, or the boolean.
fn answer_of(node: &Node, value: Option<&Data<'_>>) -> Option<Value> {
    let v = value?;
    match node.kind.scoring() {
        Some(ScoreBy::Status) => data::field(v, "status").map(data::to_value),
        Some(ScoreBy::Answer | ScoreBy::Answers | ScoreBy::YesNo | ScoreBy::Quantity) | None => {
            Some(data::to_value(v))
        }
    }
}

struct ItemResult {
    status: &'static str,
    applicable: bool,
    points: f64,
    earned: f64,
    lost: Vec<Loss>,
}

fn loss(
    code: &str,
    points: f64,
    zh: &str,
    en: &str,
    params: &[(&str, &str)],
    locale: Locale,
) -> Loss {
    let reason = fill(if locale == Locale::ZhCn { zh } else { en }, params);
    Loss {
        code: code.to_owned(),
        points: Num::round2(points),
        reason,
    }
}

/// Fills `{name}` placeholders from pairs; cheaper than building a JSON map per reason.
fn fill(template: &str, params: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        let tail = after.get(1..).unwrap_or("");
        let close = tail.find('}').unwrap_or(tail.len());
        let name = tail.get(..close).unwrap_or("");
        match params.iter().find(|(k, _)| *k == name) {
            Some((_, v)) => out.push_str(v),
            None => out.push_str(after.get(..close + 2).unwrap_or(after)),
        }
        rest = tail.get(close + 1..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

fn fmt(v: f64) -> String {
    Num::round2(v).to_string()
}

fn item(
    node: &Node,
    cfg: &ItemScore,
    fact: &ScoreFact<'_, '_>,
    locale: Locale,
    full: bool,
) -> ItemResult {
    let points = item_points(node, cfg);
    if !fact.visible {
        return ItemResult {
            status: "hidden",
            applicable: false,
            points,
            earned: 0.0,
            lost: vec![],
        };
    }
    let mut lost = Vec::new();
    let unanswered = |lost: &mut Vec<Loss>| {
        if points > 0.0 && full {
            lost.push(loss(
                "unanswered",
                points,
                "未作答，失 {points} 分",
                "Not answered: {points} points lost.",
                &[("points", fmt(points).as_str())],
                locale,
            ));
        }
    };
    let (status, base) = match node.kind.scoring() {
        Some(ScoreBy::Status) => {
            let status = fact
                .value
                .and_then(|v| data::field(v, "status"))
                .and_then(|v| v.as_str());
            match status {
                Some("na") if node.allow_na => {
                    return ItemResult {
                        status: "na",
                        applicable: false,
                        points,
                        earned: 0.0,
                        lost,
                    };
                }
                Some("met") => ("met", points),
                Some("partial") => {
                    let share = cfg.partial.unwrap_or(0.5);
                    let earned = points * share;
                    if full {
                        lost.push(loss(
                            "partial",
                            points - earned,
                            "部分达标，得 {earned} 分（满分 {points}），失 {lost} 分",
                            "Partially met: {earned} of {points} points, {lost} lost.",
                            &[
                                ("earned", fmt(earned).as_str()),
                                ("points", fmt(points).as_str()),
                                ("lost", fmt(points - earned).as_str()),
                            ],
                            locale,
                        ));
                    }
                    ("partial", earned)
                }
                Some("unmet") => {
                    if points > 0.0 && full {
                        lost.push(loss(
                            "unmet",
                            points,
                            "未达标，失 {points} 分",
                            "Not met: {points} points lost.",
                            &[("points", fmt(points).as_str())],
                            locale,
                        ));
                    }
                    ("unmet", 0.0)
                }
                // A deduction-style item: full points less what was found wrong.
                _ if !cfg.deductions.is_empty()
                    && (fact.value.is_some()
                        || cfg.deductions.iter().any(|d| d.count.is_some())) =>
                {
                    ("answered", points)
                }
                _ => {
                    unanswered(&mut lost);
                    ("unanswered", 0.0)
                }
            }
        }
        Some(ScoreBy::Answer | ScoreBy::Answers) => match fact.value {
            None => {
                unanswered(&mut lost);
                ("unanswered", 0.0)
            }
            // An option marked `na` takes the item out of the denominator.
            Some(Data::String(s))
                if node.kind == FieldType::Choice
                    && node.options.iter().any(|o| o.na && o.value == *s) =>
            {
                return ItemResult {
                    status: "na",
                    applicable: false,
                    points,
                    earned: 0.0,
                    lost,
                };
            }
            Some(v) => {
                let chosen: Vec<&str> = match v {
                    Data::String(s) => vec![*s],
                    Data::Array(a) => a.iter().filter_map(|c| c.as_str()).collect(),
                    _ => vec![],
                };
                let mut earned = 0.0;
                let mut titles = Vec::new();
                for c in &chosen {
                    if let Some(o) = node.options.iter().find(|o| o.value == *c) {
                        earned += o.score.unwrap_or(0.0);
                        titles.push(if o.title.is_empty() {
                            o.value.clone()
                        } else {
                            o.title.get(locale).to_owned()
                        });
                    }
                }
                let earned = earned.clamp(0.0, points);
                if earned < points && full {
                    lost.push(loss(
                        "answer",
                        points - earned,
                        "所选“{answer}”得 {earned} 分（满分 {points}）",
                        "The answer “{answer}” earns {earned} of {points} points.",
                        &[
                            ("answer", titles.join("、").as_str()),
                            ("earned", fmt(earned).as_str()),
                            ("points", fmt(points).as_str()),
                        ],
                        locale,
                    ));
                }
                ("answered", earned)
            }
        },
        Some(ScoreBy::YesNo) => match fact.value.and_then(|v| v.as_bool()) {
            Some(true) => ("answered", points),
            Some(false) => {
                if full {
                    lost.push(loss(
                        "answer",
                        points,
                        "回答“否”，失 {points} 分",
                        "Answered “no”: {points} points lost.",
                        &[("points", fmt(points).as_str())],
                        locale,
                    ));
                }
                ("answered", 0.0)
            }
            None => {
                unanswered(&mut lost);
                ("unanswered", 0.0)
            }
        },
        // Types that cannot be scored never get here (`spec.score_type`).
        Some(ScoreBy::Quantity) | None => {
            // Numbers and repeated groups: points per unit, capped.
            let units = match fact.value {
                Some(Data::Array(a)) => Some(a.len() as f64),
                Some(v) => v.as_f64(),
                None => None,
            };
            match units {
                None => {
                    unanswered(&mut lost);
                    ("unanswered", 0.0)
                }
                Some(u) => {
                    let per = cfg.per_unit.unwrap_or(0.0);
                    let earned = (u.max(0.0) * per).min(points);
                    if earned < points && full {
                        lost.push(loss(
                            "per_unit",
                            points - earned,
                            "{units} × {per} 分 = {earned} 分，距满分 {points} 分差 {lost} 分",
                            "{units} × {per} = {earned} of {points} points, {lost} short.",
                            &[
                                ("units", fmt(u).as_str()),
                                ("per", fmt(per).as_str()),
                                ("earned", fmt(earned).as_str()),
                                ("points", fmt(points).as_str()),
                                ("lost", fmt(points - earned).as_str()),
                            ],
                            locale,
                        ));
                    }
                    ("answered", earned)
                }
            }
        }
    };
    let earned = deductions(cfg, fact, base, &mut lost, locale, full);
    ItemResult {
        status,
        applicable: true,
        points,
        earned,
        lost,
    }
}

/// Applies deductions to `base`, never going below the floor.
fn deductions(
    cfg: &ItemScore,
    fact: &ScoreFact<'_, '_>,
    base: f64,
    lost: &mut Vec<Loss>,
    locale: Locale,
    full: bool,
) -> f64 {
    let mut earned = base;
    let recorded = fact
        .value
        .and_then(|v| data::field(v, "deductions"))
        .and_then(|v| v.as_object());
    for (i, d) in cfg.deductions.iter().enumerate() {
        let computed = fact.computed.get(i).copied().flatten();
        let entered = recorded
            .and_then(|m| data::get(m, &d.code))
            .and_then(|v| v.as_f64());
        let mut count = computed.or(entered).unwrap_or(0.0).max(0.0).floor();
        if let Some(max) = d.max_count {
            count = count.min(max as f64);
        }
        if count <= 0.0 {
            continue;
        }
        let wanted = count * d.points;
        let floor = cfg.floor.min(base);
        let taken = wanted.min((earned - floor).max(0.0));
        earned -= taken;
        let (zh, en) = if taken < wanted {
            (
                "{title}：{count} 次 × {per} 分，扣 {taken} 分（最低保留 {floor} 分）",
                "{title}: found {count}, {per} each; {taken} deducted (the item keeps at least {floor}).",
            )
        } else {
            (
                "{title}：{count} 次 × {per} 分，扣 {taken} 分",
                "{title}: found {count}, {per} each; {taken} deducted.",
            )
        };
        if full {
            lost.push(loss(
                &format!("deduction.{}", d.code),
                taken,
                zh,
                en,
                &[
                    ("title", d.title.get(locale)),
                    ("count", fmt(count).as_str()),
                    ("per", fmt(d.points).as_str()),
                    ("taken", fmt(taken).as_str()),
                    ("floor", fmt(floor).as_str()),
                ],
                locale,
            ));
        }
    }
    earned
}

/// Points an item is worth.
pub(crate) fn item_points(node: &Node, cfg: &ItemScore) -> f64 {
    match node.kind.scoring() {
        Some(ScoreBy::Answer) => cfg.points.unwrap_or_else(|| {
            node.options
                .iter()
                .filter_map(|o| o.score)
                .fold(0.0, f64::max)
        }),
        Some(ScoreBy::Answers) => cfg.points.unwrap_or_else(|| {
            node.options
                .iter()
                .filter_map(|o| o.score)
                .filter(|s| *s > 0.0)
                .sum()
        }),
        Some(ScoreBy::Status | ScoreBy::YesNo | ScoreBy::Quantity) | None => {
            cfg.points.unwrap_or(0.0)
        }
    }
}
