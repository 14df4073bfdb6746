//! The size budgets of the package's browser entries, read from the one place
//! they are kept: `bench/budgets.json` (the benchmark reads the same file).
//!
//! Each entry names its files (relative to the package folder: a name, a
//! folder ending in `/` for every `.js`, `.wasm` and `.css` file in it, or
//! `*.ext` for the package root's files of that kind), its **target** (what
//! the issue asks for) and its **gate** (what `cargo xtask test` enforces:
//! the target where the entry meets it, else the measured size rounded up by
//! 2 % until the work that brings it down lands). Sizes are `gzip -9` bytes,
//! budgets KiB.

use crate::paths;
use crate::size::{self, FileSize};
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};

/// One entry's budget.
#[derive(Debug, Clone)]
pub struct Budget {
    /// `headless`, `full`, `supervision`.
    pub id: String,
    /// How the size table names it.
    pub title: String,
    /// Its files, as written in the budgets file.
    pub files: Vec<String>,
    /// The issue's target, KiB of gzip -9.
    pub target_kb: f64,
    /// What the tests enforce, KiB of gzip -9.
    pub gate_kb: f64,
}

/// An entry measured against its budget.
#[derive(Debug, Clone)]
pub struct Measured {
    /// The budget.
    pub budget: Budget,
    /// Its files' sizes.
    pub files: Vec<FileSize>,
}

impl Measured {
    /// Total gzip -9 bytes.
    pub fn gzip(&self) -> u64 {
        size::totals(&self.files).1
    }

    /// Whether it is within its gate.
    pub fn within_gate(&self) -> bool {
        self.gzip() as f64 <= self.budget.gate_kb * 1024.0
    }

    /// One line: size, gate, and the target beside it when the gate is above it.
    pub fn verdict(&self) -> String {
        let gzip = self.gzip();
        let kb = gzip as f64 / 1024.0;
        let word = if self.within_gate() {
            "within its gate"
        } else {
            "OVER ITS GATE"
        };
        let mut line = format!(
            "{} budget: {} gzip -9, gate {:.1} KB — {word}",
            self.budget.id,
            size::kb(gzip),
            self.budget.gate_kb
        );
        if kb > self.budget.target_kb {
            line.push_str(&format!(
                "; target {:.1} KB: over target by {:.1} KB",
                self.budget.target_kb,
                kb - self.budget.target_kb
            ));
        } else {
            line.push_str(&format!("; target {:.1} KB: met", self.budget.target_kb));
        }
        line
    }
}

/// The budgets file.
pub fn file() -> PathBuf {
    paths::root().join("bench/budgets.json")
}

/// Every budget in the file.
pub fn read() -> Result<Vec<Budget>> {
    let path = file();
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    parse(&text).with_context(|| format!("in {}", path.display()))
}

/// The budgets of a budgets file's text.
pub fn parse(text: &str) -> Result<Vec<Budget>> {
    let doc = json::parse(text)?;
    let Some(entries) = doc.get("entries").and_then(json::Value::as_array) else {
        bail!("no \"entries\" list");
    };
    entries
        .iter()
        .map(|e| {
            let text = |k: &str| {
                e.get(k)
                    .and_then(json::Value::as_str)
                    .map(str::to_owned)
                    .with_context(|| format!("an entry has no \"{k}\""))
            };
            let number = |k: &str| {
                e.get(k)
                    .and_then(json::Value::as_f64)
                    .with_context(|| format!("an entry has no number \"{k}\""))
            };
            let files = e
                .get("files")
                .and_then(json::Value::as_array)
                .context("an entry has no \"files\"")?
                .iter()
                .map(|f| {
                    f.as_str()
                        .map(str::to_owned)
                        .context("a file is not a string")
                })
                .collect::<Result<Vec<_>>>()?;
            Ok(Budget {
                id: text("id")?,
                title: text("title")?,
                files,
                target_kb: number("target_kb")?,
                gate_kb: number("gate_kb")?,
            })
        })
        .collect()
}

/// The files of `budget` in the package folder `dir`, sorted within each pattern.
pub fn files(dir: &Path, budget: &Budget) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for pattern in &budget.files {
        let listed = |folder: &Path, keep: &dyn Fn(&str) -> bool| -> Result<Vec<PathBuf>> {
            let mut found: Vec<PathBuf> = std::fs::read_dir(dir.join(folder))
                .with_context(|| format!("cannot read {}", dir.join(folder).display()))?
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| keep(name))
                .map(|name| folder.join(name))
                .collect();
            found.sort();
            Ok(found)
        };
        if let Some(folder) = pattern.strip_suffix('/') {
            out.extend(listed(Path::new(folder), &|name| {
                [".js", ".wasm", ".css"].iter().any(|x| name.ends_with(x))
            })?);
        } else if let Some(ext) = pattern.strip_prefix('*') {
            out.extend(listed(Path::new(""), &|name| name.ends_with(ext))?);
        } else {
            out.push(PathBuf::from(pattern));
        }
    }
    Ok(out)
}

/// Measures every entry of `budgets` whose files are in `dir` (an entry whose
/// module was not built is left out).
pub fn measure(dir: &Path, budgets: &[Budget]) -> Result<Vec<Measured>> {
    let mut out = Vec::new();
    for budget in budgets {
        let files = files(dir, budget)?;
        if files.iter().any(|f| !dir.join(f).is_file()) {
            continue;
        }
        out.push(Measured {
            budget: budget.clone(),
            files: size::measure(dir, &files)?,
        });
    }
    Ok(out)
}

/// Just enough JSON for the budgets file (objects, arrays, strings without
/// escapes beyond `\"` and `\\`, numbers, `true`, `false`, `null`): xtask
/// depends on `std` and `anyhow` only.
mod json {
    use anyhow::{bail, Result};

    /// A JSON value.
    #[derive(Debug, Clone, PartialEq)]
    pub enum Value {
        Null,
        Bool(bool),
        Number(f64),
        Text(String),
        Array(Vec<Value>),
        Object(Vec<(String, Value)>),
    }

    impl Value {
        pub fn get(&self, key: &str) -> Option<&Value> {
            match self {
                Value::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
                _ => None,
            }
        }
        pub fn as_array(&self) -> Option<&Vec<Value>> {
            match self {
                Value::Array(a) => Some(a),
                _ => None,
            }
        }
        pub fn as_str(&self) -> Option<&str> {
            match self {
                Value::Text(s) => Some(s),
                _ => None,
            }
        }
        pub fn as_f64(&self) -> Option<f64> {
            match self {
                Value::Number(n) => Some(*n),
                _ => None,
            }
        }
    }

    pub fn parse(text: &str) -> Result<Value> {
        let chars: Vec<char> = text.chars().collect();
        let mut at = 0;
        let value = read(&chars, &mut at, 0)?;
        skip(&chars, &mut at);
        if at != chars.len() {
            bail!("unexpected text after the JSON value at character {at}");
        }
        Ok(value)
    }

    fn skip(c: &[char], at: &mut usize) {
        while c.get(*at).is_some_and(|c| c.is_whitespace()) {
            *at += 1;
        }
    }

    fn expect(c: &[char], at: &mut usize, want: char) -> Result<()> {
        skip(c, at);
        if c.get(*at) != Some(&want) {
            bail!("expected “{want}” at character {at}", at = *at);
        }
        *at += 1;
        Ok(())
    }

    fn read(c: &[char], at: &mut usize, depth: usize) -> Result<Value> {
        if depth > 32 {
            bail!("nested too deeply");
        }
        skip(c, at);
        match c.get(*at) {
            Some('{') => {
                *at += 1;
                let mut members = Vec::new();
                skip(c, at);
                if c.get(*at) == Some(&'}') {
                    *at += 1;
                    return Ok(Value::Object(members));
                }
                loop {
                    skip(c, at);
                    let Value::Text(key) = read(c, at, depth + 1)? else {
                        bail!("an object key must be a string (character {})", *at);
                    };
                    expect(c, at, ':')?;
                    members.push((key, read(c, at, depth + 1)?));
                    skip(c, at);
                    match c.get(*at) {
                        Some(',') => *at += 1,
                        Some('}') => {
                            *at += 1;
                            return Ok(Value::Object(members));
                        }
                        _ => bail!("expected “,” or “}}” at character {}", *at),
                    }
                }
            }
            Some('[') => {
                *at += 1;
                let mut items = Vec::new();
                skip(c, at);
                if c.get(*at) == Some(&']') {
                    *at += 1;
                    return Ok(Value::Array(items));
                }
                loop {
                    items.push(read(c, at, depth + 1)?);
                    skip(c, at);
                    match c.get(*at) {
                        Some(',') => *at += 1,
                        Some(']') => {
                            *at += 1;
                            return Ok(Value::Array(items));
                        }
                        _ => bail!("expected “,” or “]” at character {}", *at),
                    }
                }
            }
            Some('"') => {
                *at += 1;
                let mut s = String::new();
                loop {
                    match c.get(*at) {
                        None => bail!("unterminated string"),
                        Some('"') => {
                            *at += 1;
                            return Ok(Value::Text(s));
                        }
                        Some('\\') => {
                            match c.get(*at + 1) {
                                Some(&e @ ('"' | '\\' | '/')) => s.push(e),
                                Some('n') => s.push('\n'),
                                _ => bail!("unsupported escape at character {}", *at),
                            }
                            *at += 2;
                        }
                        Some(&ch) => {
                            s.push(ch);
                            *at += 1;
                        }
                    }
                }
            }
            Some(_) => {
                let start = *at;
                while c
                    .get(*at)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '.'))
                {
                    *at += 1;
                }
                let word: String = c.get(start..*at).unwrap_or_default().iter().collect();
                match word.as_str() {
                    "null" => Ok(Value::Null),
                    "true" => Ok(Value::Bool(true)),
                    "false" => Ok(Value::Bool(false)),
                    n => n.parse::<f64>().map(Value::Number).map_err(|_| {
                        anyhow::anyhow!("not a JSON value: “{n}” at character {start}")
                    }),
                }
            }
            None => bail!("unexpected end of the JSON text"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budgets_file_reads() {
        let budgets = read().unwrap();
        let ids: Vec<&str> = budgets.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids, ["headless", "full", "supervision", "settings"]);
        for b in &budgets {
            assert!(
                b.gate_kb >= b.target_kb,
                "{}: a gate below the target",
                b.id
            );
            assert!(!b.files.is_empty());
        }
    }

    #[test]
    fn a_small_document_parses() {
        let b = parse(
            r#"{"entries": [{"id": "x", "title": "X \"y\"", "files": ["a.js", "w/"], "target_kb": 1.5, "gate_kb": 2, "note": null}]}"#,
        )
        .unwrap();
        assert_eq!(b[0].title, "X \"y\"");
        assert_eq!(b[0].files, ["a.js", "w/"]);
        assert_eq!(b[0].gate_kb, 2.0);
        assert!(parse("{\"entries\": [}").is_err());
    }

    #[test]
    fn over_target_is_said() {
        let m = Measured {
            budget: Budget {
                id: "h".into(),
                title: "h".into(),
                files: vec![],
                target_kb: 1.0,
                gate_kb: 3.0,
            },
            files: vec![FileSize {
                name: "a".into(),
                raw: 4096,
                gzip: 2048,
            }],
        };
        assert!(m.within_gate());
        assert!(
            m.verdict().contains("over target by 1.0 KB"),
            "{}",
            m.verdict()
        );
    }
}
