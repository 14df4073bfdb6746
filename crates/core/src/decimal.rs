//! Decimal text read as an `f64` (or `f32`), correctly rounded: the same value
//! and the same accepted syntax as the standard library's `f64::from_str`,
//! without its table of 128-bit powers of five (10 KB of each browser module's
//! data segment, about as much after gzip, since the table's bytes do not
//! compress). Every reading of a float in the engine, the writer's and the
//! components' goes through here, so the table is not linked.
//!
//! Most numbers take the exact fast path (at most 15 significant digits and a
//! power of ten up to 10^22: one correctly rounded multiplication or
//! division). The others are computed exactly with big integers: the
//! quotient of the digits scaled by a power of two and a power of ten, then
//! rounded half to even at the precision of the result (53 bits for `f64`,
//! fewer for a subnormal). Digits after the 800th only decide which side of a rounding
//! point the value lies on, so they are kept as one nonzero digit (a halfway
//! point of `f64` has at most 767 significant digits).

mod write;

pub use write::{
    fixed, plain, shortest_f32, shortest_f64, write_digits_plain, write_exp, write_plain,
    write_significand, Shortest,
};

/// Significant digits kept exactly; any nonzero digit after them counts as one.
const MAX_DIGITS: usize = 800;

/// `text` as an `f64`, as `text.parse::<f64>()` reads it: an optional sign,
/// then `inf`, `infinity` or `nan` in any case, or digits with an optional
/// `.` (at least one digit on either side) and an optional exponent (`e` or
/// `E`, an optional sign, digits). `None` where the standard library gives
/// an error.
pub fn parse_f64(text: &str) -> Option<f64> {
    parse(text, &F64)
}

/// `text` as an `f32`, as `text.parse::<f32>()` reads it (the syntax of
/// [`parse_f64`], the value rounded once, to the `f32` nearest it).
pub fn parse_f32(text: &str) -> Option<f32> {
    // exact: the value is computed at f32's precision and range
    parse(text, &F32).map(|v| v as f32)
}

/// The precision and range of a binary floating-point format.
struct Format {
    /// Significant bits, the leading one included.
    bits: i64,
    /// The power of two of the smallest subnormal.
    min_unit: i64,
    /// Beyond 10^this the value is infinite, below 10^-this zero (more than enough).
    max_decimal: i64,
    min_decimal: i64,
    /// The fast path: at most this many digits, and a power of ten up to this.
    fast_digits: i64,
    fast_power: i64,
    /// The fast path's one rounding, in the format's own arithmetic.
    fast: fn(u64, i64) -> f64,
}

const F64: Format = Format {
    bits: 53,
    min_unit: -1074,
    max_decimal: 310,
    min_decimal: -324,
    fast_digits: 15,
    fast_power: 22,
    fast: |mantissa, exponent| {
        let m = mantissa as f64;
        let p = (0..exponent.abs()).fold(1.0f64, |p, _| p * 10.0);
        if exponent < 0 {
            m / p
        } else {
            m * p
        }
    },
};

const F32: Format = Format {
    bits: 24,
    min_unit: -149,
    max_decimal: 40,
    min_decimal: -46,
    fast_digits: 7,
    fast_power: 10,
    fast: |mantissa, exponent| {
        let m = mantissa as f32;
        let p = (0..exponent.abs()).fold(1.0f32, |p, _| p * 10.0);
        f64::from(if exponent < 0 { m / p } else { m * p })
    },
};

/// `text` in `format`, as an `f64` that `format` holds exactly.
fn parse(text: &str, format: &Format) -> Option<f64> {
    let bytes = text.as_bytes();
    let (negative, body) = match bytes.first() {
        Some(b'-') => (true, bytes.get(1..)?),
        Some(b'+') => (false, bytes.get(1..)?),
        _ => (false, bytes),
    };
    let value = if let Some(special) = special(body) {
        special
    } else {
        let number = read(body)?;
        number.value(format)
    };
    Some(if negative { -value } else { value })
}

/// `inf`, `infinity` and `nan`, in any case.
fn special(body: &[u8]) -> Option<f64> {
    if body.eq_ignore_ascii_case(b"inf") || body.eq_ignore_ascii_case(b"infinity") {
        Some(f64::INFINITY)
    } else if body.eq_ignore_ascii_case(b"nan") {
        Some(f64::NAN)
    } else {
        None
    }
}

/// A decimal number without its sign: its significant digits (no leading
/// zeros; at most [`MAX_DIGITS`] + 1, the last then standing for the rest),
/// and the power of ten of the last one.
struct Decimal {
    digits: Digits,
    exponent: i64,
}

/// The significant digits, on the stack (no allocation for a number).
struct Digits {
    buf: [u8; MAX_DIGITS + 1],
    len: usize,
}

impl Digits {
    fn push(&mut self, digit: u8) {
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = digit;
            self.len += 1;
        }
    }

    fn pop(&mut self) {
        self.len = self.len.saturating_sub(1);
    }

    fn as_slice(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or_default()
    }

    fn len(&self) -> usize {
        self.len
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn last(&self) -> Option<&u8> {
        self.as_slice().last()
    }
}

/// The digits and exponent of `body`, or `None` when it is not a decimal number.
fn read(body: &[u8]) -> Option<Decimal> {
    let mut digits = Digits {
        buf: [0; MAX_DIGITS + 1],
        len: 0,
    };
    let mut exponent: i64 = 0;
    let mut dropped_nonzero = false;
    let mut seen_digit = false;
    let mut after_point = false;
    let mut i = 0;
    while let Some(&c) = body.get(i) {
        match c {
            b'0'..=b'9' => {
                seen_digit = true;
                if after_point {
                    exponent -= 1;
                }
                if digits.len() < MAX_DIGITS {
                    if c != b'0' || !digits.is_empty() {
                        digits.push(c - b'0');
                    } else {
                        // a leading zero: only its place counts
                    }
                } else {
                    // a digit past the kept ones: its place counts, its value only if nonzero
                    exponent += 1;
                    dropped_nonzero |= c != b'0';
                }
            }
            b'.' if !after_point => after_point = true,
            _ => break,
        }
        i += 1;
    }
    if !seen_digit {
        return None;
    }
    if let Some(&(b'e' | b'E')) = body.get(i) {
        i += 1;
        let negative = match body.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let mut power: i64 = 0;
        let mut any = false;
        while let Some(&c @ b'0'..=b'9') = body.get(i) {
            any = true;
            // saturates far beyond any exponent that still matters
            power = (power * 10 + i64::from(c - b'0')).min(1 << 40);
            i += 1;
        }
        if !any {
            return None;
        }
        exponent += if negative { -power } else { power };
    }
    if i != body.len() {
        return None;
    }
    // Trailing zeros of the kept digits belong in the exponent.
    while digits.last() == Some(&0) && !dropped_nonzero {
        digits.pop();
        exponent += 1;
    }
    if dropped_nonzero {
        digits.push(1);
        exponent -= 1;
    }
    Some(Decimal { digits, exponent })
}

impl Decimal {
    /// The value, correctly rounded to `format`.
    fn value(&self, format: &Format) -> f64 {
        let n = self.digits.len() as i64;
        if n == 0 {
            return 0.0;
        }
        // 10^(n + exponent - 1) ≤ value < 10^(n + exponent)
        if n + self.exponent > format.max_decimal {
            return f64::INFINITY;
        }
        if n + self.exponent < format.min_decimal {
            return 0.0;
        }
        if n <= format.fast_digits && self.exponent.abs() <= format.fast_power {
            // The digits and the power of ten both exact; one rounding
            // (Clinger's fast path).
            let mantissa = self
                .digits
                .as_slice()
                .iter()
                .fold(0u64, |a, &d| a * 10 + u64::from(d));
            return (format.fast)(mantissa, self.exponent);
        }
        if let Some((quotient, inexact, shift)) = self.in_u128() {
            return round(quotient, inexact, shift, format);
        }
        self.exact(format)
    }

    /// Up to 19 digits and a power of ten up to 10^19 (a JavaScript number's
    /// 17 digits, say): the quotient of [`Decimal::exact`] computed in `u128`,
    /// exactly, without big integers.
    fn in_u128(&self) -> Option<(u64, bool, i64)> {
        if self.digits.len() > 19 || self.exponent.unsigned_abs() > 19 {
            return None;
        }
        let digits = self
            .digits
            .as_slice()
            .iter()
            .fold(0u64, |a, &d| a * 10 + u64::from(d));
        let power = (0..self.exponent.unsigned_abs()).fold(1u64, |p, _| p * 10);
        if self.exponent >= 0 {
            // below 10^38 < 2^128
            let n = u128::from(digits) * u128::from(power);
            let shift = 64 - i64::from(128 - n.leading_zeros());
            Some(if shift >= 0 {
                ((n << shift) as u64, false, shift)
            } else {
                let drop = shift.unsigned_abs() as u32;
                ((n >> drop) as u64, n & ((1u128 << drop) - 1) != 0, shift)
            })
        } else {
            // at most 63 + 64 bits shifted; the quotient below 2^64
            let shift =
                63 + i64::from(64 - power.leading_zeros()) - i64::from(64 - digits.leading_zeros());
            let n = u128::from(digits) << shift.unsigned_abs();
            let p = u128::from(power);
            Some(((n / p) as u64, n % p != 0, shift))
        }
    }

    /// The value computed with big integers: `numerator / denominator × 2^-shift`.
    fn exact(&self, format: &Format) -> f64 {
        let mut numerator = Big::from_digits(self.digits.as_slice());
        let mut denominator = Big::one();
        if self.exponent >= 0 {
            numerator.mul_pow10(self.exponent.unsigned_abs());
        } else {
            denominator.mul_pow10(self.exponent.unsigned_abs());
        }
        // Scale so that the quotient has 63 or 64 bits.
        let shift = 63 + denominator.bits() as i64 - numerator.bits() as i64;
        if shift >= 0 {
            numerator.shl(shift.unsigned_abs());
        } else {
            denominator.shl(shift.unsigned_abs());
        }
        let (quotient, exact) = numerator.div_small_quotient(&denominator);
        round(quotient, !exact, shift, format)
    }
}

/// `(quotient + a fraction, nonzero when `inexact`) × 2^-shift`, rounded half
/// to even to the significant bits of `format` (53 for `f64`), or to a
/// multiple of its smallest subnormal below its smallest normal.
fn round(quotient: u64, inexact: bool, shift: i64, format: &Format) -> f64 {
    let bits = 64 - i64::from(quotient.leading_zeros());
    // The power of two of the last bit kept.
    let unit = (bits - format.bits - shift).max(format.min_unit);
    let drop = unit + shift;
    let (mut mantissa, half, below) = if drop <= 0 {
        (quotient, false, inexact)
    } else if drop > 64 {
        (0, false, true)
    } else {
        let drop = drop.unsigned_abs() as u32;
        let kept = u64::checked_shr(quotient, drop).unwrap_or(0);
        let half_bit = 1u64 << (drop - 1);
        let rest = quotient & half_bit.wrapping_sub(1);
        (kept, quotient & half_bit != 0, rest != 0 || inexact)
    };
    if half && (below || mantissa & 1 == 1) {
        mantissa += 1;
    }
    scale(mantissa as f64, unit)
}

/// `x × 2^power`, exact unless it overflows (then infinity); `x` at most 2^54
/// and the result a multiple of 2^-1074.
fn scale(mut x: f64, mut power: i64) -> f64 {
    while power > 1000 {
        x *= two_to(1000);
        power -= 1000;
    }
    if power < -1000 {
        x *= two_to(-1000);
        power += 1000;
    }
    x * two_to(power)
}

/// 2^power for -1022 ≤ power ≤ 1023.
fn two_to(power: i64) -> f64 {
    f64::from_bits(((power + 1023) as u64) << 52)
}

/// An unsigned big integer: 32-bit limbs, least significant first.
struct Big(Vec<u32>);

impl Big {
    fn one() -> Big {
        Big(vec![1])
    }

    fn from_u64(n: u64) -> Big {
        Big(vec![n as u32, (n >> 32) as u32])
    }

    fn from_digits(digits: &[u8]) -> Big {
        let mut big = Big(Vec::with_capacity(digits.len() / 9 + 1));
        for chunk in digits.chunks(9) {
            let mut value = 0u32;
            let mut power = 1u32;
            for &d in chunk {
                value = value * 10 + u32::from(d);
                power *= 10;
            }
            big.mul_add(power, value);
        }
        big
    }

    /// `self × factor + add`.
    fn mul_add(&mut self, factor: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(factor) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    /// `self × 10^power`.
    fn mul_pow10(&mut self, mut power: u64) {
        while power >= 9 {
            self.mul_add(1_000_000_000, 0);
            power -= 9;
        }
        let rest = (0..power).fold(1u32, |p, _| p * 10);
        self.mul_add(rest, 0);
    }

    /// `self × 2^power`.
    fn shl(&mut self, power: u64) {
        let limbs = (power / 32) as usize;
        let bits = (power % 32) as u32;
        if bits > 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let v = *limb;
                *limb = (v << bits) | carry;
                carry = v >> (32 - bits);
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    /// The number of significant bits.
    fn bits(&self) -> u64 {
        let mut limbs = self.0.len();
        while limbs > 0 && self.0.get(limbs - 1) == Some(&0) {
            limbs -= 1;
        }
        match self.0.get(limbs.wrapping_sub(1)) {
            Some(top) => (limbs as u64 - 1) * 32 + 32 - u64::from(top.leading_zeros()),
            None => 0,
        }
    }

    /// `floor(self / divisor)` when it is below 2^64, and whether the division
    /// was exact; `self` is left holding the remainder.
    fn div_small_quotient(&mut self, divisor: &Big) -> (u64, bool) {
        let mut quotient = 0u64;
        let mut step = Big(divisor.0.clone());
        step.shl(63);
        for bit in (0..64).rev() {
            if self.at_least(&step) {
                self.sub(&step);
                quotient |= 1 << bit;
            }
            step.shr1();
        }
        (quotient, self.bits() == 0)
    }

    /// `self ≥ other`.
    fn at_least(&self, other: &Big) -> bool {
        let n = self.0.len().max(other.0.len());
        for i in (0..n).rev() {
            let a = self.0.get(i).copied().unwrap_or(0);
            let b = other.0.get(i).copied().unwrap_or(0);
            if a != b {
                return a > b;
            }
        }
        true
    }

    /// `self` against `other`.
    fn compare(&self, other: &Big) -> std::cmp::Ordering {
        let n = self.0.len().max(other.0.len());
        for i in (0..n).rev() {
            let a = self.0.get(i).copied().unwrap_or(0);
            let b = other.0.get(i).copied().unwrap_or(0);
            if a != b {
                return a.cmp(&b);
            }
        }
        std::cmp::Ordering::Equal
    }

    /// `self + other`.
    fn add(&mut self, other: &Big) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        let mut carry = 0u64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let v = u64::from(*limb) + u64::from(other.0.get(i).copied().unwrap_or(0)) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    /// `self / 2^power`, rounded down.
    fn shr(&mut self, power: u64) {
        let limbs = ((power / 32) as usize).min(self.0.len());
        self.0.drain(..limbs);
        let bits = (power % 32) as u32;
        if bits > 0 {
            let mut carry = 0u32;
            for limb in self.0.iter_mut().rev() {
                let v = *limb;
                *limb = (v >> bits) | carry;
                carry = v << (32 - bits);
            }
        }
    }

    /// The decimal digits, in ASCII (`0` for zero).
    fn to_decimal(&self) -> Vec<u8> {
        let mut n = Big(self.0.clone());
        let mut digits = Vec::new();
        while n.bits() > 0 {
            // n = n / 10^9, with the remainder's nine digits
            let mut rest = 0u64;
            for limb in n.0.iter_mut().rev() {
                let v = (rest << 32) | u64::from(*limb);
                *limb = (v / 1_000_000_000) as u32;
                rest = v % 1_000_000_000;
            }
            for _ in 0..9 {
                digits.push(b'0' + (rest % 10) as u8);
                rest /= 10;
            }
        }
        while digits.len() > 1 && digits.last() == Some(&b'0') {
            digits.pop();
        }
        if digits.is_empty() {
            digits.push(b'0');
        }
        digits.reverse();
        digits
    }

    /// `self - other`, for `self ≥ other`.
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let v = i64::from(*limb) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            *limb = v as u32;
            borrow = i64::from(v < 0);
        }
    }

    /// `self / 2`, rounded down.
    fn shr1(&mut self) {
        let mut carry = 0u32;
        for limb in self.0.iter_mut().rev() {
            let v = *limb;
            *limb = (v >> 1) | (carry << 31);
            carry = v & 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{parse_f32, parse_f64};

    /// The same answer as the standard library, to the bit, as `f64` and as `f32`.
    fn same(text: &str) {
        let ours = parse_f64(text).map(f64::to_bits);
        let std = text.parse::<f64>().ok().map(f64::to_bits);
        assert_eq!(ours, std, "{text:?}");
        let ours = parse_f32(text).map(f32::to_bits);
        let std = text.parse::<f32>().ok().map(f32::to_bits);
        assert_eq!(ours, std, "{text:?} as f32");
    }

    #[test]
    fn syntax_as_the_standard_library() {
        for text in [
            "",
            "+",
            "-",
            ".",
            "+.",
            "-.",
            "e",
            "e1",
            "1e",
            "1e+",
            "1e-",
            "1.e1",
            ".1e1",
            "1.",
            ".5",
            "5.",
            "+5",
            "-5",
            "1..2",
            "1.2.3",
            "1e1.5",
            "1e+-1",
            " 1",
            "1 ",
            "1_000",
            "0x10",
            "inf",
            "INF",
            "Infinity",
            "-infinity",
            "+inFINity",
            "nan",
            "NaN",
            "-nan",
            "infinit",
            "infinityy",
            "nana",
            "1,5",
            "１",
            "0",
            "-0",
            "+0",
            "00",
            "0.0",
            "-0.0e-0",
            "0e999999999",
            "1e-999999999999999999999",
            "1e999999999999999999999",
            "٣",
        ] {
            same(text);
        }
    }

    #[test]
    fn edge_values_as_the_standard_library() {
        let long_nines = format!("0.{}", "9".repeat(1000));
        let halfway = format!("{}e-1074", "2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125");
        let mut texts = vec![
            "9007199254740993".to_owned(),
            "9007199254740992.5".to_owned(),
            "9007199254740993.0000000000000000000001".to_owned(),
            "2.2250738585072011e-308".to_owned(),
            "2.2250738585072014e-308".to_owned(),
            "2.2250738585072012e-308".to_owned(),
            "4.9406564584124654e-324".to_owned(),
            "2.4703282292062327e-324".to_owned(),
            "2.4703282292062328e-324".to_owned(),
            "1.7976931348623157e308".to_owned(),
            "1.7976931348623158e308".to_owned(),
            "1.7976931348623159e308".to_owned(),
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791".to_owned(),
            "1e23".to_owned(),
            "8.533e+68".to_owned(),
            "4.1006e-184".to_owned(),
            "9.998e+307".to_owned(),
            "9.9538452227e-280".to_owned(),
            "6.47660115e-260".to_owned(),
            "7.4e+47".to_owned(),
            "5.92e+48".to_owned(),
            "7.35e+66".to_owned(),
            "8.32116e+55".to_owned(),
            "0.1".to_owned(),
            "0.30000000000000004".to_owned(),
            "123456789012345678901234567890".to_owned(),
            long_nines,
            halfway.clone(),
            halfway.replace("125e-1074", "124e-1074"),
            halfway.replace("125e-1074", "1250000000000001e-1074"),
            format!("1{}e-400", "0".repeat(900)),
            format!("{}1e-1200", "0.".to_owned() + &"0".repeat(800)),
        ];
        for p in -330..=310 {
            texts.push(format!("1e{p}"));
            texts.push(format!("3.4028235677973366e{p}"));
            texts.push(format!("1.401298464324817e{p}"));
            texts.push(format!("16777217e{p}"));
            texts.push(format!("5e{p}"));
            texts.push(format!("9.999999999999999e{p}"));
        }
        for text in texts {
            same(&text);
        }
    }

    #[test]
    fn random_numbers_as_the_standard_library() {
        // xorshift: the same numbers every run
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..200_000 {
            let digits = 1 + (next() % 40) as usize;
            let mut text = String::new();
            if next() % 4 == 0 {
                text.push('-');
            }
            let point = (next() % (digits as u64 + 2)) as usize;
            for i in 0..digits {
                if i == point {
                    text.push('.');
                }
                // runs of the same digit make halfway and near-halfway cases
                let d = match next() % 8 {
                    0 => 0,
                    1 => 9,
                    2 => 5,
                    _ => next() % 10,
                };
                text.push(char::from(b'0' + d as u8));
            }
            if next() % 3 != 0 {
                let e = (next() % 700) as i64 - 350;
                text.push_str(&format!("e{e}"));
            }
            same(&text);
        }
        // the shortest text of random bit patterns, and its neighbours one digit away
        for _ in 0..50_000 {
            let x = f64::from_bits(next());
            if !x.is_finite() {
                continue;
            }
            let text = format!("{x:e}");
            same(&text);
            same(&format!("{:e}", f32::from_bits(next() as u32)));
            let (m, e) = text.split_once('e').unwrap_or((&text, "0"));
            same(&format!("{m}5e{e}"));
            same(&format!("{m}4999999999999999999e{e}"));
            same(&format!("{m}5000000000000000001e{e}"));
        }
    }
}
