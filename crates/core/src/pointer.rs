//! JSON Pointers (RFC 6901): every issue and spec diagnostic names its place with one.

use std::fmt;

/// A JSON Pointer built segment by segment, e.g. `/attendance/roster/3/name`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pointer(String);

impl Pointer {
    /// The pointer to the whole document: `""`.
    pub fn root() -> Pointer {
        Pointer(String::new())
    }

    /// This pointer extended by an object key, escaped as RFC 6901 requires.
    pub fn key(&self, key: &str) -> Pointer {
        let mut s = String::with_capacity(self.0.len() + key.len() + 1);
        s.push_str(&self.0);
        s.push('/');
        if !key.contains(['~', '/']) {
            s.push_str(key);
            return Pointer(s);
        }
        for c in key.chars() {
            match c {
                '~' => s.push_str("~0"),
                '/' => s.push_str("~1"),
                c => s.push(c),
            }
        }
        Pointer(s)
    }

    /// This pointer extended by an array index.
    pub fn index(&self, index: usize) -> Pointer {
        let mut s = String::with_capacity(self.0.len() + 6);
        s.push_str(&self.0);
        s.push('/');
        push_decimal(&mut s, index);
        Pointer(s)
    }

    /// This pointer extended by a relative pointer such as `a/b` or `/a/b`.
    pub fn join(&self, relative: &str) -> Pointer {
        let trimmed = relative.trim_start_matches('/');
        if trimmed.is_empty() {
            return self.clone();
        }
        let mut s = String::with_capacity(self.0.len() + trimmed.len() + 1);
        s.push_str(&self.0);
        s.push('/');
        s.push_str(trimmed);
        Pointer(s)
    }

    /// The pointer as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Appends `n` in decimal: an index, written without the formatting machinery
/// (every node of a spec and every value of a record is named by such paths).
fn push_decimal(out: &mut String, n: usize) {
    let mut power = 1;
    while n / power >= 10 {
        power *= 10;
    }
    while power > 0 {
        out.push(char::from(b'0' + (n / power % 10) as u8));
        power /= 10;
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<Pointer> for String {
    fn from(p: Pointer) -> String {
        p.0
    }
}

/// A place in a record while it is being walked: a chain of segments on the
/// stack, turned into a [`Pointer`] only when an issue needs one.
#[derive(Debug, Clone, Copy)]
pub(crate) enum At<'p> {
    /// The whole record.
    Root,
    /// A key of an object.
    Key(&'p At<'p>, &'p str),
    /// An element of an array.
    Index(&'p At<'p>, usize),
}

impl<'p> At<'p> {
    /// The place of key `k` under this one.
    pub(crate) fn key<'q>(&'q self, k: &'q str) -> At<'q> {
        At::Key(self, k)
    }

    /// The place of element `i` under this one.
    pub(crate) fn index(&'p self, i: usize) -> At<'p> {
        At::Index(self, i)
    }

    /// The JSON Pointer of this place.
    pub(crate) fn pointer(&self) -> Pointer {
        match self {
            At::Root => Pointer::root(),
            At::Key(parent, k) => parent.pointer().key(k),
            At::Index(parent, i) => parent.pointer().index(*i),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_keys() {
        let p = Pointer::root().key("a/b").key("m~n").index(2);
        assert_eq!(p.as_str(), "/a~1b/m~0n/2");
        assert_eq!(Pointer::root().join("x/y").as_str(), "/x/y");
        for n in [0, 7, 10, 99, 100, 4096, usize::MAX] {
            assert_eq!(Pointer::root().index(n).as_str(), format!("/{n}"));
        }
        let root = At::Root;
        let a = root.key("a/b");
        let b = a.index(3);
        assert_eq!(b.pointer().as_str(), "/a~1b/3");
    }
}
