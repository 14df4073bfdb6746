//! The latest of a branch's records of one kind (its checklist, its
//! secretary's review): by date, then by input order.

use dangjian_core::dates::Date;

/// The latest record's figures so far.
#[derive(Debug)]
pub(super) struct Latest<T> {
    kept: Option<(Option<Date>, usize, T)>,
}

impl<T> Default for Latest<T> {
    fn default() -> Self {
        Latest { kept: None }
    }
}

impl<T> Latest<T> {
    /// True when a record dated `date`, at `index` among the records, is the
    /// latest so far (so its figures are worth making).
    pub(super) fn newer(&self, date: Option<Date>, index: usize) -> bool {
        self.kept
            .as_ref()
            .is_none_or(|(d, i, _)| (date, index) >= (*d, *i))
    }

    /// Keeps `value` when its record is the latest so far.
    pub(super) fn keep(&mut self, date: Option<Date>, index: usize, value: T) {
        if self.newer(date, index) {
            self.kept = Some((date, index, value));
        }
    }

    /// Takes `other`'s latest when it is later.
    pub(super) fn absorb(&mut self, other: Latest<T>) {
        if let Some((d, i, v)) = other.kept {
            self.keep(d, i, v);
        }
    }

    /// The latest, if any.
    pub(super) fn take(self) -> Option<T> {
        self.kept.map(|(_, _, v)| v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_date_then_input_order() {
        let d = |s| crate::ident::citizen_id::parse_iso_date(s);
        let mut l = Latest::default();
        l.keep(d("2026-06-01"), 5, "june");
        l.keep(d("2026-05-01"), 9, "may");
        assert!(!l.newer(d("2026-06-01"), 4));
        l.keep(d("2026-06-01"), 7, "june, later in the input");
        let mut other = Latest::default();
        other.keep(None, 99, "undated");
        l.absorb(other);
        assert_eq!(l.take(), Some("june, later in the input"));
    }
}
