//! What a Chinese input method types, tidied where the person types it.
//!
//! An IME in full-width mode writes `３５`, `４４０５２４ １９８００１０１ ００１４`,
//! `２０２６－１１－２０`; in Chinese punctuation mode `/` becomes `、` and `.`
//! becomes `。`. The engine stays strict (a record holds `35`, an 18-character
//! ID number, `2026-11-20`); the widgets store the tidied text and show it, so
//! the person sees what was kept.
//!
//! Two passes: [`live`] maps characters one for one (or drops spaces) while the
//! person types, so the caret stays put; [`finish`] also rewrites the shape
//! (`2026年1月5日` → `2026-01-05`, `9:5` stays, `9:30` → `09:30`) when the
//! person leaves the field.

/// How a field's text is tidied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tidy {
    /// Kept as typed.
    Keep,
    /// A number: half-width digits, `。` as the decimal point, no spaces.
    Number,
    /// A citizen ID number: half-width, no spaces or dashes, `x` → `X`.
    CitizenId,
    /// A mobile number: digits only (spaces and dashes dropped).
    Mobile,
    /// A credit code: half-width capitals and digits, no spaces.
    Code,
    /// A date `YYYY-MM-DD`.
    Date,
    /// A time `HH:MM`.
    Time,
    /// A date and time `YYYY-MM-DDTHH:MM`.
    Datetime,
}

impl Tidy {
    /// The tidying a spec's `ui.tidy` hint names, for a text field that holds
    /// such a value (a credit code kept as text so a reviewer can override its check).
    pub fn named(name: &str) -> Option<Tidy> {
        Some(match name {
            "number" => Tidy::Number,
            "citizen_id" => Tidy::CitizenId,
            "mobile" => Tidy::Mobile,
            "uscc" | "code" => Tidy::Code,
            "date" => Tidy::Date,
            "time" => Tidy::Time,
            "datetime" => Tidy::Datetime,
            "none" => Tidy::Keep,
            _ => return None,
        })
    }
}

/// Full-width ASCII (U+FF01–U+FF5E) as half-width; the ideographic space as a space.
pub fn half_width(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}'
}

/// A dash of any width as `-` (the minus sign, the em dash an IME gives for `_`).
fn dash(c: char) -> char {
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe63}' => '-',
        _ => c,
    }
}

/// The character-by-character pass, safe while the person types.
///
/// One loop for every kind of text (not an iterator chain per kind: each
/// chain would be its own copy of the string-building code).
pub fn live(tidy: Tidy, raw: &str) -> String {
    match tidy {
        Tidy::Keep => return raw.to_owned(),
        Tidy::Datetime => {
            // (Only leading spaces go: the space typed between date and time is
            // the separator, written `T`, while the time is still to come.)
            let text: String = raw.chars().map(half_width).collect();
            let text = text.trim_start();
            return match text.split_once(|c: char| is_space(c) || c == 'T' || c == 't') {
                Some((d, t)) => format!(
                    "{}T{}",
                    live(Tidy::Date, d),
                    live(Tidy::Time, t.trim_start())
                ),
                None => live(Tidy::Date, text),
            };
        }
        _ => {}
    }
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        let c = half_width(c);
        if is_space(c) {
            continue;
        }
        let c = match tidy {
            Tidy::Number => match dash(c) {
                '。' => '.',
                d => d,
            },
            Tidy::CitizenId | Tidy::Mobile if dash(c) == '-' => continue,
            Tidy::CitizenId | Tidy::Code => c.to_ascii_uppercase(),
            Tidy::Date => match dash(c) {
                '、' | '/' | '.' | '。' | '\\' => '-',
                d => d,
            },
            Tidy::Time => match c {
                '.' | '。' => ':',
                c => c,
            },
            _ => c,
        };
        out.push(c);
    }
    out
}

/// The whole tidying, when the person leaves the field: [`live`] and then the
/// shape of dates and times. Text that does not look like one is left for the
/// engine to judge.
pub fn finish(tidy: Tidy, raw: &str) -> String {
    let text = live(tidy, raw);
    match tidy {
        Tidy::Date => date(&text).unwrap_or(text),
        Tidy::Time => time(&text).unwrap_or(text),
        Tidy::Datetime => match text.split_once('T') {
            Some((d, t)) => format!(
                "{}T{}",
                date(d).unwrap_or_else(|| d.to_owned()),
                time(t).unwrap_or_else(|| t.to_owned())
            ),
            None => text,
        },
        Tidy::Mobile => text
            .strip_prefix("+86")
            .filter(|rest| rest.len() == 11)
            .map_or_else(|| text.clone(), str::to_owned),
        _ => text,
    }
}

/// `2026-1-5`, `2026年1月5日`, `20260105` → `2026-01-05`.
fn date(text: &str) -> Option<String> {
    let plain: String = text
        .chars()
        .map(|c| if matches!(c, '年' | '月') { '-' } else { c })
        .filter(|c| !matches!(c, '日' | '号'))
        .collect();
    let parts: Vec<&str> = plain.split('-').collect();
    let (y, m, d) = match parts.as_slice() {
        [y, m, d] => (*y, *m, *d),
        [all] if all.len() == 8 && all.bytes().all(|b| b.is_ascii_digit()) => {
            (all.get(..4)?, all.get(4..6)?, all.get(6..)?)
        }
        _ => return None,
    };
    let digits = |s: &str, max: usize| {
        !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
    };
    (y.len() == 4 && digits(y, 4) && digits(m, 2) && digits(d, 2))
        .then(|| format!("{y}-{m:0>2}-{d:0>2}"))
}

/// `9:30`, `9点30分`, `9时30分`, `0930`, `930` → `09:30`.
fn time(text: &str) -> Option<String> {
    let plain: String = text
        .chars()
        .map(|c| if matches!(c, '点' | '时') { ':' } else { c })
        .filter(|c| *c != '分')
        .collect();
    let plain = plain.trim_end_matches(':');
    let parts: Vec<&str> = plain.split(':').collect();
    let digits = |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [h] if digits(h) => Some(format!("{h:0>2}:00")),
        // Digits alone, as typed on a number pad: the last two are the minutes.
        [hm] if (3..=4).contains(&hm.len()) && hm.bytes().all(|b| b.is_ascii_digit()) => {
            let cut = hm.len() - 2;
            Some(format!("{:0>2}:{}", hm.get(..cut)?, hm.get(cut..)?))
        }
        [h, m] if digits(h) && digits(m) => Some(format!("{h:0>2}:{m:0>2}")),
        [h, m, s] if digits(h) && digits(m) && digits(s) => {
            Some(format!("{h:0>2}:{m:0>2}:{s:0>2}"))
        }
        _ => None,
    }
}

/// Where the caret goes after [`live`] rewrote the text: as many characters
/// in as the tidied text before it.
pub fn caret_after(tidy: Tidy, raw: &str, caret: usize) -> usize {
    let before: String = raw.chars().take(caret).collect();
    match tidy {
        // The date-time pass reads the whole text; its caret is the end.
        Tidy::Datetime => live(tidy, raw).chars().count(),
        _ => live(tidy, &before).chars().count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_and_letters_become_half_width() {
        assert_eq!(live(Tidy::Number, "３５"), "35");
        assert_eq!(live(Tidy::Number, "－１２。５"), "-12.5");
        assert_eq!(live(Tidy::Number, " １ ２００ "), "1200");
        assert_eq!(
            live(Tidy::Code, "９１５１２０８１ｍａ６２ｋ０２６０ｅ"),
            "91512081MA62K0260E"
        );
        assert_eq!(live(Tidy::Keep, "３５"), "３５");
    }

    #[test]
    fn id_numbers_lose_spaces_and_dashes_and_take_a_capital_x() {
        assert_eq!(
            live(Tidy::CitizenId, "110105 19491231 002x"),
            "11010519491231002X"
        );
        assert_eq!(
            live(Tidy::CitizenId, "４４０５２４　１８８００１０１００１４"),
            "440524188001010014"
        );
        assert_eq!(
            live(Tidy::CitizenId, "440524-18800101-0014"),
            "440524188001010014"
        );
    }

    #[test]
    fn mobile_numbers_are_digits() {
        assert_eq!(live(Tidy::Mobile, "138 1234 5678"), "13812345678");
        assert_eq!(
            live(Tidy::Mobile, "１３８－１２３４－５６７８"),
            "13812345678"
        );
        assert_eq!(finish(Tidy::Mobile, "+86 138 1234 5678"), "13812345678");
    }

    #[test]
    fn dates_take_any_separator_and_are_padded_when_done() {
        assert_eq!(live(Tidy::Date, "２０２６－１１－２０"), "2026-11-20");
        assert_eq!(live(Tidy::Date, "2026、11、20"), "2026-11-20");
        assert_eq!(live(Tidy::Date, "2026/1/5"), "2026-1-5");
        assert_eq!(finish(Tidy::Date, "2026/1/5"), "2026-01-05");
        assert_eq!(finish(Tidy::Date, "2026年1月5日"), "2026-01-05");
        assert_eq!(finish(Tidy::Date, "20261120"), "2026-11-20");
        assert_eq!(finish(Tidy::Date, "2026。11。20"), "2026-11-20");
        // Not a date: left for the engine to judge.
        assert_eq!(finish(Tidy::Date, "下周二"), "下周二");
        assert_eq!(finish(Tidy::Date, "26-1-5"), "26-1-5");
    }

    #[test]
    fn times_and_date_times() {
        assert_eq!(finish(Tidy::Time, "９：３０"), "09:30");
        assert_eq!(finish(Tidy::Time, "14点30分"), "14:30");
        assert_eq!(finish(Tidy::Time, "14。30"), "14:30");
        assert_eq!(finish(Tidy::Time, "14"), "14:00");
        assert_eq!(finish(Tidy::Time, "0930"), "09:30");
        assert_eq!(finish(Tidy::Time, "930"), "09:30");
        assert_eq!(finish(Tidy::Time, "１４３０"), "14:30");
        assert_eq!(finish(Tidy::Datetime, "20261120 1430"), "2026-11-20T14:30");
        // Not a time: left for the engine to judge.
        assert_eq!(finish(Tidy::Time, "12345"), "12345");
        assert_eq!(
            finish(Tidy::Datetime, "２０２６－１１－２０　９：３０"),
            "2026-11-20T09:30"
        );
        assert_eq!(
            finish(Tidy::Datetime, "2026-11-20T14:30"),
            "2026-11-20T14:30"
        );
        // Typed one character at a time: the space becomes the separator at once.
        assert_eq!(live(Tidy::Datetime, "2026-11-20 "), "2026-11-20T");
        assert_eq!(live(Tidy::Datetime, "2026-11-20T9"), "2026-11-20T9");
    }

    #[test]
    fn the_caret_follows_the_text_before_it() {
        // "1３|5" with the caret after the full-width 3: still after the 3.
        assert_eq!(caret_after(Tidy::Number, "1３5", 2), 2);
        // "138 |1234": the space before the caret is dropped.
        assert_eq!(caret_after(Tidy::Mobile, "138 1234", 4), 3);
    }
}
