//! Reading a report: the issues and scored items of a place in the record, the
//! nodes the engine hides, disables or requires, and progress. Everything here
//! is looked up in what the engine returned; nothing is decided again.

use dangjian_core::report::ItemScoreReport;
use dangjian_core::{Issue, Report, Severity};
use std::collections::HashSet;
use std::hash::{Hash, Hasher};

/// What the engine says about a node beyond its issues (`Report.states`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NodeState {
    /// Hidden by `visible_if` (or a scored item reported `hidden`): not shown.
    Hidden,
    /// Disabled by `enabled_if`: shown, not editable, not required.
    Disabled,
    /// Required because its `required_if` holds.
    Required,
}

impl NodeState {
    /// The state as a number, to be kept in a [`PathIndex`].
    fn code(self) -> usize {
        match self {
            NodeState::Hidden => 0,
            NodeState::Disabled => 1,
            NodeState::Required => 2,
        }
    }

    /// The state a [`NodeState::code`] stands for.
    fn from_code(code: usize) -> NodeState {
        match code {
            0 => NodeState::Hidden,
            1 => NodeState::Disabled,
            _ => NodeState::Required,
        }
    }
}

/// Places (JSON Pointers) in pointer order, each with a number: one sorted
/// list, the single index type of the report's three indexes.
///
/// A sorted `Vec` and one non-generic binary search rather than a
/// `BTreeMap` per value type: each map type instantiates its own ~30
/// functions of tree code, which V8 compiles on the first render's path
/// (bench/README.md, "The first render's functions").
#[derive(Debug, Clone, PartialEq, Default)]
struct PathIndex(Vec<(String, usize)>);

impl PathIndex {
    /// The first position whose place is not before `path` (`after`: the
    /// first whose place comes after it).
    fn bound(&self, path: &str, after: bool) -> usize {
        let (mut lo, mut hi) = (0, self.0.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let here = self.0.get(mid).map_or("", |(p, _)| p.as_str());
            let before = if after { here <= path } else { here < path };
            if before {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Adds `value` at `path`, after the values already there.
    fn push(&mut self, path: &str, value: usize) {
        let at = self.bound(path, true);
        self.0.insert(at, (path.to_owned(), value));
    }

    /// Sets the one value at `path`, replacing the one there, if any.
    fn set(&mut self, path: &str, value: usize) {
        let at = self.bound(path, false);
        match self.0.get_mut(at) {
            Some((p, v)) if p == path => *v = value,
            _ => self.0.insert(at, (path.to_owned(), value)),
        }
    }

    /// The entries from position `from` to `to`.
    fn span(&self, from: usize, to: usize) -> &[(String, usize)] {
        self.0.get(from..to).unwrap_or_default()
    }

    /// The values at exactly `path`, in the order they were added.
    fn at(&self, path: &str) -> &[(String, usize)] {
        self.span(self.bound(path, false), self.bound(path, true))
    }

    /// The first value at exactly `path`.
    fn first(&self, path: &str) -> Option<usize> {
        self.at(path).first().map(|(_, v)| *v)
    }

    /// The entries at `path` or below it: `path` itself, then `path/…`.
    ///
    /// (Two ranges: places such as `/a/b-c` sort between `/a/b` and `/a/b/c`.)
    fn at_or_below(&self, path: &str) -> impl Iterator<Item = &(String, usize)> {
        let lower = format!("{path}/");
        let upper = format!("{path}0");
        let below = self.span(self.bound(&lower, false), self.bound(&upper, false));
        self.at(path).iter().chain(below)
    }

    /// Every entry, in place order.
    fn iter(&self) -> std::slice::Iter<'_, (String, usize)> {
        self.0.iter()
    }
}

/// A report with its issues, scored items and node states indexed by JSON Pointer.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportView {
    /// The report as the engine returned it, less its node states (indexed in
    /// `states`): what `form.validate` gives a caller.
    pub report: Report,
    /// Each issue's place and its position in `report.issues`.
    issues_at: PathIndex,
    /// Each scored item's place and its position in `report.score.items`.
    scores_at: PathIndex,
    /// Each node state's place and the state ([`NodeState::code`]).
    states: PathIndex,
    /// For every place that has issues, scored items or states at or below it:
    /// a digest of them all, so components compare their share in one lookup.
    digests: Digests,
}

/// Each place's [`Digest`]: the place in a [`PathIndex`] with the position of
/// its digest in `sums` (the index type the report's indexes already use, so no
/// hash table of its own: bench/README.md, "The UI's share, again").
#[derive(Debug, Clone, PartialEq, Default)]
struct Digests {
    at: PathIndex,
    sums: Vec<Digest>,
}

impl Digests {
    /// Adds `hash` to the digest of `path` and of every place above it.
    fn note(&mut self, path: &str, hash: u64) {
        for p in self_and_ancestors(path) {
            let i = match self.at.first(p) {
                Some(i) => i,
                None => {
                    let i = self.sums.len();
                    self.at.set(p, i);
                    self.sums.push(Digest::default());
                    i
                }
            };
            if let Some(d) = self.sums.get_mut(i) {
                d.add(hash);
            }
        }
    }

    /// The digest of `path` (empty where nothing was noted).
    fn get(&self, path: &str) -> Digest {
        self.at
            .first(path)
            .and_then(|i| self.sums.get(i))
            .copied()
            .unwrap_or_default()
    }
}

/// A fast, fixed hash for the digests (nothing here is hostile to it: a
/// collision only ever redraws or keeps one component): FxHash's step —
/// rotate, xor, multiply — on eight bytes at a time, so a digest of a long
/// form's report (titles, paths and messages of every item) costs one step a
/// word rather than one a byte; [`hash_of`] mixes the result.
#[derive(Default)]
pub struct Fx(u64);

impl Fx {
    fn step(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            self.step(u64::from_le_bytes(
                <[u8; 8]>::try_from(w).unwrap_or_default(),
            ));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            // The last bytes, and how many they are (so `ab` and `ab\0` differ).
            let mut last = [0u8; 8];
            if let Some(head) = last.get_mut(..rest.len()) {
                head.copy_from_slice(rest);
            }
            self.step(u64::from_le_bytes(last) ^ ((rest.len() as u64) << 59));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.step(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.step(i);
    }
}

/// What the report says at or below a place, summed up: how many entries and
/// the sum of their hashes (the order of entries is the engine's, fixed by the form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Digest {
    entries: u32,
    sum: u64,
}

impl Digest {
    fn add(&mut self, hash: u64) {
        self.entries += 1;
        self.sum = self.sum.wrapping_add(hash);
    }
}

fn hash_of(f: impl FnOnce(&mut Fx)) -> u64 {
    let mut h = Fx::default();
    f(&mut h);
    // A final mix, so sums of similar hashes stay apart.
    let x = h.finish();
    (x ^ (x >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ (x >> 32)
}

fn issue_hash(i: &Issue) -> u64 {
    hash_of(|h| {
        0u8.hash(h);
        i.path.hash(h);
        i.code.hash(h);
        (i.severity == Severity::Error).hash(h);
        i.message.hash(h);
    })
}

fn score_hash(i: &ItemScoreReport) -> u64 {
    hash_of(|h| {
        1u8.hash(h);
        i.path.hash(h);
        i.title.hash(h);
        i.status.hash(h);
        i.applicable.hash(h);
        i.points.get().to_bits().hash(h);
        i.earned.get().to_bits().hash(h);
        for l in &i.lost {
            l.code.hash(h);
            l.points.get().to_bits().hash(h);
            l.reason.hash(h);
        }
    })
}

fn state_hash(path: &str, s: NodeState) -> u64 {
    hash_of(|h| {
        2u8.hash(h);
        path.hash(h);
        s.hash(h);
    })
}

/// `path` and every pointer above it, nearest first (`/a/b` → `/a/b`, `/a`).
fn self_and_ancestors(path: &str) -> impl Iterator<Item = &str> {
    let mut next = Some(path);
    std::iter::from_fn(move || {
        let here = next.filter(|p| !p.is_empty())?;
        next = here.rfind('/').and_then(|i| here.get(..i));
        Some(here)
    })
}

impl ReportView {
    /// Indexes `report`, taking its node states out of it.
    pub fn new(mut report: Report) -> Self {
        let node_states = report.states.take();
        let mut issues_at = PathIndex::default();
        for (i, issue) in report.issues.iter().enumerate() {
            issues_at.push(&issue.path, i);
        }
        let mut scores_at = PathIndex::default();
        let mut states = PathIndex::default();
        if let Some(score) = &report.score {
            for (i, item) in score.items.iter().enumerate() {
                scores_at.set(&item.path, i);
                if item.status == "hidden" {
                    states.set(&item.path, NodeState::Hidden.code());
                }
            }
        }
        if let Some(s) = &node_states {
            for (list, state) in [
                (&s.required, NodeState::Required),
                (&s.disabled, NodeState::Disabled),
                (&s.hidden, NodeState::Hidden),
            ] {
                for p in list {
                    states.set(p, state.code());
                }
            }
        }
        let mut digests = Digests::default();
        for i in &report.issues {
            digests.note(&i.path, issue_hash(i));
        }
        if let Some(score) = &report.score {
            for i in &score.items {
                digests.note(&i.path, score_hash(i));
            }
        }
        for (p, st) in states.iter() {
            digests.note(p, state_hash(p, NodeState::from_code(*st)));
        }
        ReportView {
            report,
            issues_at,
            scores_at,
            states,
            digests,
        }
    }

    /// A view of no report at all (nothing to say anywhere).
    pub fn empty() -> ReportView {
        ReportView::new(Report {
            report_version: dangjian_core::REPORT_VERSION,
            form: dangjian_core::report::FormRef {
                id: String::new(),
                version: String::new(),
            },
            locale: "zh-CN".to_owned(),
            valid: true,
            counts: dangjian_core::report::Counts {
                errors: 0,
                warnings: 0,
            },
            issues: Vec::new(),
            score: None,
            outcomes: serde_json::Map::new(),
            states: None,
        })
    }

    /// The digest of everything the report says at or below `path`.
    pub fn digest(&self, path: &str) -> Digest {
        self.digests.get(path)
    }

    /// The report as the engine gives it to any caller: without the node states
    /// the components asked for, so the host page gets what `form.validate` gives
    /// (no copy of the report to make: the states were taken out by [`ReportView::new`]).
    pub fn public_report(&self) -> &Report {
        &self.report
    }

    /// Issues whose path is exactly `path`.
    pub fn at(&self, path: &str) -> Vec<&Issue> {
        self.issues_at
            .at(path)
            .iter()
            .filter_map(|(_, i)| self.report.issues.get(*i))
            .collect()
    }

    /// Issues at `path` or anywhere below it, in report order.
    pub fn within(&self, path: &str) -> Vec<&Issue> {
        let mut idx: Vec<usize> = self.issues_at.at_or_below(path).map(|(_, i)| *i).collect();
        dangjian_core::order::sort_by_key(&mut idx, |&i| i);
        idx.into_iter()
            .filter_map(|i| self.report.issues.get(i))
            .collect()
    }

    /// Scored items at `path` or below it, in report order.
    pub fn scores_within(&self, path: &str) -> Vec<&ItemScoreReport> {
        let Some(score) = &self.report.score else {
            return Vec::new();
        };
        let mut idx: Vec<usize> = self.scores_at.at_or_below(path).map(|(_, i)| *i).collect();
        dangjian_core::order::sort_by_key(&mut idx, |&i| i);
        idx.into_iter().filter_map(|i| score.items.get(i)).collect()
    }

    /// The scored item at exactly `path`.
    pub fn score_at(&self, path: &str) -> Option<&ItemScoreReport> {
        let i = self.scores_at.first(path)?;
        self.report.score.as_ref()?.items.get(i)
    }

    /// Node states at `path` or below it.
    pub fn states_within(&self, path: &str) -> Vec<(&str, NodeState)> {
        self.states
            .at_or_below(path)
            .map(|(p, s)| (p.as_str(), NodeState::from_code(*s)))
            .collect()
    }

    /// The state the engine gives the node at exactly `path`, if any.
    pub fn state(&self, path: &str) -> Option<NodeState> {
        self.states.first(path).map(NodeState::from_code)
    }

    /// Number of errors at or below `path`.
    pub fn errors_within(&self, path: &str) -> usize {
        self.issues_at
            .at_or_below(path)
            .filter_map(|(_, i)| self.report.issues.get(*i))
            .filter(|i| i.severity == Severity::Error)
            .count()
    }

    /// False when the engine hides the node at `path` or a node around it.
    pub fn visible(&self, path: &str) -> bool {
        !self_and_ancestors(path).any(|p| self.state(p) == Some(NodeState::Hidden))
    }

    /// True when the engine disables the node at `path` or a group around it.
    pub fn disabled(&self, path: &str) -> bool {
        self_and_ancestors(path).any(|p| self.state(p) == Some(NodeState::Disabled))
    }

    /// True when the node's `required_if` holds now (it is visible and enabled).
    pub fn required_now(&self, path: &str) -> bool {
        self.state(path) == Some(NodeState::Required)
    }

    /// Paths of `required` issues.
    pub fn missing_required(&self) -> impl Iterator<Item = &str> {
        self.report
            .issues
            .iter()
            .filter(|i| i.code == "required")
            .map(|i| i.path.as_str())
    }

    /// Paths of the nodes whose `required_if` holds now.
    pub fn conditionally_required(&self) -> impl Iterator<Item = &str> {
        let required = NodeState::Required.code();
        self.states
            .iter()
            .filter(move |(_, s)| *s == required)
            .map(|(p, _)| p.as_str())
    }
}

/// True when the person answered the scored item: the engine scored it and the
/// record holds an answer at its place (a checklist line's `status`), so an
/// item scored only from other fields is not counted as answered.
pub fn answered(data: &serde_json::Value, item: &ItemScoreReport) -> bool {
    if item.status == "unanswered" || item.status == "hidden" {
        return false;
    }
    match crate::data::get(data, &item.path) {
        Some(serde_json::Value::Object(line)) => line.get("status").is_some_and(|s| !s.is_null()),
        other => !crate::data::is_blank(other),
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
    /// Counts the places that must be answered — the visible, enabled fields the
    /// spec marks `required`, those whose `required_if` holds, and the scored
    /// items shown — against what the report still finds missing.
    pub fn count(
        view: &ReportView,
        data: &serde_json::Value,
        declared_required: &[String],
    ) -> Progress {
        // A `HashSet<&str>`, the set type the engine's compile already uses
        // (a set type of its own would add its own copy of the table or tree
        // code to the first render's path), filled by `insert`.
        // With no hidden or disabled node anywhere, every place counts.
        let required = NodeState::Required.code();
        let conditional = view.states.iter().any(|(_, s)| *s != required);
        let counted = |p: &str| !conditional || (view.visible(p) && !view.disabled(p));
        let mut all: HashSet<&str> = HashSet::new();
        for p in declared_required {
            if counted(p) {
                all.insert(p.as_str());
            }
        }
        for p in view.conditionally_required() {
            all.insert(p);
        }
        let mut open: HashSet<&str> = HashSet::new();
        for p in view.missing_required() {
            if counted(p) {
                open.insert(p);
            }
        }
        if let Some(score) = &view.report.score {
            for item in score
                .items
                .iter()
                .filter(|i| i.status != "hidden" && counted(&i.path))
            {
                all.insert(item.path.as_str());
                if !answered(data, item) {
                    open.insert(item.path.as_str());
                }
            }
        }
        for p in &open {
            all.insert(p);
        }
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
                issue("/a/b-c", "x"),
                issue("/a/b/status", "y"),
                issue("/a/bc", "x"),
                issue("/a", "z")
            ]),
            json!(null),
        ));
        assert_eq!(v.at("/a/b").len(), 1);
        // `/a/b-c` sorts between `/a/b` and `/a/b/status`, and is not below `/a/b`.
        let below: Vec<&str> = v.within("/a/b").iter().map(|i| i.code.as_str()).collect();
        assert_eq!(below, vec!["required", "y"]);
        assert_eq!(v.within("/a").len(), 5);
        assert_eq!(v.errors_within("/a/b"), 2);
        assert_eq!(v.errors_within("/c"), 0);
    }

    #[test]
    fn path_index_orders_as_a_sorted_map() {
        // Against a BTreeMap of lists: same places, same order, same values.
        let places = [
            "/a", "/a/b", "/a/b-c", "/a/b/c", "/a/bc", "/a0", "/b", "", "/a/b/c/d",
        ];
        let mut state = 11u64;
        let mut index = PathIndex::default();
        let mut map: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
        for i in 0..200 {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
            let p = places[(state >> 33) as usize % places.len()];
            index.push(p, i);
            map.entry(p).or_default().push(i);
        }
        let flat: Vec<(String, usize)> = map
            .iter()
            .flat_map(|(p, v)| v.iter().map(move |i| (p.to_string(), *i)))
            .collect();
        assert_eq!(index.iter().cloned().collect::<Vec<_>>(), flat);
        for p in places {
            let at: Vec<usize> = index.at(p).iter().map(|(_, i)| *i).collect();
            assert_eq!(at, map.get(p).cloned().unwrap_or_default());
            let below: Vec<&str> = index.at_or_below(p).map(|(q, _)| q.as_str()).collect();
            assert!(below
                .iter()
                .all(|q| *q == p || q.starts_with(&format!("{p}/"))));
            let expected = flat
                .iter()
                .filter(|(q, _)| q == p || q.starts_with(&format!("{p}/")))
                .count();
            assert_eq!(below.len(), expected, "{p}");
        }
        // `set` keeps one value per place, the last one set.
        let mut one = PathIndex::default();
        one.set("/x", 1);
        one.set("/a", 2);
        one.set("/x", 3);
        assert_eq!(one.first("/x"), Some(3));
        assert_eq!(one.iter().count(), 2);
        assert_eq!(one.first("/y"), None);
    }

    #[test]
    fn ancestors_nearest_first() {
        let all: Vec<&str> = self_and_ancestors("/a/b/0/c").collect();
        assert_eq!(all, vec!["/a/b/0/c", "/a/b/0", "/a/b", "/a"]);
        assert_eq!(self_and_ancestors("").count(), 0);
    }

    #[test]
    fn node_states_from_the_report() {
        let mut r = report(json!([]), json!(null));
        r.states = Some(dangjian_core::NodeStates {
            hidden: vec!["/election".into()],
            disabled: vec!["/meeting/extra".into()],
            required: vec!["/meeting/held_as".into()],
        });
        let v = ReportView::new(r.clone());
        assert!(!v.visible("/election"));
        assert!(!v.visible("/election/seats"));
        assert!(v.visible("/electionx"));
        assert!(v.disabled("/meeting/extra/part"));
        assert!(!v.disabled("/meeting"));
        assert!(v.required_now("/meeting/held_as"));
        assert!(!v.required_now("/meeting/extra"));
        assert_eq!(v.states_within("/meeting").len(), 2);
        assert_eq!(v.public_report().states, None);
        // Digests: the same report gives the same digests; a changed state changes them up the tree.
        let same = ReportView::new(r.clone());
        assert_eq!(v.digest("/meeting"), same.digest("/meeting"));
        let mut other = r;
        if let Some(s) = other.states.as_mut() {
            s.required.clear();
        }
        let other = ReportView::new(other);
        assert_ne!(v.digest("/meeting"), other.digest("/meeting"));
        assert_ne!(
            v.digest("/meeting/held_as"),
            other.digest("/meeting/held_as")
        );
        assert_eq!(v.digest("/election"), other.digest("/election"));
        assert_eq!(v.digest("/nothing"), Digest::default());
    }

    #[test]
    fn the_hash_tells_close_texts_apart() {
        let texts = [
            "",
            "a",
            "ab",
            "ab\0",
            "abcdefg",
            "abcdefgh",
            "abcdefgh\0",
            "abcdefghi",
            "abcdefgi",
            "bacdefgh",
            "/a/b",
            "/a/c",
            "按期换届（6）",
            "按期换届（7）",
        ];
        let hashes: Vec<u64> = texts.iter().map(|t| hash_of(|h| t.hash(h))).collect();
        for (i, a) in hashes.iter().enumerate() {
            for b in hashes.iter().skip(i + 1) {
                assert_ne!(a, b, "{}", texts[i]);
            }
        }
        let pair = |a: &str, b: &str| hash_of(|h| (a, b).hash(h));
        assert_ne!(pair("ab", "c"), pair("a", "bc"));
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
        let mut r = report(json!([issue("/p/name", "required")]), score);
        r.states = Some(dangjian_core::NodeStates {
            hidden: vec!["/p/secret".into()],
            disabled: vec!["/p/locked".into()],
            required: vec!["/p/when".into()],
        });
        let v = ReportView::new(r);
        assert!(!v.visible("/s/h"));
        assert!(!v.visible("/s/h/evidence"));
        assert!(v.visible("/s/hx"));
        assert_eq!(v.scores_within("/s").len(), 3);
        let declared = vec![
            "/p/name".to_owned(),
            "/p/date".to_owned(),
            "/p/secret".to_owned(),
            "/p/locked".to_owned(),
            "/s/h".to_owned(),
        ];
        // name (open), date, when (conditionally required), /s/a, /s/b (open);
        // hidden and disabled places are not counted.
        let data = json!({"s": {"a": {"status": "met"}}});
        let p = Progress::count(&v, &data, &declared);
        assert_eq!(
            p,
            Progress {
                answered: 3,
                total: 5
            }
        );
        assert_eq!(p.percent(), 60);
    }
}
