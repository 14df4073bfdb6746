//! JSON text without the whitespace between tokens (strings untouched): the
//! built-in specs in about half their bytes. Shared by the build script (which
//! embeds them) and `cargo xtask dist` (which ships them as files for browsers),
//! so both give byte-identical documents.

/// `text` with every whitespace character outside strings removed.
pub fn compact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_ascii_whitespace() {
            out.push(c);
        }
    }
    out
}
