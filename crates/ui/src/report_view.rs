//! Reading a report: the issues of a place in the record, the nodes the engine
//! left out, and progress. Everything here is looked up in what the engine
//! returned; nothing is decided again.

use dangjian_core::{Issue, Report, Severity};
use std::collections::{BTreeMap, BTreeSet};

/// A report with its issues indexed by JSON Pointer.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportView {
    /// The report, as the engine returned it.
    pub report: Report,
    by_path: BTreeMap<String, Vec<usize>>,
    hidden: BTreeSet<String>,
}

impl ReportView {
    /// Indexes `report`.
    pub fn new(report: Report) -> Self {
        let mut by_path: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, issue) in report.issues.iter().enumerate() {
            by_path.entry(issue.path.clone()).or_default().push(i);
        }
        let hidden = report
            .score
            .iter()
            .flat_map(|s| s.items.iter())
            .filter(|i| i.status == "hidden")
            .map(|i| i.path.clone())
            .collect();
        ReportView {
            report,
            by_path,
            hidden,
        }
    }

    /// Issues whose path is exactly `path`.
    pub fn at(&self, path: &str) -> Vec<&Issue> {
        self.by_path
            .get(path)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.report.issues.get(i))
            .collect()
    }

    /// Issues at `path` or anywhere below it.
    pub fn within(&self, path: &str) -> Vec<&Issue> {
        let below = format!("{path}/");
        self.by_path
            .range(path.to_owned()..)
            .take_while(|(p, _)| p.as_str() == path || p.starts_with(&below))
            .flat_map(|(_, v)| v.iter())
            .filter_map(|&i| self.report.issues.get(i))
            .collect()
    }

    /// Number of errors at or below `path`.
    pub fn errors_within(&self, path: &str) -> usize {
        self.within(path)
            .iter()
            .filter(|i| i.severity == Severity::Error)
            .count()
    }

    /// False when the engine reported the node at `path` (or an ancestor) as hidden.
    ///
    /// The report names hidden nodes only for scored items; other nodes are shown.
    pub fn visible(&self, path: &str) -> bool {
        !self
            .hidden
            .iter()
            .any(|h| path == h || path.starts_with(&format!("{h}/")))
    }

    /// Paths of `required` issues.
    pub fn missing_required(&self) -> impl Iterator<Item = &str> {
        self.report
            .issues
            .iter()
            .filter(|i| i.code == "required")
            .map(|i| i.path.as_str())
    }
}

/// Answered out of required, for the progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Required places (and scored items) with an answer.
    pub answered: usize,
    /// Required places (and scored items) in all.
    pub total: usize,
}

impl Progress {
    /// Counts `places` — the required fields the spec declares and the scored
    /// items of the report — against what the report still finds missing.
    pub fn count(view: &ReportView, declared_required: &[String]) -> Progress {
        let mut all: BTreeSet<&str> = declared_required
            .iter()
            .map(String::as_str)
            .filter(|p| view.visible(p))
            .collect();
        let mut open: BTreeSet<&str> = view.missing_required().collect();
        if let Some(score) = &view.report.score {
            for item in score.items.iter().filter(|i| i.status != "hidden") {
                all.insert(item.path.as_str());
                if item.status == "unanswered" {
                    open.insert(item.path.as_str());
                }
            }
        }
        all.extend(open.iter().copied());
        Progress {
            answered: all.len().saturating_sub(open.len()),
            total: all.len(),
        }
    }

    /// Whole percent done (100 when nothing is required).
    pub fn percent(self) -> u32 {
        if self.total == 0 {
            return 100;
        }
        let p = (self.answered * 100) / self.total;
        u32::try_from(p).unwrap_or(100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn report(issues: serde_json::Value, score: serde_json::Value) -> Report {
        let mut r = json!({
            "report_version": 1, "form": {"id": "f", "version": "1"}, "locale": "zh-CN",
            "valid": false, "counts": {"errors": 0, "warnings": 0}, "issues": issues
        });
        if !score.is_null() {
            r["score"] = score;
        }
        serde_json::from_value(r).unwrap()
    }

    fn issue(path: &str, code: &str) -> serde_json::Value {
        json!({"path": path, "code": code, "severity": "error", "message": "m", "params": {}})
    }

    #[test]
    fn issues_by_place_and_below() {
        let v = ReportView::new(report(
            json!([
                issue("/a/b", "required"),
                issue("/a/bc", "x"),
                issue("/a/b/status", "y"),
                issue("/a", "z")
            ]),
            json!(null),
        ));
        assert_eq!(v.at("/a/b").len(), 1);
        assert_eq!(v.within("/a/b").len(), 2);
        assert_eq!(v.within("/a").len(), 4);
        assert_eq!(v.errors_within("/c"), 0);
    }

    #[test]
    fn hidden_scored_items_and_progress() {
        let item = |path: &str, status: &str| {
            json!({"path": path, "section": "s", "title": "t", "status": status,
            "applicable": true, "points": 1, "earned": 0, "lost": []})
        };
        let score = json!({"earned": 0, "possible": 1, "percent": 0, "bonus": 0, "total": 0, "vetoes": [],
            "sections": [], "bonuses": [],
            "items": [item("/s/a", "met"), item("/s/b", "unanswered"), item("/s/h", "hidden")]});
        let v = ReportView::new(report(json!([issue("/p/name", "required")]), score));
        assert!(!v.visible("/s/h"));
        assert!(!v.visible("/s/h/evidence"));
        assert!(v.visible("/s/hx"));
        let declared = vec![
            "/p/name".to_owned(),
            "/p/date".to_owned(),
            "/s/h".to_owned(),
        ];
        let p = Progress::count(&v, &declared);
        assert_eq!(
            p,
            Progress {
                answered: 2,
                total: 4
            }
        );
        assert_eq!(p.percent(), 50);
    }
}
