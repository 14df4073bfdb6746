//! Short names for what a browser module and its JavaScript glue call each
//! other by.
//!
//! wasm-bindgen names each function the module imports from its glue after
//! the Rust item and a 16-digit hash (`__wbg_createElement_8a3c…`), and each
//! closure entry point it exports after the closure's Rust types
//! (`wasm_bindgen_7c95…___convert__closures_____invoke___…`, up to ~200
//! characters); every such name is written twice, in the module and in the
//! glue. Hex digits do not compress: for the full module's ~230 imports that
//! was ~6 KB of gzip. Here every import of the glue's own module
//! (`./<name>_bg.js`) and every export named `wasm_bindgen_…` get a one- or
//! two-letter name, in the module and in the glue at once; the imports of the
//! snippets (`./snippets/…`, real exports of JS files) and the exports the
//! glue wraps for the package (`compile`, `memory`, …) keep their names.
//!
//! The rename is checked, not assumed: each old name must occur in the glue,
//! no new name may already occur in it as a word, no import name may also be
//! an export name, and anything in the module this reader does not know stops
//! the build instead of shipping a module its glue cannot instantiate.

use anyhow::{bail, Context, Result};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The import section's id.
const IMPORT_SECTION: u8 = 2;
/// The export section's id.
const EXPORT_SECTION: u8 = 7;

/// Renames the glue's imports of `wasm` and, in the same way, the keys of the
/// glue beside it (`<stem>.js` for `<stem>_bg.wasm`). Returns how many
/// imports were renamed.
pub fn apply(wasm: &Path) -> Result<usize> {
    let glue_path = glue_of(wasm)?;
    let bytes = std::fs::read(wasm).with_context(|| format!("cannot read {}", wasm.display()))?;
    let glue = std::fs::read_to_string(&glue_path)
        .with_context(|| format!("cannot read {}", glue_path.display()))?;
    let module_name = format!("./{}.js", stem_of(wasm)?);
    let (new_wasm, new_glue, renamed) = rename(&bytes, &glue, &module_name)
        .with_context(|| format!("short import names for {}", wasm.display()))?;
    std::fs::write(wasm, new_wasm)?;
    std::fs::write(&glue_path, new_glue)?;
    Ok(renamed)
}

/// `dangjian_bg` for `…/dangjian_bg.wasm`.
fn stem_of(wasm: &Path) -> Result<String> {
    wasm.file_stem()
        .and_then(|s| s.to_str())
        .map(str::to_owned)
        .with_context(|| format!("{} has no file name", wasm.display()))
}

/// `…/dangjian.js` for `…/dangjian_bg.wasm`.
fn glue_of(wasm: &Path) -> Result<std::path::PathBuf> {
    let stem = stem_of(wasm)?;
    let Some(base) = stem.strip_suffix("_bg") else {
        bail!(
            "{} is not a wasm-bindgen module (<name>_bg.wasm)",
            wasm.display()
        );
    };
    Ok(wasm.with_file_name(format!("{base}.js")))
}

/// The prefix of the exports wasm-bindgen adds for its own glue (the
/// closures' entry points, named after their Rust types): renamed too.
const GLUE_EXPORT_PREFIX: &str = "wasm_bindgen_";

/// The module and glue with the imports of `module_name`, and the exports
/// named [`GLUE_EXPORT_PREFIX`]…, renamed.
fn rename(wasm: &[u8], glue: &str, module_name: &str) -> Result<(Vec<u8>, String, usize)> {
    let sections = sections(wasm)?;
    let exports: HashSet<&[u8]> = match sections.iter().find(|s| s.id == EXPORT_SECTION) {
        Some(section) => export_names(section.body(wasm))?
            .into_iter()
            .map(|(name, _)| name)
            .collect(),
        None => HashSet::new(),
    };
    let mut names = Renames {
        words: words(glue),
        fresh: Names::default(),
        map: HashMap::new(),
    };
    let mut out = Vec::with_capacity(wasm.len());
    out.extend_from_slice(wasm.get(..8).unwrap_or_default());
    for section in &sections {
        let body = match section.id {
            IMPORT_SECTION => imports(section.body(wasm), module_name, &exports, &mut names)?,
            EXPORT_SECTION => exports_renamed(section.body(wasm), &mut names)?,
            _ => {
                out.extend_from_slice(section.whole(wasm));
                continue;
            }
        };
        out.push(section.id);
        write_u32(&mut out, u32::try_from(body.len())?);
        out.extend_from_slice(&body);
    }
    let renamed = names.map.len();
    Ok((out, replace_words(glue, &names.map), renamed))
}

/// The old names and their new ones, and what the glue already uses.
struct Renames<'g> {
    words: HashSet<&'g str>,
    fresh: Names,
    map: HashMap<String, String>,
}

impl Renames<'_> {
    /// The short name of `old`, which must be a word of the glue.
    fn short(&mut self, old: &[u8]) -> Result<Vec<u8>> {
        let old = std::str::from_utf8(old).context("a name is not UTF-8")?;
        if !self.words.contains(old) {
            bail!("{old} is not in the glue");
        }
        if let Some(short) = self.map.get(old) {
            return Ok(short.clone().into_bytes());
        }
        let short = self.fresh.next_unused(&self.words);
        self.map.insert(old.to_owned(), short.clone());
        Ok(short.into_bytes())
    }
}

/// The import section with the fields of `module_name` renamed.
fn imports(
    section: &[u8],
    module_name: &str,
    exports: &HashSet<&[u8]>,
    names: &mut Renames<'_>,
) -> Result<Vec<u8>> {
    let mut body = Vec::new();
    let mut reader = Reader::new(section);
    let count = reader.u32()?;
    write_u32(&mut body, count);
    for _ in 0..count {
        let module = reader.name()?;
        let field = reader.name()?;
        let desc = reader.import_desc()?;
        let new_field = if module == module_name.as_bytes() {
            if exports.contains(field) {
                bail!(
                    "{} is both imported and exported",
                    String::from_utf8_lossy(field)
                );
            }
            names.short(field)?
        } else {
            field.to_vec()
        };
        write_name(&mut body, module);
        write_name(&mut body, &new_field);
        body.extend_from_slice(desc);
    }
    if !reader.is_empty() {
        bail!("the import section has bytes after its last entry");
    }
    Ok(body)
}

/// The export section with the glue's own exports renamed.
fn exports_renamed(section: &[u8], names: &mut Renames<'_>) -> Result<Vec<u8>> {
    let mut body = Vec::new();
    let list = export_names(section)?;
    write_u32(&mut body, u32::try_from(list.len())?);
    for (name, desc) in list {
        let new_name = if name.starts_with(GLUE_EXPORT_PREFIX.as_bytes()) {
            names.short(name)?
        } else {
            name.to_vec()
        };
        write_name(&mut body, &new_name);
        body.extend_from_slice(desc);
    }
    Ok(body)
}

/// One section of a module: its id and where its header and body lie.
pub(crate) struct Section {
    pub(crate) id: u8,
    start: usize,
    body_start: usize,
    end: usize,
}

impl Section {
    /// The section's bytes after its id and size.
    pub(crate) fn body<'a>(&self, wasm: &'a [u8]) -> &'a [u8] {
        wasm.get(self.body_start..self.end).unwrap_or_default()
    }
    fn whole<'a>(&self, wasm: &'a [u8]) -> &'a [u8] {
        wasm.get(self.start..self.end).unwrap_or_default()
    }
}

/// The sections of a module, in order.
pub(crate) fn sections(wasm: &[u8]) -> Result<Vec<Section>> {
    if wasm.get(..8) != Some(b"\0asm\x01\0\0\0".as_slice()) {
        bail!("not a WebAssembly 1.0 module");
    }
    let mut reader = Reader { bytes: wasm, at: 8 };
    let mut out = Vec::new();
    while !reader.is_empty() {
        let start = reader.at;
        let id = reader.byte()?;
        let size = usize::try_from(reader.u32()?)?;
        let body_start = reader.at;
        let end = body_start
            .checked_add(size)
            .filter(|&end| end <= wasm.len())
            .context("a section runs past the end of the module")?;
        reader.at = end;
        out.push(Section {
            id,
            start,
            body_start,
            end,
        });
    }
    Ok(out)
}

/// The exports: each name and its description (kind and index) as bytes.
fn export_names(body: &[u8]) -> Result<Vec<(&[u8], &[u8])>> {
    let mut reader = Reader::new(body);
    let count = reader.u32()?;
    let mut names = Vec::new();
    for _ in 0..count {
        let name = reader.name()?;
        let start = reader.at;
        reader.byte()?;
        reader.u32()?;
        names.push((name, body.get(start..reader.at).unwrap_or_default()));
    }
    if !reader.is_empty() {
        bail!("the export section has bytes after its last entry");
    }
    Ok(names)
}

/// A cursor over a module's bytes.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// A cursor at the start of `bytes`.
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }
    /// Whether every byte has been read.
    pub(crate) fn is_empty(&self) -> bool {
        self.at >= self.bytes.len()
    }
    /// One byte.
    pub(crate) fn byte(&mut self) -> Result<u8> {
        let b = *self
            .bytes
            .get(self.at)
            .context("unexpected end of the module")?;
        self.at += 1;
        Ok(b)
    }
    /// An unsigned LEB128 of up to 64 bits (u32 values and memory64 limits).
    fn u64(&mut self) -> Result<u64> {
        let mut value = 0u64;
        for shift in (0..70).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        bail!("a LEB128 number is too long")
    }
    /// An unsigned LEB128 of up to 32 bits.
    pub(crate) fn u32(&mut self) -> Result<u32> {
        Ok(u32::try_from(self.u64()?)?)
    }
    /// A signed LEB128 (heap types).
    fn s33(&mut self) -> Result<()> {
        self.u64().map(drop)
    }
    /// A name: its length, then its bytes.
    pub(crate) fn name(&mut self) -> Result<&'a [u8]> {
        let len = usize::try_from(self.u32()?)?;
        let end = self
            .at
            .checked_add(len)
            .context("a name runs past the end")?;
        let name = self
            .bytes
            .get(self.at..end)
            .context("a name runs past the end")?;
        self.at = end;
        Ok(name)
    }
    fn limits(&mut self) -> Result<()> {
        let flags = self.byte()?;
        self.u64()?;
        if flags & 1 != 0 {
            self.u64()?;
        }
        Ok(())
    }
    /// A value type: a number or vector type, or a reference type with its heap type.
    fn value_type(&mut self) -> Result<()> {
        match self.byte()? {
            0x63 | 0x64 => self.s33(),
            _ => Ok(()),
        }
    }
    /// An import's description (function, table, memory, global or tag), as its bytes.
    fn import_desc(&mut self) -> Result<&'a [u8]> {
        let start = self.at;
        match self.byte()? {
            0x00 => {
                self.u32()?;
            }
            0x01 => {
                self.value_type()?;
                self.limits()?;
            }
            0x02 => self.limits()?,
            0x03 => {
                self.value_type()?;
                self.byte()?;
            }
            0x04 => {
                self.byte()?;
                self.u32()?;
            }
            kind => bail!("an import of an unknown kind {kind:#x}"),
        }
        self.bytes
            .get(start..self.at)
            .context("unexpected end of the module")
    }
}

fn write_u32(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let b = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn write_name(out: &mut Vec<u8>, name: &[u8]) {
    // Names come from a section that held them, so their length fits.
    write_u32(out, u32::try_from(name.len()).unwrap_or(u32::MAX));
    out.extend_from_slice(name);
}

/// Whether `c` can be part of a JavaScript identifier (ASCII only: the glue's
/// names are ASCII).
fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// Every word (run of identifier characters) of the glue.
fn words(glue: &str) -> HashSet<&str> {
    glue.split(|c: char| !is_word(c))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The glue with every word that `map` names replaced.
fn replace_words(glue: &str, map: &HashMap<String, String>) -> String {
    let mut out = String::with_capacity(glue.len());
    let mut word_start = None;
    for (i, c) in glue.char_indices() {
        if is_word(c) {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(start) = word_start.take() {
            push_word(&mut out, glue.get(start..i).unwrap_or_default(), map);
        }
        out.push(c);
    }
    if let Some(start) = word_start {
        push_word(&mut out, glue.get(start..).unwrap_or_default(), map);
    }
    out
}

fn push_word(out: &mut String, word: &str, map: &HashMap<String, String>) {
    out.push_str(map.get(word).map_or(word, String::as_str));
}

/// Short identifiers in order: `a` … `Z`, then `a0` … `ZZ`, and so on.
#[derive(Default)]
struct Names {
    n: usize,
}

impl Names {
    const FIRST: &'static [u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const REST: &'static [u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// The next name that is not already a word of the glue.
    fn next_unused(&mut self, taken: &HashSet<&str>) -> String {
        loop {
            let name = Self::nth(self.n);
            self.n += 1;
            if !taken.contains(name.as_str()) {
                return name;
            }
        }
    }

    fn nth(mut n: usize) -> String {
        let first = Self::FIRST.len();
        let rest = Self::REST.len();
        let mut name = Vec::new();
        let mut digits = 0;
        let mut span = first;
        while n >= span {
            n -= span;
            digits += 1;
            span *= rest;
        }
        let mut tail = Vec::new();
        for _ in 0..digits {
            tail.push(Self::REST[n % rest]);
            n /= rest;
        }
        name.push(Self::FIRST[n % first]);
        name.extend(tail.iter().rev());
        String::from_utf8(name).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing two glue functions and one snippet function,
    /// exporting one function of the API and one of the glue's own.
    fn module() -> Vec<u8> {
        let mut imports = Vec::new();
        write_u32(&mut imports, 3);
        for (module, field) in [
            ("./x_bg.js", "__wbg_log_0123456789abcdef"),
            ("./snippets/s/e.js", "lazy"),
            ("./x_bg.js", "__wbindgen_init"),
        ] {
            write_name(&mut imports, module.as_bytes());
            write_name(&mut imports, field.as_bytes());
            imports.extend_from_slice(&[0, 0]);
        }
        let mut exports = Vec::new();
        write_u32(&mut exports, 2);
        write_name(&mut exports, b"run");
        exports.extend_from_slice(&[0, 2]);
        write_name(&mut exports, b"wasm_bindgen_1234___invoke");
        exports.extend_from_slice(&[0, 3]);
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        // a type section: one `() -> ()`
        wasm.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        wasm.push(IMPORT_SECTION);
        write_u32(&mut wasm, imports.len() as u32);
        wasm.extend_from_slice(&imports);
        wasm.push(EXPORT_SECTION);
        write_u32(&mut wasm, exports.len() as u32);
        wasm.extend_from_slice(&exports);
        wasm
    }

    fn import_fields(wasm: &[u8]) -> Vec<String> {
        let sections = sections(wasm).unwrap();
        let section = sections.iter().find(|s| s.id == IMPORT_SECTION).unwrap();
        let mut reader = Reader::new(section.body(wasm));
        let count = reader.u32().unwrap();
        (0..count)
            .map(|_| {
                reader.name().unwrap();
                let field = String::from_utf8(reader.name().unwrap().to_vec()).unwrap();
                reader.import_desc().unwrap();
                field
            })
            .collect()
    }

    #[test]
    fn renames_in_module_and_glue_alike() {
        let glue = "const a = 1;\nconst import0 = { __wbg_log_0123456789abcdef: function(x) { console.log(x) }, __wbindgen_init: function() {} };\nwasm.run();\nfunction wasm_bindgen_1234___invoke(x) { wasm.wasm_bindgen_1234___invoke(x); }";
        let (wasm, glue, renamed) = rename(&module(), glue, "./x_bg.js").unwrap();
        assert_eq!(renamed, 3);
        // `a` is taken by the glue: the names start at `b`.
        assert_eq!(import_fields(&wasm), ["b", "lazy", "c"]);
        assert_eq!(
            glue,
            "const a = 1;\nconst import0 = { b: function(x) { console.log(x) }, c: function() {} };\nwasm.run();\nfunction d(x) { wasm.d(x); }"
        );
        let sections = sections(&wasm).unwrap();
        let section = sections.iter().find(|s| s.id == EXPORT_SECTION).unwrap();
        let exports = export_names(section.body(&wasm)).unwrap();
        assert_eq!(
            exports,
            [(&b"run"[..], &[0u8, 2][..]), (&b"d"[..], &[0u8, 3][..])]
        );
    }

    #[test]
    fn an_import_missing_from_the_glue_stops() {
        let glue = "const import0 = { __wbindgen_init: function() {} };";
        assert!(rename(&module(), glue, "./x_bg.js").is_err());
    }

    #[test]
    fn names_are_short_and_distinct() {
        let names: Vec<String> = (0..3000).map(Names::nth).collect();
        assert_eq!(names[0], "a");
        assert_eq!(names[51], "Z");
        assert_eq!(names[52], "aa");
        let distinct: HashSet<&String> = names.iter().collect();
        assert_eq!(distinct.len(), names.len());
        assert!(names.iter().all(|n| !n.as_bytes()[0].is_ascii_digit()));
    }
}
