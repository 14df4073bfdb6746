//! One run split over several workers (a browser's cores): every worker is
//! given every record, and each checks and sums up only the branches of its
//! shard ([`Shard`]), chosen by the branch's name, so that the records giving
//! only a name land beside the coded branch they belong to (`names.rs`). A
//! coded branch goes by the first name given with its code (its records may
//! name it otherwise too: a candidates' review names the village); every
//! worker notes that name for every code, so all of them route alike. The
//! rare record of a code given before any name is checked by every worker,
//! and kept at the end by the shard of the code's name.
//!
//! What does not depend on the branch — the records given, those outside the
//! period, unreadable or of no branch, and every issue — is counted alike by
//! every shard, so the first shard's figures stand for all; the records
//! checked and found invalid are summed from the branches. [`merge_shards`]
//! puts the shards' reports together into the report one run over all the
//! records gives, byte for byte.

use super::branch::BranchState;
use super::input::{parse_date, Days};
use super::merge::MergeError;
use super::names::AMBIGUOUS;
use super::report::SupervisionReport;
use super::summary::Summary;
use super::supervisor::assemble;
use crate::branch::Branch;
use dangjian_core::Locale;
use std::collections::BTreeMap;

/// Which part of the branches a run checks: shard `index` of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// This shard, from 0.
    pub index: u32,
    /// How many shards (at least 1).
    pub count: u32,
}

impl Shard {
    /// Shard `index` of `count`; `None` unless `index < count`.
    pub fn new(index: u32, count: u32) -> Option<Shard> {
        (index < count).then_some(Shard { index, count })
    }

    /// True when the branch of `key` is this shard's.
    fn owns(&self, key: &str) -> bool {
        self.count <= 1 || fnv1a(key.as_bytes()) % u64::from(self.count) == u64::from(self.index)
    }
}

/// A shard's part of a run: which records it checks, and the name of every
/// code seen (in every shard alike).
#[derive(Debug)]
pub(super) struct ShardRun {
    shard: Shard,
    /// The first name given with each coded key, in the order records came
    /// (empty while none has been).
    names: BTreeMap<String, String>,
}

impl ShardRun {
    /// The run of `shard`.
    pub(super) fn new(shard: Shard) -> ShardRun {
        ShardRun {
            shard,
            names: BTreeMap::new(),
        }
    }

    /// Notes a record of `branch` (key `key`); true when this shard checks it.
    pub(super) fn takes(&mut self, branch: &Branch, key: &str) -> bool {
        if branch.code.is_none() {
            return self.shard.owns(&branch.name);
        }
        let name = match self.names.get_mut(key) {
            Some(name) => name,
            None => self.names.entry(key.to_owned()).or_default(),
        };
        if name.is_empty() {
            branch.name.clone_into(name);
        }
        // No name yet: every shard checks it, the shard of the name keeps it.
        name.is_empty() || self.shard.owns(name)
    }

    /// At the end: drops the coded branches another shard keeps (checked
    /// here before their name was known), and gives the coded branch each
    /// name-only branch belongs to (a position in `branches`, or
    /// [`AMBIGUOUS`]), as one run over every record would find it.
    pub(super) fn settle(
        &self,
        index: &mut BTreeMap<String, usize>,
        branches: &mut [Option<BranchState>],
    ) -> BTreeMap<String, usize> {
        let mut by_name: BTreeMap<&str, Option<&str>> = BTreeMap::new();
        for (key, name) in self.names.iter().filter(|(_, n)| !n.is_empty()) {
            by_name
                .entry(name.as_str())
                .and_modify(|k| *k = None)
                .or_insert(Some(key.as_str()));
        }
        let mut coded = BTreeMap::new();
        let mut dropped = Vec::new();
        for (key, slot) in index.iter() {
            let Some(b) = branches.get(*slot).and_then(Option::as_ref) else {
                continue;
            };
            let b = b.branch();
            if b.code.is_some() {
                let name = self.names.get(key).filter(|n| !n.is_empty());
                if !self.shard.owns(name.map_or(key.as_str(), String::as_str)) {
                    dropped.push((key.clone(), *slot));
                }
                continue;
            }
            match by_name.get(b.name.as_str()) {
                Some(Some(coded_key)) => {
                    if let Some(into) = index.get(*coded_key) {
                        coded.insert(b.name.clone(), *into);
                    }
                }
                Some(None) => {
                    coded.insert(b.name.clone(), AMBIGUOUS);
                }
                None => {}
            }
        }
        for (key, slot) in dropped {
            index.remove(&key);
            if let Some(state) = branches.get_mut(slot) {
                *state = None;
            }
        }
        coded
    }
}

/// FNV-1a, 64 bits: the same shard for a name in every build and browser.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The report of one run over all the records, from the reports of its
/// shards (each with its branches, in any order of shards). The first report
/// gives the head, the issues and the counts that do not depend on the
/// branch; each gives its own branches and the records it checked.
pub fn merge_shards(shards: Vec<SupervisionReport>) -> Result<SupervisionReport, MergeError> {
    let mut shards = shards.into_iter();
    let Some(mut first) = shards.next() else {
        return Err(MergeError::NoHead);
    };
    let mut branches = std::mem::take(&mut first.branches);
    for other in shards {
        if other.head != first.head {
            return Err(MergeError::Mismatch {
                field: "head",
                first: first.head.as_of.clone(),
                other: other.head.as_of.clone(),
            });
        }
        branches.extend(other.branches);
    }
    // Checked records are counted by the branches they went to.
    let counts = &mut first.counts;
    counts.counted = 0;
    counts.invalid = 0;
    for t in counts.by_form.values_mut() {
        t.counted = 0;
        t.invalid = 0;
    }
    for b in &branches {
        counts.counted += b.records.counted;
        counts.invalid += b.records.invalid;
        for (form, t) in &b.records.by_form {
            let m = counts.by_form.entry(form.clone()).or_default();
            m.counted += t.counted;
            m.invalid += t.invalid;
        }
    }
    let branches = super::order::by_key(branches, |b| (0, b.key.clone(), 0, 0));
    if let Some(pair) = branches
        .windows(2)
        .find(|w| matches!(w, [a, b] if a.key == b.key))
    {
        let key = pair.first().map(|b| b.key.clone()).unwrap_or_default();
        return Err(MergeError::Duplicate { branch: key });
    }
    let head = first.head;
    let days = match (
        parse_date(&head.from),
        parse_date(&head.to),
        parse_date(&head.as_of),
    ) {
        (Some(from), Some(to), Some(as_of)) => Some(Days { from, to, as_of }),
        _ => None,
    };
    let Some(days) = days else {
        // Options that were wrong: no branch was counted, the first report is all.
        return Ok(SupervisionReport {
            head,
            branches,
            ..first
        });
    };
    let locale = Locale::parse(&head.locale).unwrap_or_default();
    let mut summary = Summary::new(&days, locale);
    for b in &branches {
        summary.add(b);
    }
    let mut report = assemble(
        head,
        first.counts,
        Some((days, summary.finish())),
        first.issues,
    );
    report.branches = branches;
    Ok(report)
}
