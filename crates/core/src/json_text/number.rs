//! Numbers read as serde_json reads them (without its `float_roundtrip`
//! feature): integers as `u64`/`i64` while they fit, every other number as
//! the product (or quotient) of its first 19–20 significant digits, as an
//! `f64`, and a power of ten — the same bits as serde_json, not always the
//! correctly rounded ones (`crate::json_reader` rounds records correctly).

use super::cursor::{Cursor, Number, Result, EOF_VALUE, INVALID_NUMBER, OUT_OF_RANGE};

/// `a * 10 + b` would exceed `max` (serde_json's `overflow!`).
fn overflows(a: u64, b: u64, max: u64) -> bool {
    a >= max / 10 && (a > max / 10 || b > max % 10)
}

/// 10^n for n ≤ 308, correctly rounded (what the literals of serde_json's
/// table are): up to 10^22 (every power of ten an `f64` holds exactly) by
/// multiplying, each product exact; beyond, by [`crate::decimal`]'s reading
/// of `1eN`. (A spec's `0.5` needs 10^1: no decimal reading on the way, and
/// none of its code compiled by a first compile.)
fn pow10(n: usize) -> Option<f64> {
    if n <= 22 {
        let mut pow = 1.0;
        for _ in 0..n {
            pow *= 10.0;
        }
        return Some(pow);
    }
    if n > 308 {
        return None;
    }
    let mut text = [b'1', b'e', b'0', b'0', b'0'];
    let mut rest = n;
    for slot in text.iter_mut().skip(2).rev() {
        *slot = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    crate::decimal::parse_f64(std::str::from_utf8(&text).ok()?)
}

impl Cursor<'_> {
    /// A number, the cursor after its sign (serde_json's `parse_integer`).
    pub(crate) fn number(&mut self, positive: bool) -> Result<Number> {
        match self.next() {
            None => Err(self.error(EOF_VALUE)),
            Some(b'0') => match self.peek() {
                Some(b'0'..=b'9') => Err(self.peek_error(INVALID_NUMBER)),
                _ => self.after_integer(positive, 0),
            },
            Some(c @ b'1'..=b'9') => {
                let mut significand = u64::from(c - b'0');
                while let Some(c @ b'0'..=b'9') = self.peek() {
                    let digit = u64::from(c - b'0');
                    if overflows(significand, digit, u64::MAX) {
                        return self.long_integer(positive, significand).map(Number::F64);
                    }
                    self.eat();
                    significand = significand * 10 + digit;
                }
                self.after_integer(positive, significand)
            }
            Some(_) => Err(self.error(INVALID_NUMBER)),
        }
    }

    fn after_integer(&mut self, positive: bool, significand: u64) -> Result<Number> {
        Ok(match self.peek() {
            Some(b'.') => Number::F64(self.decimal(positive, significand, 0)?),
            Some(b'e' | b'E') => Number::F64(self.exponent(positive, significand, 0)?),
            _ if positive => Number::U64(significand),
            _ => {
                let neg = (significand as i64).wrapping_neg();
                if neg >= 0 {
                    Number::F64(-(significand as f64))
                } else {
                    Number::I64(neg)
                }
            }
        })
    }

    fn long_integer(&mut self, positive: bool, significand: u64) -> Result<f64> {
        let mut exponent: i32 = 0;
        loop {
            match self.peek() {
                Some(b'0'..=b'9') => {
                    self.eat();
                    exponent = exponent.saturating_add(1);
                }
                Some(b'.') => return self.decimal(positive, significand, exponent),
                Some(b'e' | b'E') => return self.exponent(positive, significand, exponent),
                _ => return self.float_of_parts(positive, significand, exponent),
            }
        }
    }

    fn decimal(&mut self, positive: bool, mut significand: u64, before: i32) -> Result<f64> {
        self.eat();
        let mut after: i32 = 0;
        while let Some(c @ b'0'..=b'9') = self.peek() {
            let digit = u64::from(c - b'0');
            if overflows(significand, digit, u64::MAX) {
                // Further digits are ignored.
                while let Some(b'0'..=b'9') = self.peek() {
                    self.eat();
                }
                let exponent = before.saturating_add(after);
                return match self.peek() {
                    Some(b'e' | b'E') => self.exponent(positive, significand, exponent),
                    _ => self.float_of_parts(positive, significand, exponent),
                };
            }
            self.eat();
            significand = significand * 10 + digit;
            after -= 1;
        }
        if after == 0 {
            return Err(match self.peek() {
                Some(_) => self.peek_error(INVALID_NUMBER),
                None => self.peek_error(EOF_VALUE),
            });
        }
        let exponent = before.saturating_add(after);
        match self.peek() {
            Some(b'e' | b'E') => self.exponent(positive, significand, exponent),
            _ => self.float_of_parts(positive, significand, exponent),
        }
    }

    fn exponent(&mut self, positive: bool, significand: u64, start: i32) -> Result<f64> {
        self.eat();
        let positive_exp = match self.peek() {
            Some(b'+') => {
                self.eat();
                true
            }
            Some(b'-') => {
                self.eat();
                false
            }
            _ => true,
        };
        let mut exp: i32 = match self.next() {
            None => return Err(self.error(EOF_VALUE)),
            Some(c @ b'0'..=b'9') => i32::from(c - b'0'),
            Some(_) => return Err(self.error(INVALID_NUMBER)),
        };
        while let Some(c @ b'0'..=b'9') = self.peek() {
            self.eat();
            let digit = i32::from(c - b'0');
            if exp >= i32::MAX / 10 && (exp > i32::MAX / 10 || digit > i32::MAX % 10) {
                if significand != 0 && positive_exp {
                    return Err(self.error(OUT_OF_RANGE));
                }
                while let Some(b'0'..=b'9') = self.peek() {
                    self.eat();
                }
                return Ok(if positive { 0.0 } else { -0.0 });
            }
            exp = exp * 10 + digit;
        }
        let exponent = if positive_exp {
            start.saturating_add(exp)
        } else {
            start.saturating_sub(exp)
        };
        self.float_of_parts(positive, significand, exponent)
    }

    /// serde_json's `f64_from_parts`.
    fn float_of_parts(
        &mut self,
        positive: bool,
        significand: u64,
        mut exponent: i32,
    ) -> Result<f64> {
        let mut f = significand as f64;
        loop {
            match pow10(exponent.unsigned_abs() as usize) {
                Some(pow) => {
                    if exponent >= 0 {
                        f *= pow;
                        if f.is_infinite() {
                            return Err(self.error(OUT_OF_RANGE));
                        }
                    } else {
                        f /= pow;
                    }
                    break;
                }
                None => {
                    if f == 0.0 {
                        break;
                    }
                    if exponent >= 0 {
                        return Err(self.error(OUT_OF_RANGE));
                    }
                    f /= 1e308;
                    exponent += 308;
                }
            }
        }
        Ok(if positive { f } else { -f })
    }

    /// A number skipped, the cursor after its sign (serde_json's
    /// `ignore_integer`: the syntax only).
    pub(crate) fn skip_number(&mut self) -> Result<()> {
        match self.peek() {
            Some(b'0') => {
                self.eat();
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.peek_error(INVALID_NUMBER));
                }
            }
            Some(b'1'..=b'9') => {
                self.eat();
                self.skip_digits();
            }
            Some(_) => {
                self.eat();
                return Err(self.error(INVALID_NUMBER));
            }
            None => return Err(self.error(INVALID_NUMBER)),
        }
        if self.peek() == Some(b'.') {
            self.eat();
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.peek_error(INVALID_NUMBER));
            }
            self.skip_digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.eat();
            if let Some(b'+' | b'-') = self.peek() {
                self.eat();
            }
            match self.peek() {
                Some(b'0'..=b'9') => self.eat(),
                Some(_) => {
                    self.eat();
                    return Err(self.error(INVALID_NUMBER));
                }
                None => return Err(self.error(INVALID_NUMBER)),
            }
            self.skip_digits();
        }
        Ok(())
    }

    fn skip_digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.eat();
        }
    }
}

#[cfg(test)]
mod tests {
    /// The powers multiplied out are the correctly rounded ones, as read from `1eN`.
    #[test]
    fn small_powers_of_ten_are_exact() {
        for n in 0..=30 {
            assert_eq!(
                super::pow10(n),
                crate::decimal::parse_f64(&format!("1e{n}")),
                "10^{n}"
            );
        }
    }
}
