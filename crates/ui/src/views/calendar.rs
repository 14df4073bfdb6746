//! The annual compliance calendar: months across, meeting types down, each
//! period held or missing, as `dangjian_standards::meetings::compliance` finds.

use crate::components::each;
use crate::components::parts::classes;
use crate::i18n::tr;
use dangjian_core::Locale;
use dangjian_standards::meetings::{
    compliance, ComplianceOptions, MinutesCheck, Period, PeriodResult, PeriodStatus, Requirement,
    RequirementResult,
};
use serde_json::Value;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ComplianceCalendar`].
#[derive(Properties, PartialEq)]
pub struct CalendarProps {
    /// Meeting-minutes records of one branch.
    pub minutes: Rc<Vec<Value>>,
    /// The year shown.
    pub year: i32,
    /// Language.
    pub locale: Locale,
    /// Today (`YYYY-MM-DD`): periods not over yet are open, not missing.
    pub today: Option<String>,
    /// The branch's name, shown in the title.
    #[prop_or_default]
    pub branch: AttrValue,
    /// Elder-friendly mode.
    #[prop_or_default]
    pub elder: bool,
    /// A county's required frequencies (`None`: the defaults of the regulation).
    #[prop_or_default]
    pub requirements: Option<Rc<Vec<Requirement>>>,
    /// Settings of the `meeting-minutes` form each record is checked with.
    #[prop_or_default]
    pub settings: Option<Rc<serde_json::Map<String, Value>>>,
    /// Whether each record is validated first, and whether one with errors counts.
    #[prop_or_default]
    pub minutes_check: MinutesCheck,
}

/// Month (1–12) of a `YYYY-MM-DD` date.
fn month_of(date: &str) -> usize {
    date.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1)
}

/// The cells of one requirement's row: (first month, months spanned, status, held, title).
fn cells(req: &RequirementResult, year: i32) -> Vec<(usize, usize, PeriodStatus, usize, String)> {
    let in_year = |p: &&PeriodResult| {
        p.from.starts_with(&year.to_string()) || p.to.starts_with(&year.to_string())
    };
    if req.period == Period::Week {
        // Weeks are summed up per month: missing if any week of the month is missing.
        return (1..=12)
            .map(|m| {
                let weeks: Vec<&PeriodResult> = req
                    .periods
                    .iter()
                    .filter(in_year)
                    .filter(|p| month_of(&p.from) == m && p.from.starts_with(&year.to_string()))
                    .collect();
                let held = weeks.iter().map(|p| p.held).sum();
                let status = if weeks.iter().any(|p| p.status == PeriodStatus::Missing) {
                    PeriodStatus::Missing
                } else if weeks.iter().any(|p| p.status == PeriodStatus::Open) {
                    PeriodStatus::Open
                } else if !weeks.is_empty()
                    && weeks.iter().all(|p| p.status == PeriodStatus::Future)
                {
                    PeriodStatus::Future
                } else {
                    PeriodStatus::Met
                };
                let title = weeks
                    .iter()
                    .map(|p| format!("{}: {}", p.label, p.held))
                    .collect::<Vec<_>>()
                    .join("\n");
                (m, 1, status, held, title)
            })
            .collect();
    }
    req.periods
        .iter()
        .filter(in_year)
        .map(|p| {
            let first = if p.from.starts_with(&year.to_string()) {
                month_of(&p.from)
            } else {
                1
            };
            let last = if p.to.starts_with(&year.to_string()) {
                month_of(&p.to)
            } else {
                12
            };
            let dates = if p.dates.is_empty() {
                String::new()
            } else {
                format!("：{}", p.dates.join("、"))
            };
            (
                first,
                last.saturating_sub(first) + 1,
                p.status,
                p.held,
                format!("{}{dates}", p.label),
            )
        })
        .collect()
}

/// The name of a month (1–12).
fn month_name(l: Locale, m: usize) -> String {
    match l {
        Locale::ZhCn => format!("{m}月"),
        Locale::En => [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ]
        .get(m.saturating_sub(1))
        .copied()
        .unwrap_or("")
        .to_owned(),
    }
}

/// The months a cell covers, as its label on a narrow screen: `3月`, `1–3月`, `Jan–Mar`.
fn months_label(l: Locale, first: usize, span: usize) -> String {
    let last = first + span.saturating_sub(1);
    match (span, l) {
        (0 | 1, _) => month_name(l, first),
        (_, Locale::ZhCn) => format!("{first}–{last}月"),
        (_, Locale::En) => format!("{}–{}", month_name(l, first), month_name(l, last)),
    }
}

fn status_text(l: Locale, s: PeriodStatus) -> &'static str {
    match s {
        PeriodStatus::Met => tr(l, "已开展", "Held"),
        PeriodStatus::Missing => tr(l, "缺失", "Missing"),
        PeriodStatus::Open => tr(l, "进行中", "In progress"),
        PeriodStatus::Future => tr(l, "未到期", "Not yet due"),
        PeriodStatus::Partial => tr(l, "不完整期间", "Partial period"),
    }
}

fn status_class(s: PeriodStatus) -> &'static str {
    match s {
        PeriodStatus::Met => "dj-cal-met",
        PeriodStatus::Missing => "dj-cal-missing",
        PeriodStatus::Open => "dj-cal-open",
        PeriodStatus::Future => "dj-cal-future",
        PeriodStatus::Partial => "dj-cal-partial",
    }
}

/// The calendar.
#[function_component]
pub fn ComplianceCalendar(p: &CalendarProps) -> Html {
    let l = p.locale;
    let mut options = ComplianceOptions::for_year(p.year);
    options.locale = l;
    options.today = p.today.clone();
    if let Some(requirements) = &p.requirements {
        options.requirements = (**requirements).clone();
    }
    options.minutes_settings = p.settings.as_deref().cloned();
    options.minutes_check = p.minutes_check;
    let report = compliance(&p.minutes, &options);
    let months = (1..=12).map(|m| html! { <th scope="col">{ month_name(l, m) }</th> });
    let title = format!(
        "{}{} {}",
        p.branch,
        if p.branch.is_empty() { "" } else { " · " },
        tr(
            l,
            "年度“三会一课”等组织生活落实情况",
            "Meetings held this year"
        )
    );
    html! {
        <div ~className={classes(&[Some("dj"), Some("dj-cal"), p.elder.then_some("dj-elder")])} lang={l.tag()} data-testid="calendar">
            <header class="dj-head dj-cal-head" part="header">
                <div class="dj-head-text">
                    <h2 class="dj-title">{ format!("{} {}", p.year, title) }</h2>
                    <p class="dj-desc">{ match l {
                        Locale::ZhCn => format!("共 {} 份会议记录，已落实 {} 个周期，缺失 {} 个周期",
                            report.counts.in_range, report.counts.periods_met, report.counts.periods_missing),
                        Locale::En => format!("{} records; {} periods met, {} missing",
                            report.counts.in_range, report.counts.periods_met, report.counts.periods_missing),
                    } }</p>
                </div>
                <p ~className={classes(&[Some("dj-verdict"), Some(if report.compliant { "dj-verdict-ok" } else { "dj-verdict-bad" })])} data-testid="calendar-verdict">
                    { if report.compliant { tr(l, "全部按要求开展", "All held as required") } else { tr(l, "存在缺失，需补齐", "Some meetings are missing") } }
                </p>
            </header>
            <div class="dj-table-wrap">
                <table class="dj-table dj-cal-table" part="table">
                    <caption class="dj-sr">{ title.clone() }</caption>
                    <thead><tr><th scope="col">{ tr(l, "活动类型", "Meeting") }</th><th scope="col">{ tr(l, "要求", "Required") }</th>{ for months }</tr></thead>
                    <tbody>
                        { each(report.requirements.iter(), |r| html! {
                            <tr>
                                <th scope="row">{ r.title.clone() }</th>
                                <td class="dj-cal-freq" data-label={tr(l, "要求", "Required")}>{ r.frequency.clone() }</td>
                                { each(cells(r, p.year).into_iter(), |(first, span, status, held, title)| html! {
                                    <td colspan={span.to_string()} ~className={classes(&[Some("dj-cal-cell"), Some(status_class(status))])} title={title.clone()}
                                        data-label={months_label(l, first, span)}>
                                        <span class="dj-cal-mark" aria-hidden="true">{ match status { PeriodStatus::Met => "✓", PeriodStatus::Missing => "✕", PeriodStatus::Open => "…", _ => "" } }</span>
                                        if held > 0 { <span class="dj-cal-held">{ held }</span> }
                                        <span class="dj-sr">{ format!("{title}，{}", status_text(l, status)) }</span>
                                    </td>
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <ul class="dj-cal-legend" aria-label={tr(l, "图例", "Legend")}>
                { each([PeriodStatus::Met, PeriodStatus::Missing, PeriodStatus::Open, PeriodStatus::Future].into_iter(), |s| html! {
                    <li><span ~className={classes(&[Some("dj-cal-swatch"), Some(status_class(s))])}></span>{ status_text(l, s) }</li>
                }) }
            </ul>
            if !report.issues.is_empty() {
                <details class="dj-cal-issues">
                    <summary>{ format!("{}{}{}", tr(l, "缺失明细（", "What is missing ("), report.issues.len(), tr(l, "）", ")")) }</summary>
                    <ul>{ each(report.issues.iter(), |i| html! { <li>{ i.message.clone() }</li> }) }</ul>
                </details>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn quarters_span_three_months_and_years_twelve() {
        let minutes = vec![json!({"meeting": {"type": "general_meeting", "date": "2026-02-10"}})];
        let mut o = ComplianceOptions::for_year(2026);
        o.today = Some("2026-08-01".into());
        // The record is only a type and a date: count it without checking the minutes.
        o.minutes_check = dangjian_standards::meetings::MinutesCheck::Off;
        let r = compliance(&minutes, &o);
        let general = r
            .requirements
            .iter()
            .find(|q| q.id == "general_meeting")
            .unwrap();
        let c = cells(general, 2026);
        assert_eq!(c.len(), 4);
        assert_eq!(
            (c[0].0, c[0].1, c[0].2, c[0].3),
            (1, 3, PeriodStatus::Met, 1)
        );
        assert_eq!(c[1].2, PeriodStatus::Missing);
        assert_eq!(c[2].2, PeriodStatus::Open);
        let org = r.requirements.iter().find(|q| q.id == "org_life").unwrap();
        assert_eq!(cells(org, 2026)[0].1, 12);
    }
}
