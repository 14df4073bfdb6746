//! Operator arguments converted once per record.
//!
//! [`Operator`](crate::extension::Operator)s take `serde_json` values, while
//! the evaluator computes with values read in place. Most arguments are small, but a rule
//! like `{"review_verdict": [{"var": ""}, "flags"]}` passes the whole record
//! with its `$settings`, and a form may call such an operator a dozen times:
//! converting (and dropping) the same large value each time was most of the
//! cost of validating such a record.
//!
//! So objects and arrays are converted once per record and shared. A value is
//! known by its address, which is sound because every evaluation of a record
//! happens under the record's [`Token`] (set by [`enter`] around each
//! evaluation), its arena lives as long as the record's scope, and an arena
//! never frees or moves what it holds: under one token, one address is one
//! unchanged value. When the token changes the shared values are dropped.

use super::value::V;
use serde_json::Value;
use std::cell::{Cell, RefCell};
use std::ops::Deref;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Names the evaluations of one record (one root scope). Never zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token(u64);

static NEXT: AtomicU64 = AtomicU64::new(1);

impl Token {
    /// A token no other record has had.
    pub(crate) fn fresh() -> Token {
        Token(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

/// How many shared values one record keeps (the few large arguments it repeats).
const KEEP: usize = 16;

thread_local! {
    /// The token of the evaluation running on this thread (0: none).
    static CURRENT: Cell<u64> = const { Cell::new(0) };
    /// Values converted under `CURRENT`.
    static SHARED: RefCell<Shared> = const { RefCell::new(Shared { token: 0, values: Vec::new() }) };
}

/// The values shared by the calls of one record.
struct Shared {
    /// The record's token.
    token: u64,
    /// (address of the arena value, its conversion), oldest first.
    values: Vec<(usize, Rc<Value>)>,
}

/// Marks the evaluations of one record until dropped (restoring the outer one).
pub(crate) struct Entered(u64);

/// Evaluations on this thread belong to `token` until the result is dropped.
pub(crate) fn enter(token: Token) -> Entered {
    Entered(CURRENT.with(|c| c.replace(token.0)))
}

impl Drop for Entered {
    fn drop(&mut self) {
        CURRENT.with(|c| c.set(self.0));
    }
}

/// An argument as a `serde_json` value: owned, or shared with earlier calls.
pub(crate) enum Held {
    /// Converted for this call.
    Own(Value),
    /// Converted earlier for this record.
    Shared(Rc<Value>),
}

impl Deref for Held {
    type Target = Value;
    fn deref(&self) -> &Value {
        match self {
            Held::Own(v) => v,
            Held::Shared(v) => v,
        }
    }
}

/// How many values (at any depth) make an argument worth sharing: below it,
/// converting is cheaper than keeping, and lines of a repeated group (each
/// passed once) would push the large shared values out.
const LARGE: usize = 48;

/// True when `value` holds at least [`LARGE`] values; looks at no more than that.
fn large(value: &V<'_>) -> bool {
    fn count(value: &V<'_>, left: &mut usize) {
        if *left == 0 {
            return;
        }
        *left -= 1;
        if let Some(n) = value.list_len() {
            for i in 0..n {
                if let Some(x) = value.at(i) {
                    count(&x, left);
                }
                if *left == 0 {
                    return;
                }
            }
        } else if let Some(entries) = value.entries() {
            match entries {
                super::value::Entries::Data(pairs) => {
                    for (_, v) in pairs {
                        count(&V::data(v), left);
                        if *left == 0 {
                            return;
                        }
                    }
                }
                super::value::Entries::Json(map) => {
                    for v in map.values() {
                        count(&V::json(v), left);
                        if *left == 0 {
                            return;
                        }
                    }
                }
            }
        }
    }
    if value.address().is_none() {
        return false;
    }
    let mut left = LARGE;
    count(value, &mut left);
    left == 0
}

/// `value` as a `serde_json` value, converted once per record when it is
/// [`large`].
pub(crate) fn convert(value: &V<'_>) -> Held {
    let token = CURRENT.with(Cell::get);
    let Some(address) = value.address() else {
        return Held::Own(value.to_value());
    };
    if token == 0 || !large(value) {
        return Held::Own(value.to_value());
    }
    SHARED.with(|shared| {
        let Ok(mut shared) = shared.try_borrow_mut() else {
            return Held::Own(value.to_value());
        };
        if shared.token != token {
            shared.token = token;
            shared.values.clear();
        }
        if let Some((_, v)) = shared.values.iter().find(|(a, _)| *a == address) {
            return Held::Shared(Rc::clone(v));
        }
        let v = Rc::new(value.to_value());
        if shared.values.len() >= KEEP {
            shared.values.remove(0);
        }
        shared.values.push((address, Rc::clone(&v)));
        Held::Shared(v)
    })
}
