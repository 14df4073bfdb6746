//! `dangjian spec`: a built-in spec, to start a county's own variant from.

use crate::{Failure, Outcome};

/// Arguments of `spec`.
#[derive(clap::Args)]
pub struct Args {
    /// A built-in form id (see `dangjian forms`).
    id: String,
}

/// Prints the built-in spec (pretty JSON, two spaces, properties in the
/// spec's own order: what `JSON.stringify(spec, null, 2)` gives), the text a
/// county copies.
pub fn run(args: &Args) -> Result<Outcome, Failure> {
    let Some(form) = dangjian_standards::builtin(&args.id) else {
        return Err(Failure::new(
            "unknown_form",
            format!(
                "no built-in form named “{}” (built-in forms: {})",
                args.id,
                crate::load::builtin_ids()
            ),
        ));
    };
    // Checked first, so only well-formed JSON is re-indented.
    crate::load::parse_json(form.spec, &args.id)?;
    outln!("{}", pretty(form.spec));
    Ok(Outcome::Valid)
}

/// Re-indents well-formed JSON text with two spaces, keeping the order of
/// properties and every token as written; empty arrays and objects stay `[]`
/// and `{}`.
pub fn pretty(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = text.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.push_str(&"  ".repeat(depth));
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                while chars.peek().is_some_and(|n| n.is_whitespace()) {
                    chars.next();
                }
                if chars.peek() == Some(&close) {
                    chars.next();
                    out.push(close);
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn pretty_keeps_order_and_tokens() {
        let text = r#"{"b":1,"a":[],"c":{"d":"x\"y, z","e":[1.0,{}]}}"#;
        assert_eq!(
            super::pretty(text),
            "{\n  \"b\": 1,\n  \"a\": [],\n  \"c\": {\n    \"d\": \"x\\\"y, z\",\n    \"e\": [\n      1.0,\n      {}\n    ]\n  }\n}"
        );
    }
}
