//! Rectification (问题清单 … 逐项化解销号): every entry of the branch's
//! rectification lists drawn up by the as-of date, open, overdue (deadline
//! passed, not closed) or closed, with its dates.

use super::super::branch::Rec;
use super::super::input::{iso, parse_date};
use super::super::symbols::{Sym, Symbols};
use crate::lookup::At;
use dangjian_core::dates::Date;
use dangjian_core::number::Num;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A branch's rectification items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RectificationFigures {
    /// Items not closed whose deadline has not passed (or that have none).
    pub open: usize,
    /// Items not closed whose deadline is before the as-of date.
    pub overdue: usize,
    /// Items closed (销号) by the as-of date.
    pub closed: usize,
    /// Of those, items closed after their deadline.
    pub closed_late: usize,
    /// Items without a deadline (counted as open).
    pub no_deadline: usize,
    /// Every list, in input order, with its items.
    pub lists: Vec<ListFigures>,
}

/// One rectification list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListFigures {
    /// Index of the list among the supervised records.
    pub record: usize,
    /// Where it came from (a file, a line).
    pub source: String,
    /// What it was drawn from (`branch-checklist`, `secretary-review`).
    pub from_form: String,
    /// The day it was drawn up.
    pub created_on: String,
    /// Its items, in list order.
    pub items: Vec<RectificationItem>,
}

/// Where an item stands on the as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// Not closed; the deadline has not passed, or there is none.
    Open,
    /// Not closed, and the deadline is before the as-of date.
    Overdue,
    /// Closed on or before the as-of date.
    Closed,
}

/// One item of a rectification list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RectificationItem {
    /// Number in the list.
    pub seq: u64,
    /// The item (or problem).
    pub item: String,
    /// Its section (or who raised it).
    pub section: String,
    /// Points lost.
    pub points_lost: Num,
    /// Who is responsible.
    pub owner: String,
    /// By when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// When it was closed (销号), if by the as-of date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_on: Option<String>,
    /// Where it stands.
    pub status: ItemStatus,
    /// Days past the deadline: to the as-of date when overdue, to the closing
    /// day when closed late.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_late: Option<i64>,
}

/// The lists of a branch so far, kept small: a list's record, source and
/// dates once, each item's repeated texts (item and section titles) as symbols.
#[derive(Debug, Default)]
pub(in super::super) struct RectificationState {
    lists: Vec<List>,
    items: Vec<Item>,
}

#[derive(Debug)]
struct List {
    record: usize,
    source: Box<str>,
    from_form: Sym,
    created_on: Sym,
}

#[derive(Debug)]
struct Item {
    /// Position in `lists`.
    list: usize,
    seq: u64,
    item: Sym,
    section: Sym,
    points_lost: Num,
    owner: Box<str>,
    deadline: Option<Date>,
    closed: Option<Date>,
}

impl RectificationState {
    /// Takes a list without errors.
    pub(in super::super) fn add(&mut self, rec: &Rec<'_>, symbols: &mut Symbols) {
        let list = self.lists.len();
        self.lists.push(List {
            record: rec.index,
            source: rec.source.into(),
            from_form: symbols.intern(text(rec.data, "/header/checklist")),
            created_on: symbols.intern(text(rec.data, "/header/created_on")),
        });
        let entries = rec
            .data
            .at("/problems/entries")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let date = |e: &Value, k: &str| e.get(k).and_then(Value::as_str).and_then(parse_date);
        for e in entries {
            self.items.push(Item {
                list,
                seq: e.get("seq").and_then(Value::as_u64).unwrap_or(0),
                item: symbols.intern(text(e, "/item")),
                section: symbols.intern(text(e, "/section")),
                points_lost: Num::round2(
                    e.get("points_lost").and_then(Value::as_f64).unwrap_or(0.0),
                ),
                owner: text(e, "/owner").into(),
                deadline: date(e, "deadline"),
                closed: date(e, "closed_on"),
            });
        }
    }

    /// Takes the lists of `other` (the same branch under another key).
    pub(in super::super) fn absorb(&mut self, other: RectificationState) {
        let offset = self.lists.len();
        self.lists.extend(other.lists);
        self.items.extend(other.items.into_iter().map(|i| Item {
            list: i.list + offset,
            ..i
        }));
    }

    /// The figures as of `as_of` (a closing after it is not yet a closing).
    pub(in super::super) fn finish(self, as_of: Date, symbols: &Symbols) -> RectificationFigures {
        let mut lists: Vec<ListFigures> = self
            .lists
            .into_iter()
            .map(|l| ListFigures {
                record: l.record,
                source: l.source.into(),
                from_form: symbols.get(l.from_form).to_owned(),
                created_on: symbols.get(l.created_on).to_owned(),
                items: Vec::new(),
            })
            .collect();
        for i in self.items {
            let closed = i.closed.filter(|d| *d <= as_of);
            let (status, days_late) = standing(i.deadline, closed, as_of);
            if let Some(list) = lists.get_mut(i.list) {
                list.items.push(RectificationItem {
                    seq: i.seq,
                    item: symbols.get(i.item).to_owned(),
                    section: symbols.get(i.section).to_owned(),
                    points_lost: i.points_lost,
                    owner: i.owner.into(),
                    deadline: i.deadline.map(iso),
                    closed_on: closed.map(iso),
                    status,
                    days_late,
                });
            }
        }
        let lists = super::super::order::by_key(lists, |l| {
            (
                i64::try_from(l.record).unwrap_or(i64::MAX),
                String::new(),
                0,
                0,
            )
        });
        let items = || lists.iter().flat_map(|l| &l.items);
        let count = |s: ItemStatus| items().filter(|i| i.status == s).count();
        RectificationFigures {
            open: count(ItemStatus::Open),
            overdue: count(ItemStatus::Overdue),
            closed: count(ItemStatus::Closed),
            closed_late: items()
                .filter(|i| i.status == ItemStatus::Closed && i.days_late.is_some())
                .count(),
            no_deadline: items().filter(|i| i.deadline.is_none()).count(),
            lists,
        }
    }
}

/// The trimmed text at `pointer`, or "".
fn text<'a>(v: &'a Value, pointer: &str) -> &'a str {
    v.at(pointer)
        .and_then(Value::as_str)
        .map(str::trim)
        .unwrap_or_default()
}

/// Where an item with `deadline`, closed on `closed` (by the as-of date),
/// stands on `as_of`, and by how many days it is or was late.
pub(super) fn standing(
    deadline: Option<Date>,
    closed: Option<Date>,
    as_of: Date,
) -> (ItemStatus, Option<i64>) {
    match (closed, deadline) {
        (Some(c), Some(d)) if c > d => (ItemStatus::Closed, Some(c.days_since(d))),
        (Some(_), _) => (ItemStatus::Closed, None),
        (None, Some(d)) if d < as_of => (ItemStatus::Overdue, Some(as_of.days_since(d))),
        (None, _) => (ItemStatus::Open, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_overdue_closed() {
        let d = |s| parse_date(s);
        let as_of = d("2026-06-30").unwrap();
        assert_eq!(
            standing(d("2026-06-30"), None, as_of),
            (ItemStatus::Open, None)
        );
        assert_eq!(
            standing(d("2026-06-29"), None, as_of),
            (ItemStatus::Overdue, Some(1))
        );
        assert_eq!(standing(None, None, as_of), (ItemStatus::Open, None));
        assert_eq!(
            standing(d("2026-05-31"), d("2026-06-02"), as_of),
            (ItemStatus::Closed, Some(2))
        );
        assert_eq!(
            standing(d("2026-05-31"), d("2026-05-31"), as_of),
            (ItemStatus::Closed, None)
        );
    }
}
