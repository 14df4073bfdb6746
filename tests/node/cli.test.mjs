// The package's own command line (`npx dangjian-forms …`, npm/cli.js on the
// Node entry) against the Rust one: every golden vector through `validate`
// must print the CLI's expected report byte for byte, and `spec`, `settings`
// and `check-spec` must print what `dangjian` prints for the same arguments
// (`$DANGJIAN_CLI`, built by the xtask step), with the same exit code.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as node from "dangjian-forms/node";
import { kindOf, rawMember } from "./lib/parity.mjs";
import { loadVectors, vectorsDir } from "./lib/vectors.mjs";

const require = createRequire(import.meta.url);
const bin = join(dirname(require.resolve("dangjian-forms/package.json")), "cli.js");
const rust = process.env.DANGJIAN_CLI;
const root = process.env.DANGJIAN_ROOT;

const run = (command, args, input) => {
  const r = spawnSync(command, args, { input: input ?? "", encoding: "utf8", maxBuffer: 64 << 20 });
  return { out: r.stdout, err: r.stderr, code: r.status };
};
const npx = (args, input) => run(process.execPath, [bin, ...args], input);
const cli = (args, input) => run(rust, args, input);

/** Both command lines on the same arguments: same output, same exit code. */
function same(args, input) {
  const ours = npx(args, input);
  const theirs = cli(args, input);
  assert.equal(ours.code, theirs.code, `${args.join(" ")}: exit ${ours.code}, dangjian ${theirs.code}\n${ours.err}`);
  assert.equal(ours.out, theirs.out, `${args.join(" ")}: the output differs`);
  return ours;
}

test("the Rust command line is at hand", () => {
  assert.ok(rust, "DANGJIAN_CLI names the dangjian binary (cargo xtask test node sets it)");
});

test("the package ships the schema of specs", () => {
  const schema = require("dangjian-forms/spec.schema.json");
  assert.ok(schema.properties.settings);
  assert.ok(schema.$defs.Setting.properties.options);
});

for (const vector of loadVectors().filter((v) => kindOf(v.name) === "form")) {
  test(`validate: vector ${vector.name}`, () => {
    const input = JSON.parse(vector.input);
    const form = input.form ?? join(vectorsDir(), dirname(vector.name), input.spec_file);
    const args = ["validate", "--form", form, "--locale", input.locale ?? "zh-CN"];
    for (const [name, value] of Object.entries(input.settings ?? {})) args.push("--set", `${name}=${JSON.stringify(value)}`);
    if (input.today) args.push("--today", input.today);
    args.push("-");
    const r = npx(args, rawMember(vector.input, "data") ?? "null");
    assert.equal(r.err, "");
    assert.equal(r.out, vector.expected, `${vector.name}: the report differs from the expected file`);
    assert.equal(r.code, JSON.parse(vector.expected).valid ? 0 : 1);
  });
}

test("spec prints every built-in spec as dangjian does", () => {
  for (const { id } of node.forms()) same(["spec", id]);
  const r = same(["spec", "no-such-form"]);
  assert.match(r.err, /\[unknown_form\]\n$/);
});

test("settings lists the same rows as dangjian, in JSON and as a table", () => {
  for (const { id } of node.forms()) {
    same(["settings", id]);
    same(["settings", id, "--locale", "en", "--format", "text"]);
  }
  same(["settings", "branch-checklist", "--set", "grade_stars_five_min=85", "--locale", "en"]);
  same(["settings", join(root, "examples/specs/village-safety-checklist.json"), "--format", "text"]);
});

test("an out-of-range setting is refused by both, naming the setting and its range", () => {
  for (const args of [
    ["settings", "meeting-minutes", "--set", "party_tuesday_weekday=9", "--locale", "en"],
    ["validate", "--form", "meeting-minutes", "--set", "theme_day_min_attendance_percent=150", "-"],
  ]) {
    const r = same(args, "{}");
    assert.equal(r.code, 2);
    assert.match(r.err, /\[setting\.out_of_range\]/);
  }
});

test("settings that break a check between them are refused by both, at both settings", () => {
  for (const args of [
    ["settings", "meeting-minutes", "--set", "election_quorum_num=9", "--set", "election_quorum_den=5", "--locale", "en"],
    ["validate", "--form", "meeting-minutes", "--set", "election_quorum_num=9", "-"],
  ]) {
    const r = same(args, "{}");
    assert.equal(r.code, 2);
    assert.match(r.err, /\/settings\/election_quorum_num/);
    assert.match(r.err, /\/settings\/election_quorum_den/);
    assert.match(r.err, /\[settings\.election_quorum\]/);
  }
});

test("check-spec gives the same diagnostics as dangjian", () => {
  const specs = [
    "examples/specs/village-safety-checklist.json",
    "crates/core/tests/hostile/spec-wrong-types.json",
    "crates/core/tests/hostile/spec-self-cycle.json",
    "crates/core/tests/hostile/spec-nan-points.json",
  ];
  for (const spec of specs) {
    same(["check-spec", join(root, spec), "--json"]);
    same(["check-spec", join(root, spec), "--json", "--locale", "en"]);
  }
});

test("rule evaluates one expression when the engine has evaluateRule, and says so when not", () => {
  const r = npx(["rule", '{"+": [{"var": "a"}, 1]}', "--data", '{"a": 2}']);
  if (typeof node.evaluateRule === "function") {
    assert.equal(r.code, 0, r.err);
    assert.doesNotThrow(() => JSON.parse(r.out));
  } else {
    assert.equal(r.code, 2);
    assert.match(r.err, /evaluateRule is not available/);
  }
});

test("rule reads its arguments as dangjian rule does and prints the same JSON, with the same exit code", (t) => {
  if (typeof node.evaluateRule !== "function") return t.skip("this build has no evaluateRule");
  const dir = mkdtempSync(join(tmpdir(), "dj-rule-"));
  const ruleFile = join(dir, "rule.json");
  const dataFile = join(dir, "data.json");
  writeFileSync(ruleFile, '{"merge": [{"var": "xs"}, [{"z": 1, "a": [true, null]}]]}');
  writeFileSync(dataFile, '{"xs": [1.5, "二", {"b": 2, "a": 1}]}');
  same(["rule", '{"+": [{"var": "a"}, 1]}', '{"a": 2}']);
  same(["rule", `@${ruleFile}`, `@${dataFile}`]);
  same(["rule", `@${ruleFile}`, "-"], '{"xs": []}');
  same(["rule", '{"var": "a"}', '{"a": {"z": 1, "b": 2}}']);
  same(["rule", '{"var": "$settings.q"}', "--set", "q=3"]);
  same(["rule", '{"var": "$settings"}', "--settings", '{"q": 1, "p": [2]}', "--set", "q=4"]);
  same(["rule", '{"var": "$today"}', "--today", "2026-01-02"]);
  same(["rule", '{"var": "$locale"}', "--locale", "en"]);
  same(["rule", '{"cat": ["a", 1, null]}']);
  // Refusals: exit 2 in both, whatever the wording.
  same(["rule", '{"bogus": [1]}']);
  same(["rule", '{"map": [[1, 2, 3], {"+": [{"var": ""}, 1]}]}', "--limit", "max_rule_steps=2"]);
  same(["rule", '{"var": ']);
  same(["rule"]);
});
