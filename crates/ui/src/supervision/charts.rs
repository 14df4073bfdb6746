//! The distributions as SVG bar charts, drawn here (no chart library): the
//! branches by latest score (bins of 10 points) and by stars.

use super::text::Lang;
use dangjian_core::decimal::plain;
use dangjian_standards::supervision::SupervisionReport;
use yew::prelude::*;

/// A bar chart of `(label, count)` with a title; the counts are also a table
/// for screen readers.
fn bars(title: &str, id: &str, bars: &[(String, usize)]) -> Html {
    let max = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let (w, h, pad) = (28.0_f64, 120.0_f64, 18.0_f64);
    let width = bars.len() as f64 * (w + 6.0) + 6.0;
    html! {
        <figure class="chart" aria-labelledby={id.to_owned()}>
            <figcaption id={id.to_owned()}>{ title }</figcaption>
            <svg viewBox={format!("0 0 {} {}", plain(width), plain(h + 2.0 * pad))} role="img" aria-label={title.to_owned()} preserveAspectRatio="xMidYMid meet">
                { for bars.iter().enumerate().map(|(i, (label, count))| {
                    let x = 6.0 + i as f64 * (w + 6.0);
                    let bh = h * *count as f64 / max as f64;
                    let y = pad + h - bh;
                    html! {
                        <g>
                            <rect x={plain(x)} y={plain(y)} width={plain(w)} height={plain(bh)} class="bar"><title>{ format!("{label}: {count}") }</title></rect>
                            <text x={plain(x + w / 2.0)} y={plain(y - 3.0)} class="count">{ count }</text>
                            <text x={plain(x + w / 2.0)} y={plain(pad + h + 13.0)} class="label">{ label.clone() }</text>
                        </g>
                    }
                }) }
            </svg>
            <table class="sr">
                { for bars.iter().map(|(label, count)| html! { <tr><th scope="row">{ label.clone() }</th><td>{ count }</td></tr> }) }
            </table>
        </figure>
    }
}

/// Branches by their latest checklist's score.
pub fn scores(l: Lang, r: &SupervisionReport) -> Html {
    let data: Vec<(String, usize)> = r
        .distributions
        .scores
        .iter()
        .map(|b| (b.from.to_string(), b.count))
        .collect();
    bars(
        l.t("得分分布（支部数）", "Branches by score"),
        "dj-sv-scores",
        &data,
    )
}

/// Branches by stars (and those without a checklist).
pub fn stars(l: Lang, r: &SupervisionReport) -> Html {
    let mut data: Vec<(String, usize)> = r
        .distributions
        .stars
        .iter()
        .map(|s| (format!("{}★", s.stars), s.count))
        .collect();
    data.push((l.t("未评", "none").to_owned(), r.distributions.unscored));
    bars(
        l.t("星级分布（支部数）", "Branches by stars"),
        "dj-sv-stars",
        &data,
    )
}
