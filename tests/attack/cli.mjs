// The hostile corpus through the command line: `DANGJIAN_CLI=<binary> node
// cli.mjs`. Each case writes its input to a scratch folder, runs the binary and
// checks the exit code, the stable code on standard error or the report — and
// that no run panics.
import { spawnSync, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FIXME_EVALUATOR, TINY } from "./corpus.mjs";

const cli = process.env.DANGJIAN_CLI;
if (!cli) {
  console.error("usage: DANGJIAN_CLI=<path of the dangjian binary> node cli.mjs");
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), "dangjian-attack-"));
const file = (name, text) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const run = (args, input) => {
  const r = spawnSync(cli, args, { input, maxBuffer: 256 * 1024 * 1024, encoding: "utf8" });
  return { code: r.status, out: r.stdout ?? "", err: r.stderr ?? "" };
};
const spec = file("tiny.json", JSON.stringify(TINY));

let failed = 0;
function check(name, condition, detail) {
  const label = FIXME_EVALUATOR.includes(name) ? `${name} [FIXME(evaluator)]` : name;
  if (condition) console.log(`ok    ${label}`);
  else {
    failed++;
    console.log(`FAIL  ${label}\n  ${String(detail).slice(0, 600)}`);
  }
}
const refused = (r, code) => r.code === 2 && r.err.includes(`[${code}]`) && !r.err.includes("panicked") && r.err.length < 2_000;

{
  const big = file("big.json", `{"s": {"list": [${'{"x": "0123456789abcdef"},'.repeat(2_900_000)}{}]}}`);
  const r = run(["validate", "--form", spec, big, "--today", "2026-06-30"]);
  check("record-70mb", refused(r, "too_large"), r.err);
}
{
  const many = file("many.json", `{"s": {"list": [${"0,".repeat(1_000_000)}0]}}`);
  const r = run(["validate", "--form", spec, many]);
  check("record-million-values", refused(r, "too_large") && r.err.includes("max_values"), r.err);
}
{
  const deep = file("deep.json", `{"s": ${"[".repeat(400_000)}${"]".repeat(400_000)}}`);
  const r = run(["validate", "--form", spec, deep]);
  check("deep-nesting", refused(r, "bad_json"), r.err);
}
{
  const r = run(["validate", "--form", spec, "-"], '{"s": {"name": "\\ud800"}}');
  check("lone-surrogates", refused(r, "bad_json"), r.err);
}
{
  const pattern = file("pattern.json", JSON.stringify({ ...TINY, sections: [{ id: "s", items: [{ id: "t", type: "text", pattern: "a".repeat(50_000_000) }] }] }));
  const r = run(["validate", "--form", pattern, "-"], "{}");
  check("huge-pattern", refused(r, "spec_invalid") && r.err.includes("spec.too_large"), r.err);
  const long = file("long-pattern.json", JSON.stringify({ ...TINY, sections: [{ id: "s", items: [{ id: "t", type: "text", pattern: "(a|b)".repeat(400) }] }] }));
  const r2 = run(["validate", "--form", long, "-"], "{}");
  check("long-pattern", refused(r2, "spec_invalid") && r2.err.includes("spec.pattern_too_long"), r2.err);
}
{
  const settings = file("settings.json", JSON.stringify({ ...TINY, settings: { big: { value: Array.from({ length: 300_000 }, (_, i) => i), title: "big" } } }));
  const r = run(["validate", "--form", settings, "-"], "{}");
  check("huge-settings", refused(r, "spec_invalid") && r.err.includes("spec.settings_too_large"), r.err);
}
{
  const r = run(["compliance", "--from", "0001-01-01", "--to", "9999-12-31", "--options", '{"minutes_check": "off"}', file("none.json", "[]")]);
  check("compliance-range", r.out.includes("compliance.invalid_range") && !r.err.includes("panicked"), r.out.slice(0, 300) + r.err);
}
{
  for (const today of ["2026-13-45", "2026-02-30"]) {
    const r = run(["validate", "--form", spec, "-", "--today", today], "{}");
    check(`impossible-dates ${today}`, refused(r, "bad_options"), r.err);
  }
}
{
  const line = JSON.stringify({ s: { list: [{ x: "x".repeat(10_000_000) }] } });
  const bad = "not json\n".repeat(50);
  const r = run(["validate", "--ndjson", "--form", spec, "-", "--today", "2026-06-30"], `${line}\n${bad}{"s": {"name": "张三"}}\n`);
  const lines = r.out.trim().split("\n").map((l) => JSON.parse(l));
  check(
    "ndjson-long-line",
    r.code === 2 && lines.length === 52 && lines[0].error?.code === "too_large" && lines[51].valid === true && r.err.includes("and 31 more") && r.err.length < 600,
    `${r.code} ${lines.length} ${JSON.stringify(lines[0]).slice(0, 200)} ${r.err}`,
  );
}
{
  // A reader that takes 10 bytes and closes the pipe.
  const input = `${JSON.stringify({ s: { name: "张三" } })}\n`.repeat(20_000);
  const child = spawn(cli, ["validate", "--ndjson", "--form", spec, "-", "--today", "2026-06-30"]);
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  child.stdin.on("error", () => {});
  child.stdin.end(input);
  const exit = await new Promise((resolve) => {
    child.stdout.once("data", () => child.stdout.destroy());
    child.on("close", (code) => resolve(code));
  });
  check("closed-pipe", exit === 0 && !err.includes("panicked"), `exit ${exit}: ${err}`);
}
{
  // The rule's cost doubles per element; its budget stops it (max_rule_size).
  const grown = { count: [{ reduce: [{ var: "s.list" }, { merge: [{ var: "accumulator" }, { var: "accumulator" }, [1]] }, []] }] };
  const merge = file("merge.json", JSON.stringify({ ...TINY, rules: [{ code: "grow", assert: { "<": [grown, 0] }, message: "{n}", params: { n: grown } }] }));
  const r = run(["validate", "--form", merge, "-", "--today", "2026-06-30"], JSON.stringify({ s: { name: "张三", list: Array.from({ length: 26 }, () => ({ x: "a" })) } }));
  const issues = r.code === 1 ? JSON.parse(r.out).issues : [];
  const issue = issues.find((i) => i.code === "rule_budget");
  check("rule-doubling-merge", issue?.params.limit === "max_rule_size" && !issues.some((i) => i.code === "grow"), `${r.code} ${r.err} ${JSON.stringify(issues).slice(0, 400)}`);
}
{
  // Rules do not run over a list beyond max_items: a rule_budget issue, no `dup`.
  const distinct = file("distinct.json", JSON.stringify({ ...TINY, rules: [{ code: "dup", assert: { distinct: [{ var: "s.list" }, "x"] }, message: "dup" }] }));
  const list = Array.from({ length: 80_000 }, (_, i) => ({ x: `name ${i}` }));
  list[79_999].x = list[79_998].x;
  const r = run(["validate", "--form", distinct, "-", "--today", "2026-06-30"], JSON.stringify({ s: { name: "张三", list } }));
  const issues = r.code === 1 ? JSON.parse(r.out).issues : [];
  const stopped = issues.find((i) => i.code === "rule_budget");
  check("rule-over-a-long-list", stopped?.params.limit === "max_items" && !issues.some((i) => i.code === "dup"), `${r.code} ${r.err} ${JSON.stringify(stopped)}`);
}

rmSync(dir, { recursive: true, force: true });
console.log(`attack suite through the CLI: ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
