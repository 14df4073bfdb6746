//! The WebAssembly features a browser module may use: what Chromium 86, the
//! oldest browser the package supports (README, "Browsers"), runs.
//!
//! The linker lists the features the module's code was compiled with in its
//! `target_features` section, and wasm-bindgen, reading it, passes JavaScript
//! values as `externref` when reference types are among them (Chromium 96 and
//! later). rustc turned reference types on by default in 1.82; the browser
//! modules are built without them ([`crate::std_for_size`]). This check reads
//! the section of each bound browser module, before `wasm-opt` drops it, and
//! stops the build on any other feature, so that a toolchain that turns one
//! more on cannot ship a module the older browsers refuse.

use crate::short_names::{sections, Reader};
use anyhow::{bail, Context, Result};
use std::path::Path;

/// The features allowed, each with the Chromium version that runs it.
/// `bulk-memory-opt` is the part of bulk memory LLVM uses for `memcpy` and
/// `memset`; `call-indirect-overlong` only lets LLVM's object files encode a
/// table index in five bytes, which wasm-bindgen writes again in one.
const ALLOWED: &[(&str, u32)] = &[
    ("bulk-memory", 75),
    ("bulk-memory-opt", 75),
    ("call-indirect-overlong", 57),
    ("multivalue", 85),
    ("mutable-globals", 74),
    ("nontrapping-fptoint", 75),
    ("sign-ext", 74),
];

/// The oldest Chromium the package supports.
const OLDEST_CHROMIUM: u32 = 86;

/// Fails when the module at `wasm` declares a feature that [`ALLOWED`] does
/// not list (or that needs a Chromium newer than [`OLDEST_CHROMIUM`]).
pub fn check(wasm: &Path) -> Result<()> {
    let bytes = std::fs::read(wasm).with_context(|| format!("cannot read {}", wasm.display()))?;
    let used = used(&bytes).with_context(|| format!("the features of {}", wasm.display()))?;
    let refused: Vec<&str> = used
        .iter()
        .filter(|f| {
            !ALLOWED
                .iter()
                .any(|(name, chromium)| name == *f && *chromium <= OLDEST_CHROMIUM)
        })
        .map(String::as_str)
        .collect();
    if !refused.is_empty() {
        bail!(
            "{} uses WebAssembly features Chromium {OLDEST_CHROMIUM} lacks: {} \
             (see crates/xtask/src/std_for_size.rs for how the browser modules are built)",
            wasm.display(),
            refused.join(", ")
        );
    }
    Ok(())
}

/// The features the `target_features` section marks as used (`+`), or none
/// when the module has no such section.
fn used(wasm: &[u8]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for section in sections(wasm)?.iter().filter(|s| s.id == 0) {
        let mut reader = Reader::new(section.body(wasm));
        if reader.name()? != b"target_features" {
            continue;
        }
        let count = reader.u32()?;
        for _ in 0..count {
            let prefix = reader.byte()?;
            let name = std::str::from_utf8(reader.name()?).context("a feature is not UTF-8")?;
            if prefix == b'+' {
                out.push(name.to_owned());
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::used;

    /// A module with only a `target_features` section of `features`.
    fn module(features: &[(u8, &str)]) -> Vec<u8> {
        let mut body = vec![15];
        body.extend_from_slice(b"target_features");
        body.push(u8::try_from(features.len()).unwrap());
        for (prefix, name) in features {
            body.push(*prefix);
            body.push(u8::try_from(name.len()).unwrap());
            body.extend_from_slice(name.as_bytes());
        }
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.push(0);
        wasm.push(u8::try_from(body.len()).unwrap());
        wasm.extend_from_slice(&body);
        wasm
    }

    #[test]
    fn reads_the_used_features() {
        let wasm = module(&[
            (b'+', "sign-ext"),
            (b'-', "simd128"),
            (b'+', "reference-types"),
        ]);
        assert_eq!(used(&wasm).unwrap(), ["sign-ext", "reference-types"]);
        assert!(used(b"\0asm\x01\0\0\0").unwrap().is_empty());
    }

    #[test]
    fn refuses_reference_types() {
        let dir = std::env::temp_dir().join(format!("wasm-features-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let ok = dir.join("ok.wasm");
        let refs = dir.join("refs.wasm");
        std::fs::write(&ok, module(&[(b'+', "bulk-memory"), (b'+', "multivalue")])).unwrap();
        std::fs::write(&refs, module(&[(b'+', "reference-types")])).unwrap();
        assert!(super::check(&ok).is_ok());
        let err = super::check(&refs).unwrap_err().to_string();
        assert!(err.contains("reference-types"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
