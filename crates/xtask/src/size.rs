//! Sizes of what ships: raw bytes and `gzip -9` bytes of each .wasm and JS file.

use crate::sh::{cmd, which};
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};

// The budgets are in `bench/budgets.json` (see `crate::budgets`).

/// The size of one file.
#[derive(Debug, Clone)]
pub struct FileSize {
    /// Path relative to the package folder.
    pub name: String,
    /// Bytes on disk.
    pub raw: u64,
    /// Bytes after `gzip -9`.
    pub gzip: u64,
}

/// Sizes of `files` (relative to `dir`).
pub fn measure(dir: &Path, files: &[PathBuf]) -> Result<Vec<FileSize>> {
    files
        .iter()
        .map(|file| {
            let path = dir.join(file);
            let raw = std::fs::metadata(&path)
                .with_context(|| format!("cannot read {}", path.display()))?
                .len();
            Ok(FileSize {
                name: file.to_string_lossy().into_owned(),
                raw,
                gzip: gzip9(&path)?,
            })
        })
        .collect()
}

/// Bytes of `path` compressed with `gzip -9` (no name or time in the header).
pub fn gzip9(path: &Path) -> Result<u64> {
    if which("gzip").is_none() {
        bail!("gzip is needed to measure sizes");
    }
    let output = cmd("gzip", Path::new("."))
        .args(["-9", "-n", "-c"])
        .arg(path)
        .output()?;
    if !output.status.success() {
        bail!("gzip failed on {}", path.display());
    }
    Ok(output.stdout.len() as u64)
}

/// A table of sizes, one line per file, plus a total line.
pub fn table(title: &str, sizes: &[FileSize]) -> String {
    let mut out = format!(
        "{title}\n  {:<48} {:>10} {:>10}\n",
        "file", "raw", "gzip -9"
    );
    for s in sizes {
        out.push_str(&format!(
            "  {:<48} {:>10} {:>10}\n",
            s.name,
            kb(s.raw),
            kb(s.gzip)
        ));
    }
    let (raw, gzip) = totals(sizes);
    out.push_str(&format!(
        "  {:<48} {:>10} {:>10}\n",
        "total",
        kb(raw),
        kb(gzip)
    ));
    out
}

/// Sum of raw and gzip sizes.
pub fn totals(sizes: &[FileSize]) -> (u64, u64) {
    sizes
        .iter()
        .fold((0, 0), |(r, g), s| (r + s.raw, g + s.gzip))
}

/// Bytes as kilobytes (1024) with one decimal.
pub fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_add_up() {
        let sizes = [
            FileSize {
                name: "a.wasm".into(),
                raw: 2048,
                gzip: 1024,
            },
            FileSize {
                name: "a.js".into(),
                raw: 512,
                gzip: 100,
            },
        ];
        assert_eq!(totals(&sizes), (2560, 1124));
        assert!(table("t", &sizes).contains("a.wasm"));
        assert_eq!(kb(1536), "1.5 KB");
    }

    #[test]
    fn gzip_shrinks_repetitive_text() {
        let file = std::env::temp_dir().join(format!("xtask-size-{}.txt", std::process::id()));
        std::fs::write(&file, "party-building form ".repeat(500)).unwrap();
        let gz = gzip9(&file).unwrap();
        std::fs::remove_file(&file).unwrap();
        assert!(gz > 20 && gz < 1000, "gzip size {gz}");
    }
}
