//! Theming holds: every colour the components draw is a custom property of the
//! theme (its default written once, in js/elements.js, and put on `:host` of
//! the built sheet), and every property is documented in docs/ui.md with its
//! default.
// Helpers of a test file: a missing file or marker is a failed test.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use std::path::Path;

fn read(path: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Text with `/* … */` comments blanked out (line numbers kept).
fn without_block_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, after)) = rest.split_once("/*") {
        out.push_str(before);
        let (comment, tail) = after.split_once("*/").unwrap_or((after, ""));
        out.extend(comment.chars().filter(|&c| c == '\n'));
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// Colour literals on a line: `#abc`, `#aabbcc`, `#aabbccdd`, `rgb(`, `rgba(`, `hsl(`, `hsla(`.
fn colours(line: &str) -> Vec<String> {
    let mut found = Vec::new();
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'#' {
            let hex = bytes[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_hexdigit())
                .count();
            let next = bytes.get(i + 1 + hex).copied().unwrap_or(b' ');
            let before = if i == 0 { b' ' } else { bytes[i - 1] };
            // `&#x…;` entities, `#id` selectors and `#[attr]` are not colours.
            if matches!(hex, 3 | 4 | 6 | 8)
                && !next.is_ascii_alphanumeric()
                && next != b'-'
                && next != b'_'
                && before != b'&'
            {
                found.push(line[i..i + 1 + hex].to_owned());
            }
        }
    }
    for f in ["rgb(", "rgba(", "hsl(", "hsla("] {
        if line.contains(f) {
            found.push(f.to_owned());
        }
    }
    found
}

/// A line that declares a theme property: `--dj-name: value;`.
fn declares_property(line: &str) -> bool {
    line.trim_start().starts_with("--dj-")
}

#[test]
fn no_colour_outside_the_custom_properties() {
    let mut offenders = Vec::new();
    let files = [
        "styles/ui.css",
        "js/elements.js",
        "../../npm/ui.js",
        "../../npm/engine.js",
    ];
    for file in files {
        let text = without_block_comments(&read(file));
        for (n, line) in text.lines().enumerate() {
            let line = line.split("// ").next().unwrap_or(line);
            if declares_property(line) {
                continue;
            }
            for c in colours(line) {
                offenders.push(format!("{file}:{}: {c} in `{}`", n + 1, line.trim()));
            }
        }
    }
    // The Rust sources draw no colour of their own either.
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for (n, line) in text.lines().enumerate() {
                    if line.trim_start().starts_with("//") {
                        continue;
                    }
                    for c in colours(line) {
                        if c.starts_with('#') || line.contains("style") {
                            offenders.push(format!("{}:{}: {c}", path.display(), n + 1));
                        }
                    }
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "colours outside the theme's custom properties:\n{}",
        offenders.join("\n")
    );
}

/// The theme's defaults, THEME in js/elements.js, as `(name, value)`.
fn theme_properties() -> Vec<(String, String)> {
    let js = read("js/elements.js");
    let start = js.find("// THEME-START").unwrap();
    let end = js.find("// THEME-END").unwrap();
    js[start..end]
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("--dj-"))
        .map(|l| {
            let (name, value) = l.split_once(':').unwrap();
            (
                name.trim().to_owned(),
                value.trim().trim_end_matches(';').trim().to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_sheet_carries_the_defaults_on_host() {
    let css = dangjian_ui::host::CSS;
    assert!(
        css.starts_with(":host{"),
        "the sheet opens with its :host block"
    );
    let host = &css[..css.find('}').unwrap()];
    let declared: Vec<String> = host
        .trim_start_matches(":host{")
        .split(';')
        .filter(|d| d.starts_with("--dj-"))
        .map(str::to_owned)
        .collect();
    let theme: Vec<String> = theme_properties()
        .into_iter()
        .map(|(n, v)| format!("{n}: {v}"))
        .collect();
    assert!(!theme.is_empty(), "elements.js has no THEME");
    assert_eq!(
        declared, theme,
        "the :host block of the built sheet is not THEME of elements.js"
    );
}

#[test]
fn every_property_is_documented_with_its_default() {
    let docs = read("../../docs/ui.md");
    let theming = &docs[docs.find("## Theming").unwrap()..];
    let mut missing = Vec::new();
    for (name, value) in theme_properties() {
        let row = theming
            .lines()
            .find(|l| l.starts_with('|') && l.contains(&format!("`{name}`")));
        match row {
            None => missing.push(format!("{name} is not in the table")),
            Some(row) if name != "--dj-font" && !row.contains(&format!("`{value}`")) => missing
                .push(format!(
                    "{name}: the row does not give the default `{value}`"
                )),
            Some(_) => {}
        }
    }
    assert!(
        missing.is_empty(),
        "docs/ui.md, Theming:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_container_query_has_a_media_query_fallback() {
    let css = dangjian_ui::host::CSS;
    let containers = css.matches("@container").count();
    let fallbacks = css
        .matches("@supports not (container-type:inline-size){@media (max-width:")
        .count();
    assert!(containers >= 4, "{containers}");
    assert_eq!(containers, fallbacks);
    assert!(css
        .contains("@supports not (container-type:inline-size){@media (max-width: 72em){.dj-body"));
}

#[test]
fn the_settings_editors_rules_are_in_the_settings_entrys_sheet_only() {
    let css = dangjian_ui::host::CSS;
    assert_eq!(css.contains(".dj-set-body{"), cfg!(feature = "settings"));
    assert_eq!(css.contains(".dj-set-row"), cfg!(feature = "settings"));
    assert!(!css.contains("SETTINGS"), "the marks are comments, dropped");
    // What follows the block is still there.
    assert!(css.contains(".dj-readonly .dj-section-body{"));
}

/// The declarations of `property` in the forms' sheet (comments dropped), each
/// with whether it stands inside `@media print`.
fn declared_values(property: &str) -> Vec<(String, bool)> {
    let css = without_block_comments(&read("styles/ui.css"));
    let print = css.find("@media print").unwrap();
    let print_end = print + css[print..].find("\n}\n").unwrap();
    let key = format!("{property}:");
    let mut values = Vec::new();
    let mut from = 0;
    while let Some(at) = css[from..].find(&key) {
        let start = from + at;
        from = start + key.len();
        // `--dj-font-size:` holds `font-size:` too: only a property name standing alone.
        if css[..start].ends_with('-') {
            continue;
        }
        let rest = &css[from..];
        let end = rest.find([';', '}']).unwrap();
        let value = rest[..end].trim().trim_end_matches("!important").trim();
        values.push((value.to_owned(), (print..print_end).contains(&start)));
    }
    values
}

#[test]
fn text_sizes_are_steps_of_the_type_scale() {
    let mut off = Vec::new();
    for (value, print) in declared_values("font-size") {
        let step = value.starts_with("var(--fs-") || value == "var(--dj-font-size)";
        // A heading back to the body's size; the check mark drawn in its 15px box.
        let plain = value == "1em" || value == "12px";
        if !(step || plain || (print && value.ends_with("pt"))) {
            off.push(value);
        }
    }
    assert!(
        off.is_empty(),
        "font sizes off the type scale of styles/ui.css (.dj's --fs-*): {off:?}"
    );
    assert!(declared_values("font-size").len() > 40);
}

#[test]
fn text_weights_are_regular_or_bold() {
    let weights = declared_values("font-weight");
    let off: Vec<_> = weights
        .iter()
        .filter(|(v, _)| v != "400" && v != "700")
        .collect();
    assert!(
        off.is_empty(),
        "font weights other than 400 and 700 in styles/ui.css: {off:?}"
    );
    assert!(weights.len() > 40);
}
