//! How the branches spread: latest checklist scores in bins of 10 points,
//! stars and grades; secretaries' review grades; members' stars.

use super::super::branch::BranchReport;
use super::super::figures::points::{star_counts, StarCount};
use super::super::order::{by_key, hundredths};
use super::super::report::{Distributions, GradeCount, ScoreBin};
use crate::secretary_review::Grade;
use dangjian_core::Locale;

/// Width of a score bin, in points.
const BIN: u32 = 10;

/// A checklist grade and the branches that reached it.
#[derive(Debug)]
struct GradeSeen {
    id: String,
    title: String,
    stars: u8,
    /// The highest score without a veto (−∞ when every one had a veto).
    best: f64,
    count: usize,
}

/// The spread so far.
#[derive(Debug, Default)]
pub(super) struct Spread {
    bins: [usize; 10],
    stars: Vec<u8>,
    /// Each grade seen: a veto forces the lowest grade whatever the score, so
    /// only scores without one order the grades.
    grades: Vec<GradeSeen>,
    unscored: usize,
    /// Secretaries' grades, in the order of `Grade::ALL`.
    secretary: [usize; 4],
    member_stars: [usize; 6],
}

impl Spread {
    /// Takes one branch.
    pub(super) fn add(&mut self, b: &BranchReport) {
        match &b.checklist {
            None => self.unscored += 1,
            Some(c) => {
                let score = c.score.get().max(0.0);
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let bin = ((score / f64::from(BIN)).floor() as usize).min(self.bins.len() - 1);
                if let Some(n) = self.bins.get_mut(bin) {
                    *n += 1;
                }
                if let Some(g) = &c.grade {
                    if let Some(s) = g.stars {
                        self.stars.push(s);
                    }
                    let at = match self.grades.iter().position(|s| s.id == g.id) {
                        Some(i) => i,
                        None => {
                            self.grades.push(GradeSeen {
                                id: g.id.clone(),
                                title: g.title.clone(),
                                stars: 0,
                                best: f64::NEG_INFINITY,
                                count: 0,
                            });
                            self.grades.len() - 1
                        }
                    };
                    if let Some(e) = self.grades.get_mut(at) {
                        e.stars = e.stars.max(g.stars.unwrap_or(0));
                        if c.vetoes.is_empty() {
                            e.best = e.best.max(score);
                        }
                        e.count += 1;
                    }
                }
            }
        }
        if let Some(g) = b.secretary_review.as_ref().and_then(|s| s.grade) {
            if let Some(n) = Grade::ALL
                .iter()
                .position(|x| *x == g)
                .and_then(|i| self.secretary.get_mut(i))
            {
                *n += 1;
            }
        }
        for s in b.points.iter().flat_map(|p| &p.stars) {
            if let Some(n) = self.member_stars.get_mut(usize::from(s.stars)) {
                *n += s.count;
            }
        }
    }

    /// The distributions.
    pub(super) fn finish(self, locale: Locale) -> Distributions {
        let scores = (0u32..)
            .zip(self.bins)
            .map(|(i, count)| ScoreBin {
                from: i * BIN,
                to: (i + 1) * BIN,
                count,
            })
            .collect();
        let grades = by_key(self.grades, |g| {
            let best = if g.best.is_finite() {
                hundredths(g.best)
            } else {
                -1
            };
            (
                -(i64::from(g.stars) * 1_000_000_000_000 + best),
                g.id.clone(),
                0,
                0,
            )
        });
        Distributions {
            scores,
            stars: star_counts(self.stars.into_iter())
                .into_iter()
                .filter(|s| s.stars > 0)
                .collect(),
            grades: grades
                .into_iter()
                .map(|g| GradeCount {
                    id: g.id,
                    title: g.title,
                    count: g.count,
                })
                .collect(),
            unscored: self.unscored,
            secretary_grades: Grade::ALL
                .iter()
                .zip(self.secretary)
                .map(|(g, count)| GradeCount {
                    id: g.id().to_owned(),
                    title: g.title(locale),
                    count,
                })
                .collect(),
            member_stars: (0..=5u8)
                .rev()
                .map(|s| StarCount {
                    stars: s,
                    count: self.member_stars.get(usize::from(s)).copied().unwrap_or(0),
                })
                .collect(),
        }
    }
}
