//! Where things are: the repository, the target folder, the built package.

use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    // crates/xtask → the root, two levels up.
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .unwrap_or(Path::new("."))
        .to_path_buf()
}

/// Cargo's target folder (`CARGO_TARGET_DIR` when set).
pub fn target() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            if dir.is_absolute() {
                dir
            } else {
                root().join(dir)
            }
        }
        None => root().join("target"),
    }
}

/// The folder `npm pack` turns into the tarball.
pub fn package() -> PathBuf {
    target().join("npm").join("dangjian-forms")
}

/// Scratch folders for tests (a fresh Node project, a static site…).
pub fn scratch(name: &str) -> PathBuf {
    target().join("scratch").join(name)
}

/// The demo site: `www/` with the package next to it.
pub fn site() -> PathBuf {
    target().join("site")
}
