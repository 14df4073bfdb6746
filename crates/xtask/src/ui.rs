//! The form components' share of the demo site: the example records the portal
//! loads (`examples/*.json` → `site/examples/`), and each folder of records
//! (`examples/minutes-2026/*.json`) as one JSON list (`site/examples/minutes-2026.json`)
//! for the compliance calendar. The components themselves are the package's
//! full entry, built by `dist`.

use crate::paths;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

/// Copies the example records into `site/examples/`.
pub fn add_examples(site: &Path) -> Result<()> {
    let from = paths::root().join("examples");
    let to = site.join("examples");
    std::fs::create_dir_all(&to)?;
    for path in json_files(&from)? {
        let name = path.file_name().unwrap_or_default();
        std::fs::copy(&path, to.join(name))
            .with_context(|| format!("cannot copy {}", path.display()))?;
    }
    for entry in std::fs::read_dir(&from)? {
        let dir = entry?.path();
        let name = dir
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if !dir.is_dir() || name == "specs" || name == "supervision" {
            continue;
        }
        let records = json_files(&dir)?;
        let mut list = String::from("[\n");
        for (i, record) in records.iter().enumerate() {
            if i > 0 {
                list.push_str(",\n");
            }
            let text = std::fs::read_to_string(record)
                .with_context(|| format!("cannot read {}", record.display()))?;
            list.push_str(text.trim());
        }
        list.push_str("\n]\n");
        std::fs::write(to.join(format!("{name}.json")), list)?;
    }
    Ok(())
}

/// The supervision demo's records: the example town (`examples/supervision/town/`,
/// every record in an envelope naming its file, in the order `dangjian
/// supervise` reads the folder) as `site/examples/supervision-town.json`, and a
/// larger county written by `examples/supervision/generate.mjs` as
/// `site/examples/supervision-county.ndjson` (300 branches, a year).
pub fn add_supervision_examples(site: &Path) -> Result<()> {
    let from = paths::root().join("examples/supervision");
    let to = site.join("examples");
    std::fs::create_dir_all(&to)?;
    let mut files = Vec::new();
    walk(&from.join("town"), &mut files)?;
    let mut list = String::from("[\n");
    for (i, file) in files.iter().enumerate() {
        if i > 0 {
            list.push_str(",\n");
        }
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("cannot read {}", file.display()))?;
        let source = file
            .strip_prefix(paths::root())
            .unwrap_or(file)
            .to_string_lossy()
            .replace('\\', "/");
        list.push_str(&format!(
            "{{\"source\": \"{}\", \"data\": {}}}",
            source.replace('"', "\\\""),
            text.trim()
        ));
    }
    list.push_str("\n]\n");
    std::fs::write(to.join("supervision-town.json"), list)?;
    let county = crate::sh::read(
        crate::sh::cmd("node", &paths::root())
            .arg(from.join("generate.mjs"))
            .args(["--branches", "300", "--ndjson"]),
    )?;
    std::fs::write(to.join("supervision-county.ndjson"), county)?;
    Ok(())
}

/// The `.json` files under `dir`, recursively, in the order `dangjian
/// supervise` reads a folder (entries sorted by name at each level).
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "json") {
            out.push(p);
        }
    }
    Ok(())
}

/// The `.json` files directly in `dir`, sorted by name.
fn json_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    Ok(files)
}

/// A font with Chinese characters for the browser tests, so screenshots show
/// text and not boxes (Debian's `fonts-noto-cjk`; installed when `fc-list`
/// finds no Chinese font).
pub fn cjk_fonts() -> Result<()> {
    let found = crate::sh::read(crate::sh::cmd("fc-list", &paths::root()).arg(":lang=zh"))
        .map(|out| !out.trim().is_empty())
        .unwrap_or(false);
    if found {
        return Ok(());
    }
    crate::setup::apt_install(&["fonts-noto-cjk", "fontconfig"])
}
