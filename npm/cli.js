#!/usr/bin/env node
// dangjian-forms — the command line of the npm package, on the Node entry:
// `npx dangjian-forms check-spec | validate | spec | settings | rule`. For the
// same arguments it prints the same JSON as the `dangjian` command line (and
// exits with the same code: 0 valid, 1 invalid, 2 usage, spec or parse error),
// so a county checks its spec and its records with no Rust toolchain.
import { existsSync, readFileSync } from "node:fs";
import * as api from "./node.js";

const USAGE = `usage: dangjian-forms <command> [arguments]

  check-spec <spec.json|-> [--json] [--locale zh-CN|en]
      every mistake in a spec, each with its JSON Pointer
  validate --form <id|spec.json> [<data.json|->] [--locale] [--today YYYY-MM-DD] [--set NAME=VALUE]…
      the report of one record, as JSON
  spec <id>
      a built-in spec, as pretty JSON
  settings <id|spec.json> [--format json|text] [--locale] [--set NAME=VALUE]…
      the form's settings with their defaults, ranges, units and sources
  rule <JSON|@rule.json> [<JSON|@data.json|->] [--today] [--settings <JSON|file>] [--set NAME=VALUE]… [--locale] [--limit NAME=N]
      the value of one JSONLogic expression over a data document`;

/** A refusal: printed as `dangjian-forms: message [code]`, exit 2. */
class Failure extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

const usage = (message) => new Failure("usage", `${message}\n${USAGE}`);

/** Reads `--name value`, `--name=value`, flags and positionals of one command. */
function parse(argv, spec) {
  const out = { positional: [], set: [] };
  for (const name of spec.flags ?? []) out[name] = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--") || arg === "-") {
      out.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    if ((spec.flags ?? []).includes(name)) {
      out[name] = true;
      continue;
    }
    if (!(spec.options ?? []).includes(name)) throw usage(`unknown option --${name}`);
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined) throw usage(`--${name} needs a value`);
    if (name === "set") out.set.push(setting(value));
    else if (name === "limit") (out.limit ??= []).push(value);
    else out[name] = value;
  }
  return out;
}

/** `NAME=VALUE` of `--set`: the value as JSON, else as text (as the dangjian CLI reads it). */
function setting(text) {
  const eq = text.indexOf("=");
  if (eq < 0) throw usage(`“${text}” is not NAME=VALUE`);
  const raw = text.slice(eq + 1);
  let value;
  try {
    value = JSON.parse(raw);
  } catch (_) {
    value = raw;
  }
  return [text.slice(0, eq).trim(), value];
}

function locale(tag) {
  const lower = (tag ?? "zh-CN").trim().toLowerCase();
  if (lower === "zh" || lower.startsWith("zh-") || lower.startsWith("zh_")) return "zh-CN";
  if (lower === "en" || lower.startsWith("en-") || lower.startsWith("en_")) return "en";
  throw new Failure("bad_options", `unknown locale “${tag}” (use zh-CN or en)`);
}

function readText(path) {
  try {
    return readFileSync(path === "-" ? 0 : path, "utf8");
  } catch (e) {
    throw new Failure("usage", `cannot read ${path}: ${e.message}`);
  }
}

/** A built-in form by id, or a spec file by path. */
function form(idOrPath) {
  if (api.forms().some((f) => f.id === idOrPath)) return api.compile(idOrPath);
  if (!existsSync(idOrPath)) {
    const ids = api.forms().map((f) => f.id).join(", ");
    throw new Failure("unknown_form", `no built-in form or spec file named “${idOrPath}” (built-in forms: ${ids})`);
  }
  return api.compile(readText(idOrPath));
}

/** `form` with the settings of `--set` changed. */
function withSettings(compiled, set) {
  return set.length ? compiled.withSettings(Object.fromEntries(set)) : compiled;
}

/**
 * Re-indents JSON text with two spaces, every token as written: what
 * `serde_json::to_string_pretty` gives for the same document.
 */
function pretty(text) {
  let out = "";
  let depth = 0;
  const newline = () => "\n" + "  ".repeat(depth);
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === "{" || c === "[") {
      const close = c === "{" ? "}" : "]";
      let j = i + 1;
      while (/\s/.test(text[j] ?? "")) j++;
      if (text[j] === close) {
        out += c + close;
        i = j;
      } else {
        depth++;
        out += c + newline();
      }
    } else if (c === "}" || c === "]") {
      depth--;
      out += newline() + c;
    } else if (c === ",") {
      out += c + newline();
    } else if (c === ":") {
      out += ": ";
    } else if (!/\s/.test(c)) {
      out += c;
    }
  }
  return out;
}

/** `value` as the dangjian CLI prints a `serde_json::Value`: keys sorted, two spaces. */
function sortedJson(value) {
  const sort = (v) =>
    Array.isArray(v)
      ? v.map(sort)
      : v !== null && typeof v === "object"
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort(v[k])]))
        : v;
  return JSON.stringify(sort(value), null, 2);
}

/** Today's date in China Standard Time (UTC+8), as the CLI reads it. */
function today() {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

function checkDate(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const d = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (!d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) {
    throw new Failure("bad_options", `“${text}” is not a date YYYY-MM-DD`);
  }
  return text;
}

// ------------------------------------------------------------------ commands

function checkSpec(argv) {
  const a = parse(argv, { flags: ["json"], options: ["locale"] });
  const [path] = a.positional;
  if (path === undefined || a.positional.length > 1) throw usage("check-spec takes one spec file");
  const lang = locale(a.locale);
  const text = readText(path);
  let diagnostics;
  try {
    const f = api.compile(text);
    diagnostics = f.warnings();
    f.free();
  } catch (e) {
    if (e?.code !== "spec_invalid" || !Array.isArray(e.diagnostics)) throw e;
    diagnostics = e.diagnostics;
  }
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  if (a.json) {
    print(sortedJson({ valid: errors === 0, diagnostics }));
  } else {
    for (const d of diagnostics) {
      const sev = d.severity.padEnd(8);
      print(`${sev} ${d.path === "" ? "(root)" : d.path}\n         ${lang === "en" ? d.message_en : d.message_zh} [${d.code}]`);
    }
    print(`${path}: ${errors} error(s), ${diagnostics.length - errors} warning(s)`);
  }
  if (errors > 0) throw new Failure("spec_invalid", `${path}: the spec has ${errors} error(s)`);
  return 0;
}

function validate(argv) {
  const a = parse(argv, { options: ["form", "locale", "today", "set", "format"] });
  if (a.form === undefined) throw usage("validate needs --form <id or spec.json>");
  if (a.format !== undefined && a.format !== "json") {
    throw usage("--format text is in the dangjian command line; this one prints the report as JSON");
  }
  if (a.positional.length > 1) throw usage("validate takes one record file");
  const lang = locale(a.locale);
  const compiled = withSettings(form(a.form), a.set);
  const options = { locale: lang, today: a.today === undefined ? today() : checkDate(a.today) };
  const data = a.positional[0] ?? "-";
  const text = readText(data);
  let report;
  try {
    report = compiled.validateJson(text, options);
  } catch (e) {
    if (e?.code === "bad_json" || e?.code === "too_large") throw new Failure(e.code, `${data}: ${e.message}`);
    throw e;
  }
  print(pretty(report));
  return JSON.parse(report).valid ? 0 : 1;
}

function spec(argv) {
  const a = parse(argv, {});
  const [id] = a.positional;
  if (id === undefined || a.positional.length > 1) throw usage("spec takes one built-in form id");
  if (!api.forms().some((f) => f.id === id)) {
    const ids = api.forms().map((f) => f.id).join(", ");
    throw new Failure("unknown_form", `no built-in form named “${id}” (built-in forms: ${ids})`);
  }
  print(pretty(readFileSync(new URL(`./forms/${id}.json`, import.meta.url), "utf8")));
  return 0;
}

function settings(argv) {
  const a = parse(argv, { options: ["format", "locale", "set"] });
  const [idOrPath] = a.positional;
  if (idOrPath === undefined || a.positional.length > 1) throw usage("settings takes one form id or spec file");
  const format = a.format ?? "json";
  if (format !== "json" && format !== "text") throw usage(`--format is json or text, not “${format}”`);
  const lang = locale(a.locale);
  const compiled = form(idOrPath);
  const current = a.set.length ? withSettings(compiled, a.set).settings() : undefined;
  const list = compiled.describeSettings({ locale: lang, current });
  if (format === "json") print(sortedJson(list));
  else print(settingsTable(list, lang));
  return 0;
}

/** The table of `dangjian settings --format text`. */
function settingsTable(list, lang) {
  const zh = lang === "zh-CN";
  const lines = [`${list.form} ${list.version} — ${zh ? "设置" : "settings"}`];
  const width = Math.max(0, ...list.settings.map((r) => r.name.length));
  const pad = (s) => s + " ".repeat(Math.max(0, width - s.length));
  const compact = (v) => {
    const s = typeof v === "string" ? v : JSON.stringify(v);
    const chars = [...s];
    return chars.length > 60 ? chars.slice(0, 57).join("") + "…" : s;
  };
  // Each group once, where its first setting stands (as the editor shows them).
  const first = (g) => list.settings.findIndex((r) => (r.group ?? "") === g);
  const rows = [...list.settings].sort((a, b) => first(a.group ?? "") - first(b.group ?? ""));
  let group = "";
  for (const r of rows) {
    const g = r.group ?? "";
    if (g !== group) {
      lines.push("", `[${g}]`);
      group = g;
    }
    let allowed = r.type ?? "any";
    if (r.min !== undefined && r.max !== undefined) allowed += ` ${r.min}–${r.max}`;
    else if (r.min !== undefined) allowed += ` ≥ ${r.min}`;
    else if (r.max !== undefined) allowed += ` ≤ ${r.max}`;
    if (r.options) allowed += `: ${r.options.map((o) => compact(o.value)).join(" | ")}`;
    if (r.unit) allowed += ` (${r.unit})`;
    const changed =
      JSON.stringify(r.value) !== JSON.stringify(r.default) ? ` (${zh ? "默认" : "default"} ${compact(r.default)})` : "";
    lines.push(`  ${pad(r.name)}  ${compact(r.value)}${changed}  [${allowed}]`);
    if (r.title) lines.push(`  ${pad("")}  ${r.title}`);
    if (r.source) lines.push(`  ${pad("")}  ${zh ? "依据：" : "source: "}${r.source}`);
  }
  return lines.join("\n");
}

/** The budget names of `--limit NAME=N`, as the dangjian CLI spells them. */
const RULE_LIMITS = { max_rule_steps: "maxRuleSteps", max_rule_depth: "maxRuleDepth", max_rule_size: "maxRuleSize", max_items: "maxItems" };

/**
 * `rule RULE [DATA]` as the dangjian CLI reads it: JSON text or `@FILE` (DATA also
 * `-`, standard input; default null), with `--today`, `--settings`, `--set`,
 * `--locale` and `--limit`. Earlier spellings still read: a bare file path, `--data`.
 */
function rule(argv) {
  const a = parse(argv, { options: ["data", "today", "settings", "set", "locale", "limit"] });
  const [logic, dataArg] = a.positional;
  if (logic === undefined || a.positional.length > 2 || (dataArg !== undefined && a.data !== undefined)) {
    throw usage("rule takes one JSONLogic expression and at most one data document (JSON text, @FILE or -)");
  }
  if (typeof api.evaluateRule !== "function") {
    throw new Failure("usage", "rule: evaluateRule is not available in this build of the package");
  }
  const read = (x, what) => {
    const text = x.startsWith("@") ? readText(x.slice(1)) : x === "-" || existsSync(x) ? readText(x) : x;
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new Failure("bad_json", `${what}: ${e.message}`);
    }
  };
  const data = dataArg ?? a.data;
  const settings = a.settings === undefined ? {} : read(a.settings, "--settings");
  if (settings === null || typeof settings !== "object" || Array.isArray(settings)) {
    throw new Failure("bad_options", "--settings must be a JSON object");
  }
  const limits = {};
  for (const [name, n] of (a.limit ?? []).map(setting)) {
    if (!(name in RULE_LIMITS)) throw usage(`unknown budget “${name}” (${Object.keys(RULE_LIMITS).join(", ")})`);
    limits[RULE_LIMITS[name]] = n;
  }
  const options = {
    today: a.today === undefined ? today() : checkDate(a.today),
    locale: locale(a.locale),
    settings: { ...settings, ...Object.fromEntries(a.set) },
    limits,
  };
  const result = api.evaluateRule(read(logic, "the rule"), data === undefined ? null : read(data, "the data"), options);
  print(sortedJson(result));
  return 0;
}

// ---------------------------------------------------------------------- main

const COMMANDS = { "check-spec": checkSpec, validate, spec, settings, rule };

function print(text) {
  process.stdout.write(text + "\n");
}

function main(argv) {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    print(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) throw usage(`unknown command “${name}”`);
  return command(rest);
}

let code;
try {
  code = main(process.argv.slice(2));
} catch (e) {
  const known = e instanceof Failure || api.isDangjianError(e);
  process.stderr.write(`dangjian-forms: ${known ? e.message : String(e?.stack ?? e)} [${known ? e.code : "internal"}]\n`);
  code = 2;
}
process.exitCode = code;
