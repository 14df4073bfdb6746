//! Which branches the table shows, in which order: the filters and the sort,
//! over the report's branches (by index).

use dangjian_standards::supervision::{BranchReport, SupervisionReport};
use std::cmp::Ordering;
use std::collections::HashMap;

/// A sortable column of the branch table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The rank of the latest checklist (the report's ranking).
    Rank,
    /// The branch's name.
    Name,
    /// The latest checklist's score.
    Score,
    /// Its stars.
    Stars,
    /// Its vetoes.
    Vetoes,
    /// Meeting periods met of those due.
    Meetings,
    /// Meeting periods missing.
    Missing,
    /// Rectification items open.
    Open,
    /// Rectification items overdue.
    Overdue,
    /// Reasons for attention.
    Attention,
}

/// The filters of the table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    /// Only branches needing attention.
    pub attention_only: bool,
    /// Only branches of this grade id (`""`: any; `"-"`: without a checklist).
    pub grade: String,
    /// Text in the name, other names, code or key.
    pub text: String,
}

/// The sort: a column and its direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    /// The column.
    pub column: Column,
    /// Ascending.
    pub ascending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort {
            column: Column::Attention,
            ascending: false,
        }
    }
}

/// The rank of each ranked branch, by key.
pub fn ranks(report: &SupervisionReport) -> HashMap<String, u32> {
    report
        .ranking
        .iter()
        .map(|e| (e.branch.clone(), e.rank))
        .collect()
}

/// Whether `b` passes `f`.
pub fn keep(b: &BranchReport, f: &Filters) -> bool {
    if f.attention_only && b.attention.is_empty() {
        return false;
    }
    if !f.grade.is_empty() {
        let grade = b
            .checklist
            .as_ref()
            .and_then(|c| c.grade.as_ref())
            .map_or("-", |g| g.id.as_str());
        if grade != f.grade {
            return false;
        }
    }
    let needle = f.text.trim().to_lowercase();
    if needle.is_empty() {
        return true;
    }
    std::iter::once(&b.name)
        .chain(b.other_names.iter())
        .chain(b.code.iter())
        .chain(std::iter::once(&b.key))
        .any(|s| s.to_lowercase().contains(&needle))
}

fn score(b: &BranchReport) -> Option<f64> {
    b.checklist.as_ref().map(|c| c.score.0)
}

fn stars(b: &BranchReport) -> Option<u8> {
    b.checklist
        .as_ref()
        .and_then(|c| c.grade.as_ref())
        .and_then(|g| g.stars)
}

fn ratio(b: &BranchReport) -> f64 {
    let m = &b.meetings;
    if m.due == 0 {
        1.0
    } else {
        m.met as f64 / m.due as f64
    }
}

/// Missing values sort last whichever the direction.
fn by_option<T: PartialOrd>(a: Option<T>, b: Option<T>, ascending: bool) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => {
            let o = a.partial_cmp(&b).unwrap_or(Ordering::Equal);
            if ascending {
                o
            } else {
                o.reverse()
            }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The indexes of the branches `filters` keeps, sorted by `sort` (ties by key).
pub fn rows(
    report: &SupervisionReport,
    ranks: &HashMap<String, u32>,
    filters: &Filters,
    sort: Sort,
) -> Vec<usize> {
    let mut out: Vec<usize> = report
        .branches
        .iter()
        .enumerate()
        .filter(|(_, b)| keep(b, filters))
        .map(|(i, _)| i)
        .collect();
    let asc = sort.ascending;
    let num = |a: usize, b: usize| by_option(Some(a), Some(b), asc);
    out.sort_by(|&x, &y| {
        let (Some(a), Some(b)) = (report.branches.get(x), report.branches.get(y)) else {
            return Ordering::Equal;
        };
        let first = match sort.column {
            Column::Rank => by_option(ranks.get(&a.key), ranks.get(&b.key), asc),
            Column::Name => {
                let o = a.name.cmp(&b.name);
                if asc {
                    o
                } else {
                    o.reverse()
                }
            }
            Column::Score => by_option(score(a), score(b), asc),
            Column::Stars => by_option(stars(a), stars(b), asc),
            Column::Vetoes => num(
                a.checklist.as_ref().map_or(0, |c| c.vetoes.len()),
                b.checklist.as_ref().map_or(0, |c| c.vetoes.len()),
            ),
            Column::Meetings => by_option(Some(ratio(a)), Some(ratio(b)), asc),
            Column::Missing => num(a.meetings.missing, b.meetings.missing),
            Column::Open => num(a.rectification.open, b.rectification.open),
            Column::Overdue => num(a.rectification.overdue, b.rectification.overdue),
            Column::Attention => num(a.attention.len(), b.attention.len()),
        };
        first.then_with(|| a.key.cmp(&b.key))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A report the command line wrote (a golden vector): four ranked branches,
    /// two sharing a score, one with a veto.
    fn report() -> SupervisionReport {
        serde_json::from_str(include_str!(
            "../../../../tests/vectors/supervision/equal-scores-share-a-rank-and-a-veto-ranks-last.expected.json"
        ))
        .unwrap()
    }

    fn names(r: &SupervisionReport, rows: &[usize]) -> Vec<String> {
        rows.iter().map(|&i| r.branches[i].name.clone()).collect()
    }

    #[test]
    fn sorts_by_score_and_rank_with_ties_by_key() {
        let r = report();
        let ranks = ranks(&r);
        let by =
            |column, ascending| rows(&r, &ranks, &Filters::default(), Sort { column, ascending });
        let down = by(Column::Score, false);
        let scores: Vec<f64> = down
            .iter()
            .map(|&i| r.branches[i].checklist.as_ref().unwrap().score.0)
            .collect();
        assert_eq!(scores, [94.0, 94.0, 94.0, 92.0]);
        assert_eq!(
            names(&r, &by(Column::Rank, true)).last().unwrap(),
            "中共里水镇丁村支部委员会"
        );
        assert_eq!(
            by(Column::Attention, false)[0],
            3,
            "the vetoed branch needs attention"
        );
    }

    #[test]
    fn filters_by_attention_grade_and_text() {
        let r = report();
        let ranks = ranks(&r);
        let with = |f: Filters| rows(&r, &ranks, &f, Sort::default()).len();
        assert_eq!(
            with(Filters {
                attention_only: true,
                ..Filters::default()
            }),
            1
        );
        assert_eq!(
            with(Filters {
                grade: "five_stars".into(),
                ..Filters::default()
            }),
            3
        );
        assert_eq!(
            with(Filters {
                grade: "-".into(),
                ..Filters::default()
            }),
            0
        );
        assert_eq!(
            with(Filters {
                text: "乙村".into(),
                ..Filters::default()
            }),
            1
        );
        assert_eq!(
            with(Filters {
                text: "4406052025013".into(),
                ..Filters::default()
            }),
            1
        );
    }
}
