//! Strings a run meets again and again (meeting types, issue codes, the values
//! of matched fields), each kept once: a year of a province's minutes is held
//! as small numbers, not as text.

use std::collections::HashMap;

/// A string kept in [`Symbols`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) struct Sym(u32);

/// The strings of a run, each once.
#[derive(Debug, Default)]
pub(super) struct Symbols {
    list: Vec<Box<str>>,
    index: HashMap<Box<str>, Sym>,
}

impl Symbols {
    /// The symbol of `text`, adding it when new.
    pub(super) fn intern(&mut self, text: &str) -> Sym {
        if let Some(s) = self.index.get(text) {
            return *s;
        }
        let sym = Sym(u32::try_from(self.list.len()).unwrap_or(u32::MAX));
        self.list.push(text.into());
        self.index.insert(text.into(), sym);
        sym
    }

    /// The text of `sym` (empty for a symbol of another table).
    pub(super) fn get(&self, sym: Sym) -> &str {
        usize::try_from(sym.0)
            .ok()
            .and_then(|i| self.list.get(i))
            .map_or("", |s| s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_string_once() {
        let mut s = Symbols::default();
        let a = s.intern("committee");
        let b = s.intern("theme_day");
        assert_eq!(s.intern("committee"), a);
        assert_ne!(a, b);
        assert_eq!((s.get(a), s.get(b)), ("committee", "theme_day"));
        assert_eq!(s.get(Sym(99)), "");
    }
}
