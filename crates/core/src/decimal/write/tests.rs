//! The writer against the standard library's formatting, bit pattern by bit
//! pattern: `{}`, `{:e}` and `{:.N}`, and the shortest digits of JSON
//! (`{:e}`'s but for ties, where they are the even one).

use super::super::{parse_f32, parse_f64};
use super::{fixed, plain, shortest_f32, shortest_f64, write_exp};

/// xorshift: the same numbers every run.
fn rng() -> impl FnMut() -> u64 {
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    }
}

/// `1.234e5` → (`1234`, 5).
fn split(text: &str) -> (String, i32) {
    let (m, e) = text.split_once('e').unwrap();
    let m = m.trim_start_matches('-');
    (m.replace('.', ""), e.parse().unwrap())
}

/// Our shortest digits of `v` against `{:e}`: the same, or, where the value
/// lies halfway between two numbers of as many digits that both read back,
/// ours the even one and std's the next one up.
fn same_f64(v: f64) {
    if !v.is_finite() {
        return;
    }
    let ours = shortest_f64(v);
    let (digits, exp) = split(&format!("{v:e}"));
    if (ours.digits(), ours.exp()) != (digits.as_str(), exp) {
        tie(v.abs(), ours.digits(), ours.exp(), &digits, exp);
    }
    let mut text = String::new();
    write_exp(&mut text, v);
    assert_eq!(text, format!("{v:e}"), "{:#x}", v.to_bits());
    assert_eq!(plain(v), format!("{v}"), "{v:e} ({:#x})", v.to_bits());
    let back = format!(
        "{}.{}e{}",
        &ours.digits()[..1],
        &ours.digits()[1..],
        ours.exp()
    );
    assert_eq!(parse_f64(&back).map(f64::abs), Some(v.abs()), "{v:e}");
}

/// Ours (`digits`, `exp`) is the even one of a tie whose upper one std gave.
fn tie(v: f64, digits: &str, exp: i32, theirs: &str, their_exp: i32) {
    let exact = format!("{v:.800e}");
    let (all, all_exp) = split(&exact);
    assert_eq!(all_exp, exp, "{v:e}: not a tie ({digits}e{exp})");
    let n = digits.len();
    assert!(
        all[..n].starts_with(digits) || all[..n] == *digits,
        "{v:e}: {digits}"
    );
    let tail = &all[n..];
    assert!(
        tail.starts_with('5') && tail[1..].bytes().all(|b| b == b'0'),
        "{v:e}: ours {digits}e{exp}, std {theirs}e{their_exp}: not a tie"
    );
    assert_eq!(digits.bytes().last().unwrap() % 2, 0, "{v:e}: {digits}");
    assert_eq!(theirs.len(), n, "{v:e}");
}

fn same_f32(v: f32) {
    if !v.is_finite() {
        return;
    }
    let ours = shortest_f32(v);
    let (digits, exp) = split(&format!("{v:e}"));
    if (ours.digits(), ours.exp()) != (digits.as_str(), exp) {
        let exact = format!("{:.200e}", f64::from(v.abs()));
        let (all, _) = split(&exact);
        let n = ours.digits().len();
        assert!(
            all[n..].starts_with('5') && all[n + 1..].bytes().all(|b| b == b'0'),
            "{v:e}: ours {}e{}",
            ours.digits(),
            ours.exp()
        );
    }
    let back = format!(
        "{}.{}e{}",
        &ours.digits()[..1],
        &ours.digits()[1..],
        ours.exp()
    );
    assert_eq!(parse_f32(&back).map(f32::abs), Some(v.abs()), "{v:e}");
}

fn same_fixed(v: f64) {
    for decimals in [0, 1, 2, 3] {
        assert_eq!(
            fixed(v, decimals),
            format!("{v:.*}", decimals as usize),
            "{v:e} ({:#x}) to {decimals} places",
            v.to_bits()
        );
    }
}

#[test]
fn edge_values_as_the_standard_library() {
    let mut values = vec![
        0.0,
        -0.0,
        1.0,
        0.1,
        0.3,
        1.5,
        2.5,
        100.0,
        1e15,
        1e16,
        1e21,
        1e22,
        1e23,
        1e-7,
        5e-324,
        -5e-324,
        1e-323,
        f64::MIN_POSITIVE,
        f64::MAX,
        f64::MIN,
        f64::EPSILON,
        9007199254740992.0,
        9007199254740993.0,
        0.1 + 0.2,
        123456.789,
        2f64.powi(-1022) - 5e-324,
    ];
    for e in -1074..=1023 {
        let p = 2f64.powi(e);
        values.extend([
            p,
            f64::from_bits(p.to_bits().wrapping_sub(1)),
            f64::from_bits(p.to_bits() + 1),
        ]);
    }
    for e in -325..=308 {
        let text = format!("1e{e}");
        let p: f64 = text.parse().unwrap();
        values.extend([
            p,
            f64::from_bits(p.to_bits().wrapping_sub(1)),
            f64::from_bits(p.to_bits() + 1),
        ]);
        values.push(format!("5e{e}").parse().unwrap());
        values.push(format!("9.999999999999999e{e}").parse().unwrap());
    }
    for bits in 0..2000u64 {
        values.push(f64::from_bits(bits));
        values.push(f64::from_bits(0x7fef_ffff_ffff_ffff - bits));
    }
    for v in values {
        same_f64(v);
        same_f64(-v);
    }
}

#[test]
fn random_bit_patterns_as_the_standard_library() {
    let mut next = rng();
    for _ in 0..100_000 {
        same_f64(f64::from_bits(next()));
    }
    for _ in 0..20_000 {
        // near a power of two: the lower neighbour is half as far
        let exp = (next() % 2047) << 52;
        same_f64(f64::from_bits(exp | (next() % 16)));
        same_f64(f64::from_bits(exp | ((1 << 52) - 1 - next() % 16)));
        // small integers and short decimals
        same_f64((next() % 1_000_000_000_000) as f64 * 2f64.powi((next() % 80) as i32));
        same_f64((next() % 100_000) as f64 / 100.0);
    }
    // a full mantissa and a few bits after the point: where ties lie
    // (about one in two thousand, 8434438024781682.5e-1 among them)
    for _ in 0..100_000 {
        let mantissa = (1u64 << 52) | (next() % (1 << 52));
        same_f64(mantissa as f64 * 2f64.powi(-((next() % 1100) as i32)));
    }
    same_f64(8.434438024781683e14);
    for _ in 0..100_000 {
        same_f32(f32::from_bits(next() as u32));
    }
    for bits in 0..5000u32 {
        same_f32(f32::from_bits(bits));
        same_f32(f32::from_bits(0x7f7f_ffff - bits));
    }
}

#[test]
fn fixed_as_the_standard_library() {
    let mut next = rng();
    for v in [
        0.0,
        -0.0,
        0.5,
        1.5,
        2.5,
        -0.04,
        0.25,
        0.35,
        0.05,
        99.95,
        1e300,
        5e-324,
        f64::MAX,
    ] {
        same_fixed(v);
        same_fixed(-v);
    }
    for _ in 0..30_000 {
        // percentages, sizes, heights: a few decimals
        same_fixed((next() % 2_000_000) as f64 / 1000.0);
        same_fixed((next() % 100_000) as f64 / 64.0);
        same_fixed(f64::from(next() as u32) / f64::from(next() as u32 | 1) * 100.0);
    }
    for _ in 0..20_000 {
        let v = f64::from_bits(next());
        if v.is_finite() {
            same_fixed(v);
        }
    }
    assert_eq!(fixed(f64::NAN, 1), format!("{:.1}", f64::NAN));
    assert_eq!(fixed(f64::INFINITY, 1), format!("{:.1}", f64::INFINITY));
    assert_eq!(
        fixed(f64::NEG_INFINITY, 1),
        format!("{:.1}", f64::NEG_INFINITY)
    );
    assert_eq!(plain(f64::NAN), format!("{}", f64::NAN));
    assert_eq!(plain(f64::NEG_INFINITY), format!("{}", f64::NEG_INFINITY));
}
