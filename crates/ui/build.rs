//! The components' style sheet, minified into OUT_DIR: comments dropped and
//! runs of white space made one (none around `{`, `}` and `;`), so the module
//! carries less of it. Strings and selectors keep their single spaces, so
//! `.a :focus` stays a descendant selector.

use std::path::PathBuf;

fn minify(css: &str) -> String {
    let mut plain = String::with_capacity(css.len());
    let mut rest = css;
    // Drop comments.
    while let Some((before, after)) = rest.split_once("/*") {
        plain.push_str(before);
        rest = after.split_once("*/").map_or("", |(_, tail)| tail);
    }
    plain.push_str(rest);
    // One space for any run of white space, none beside braces and semicolons.
    let mut tight = String::with_capacity(plain.len());
    let mut space = false;
    for c in plain.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let after_brace = tight.ends_with(['{', '}', ';']) || tight.is_empty();
        if space && !after_brace && !matches!(c, '{' | '}' | ';') {
            tight.push(' ');
        }
        space = false;
        tight.push(c);
    }
    tight
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let source = "styles/ui.css";
    println!("cargo:rerun-if-changed={source}");
    let css = std::fs::read_to_string(source)?;
    let out = PathBuf::from(std::env::var("OUT_DIR")?);
    std::fs::write(out.join("ui.min.css"), minify(&css))?;
    Ok(())
}
