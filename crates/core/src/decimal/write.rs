//! Floats written as decimal text, as the standard library's formatting
//! writes them (`{}`, `{:e}`, `{:.N}`), without its float-writing machinery
//! (`core::num::flt2dec`: Grisu with its table of cached powers, and Dragon's
//! big integers for the cases Grisu cannot decide). Every float the engine,
//! the writer and the components write goes through here, so that
//! machinery is not linked in the browser modules.
//!
//! The digits are computed exactly with [`Big`] (Steele and White's free
//! format, as Burger and Dybvig state it): the value and the halfway points
//! to its two neighbours as fractions of one denominator, a digit at a time,
//! until one of the two numbers of that many digits around the value lies
//! between the halfway points (reading back as the value:
//! [`super::parse_f64`] rounds half to even, so a halfway point reads back as
//! the value when its mantissa is even). Of two such numbers the one closer
//! to the value; when both are as close, the upper one as the standard
//! library's `{}` and `{:e}` write it, or for JSON the one whose last digit
//! is even, as serde_json writes it ([`shortest_f64`]). `{:.N}` rounds the
//! exact value half to even, as the standard library does.

use super::Big;
use std::cmp::Ordering;

/// At most 17 significant digits: an `f64`'s shortest (an `f32` needs 9).
const MAX_SHORTEST: usize = 17;

/// The shortest digits that read back as a float, and the power of ten of
/// the first one (`1.234e5` as `1234` and 5).
pub struct Shortest {
    digits: [u8; MAX_SHORTEST],
    len: usize,
    exp: i32,
}

impl Shortest {
    /// The digits, in ASCII, without trailing zeros (`0` for zero).
    pub fn digits(&self) -> &str {
        let digits = self.digits.get(..self.len).unwrap_or_default();
        std::str::from_utf8(digits).unwrap_or_default()
    }

    /// The power of ten of the first digit.
    pub fn exp(&self) -> i32 {
        self.exp
    }

    fn push(&mut self, digit: u8) {
        if let Some(slot) = self.digits.get_mut(self.len) {
            *slot = digit;
            self.len += 1;
        }
    }
}

/// The shortest digits of `value`'s magnitude that read back (through
/// [`super::parse_f64`]) as it, the closest to it; of two as close the one
/// whose last digit is even, as serde_json writes JSON; zero's are `0`.
/// For a finite `value`: the callers write NaN and the infinities
/// themselves.
pub fn shortest_f64(value: f64) -> Shortest {
    shortest(Parts::of_f64(value), Tie::Even)
}

/// The shortest digits of `value`'s magnitude that read back (through
/// [`super::parse_f32`]) as it, as [`shortest_f64`].
pub fn shortest_f32(value: f32) -> Shortest {
    shortest(Parts::of_f32(value), Tie::Even)
}

/// Of two numbers of as many digits equally close to the value (both
/// reading back as it), which one is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tie {
    /// The one whose last digit is even (serde_json).
    Even,
    /// The upper one (the standard library's `{}` and `{:e}`).
    Up,
}

/// Appends `value` as `{}` writes it: the shortest digits, in plain notation
/// (`3`, `0.1`, `1000000000000000000000`, `0.0000001`, `-0`), `NaN`, `inf`,
/// `-inf`.
pub fn write_plain(out: &mut String, value: f64) {
    if special(out, value) {
        return;
    }
    let s = shortest(Parts::of_f64(value), Tie::Up);
    write_digits_plain(out, s.digits(), s.exp());
}

/// Appends `digits` (the first at the power of ten `exp`) in plain notation:
/// `1234`, 1 → `12.34`; −6 → `0.001234`; 7 → `12340000`. One place for where
/// the point goes, for `{}` and for the JSON writer (which adds `.0` to a
/// whole number).
pub fn write_digits_plain(out: &mut String, digits: &str, exp: i32) {
    let len = digits.len() as i32;
    if exp < 0 {
        // 1234e-6 → 0.001234
        out.push_str("0.");
        push_zeros(out, -exp - 1);
        out.push_str(digits);
    } else if exp < len - 1 {
        // 1234e1 → 12.34
        let (int, frac) = digits
            .split_at_checked((exp + 1) as usize)
            .unwrap_or((digits, ""));
        out.push_str(int);
        out.push('.');
        out.push_str(frac);
    } else {
        // 1234e7 → 12340000
        out.push_str(digits);
        push_zeros(out, exp + 1 - len);
    }
}

/// Appends `digits` as the significand of an exponent notation: the first
/// digit, then the point and the rest if any (`1`, `1.234`).
pub fn write_significand(out: &mut String, digits: &str) {
    let (first, rest) = digits.split_at_checked(1).unwrap_or((digits, ""));
    out.push_str(first);
    if !rest.is_empty() {
        out.push('.');
        out.push_str(rest);
    }
}

/// `value` as `{}` writes it ([`write_plain`]).
pub fn plain(value: f64) -> String {
    let mut out = String::new();
    write_plain(&mut out, value);
    out
}

/// Appends `value` as `{:e}` writes it: `1e0`, `1.5e-7`, `-1.2345e300`,
/// `0e0`.
pub fn write_exp(out: &mut String, value: f64) {
    if special(out, value) {
        return;
    }
    let s = shortest(Parts::of_f64(value), Tie::Up);
    write_significand(out, s.digits());
    out.push('e');
    push_int(out, i64::from(s.exp()));
}

/// `value` as `{:.decimals$}` writes it: the exact value rounded half to
/// even at `decimals` places (`0.2` for 0.25 at one place, `-0.0` for
/// -0.04), `NaN`, `inf`, `-inf`.
pub fn fixed(value: f64, decimals: u32) -> String {
    let mut out = String::new();
    if special(&mut out, value) {
        return out;
    }
    let parts = Parts::of_f64(value);
    // value × 10^decimals = mantissa × 10^decimals × 2^exp, rounded to an integer.
    let mut q = Big::from_u64(parts.mantissa);
    q.mul_pow10(u64::from(decimals));
    if parts.exp >= 0 {
        q.shl(parts.exp.unsigned_abs());
    } else {
        let mut half = Big::one();
        half.shl(parts.exp.unsigned_abs() - 1);
        let mut rest = Big(q.0.clone());
        q.shr(parts.exp.unsigned_abs());
        // rest: what the shift dropped, against half the divisor.
        let mut dropped = Big(q.0.clone());
        dropped.shl(parts.exp.unsigned_abs());
        rest.sub(&dropped);
        let up = match rest.compare(&half) {
            Ordering::Greater => true,
            Ordering::Equal => q.0.first().is_some_and(|low| low & 1 == 1),
            Ordering::Less => false,
        };
        if up {
            q.mul_add(1, 1);
        }
    }
    let mut digits = q.to_decimal();
    let width = decimals as usize + 1;
    if digits.len() < width {
        digits.splice(0..0, std::iter::repeat_n(b'0', width - digits.len()));
    }
    let (int, frac) = digits
        .split_at_checked(digits.len() - decimals as usize)
        .unwrap_or((&digits, &[]));
    out.push_str(std::str::from_utf8(int).unwrap_or_default());
    if decimals > 0 {
        out.push('.');
        out.push_str(std::str::from_utf8(frac).unwrap_or_default());
    }
    out
}

/// Writes the sign of a negative `value` (zero's too), and the whole text of
/// NaN and the infinities: whether that was all.
fn special(out: &mut String, value: f64) -> bool {
    if value.is_nan() {
        out.push_str("NaN");
        return true;
    }
    if value.is_sign_negative() {
        out.push('-');
    }
    if value.is_infinite() {
        out.push_str("inf");
        return true;
    }
    false
}

fn push_zeros(out: &mut String, count: i32) {
    for _ in 0..count {
        out.push('0');
    }
}

/// Appends an integer in decimal (`-` when negative).
fn push_int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    let digits = Big::from_u64(n.unsigned_abs()).to_decimal();
    out.push_str(std::str::from_utf8(&digits).unwrap_or_default());
}

/// A finite float's magnitude as `mantissa × 2^exp`, and whether the next
/// smaller float is half as far as the next larger one (at a power of two).
struct Parts {
    mantissa: u64,
    exp: i64,
    lower_closer: bool,
}

impl Parts {
    fn of_f64(value: f64) -> Parts {
        Parts::of(value.to_bits() & !(1 << 63), 52, 1075)
    }

    fn of_f32(value: f32) -> Parts {
        Parts::of(u64::from(value.to_bits() & !(1 << 31)), 23, 150)
    }

    /// `bits` (without the sign) of a format with `fraction` bits after the
    /// leading one, and `bias` (the exponent's, plus `fraction`).
    fn of(bits: u64, fraction: u32, bias: i64) -> Parts {
        let biased = (bits >> fraction) as i64;
        let low = bits & ((1 << fraction) - 1);
        if biased == 0 {
            Parts {
                mantissa: low,
                exp: 1 - bias,
                lower_closer: false,
            }
        } else {
            Parts {
                mantissa: low | (1 << fraction),
                exp: biased - bias,
                lower_closer: low == 0 && biased > 1,
            }
        }
    }
}

/// Whether `sum` against the scale reaches the upper halfway point (when
/// `inclusive`, meeting it counts).
fn reaches(sum: Ordering, inclusive: bool) -> bool {
    sum == Ordering::Greater || (inclusive && sum == Ordering::Equal)
}

/// `a + b`.
fn sum(a: &Big, b: &Big) -> Big {
    let mut s = Big(a.0.clone());
    s.add(b);
    s
}

/// The shortest digits of `parts` (above).
fn shortest(parts: Parts, tie: Tie) -> Shortest {
    let mut out = Shortest {
        digits: [0; MAX_SHORTEST],
        len: 0,
        exp: 0,
    };
    if parts.mantissa == 0 {
        out.push(b'0');
        return out;
    }
    // A halfway point reads back as the value when its mantissa is even.
    let inclusive = parts.mantissa.is_multiple_of(2);
    // value = r / s; the halfway points (r - down) / s and (r + up) / s.
    let shift = parts.exp.unsigned_abs();
    let mut r = Big::from_u64(parts.mantissa);
    let (mut s, mut up, mut down);
    if parts.exp >= 0 {
        down = Big::one();
        down.shl(shift);
        up = Big(down.0.clone());
        if parts.lower_closer {
            up.shl(1);
            r.shl(shift + 2);
            s = Big::from_u64(4);
        } else {
            r.shl(shift + 1);
            s = Big::from_u64(2);
        }
    } else {
        down = Big::one();
        s = Big::one();
        if parts.lower_closer {
            up = Big::from_u64(2);
            r.shl(2);
            s.shl(shift + 2);
        } else {
            up = Big::one();
            r.shl(1);
            s.shl(shift + 1);
        }
    }
    // k: the power of ten above the upper halfway point (value ≈ 0.ddd × 10^k),
    // estimated from the binary exponent, then corrected.
    let bits = 64 - i64::from(parts.mantissa.leading_zeros());
    let log2 = parts.exp + bits - 1;
    let mut k = ((log2 as f64) * std::f64::consts::LOG10_2 - 1e-10).ceil() as i64;
    if k >= 0 {
        s.mul_pow10(k.unsigned_abs());
    } else {
        r.mul_pow10(k.unsigned_abs());
        up.mul_pow10(k.unsigned_abs());
        down.mul_pow10(k.unsigned_abs());
    }
    while reaches(sum(&r, &up).compare(&s), inclusive) {
        s.mul_add(10, 0);
        k += 1;
    }
    loop {
        let mut high = sum(&r, &up);
        high.mul_add(10, 0);
        if reaches(high.compare(&s), inclusive) {
            break;
        }
        r.mul_add(10, 0);
        up.mul_add(10, 0);
        down.mul_add(10, 0);
        k -= 1;
    }
    out.exp = (k - 1) as i32;
    while out.len < MAX_SHORTEST {
        r.mul_add(10, 0);
        up.mul_add(10, 0);
        down.mul_add(10, 0);
        let mut digit = 0u8;
        while digit < 9 && r.compare(&s) != Ordering::Less {
            r.sub(&s);
            digit += 1;
        }
        let low = reaches(down.compare(&r), inclusive);
        let high = reaches(sum(&r, &up).compare(&s), inclusive);
        if !low && !high {
            out.push(b'0' + digit);
            continue;
        }
        let round_up = match (low, high) {
            (true, false) => false,
            (false, _) => true,
            (true, true) => match sum(&r, &r).compare(&s) {
                Ordering::Less => false,
                Ordering::Greater => true,
                Ordering::Equal => tie == Tie::Up || digit % 2 == 1,
            },
        };
        if round_up {
            round_last_up(&mut out, digit);
        } else {
            out.push(b'0' + digit);
        }
        break;
    }
    while out.len > 1 && out.digits.get(out.len - 1) == Some(&b'0') {
        out.len -= 1;
    }
    out
}

/// Pushes `digit + 1`, carrying into the digits before it (`199` → `200`,
/// `999` → `1` one power of ten up).
fn round_last_up(out: &mut Shortest, digit: u8) {
    out.push(b'0' + digit);
    let mut i = out.len;
    while i > 0 {
        i -= 1;
        match out.digits.get_mut(i) {
            Some(d) if *d == b'9' => *d = b'0',
            Some(d) => {
                *d += 1;
                return;
            }
            None => return,
        }
    }
    if let Some(first) = out.digits.first_mut() {
        *first = b'1';
    }
    out.len = 1;
    out.exp += 1;
}

#[cfg(test)]
mod tests;
