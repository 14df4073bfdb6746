//! The components' style sheets (the forms', with the theme's defaults from
//! THEME in js/elements.js on its `:host`, twice: the settings entry's whole and
//! the full entry's without the settings editor's rules; and the supervision's), minified
//! into OUT_DIR: comments dropped and
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

/// Each `@container (…) { … }` block followed by the same rules under
/// `@supports not (container-type: inline-size) { @media (…) { … } }`: browsers
/// without container queries (Chromium before 105, the kernels of many 360 and
/// QQ browsers) lay the form out by the width of the window instead of the
/// width it is given. One place for each layout rule: the fallback is made here.
fn with_container_fallbacks(css: &str) -> String {
    const AT: &str = "@container";
    let mut out = String::with_capacity(css.len() * 2);
    let mut rest = css;
    while let Some(start) = rest.find(AT) {
        out.push_str(&rest[..start]);
        let block = &rest[start..];
        let Some(open) = block.find('{') else {
            break;
        };
        // The matching closing brace (no braces inside strings in this sheet's blocks).
        let mut depth = 0usize;
        let mut end = None;
        for (i, c) in block.char_indices().skip(open) {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(end) = end else {
            break;
        };
        let condition = block[AT.len()..open].trim();
        let body = &block[open + 1..end];
        out.push_str(&block[..=end]);
        out.push_str(&format!(
            "@supports not (container-type:inline-size){{@media {condition}{{{body}}}}}"
        ));
        rest = &block[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Where ui.css takes the theme's custom properties.
const THEME_MARK: &str = "/* THEME: the custom properties of the theme, put here by build.rs */";
/// How js/elements.js opens its THEME (the declarations run to the next backtick).
const THEME_START: &str = "const THEME = `";

/// The sheet with the theme's defaults in place of [`THEME_MARK`]: the
/// declarations of THEME in js/elements.js, written there once because the
/// placeholder draws with them before the module arrives.
fn with_theme(css: &str, js: &str) -> Result<String, String> {
    let start = js
        .find(THEME_START)
        .map(|i| i + THEME_START.len())
        .ok_or("js/elements.js has no THEME")?;
    let theme = js
        .get(start..)
        .and_then(|rest| rest.split_once('`'))
        .map(|(theme, _)| theme)
        .ok_or("js/elements.js: THEME is not closed")?;
    if css.matches(THEME_MARK).count() != 1 {
        return Err(format!("styles/ui.css must hold `{THEME_MARK}` once"));
    }
    Ok(css.replacen(THEME_MARK, theme, 1))
}

/// Where the settings editor's rules begin and end in ui.css (comments, so the
/// sheet stays plain CSS for the linters).
const SETTINGS_BEGIN: &str = "/* SETTINGS BEGIN";
const SETTINGS_END: &str = "/* SETTINGS END */";

/// The sheet without the settings editor's rules: what the full entry's forms
/// use (the settings entry's module takes the whole sheet). In place, not
/// appended, so the cascade of the settings entry's sheet is the one written.
fn without_settings(css: &str) -> Result<String, String> {
    let (Some(begin), Some(end)) = (css.find(SETTINGS_BEGIN), css.find(SETTINGS_END)) else {
        return Err(format!(
            "styles/ui.css must mark the settings editor's rules with `{SETTINGS_BEGIN}` and `{SETTINGS_END}`"
        ));
    };
    if end < begin || css.matches(SETTINGS_BEGIN).count() != 1 {
        return Err("styles/ui.css: one settings block, its begin before its end".into());
    }
    Ok(format!(
        "{}{}",
        &css[..begin],
        &css[end + SETTINGS_END.len()..]
    ))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = PathBuf::from(std::env::var("OUT_DIR")?);
    let theme = "js/elements.js";
    println!("cargo:rerun-if-changed={theme}");
    let theme = std::fs::read_to_string(theme)?;
    // The form components' sheet (with the theme's defaults), and the
    // supervision's (<dj-supervision>).
    for (source, minified, themed) in [
        ("styles/ui.css", "ui-settings.min.css", true),
        ("styles/supervision.css", "supervision.min.css", false),
    ] {
        println!("cargo:rerun-if-changed={source}");
        let mut css = std::fs::read_to_string(source)?;
        if themed {
            css = with_theme(&css, &theme)?;
            // The full entry's sheet: the same without the settings editor's rules.
            let forms = without_settings(&css)?;
            std::fs::write(
                out.join("ui.min.css"),
                with_container_fallbacks(&minify(&forms)),
            )?;
        }
        std::fs::write(out.join(minified), with_container_fallbacks(&minify(&css)))?;
    }
    Ok(())
}
