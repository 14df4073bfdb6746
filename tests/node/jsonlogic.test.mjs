// evaluateRule against the JSONLogic suite (tests/jsonlogic/) and, when the
// reference implementation json-logic-js is installed beside the package (the
// `node` step of `cargo xtask test` installs it), against json-logic-js itself:
// the suite's recorded results, then random expressions over random data.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { evaluateRule } from "dangjian-forms/node";
import * as headless from "dangjian-forms/headless";

const require = createRequire(import.meta.url);
headless.initSync({ module: readFileSync(require.resolve("dangjian-forms/headless.wasm")) });

const root = process.env.DANGJIAN_ROOT ?? new URL("../..", import.meta.url).pathname;
const suite = (name) => JSON.parse(readFileSync(`${root}/tests/jsonlogic/${name}`, "utf8"));
const expand = (data) => {
  if (typeof data === "string" && data.endsWith(" zeros")) return Array(Number(data.split(" ")[0])).fill(0);
  if (data && typeof data === "object" && !Array.isArray(data)) return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, expand(v)]));
  return data;
};
// JSON with the keys of every object sorted: key order is not part of a JSON value.
const canonical = (v) => JSON.stringify(v, (_, x) => (x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, x[k]])) : x));
let reference = null;
try {
  reference = require("json-logic-js");
} catch {
  reference = null;
}

function runSuite(name, evaluate) {
  const failures = [];
  for (const c of suite(name)) {
    const options = { today: c.today ?? null, settings: c.settings };
    let got;
    try {
      got = { ok: evaluate(c.rule, expand(c.data), options) };
    } catch (e) {
      got = { error: e.code, limit: e.limit };
    }
    const ok = "error" in c ? got.error === c.error && (!c.limit || got.limit === c.limit) : "ok" in got && canonical(got.ok) === canonical(c.result);
    if (!ok) failures.push(`${c.about}: ${JSON.stringify(c.rule)} → ${JSON.stringify(got)}, expected ${JSON.stringify(c.error ?? c.result)}`);
  }
  assert.deepEqual(failures, []);
}

for (const [entry, evaluate] of [["node", evaluateRule], ["headless", headless.evaluateRule]]) {
  test(`${entry}: standard operations as json-logic-js evaluates them`, () => runSuite("standard.json", evaluate));
  test(`${entry}: domain operators, names and budgets`, () => runSuite("domain.json", evaluate));
}

test("rule errors are DangjianErrors with stable codes", () => {
  assert.throws(() => evaluateRule({ nope: [1] }, null), { name: "DangjianError", code: "invalid_rule" });
  assert.throws(() => evaluateRule("{oops", null), { code: "bad_json" });
  assert.throws(() => evaluateRule({ weekday: ["2026-02-30"] }, null), { code: "rule_failed" });
  assert.throws(() => evaluateRule({ map: [{ var: "" }, 1] }, [1, 2, 3], { limits: { maxItems: 2 } }), { code: "rule_budget", limit: "max_items", max: 2 });
  assert.throws(() => evaluateRule(true, null, { today: "2026-13-45" }), { code: "bad_options" });
  assert.equal(evaluateRule('{"cat": ["党", "建"]}'), "党建");
  assert.equal(evaluateRule({ var: "$settings.q" }, {}, { settings: { q: 3 } }), 3);
});

test("the suite's recorded results are json-logic-js's", { skip: reference ? false : "json-logic-js is not installed" }, () => {
  const failures = [];
  for (const c of suite("standard.json")) {
    const got = JSON.parse(JSON.stringify(reference.apply(c.rule, c.data)) ?? "null");
    if (canonical(got) !== canonical(c.result)) failures.push(`${c.about}: json-logic-js gives ${JSON.stringify(got)}`);
  }
  assert.deepEqual(failures, []);
});

// Random expressions over random data, compared with json-logic-js.
function generator(seed) {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const leaves = [null, true, false, 0, 1, -2, 3.5, "", "0", "1", "2", "a", "ab", "true", " 3 ", "2026-06-30", [], [1, 2], ["a", "b"]];
  const vars = ["a", "b", "c", "l", "m", "s", "n.x", "n.y", "l.0", "nope", ""];
  const ops = ["==", "===", "!=", "!==", "!", "!!", "or", "and", "if", ">", ">=", "<", "<=", "max", "min", "+", "-", "*", "/", "%", "merge", "in", "cat", "substr", "missing", "missing_some", "map", "filter", "reduce", "all", "none", "some"];
  const expr = (depth) => {
    const r = next();
    if (depth <= 0 || r < 0.3) return r < 0.15 ? pick(leaves) : { var: pick(vars) };
    const op = pick(ops);
    const arg = () => expr(depth - 1);
    switch (op) {
      case "!": case "!!": return { [op]: [arg()] };
      case "map": case "filter": case "all": case "none": case "some":
        return { [op]: [{ var: pick(["l", "m", "s", "nope"]) }, pick([{ var: "" }, { ">": [{ var: "" }, 1] }, { cat: [{ var: "" }, "x"] }, { "+": [{ var: "" }, 1] }])] };
      case "reduce":
        return { reduce: [{ var: pick(["l", "m"]) }, pick([{ "+": [{ var: "current" }, { var: "accumulator" }] }, { cat: [{ var: "accumulator" }, { var: "current" }] }, { max: [{ var: "current" }, { var: "accumulator" }] }]), pick([0, "", null])] };
      case "missing": return { missing: [pick(vars), pick(vars)] };
      case "missing_some": return { missing_some: [pick([0, 1, 2]), [pick(vars), pick(vars), pick(vars)]] };
      case "substr": return { substr: [arg(), pick([0, 1, -1, 2, -3]), ...(next() < 0.5 ? [pick([1, 2, -1, 0])] : [])] };
      case "if": return { if: [arg(), arg(), arg()] };
      default: return { [op]: Array.from({ length: 1 + Math.floor(next() * 3) }, arg) };
    }
  };
  const data = () => ({ a: pick(leaves), b: pick(leaves), c: pick(leaves), l: [1, 2, 3], m: ["x", "", "2"], s: "abc", n: { x: pick(leaves), y: null } });
  return { expr, data };
}

test("random expressions give what json-logic-js gives", { skip: reference ? false : "json-logic-js is not installed" }, () => {
  const { expr, data } = generator(20261206);
  const failures = [];
  let compared = 0;
  for (let i = 0; i < 5_000; i++) {
    const rule = expr(3);
    const d = data();
    let want;
    try {
      want = canonical(JSON.parse(JSON.stringify(reference.apply(rule, d)) ?? "null"));
    } catch {
      continue; // json-logic-js throws (e.g. `*` of nothing): not compared
    }
    let got;
    try {
      // A string is read as JSON text: a bare text rule goes as its JSON.
      got = canonical(evaluateRule(typeof rule === "string" ? JSON.stringify(rule) : rule, d, { today: null }));
    } catch (e) {
      got = `${e.code}: ${e.message}`;
    }
    compared++;
    if (got !== want) failures.push(`${JSON.stringify(rule)} on ${JSON.stringify(d)}: ${got}, json-logic-js ${want}`);
  }
  assert.ok(compared > 4_000, `${compared} compared`);
  assert.deepEqual(failures.slice(0, 20), []);
});
