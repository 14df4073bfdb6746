//! Turns the JavaScript glue `wasm-bindgen --target web` writes into a factory
//! of module instances.
//!
//! The glue keeps its one instance in module-level variables, and `initSync`
//! refuses a second one. The package must be able to throw away an instance
//! that trapped (its memory and stack may be corrupt) and start a fresh one at
//! once, synchronously, in Node and in browsers, without importing the glue
//! again. So the glue's body is wrapped in `export function createModule()`:
//! each call gives a new set of the glue's functions and classes, bound to a
//! new instance once `initSync({ module })` is called on it with the compiled
//! `WebAssembly.Module`.
//!
//! Two more changes make a dead instance harmless: every finalizer the glue
//! registers (to free Rust memory when a JS object is collected) runs through
//! a guard that does nothing once the instance is killed, and never lets an
//! exception escape (a finalizer that throws ends a Node process); and the
//! factory's result has `__kill()`, which the package calls when it retires
//! the instance.
//!
//! The glue's shape is that of the pinned wasm-bindgen version; anything this
//! transformation does not recognise stops the build instead of shipping a
//! half-converted file.

use anyhow::{bail, Result};

/// The guard every finalizer runs through, and the kill switch.
const GUARD: &str = "\
let __dangjianDead = false;
function __dangjianGuard(free) {
    return (held) => {
        if (__dangjianDead) return;
        try {
            free(held);
        } catch (_) {
            __dangjianDead = true;
        }
    };
}
";

/// The glue as a factory: `export function createModule()` returning an
/// object with every export of the original (the default export as `init`).
pub fn factory(glue: &str) -> Result<String> {
    let mut imports = String::new();
    let mut body = String::new();
    let mut names: Vec<String> = Vec::new();
    let mut guarded = 0;
    for line in glue.lines() {
        if line.starts_with("import ") {
            imports.push_str(line);
            imports.push('\n');
            continue;
        }
        if let Some(rest) = line.strip_prefix("export { ") {
            // `export { initSync, __wbg_init as default };`, and, where an
            // export's name is also that of an import of a snippet,
            // `export { defineElements2 as defineElements }`.
            let Some(list) = rest.strip_suffix(" };").or_else(|| rest.strip_suffix(" }")) else {
                bail!("unexpected export list in the glue: {line}");
            };
            for item in list.split(',').map(str::trim) {
                match item.split_once(" as ") {
                    Some((local, "default")) => names.push(format!("init: {local}")),
                    Some((local, exported)) if is_name(local) && is_name(exported) => {
                        names.push(format!("{exported}: {local}"));
                    }
                    Some(_) => bail!("unexpected renamed export in the glue: {line}"),
                    None => names.push(item.to_owned()),
                }
            }
            continue;
        }
        let declared = ["export class ", "export function "]
            .iter()
            .find_map(|p| line.strip_prefix(p).map(|rest| (*p, rest)));
        if let Some((prefix, rest)) = declared {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
                .collect();
            if name.is_empty() {
                bail!("cannot read the exported name in the glue: {line}");
            }
            names.push(name);
            body.push_str(&prefix.replacen("export ", "", 1));
            body.push_str(rest);
            body.push('\n');
            continue;
        }
        if line.trim_start().starts_with("export ") {
            bail!("unexpected export in the glue: {line}");
        }
        if let Some(at) = line.find("new FinalizationRegistry(") {
            let Some(inner) = line
                .get(at + "new FinalizationRegistry(".len()..)
                .and_then(|r| r.strip_suffix(");"))
            else {
                bail!("unexpected finalizer in the glue: {line}");
            };
            body.push_str(line.get(..at).unwrap_or_default());
            body.push_str(&format!(
                "new FinalizationRegistry(__dangjianGuard({inner}));\n"
            ));
            guarded += 1;
            continue;
        }
        body.push_str(line);
        body.push('\n');
    }
    if !names.iter().any(|n| n == "initSync") {
        bail!("the glue exports no initSync: not the wasm-bindgen --target web shape");
    }
    if guarded == 0 {
        bail!("the glue registers no finalizer: not the expected wasm-bindgen shape");
    }
    names.push("__kill: () => { __dangjianDead = true; }".to_owned());
    let mut out = String::new();
    out.push_str(&imports);
    out.push_str(
        "\n/** A new, uninitialised copy of the module's bindings (call `initSync` on it). */\n",
    );
    out.push_str("export function createModule() {\n");
    out.push_str(GUARD);
    out.push_str(&body);
    out.push_str("return {\n");
    for name in &names {
        out.push_str("    ");
        out.push_str(name);
        out.push_str(",\n");
    }
    out.push_str("};\n}\n");
    Ok(out)
}

/// Whether `word` is a plain JavaScript identifier.
fn is_name(word: &str) -> bool {
    !word.is_empty()
        && !word.starts_with(|c: char| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

#[cfg(test)]
mod tests {
    use super::factory;

    const GLUE: &str = r#"/* @ts-self-types="./dangjian.d.ts" */
import * as import1 from "./snippets/x/js/elements.js"

export class Form {
    free() {}
}
export function compile(specOrId) {
    return wasm.compile(specOrId);
}
const FormFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_form_free(ptr, 1));
let wasm;
function initSync(module) {}
async function __wbg_init(module_or_path) {}
export { initSync, __wbg_init as default };
"#;

    #[test]
    fn the_glue_becomes_a_factory_with_guarded_finalizers() {
        let out = factory(GLUE).unwrap();
        assert!(out.starts_with("import * as import1"));
        assert!(out.contains("export function createModule() {"));
        assert!(out.contains("\nclass Form {"));
        assert!(out.contains("\nfunction compile(specOrId) {"));
        assert!(out.contains(
            "new FinalizationRegistry(__dangjianGuard(ptr => wasm.__wbg_form_free(ptr, 1)));"
        ));
        for name in [
            "Form,",
            "compile,",
            "initSync,",
            "init: __wbg_init,",
            "__kill:",
        ] {
            assert!(out.contains(name), "{name} missing:\n{out}");
        }
        assert_eq!(out.matches("export ").count(), 1, "{out}");
    }

    #[test]
    fn a_renamed_export_keeps_its_exported_name() {
        let glue = GLUE.replace(
            "let wasm;",
            "function defineElements2(a) {}\nexport { defineElements2 as defineElements }\nlet wasm;",
        );
        let out = factory(&glue).unwrap();
        assert!(out.contains("defineElements: defineElements2,"), "{out}");
        assert_eq!(out.matches("export ").count(), 1, "{out}");
        let odd = GLUE.replace("let wasm;", "export { a as b-c }\nlet wasm;");
        assert!(factory(&odd).is_err());
    }

    #[test]
    fn an_unknown_shape_stops_the_build() {
        assert!(factory("export let x = 1;\n").is_err());
        assert!(factory("export class A {}\n").is_err());
    }
}
