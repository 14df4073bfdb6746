// Compares two builds of the `dangjian` CLI on mutated JSON texts: the same
// stdout, stderr and exit code for `check-spec --json`, `check-spec` (text),
// `validate --form <id>` of a record file and `validate --form <spec file>`.
//
//   node bench/cli-diff.dev.mjs <dangjian before> <dangjian after> [count]
//
// The texts are the built-in specs and the example records, each mutated
// 1–3 times (bytes deleted, inserted, swapped, truncated; pieces such as
// `\ud800`, `1e400`, a BOM, CRLF, control characters, deep nesting).
// Any difference is printed and the run exits 1.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const [before, after, countArg] = process.argv.slice(2);
if (!before || !after) {
  console.error("usage: node bench/cli-diff.dev.mjs <dangjian before> <dangjian after> [count]");
  process.exit(2);
}
const count = Number(countArg ?? 300);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const forms = join(root, "crates/standards/forms");
const specs = readdirSync(forms).map((f) => ({ id: f.replace(/\.json$/, ""), text: readFileSync(join(forms, f), "utf8") }));
const records = readdirSync(join(root, "examples"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => ({ id: f.replace(/\.json$/, ""), text: readFileSync(join(root, "examples", f), "utf8") }))
  .filter((r) => specs.some((s) => s.id === r.id));

let seed = 0x2545f491;
const rand = (n) => {
  seed ^= seed << 13; seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5; seed >>>= 0;
  return seed % Math.max(1, n);
};
const PIECES = ["{", "}", "[", "]", ",", ":", '"', "\\", "\\u", "\\ud800", "\\udc00", "\\ud83d\\ude00", "\\ud83dx",
  "\\u12", "\\x", "0", "-", ".", "e", "1e400", "-1e400", "1e-400", "18446744073709551616", "0.1e99999999999",
  "00", "-0", "1.", "tru", "nul", " ", "\t", "\n", "\r\n", "\ufeff", "中", "\u0001", "\u001f", "é", ",]", ",}",
  "[".repeat(127), "[".repeat(128), "[".repeat(300), "NaN"];
function mutate(text) {
  const chars = Array.from(text);
  const a = rand(chars.length + 1);
  const b = Math.min(chars.length, a + 1 + rand(8));
  const piece = PIECES[rand(PIECES.length)];
  switch (rand(5)) {
    case 0: chars.splice(a, b - a); break;
    case 1: chars.splice(a, 0, piece); break;
    case 2: chars.splice(a, b - a, piece); break;
    case 3: chars.length = a; break;
    default: if (a + 1 < chars.length) [chars[a], chars[a + 1]] = [chars[a + 1], chars[a]];
  }
  return chars.join("");
}
function run(bin, args) {
  try {
    const stdout = execFileSync(bin, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { code: 0, stdout, stderr: "" };
  } catch (e) {
    return { code: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}
const dir = mkdtempSync(join(tmpdir(), "cli-diff-"));
let compared = 0, refused = 0, differences = 0;
for (let i = 0; i < count; i++) {
  const spec = specs[rand(specs.length)];
  let text = spec.text;
  for (let k = 0, n = 1 + rand(3); k < n; k++) text = mutate(text);
  const record = records[rand(records.length)];
  let data = record.text;
  for (let k = 0, n = 1 + rand(3); k < n; k++) data = mutate(data);
  const specFile = join(dir, "spec.json");
  const dataFile = join(dir, "data.json");
  writeFileSync(specFile, text);
  writeFileSync(dataFile, data);
  for (const args of [
    ["check-spec", "--json", specFile],
    ["check-spec", "--locale", "en", specFile],
    ["validate", "--form", record.id, "--today", "2026-06-30", dataFile],
    ["validate", "--form", specFile, "--today", "2026-06-30", join(root, "examples", `${spec.id}.json`)],
  ]) {
    const x = run(before, args);
    const y = run(after, args);
    compared++;
    if (x.code !== 0 && x.code !== 1) refused++;
    if (x.code !== y.code || x.stdout !== y.stdout || x.stderr !== y.stderr) {
      differences++;
      writeFileSync(join(dir, `diff-${differences}.spec.json`), text);
      writeFileSync(join(dir, `diff-${differences}.data.json`), data);
      console.log(`difference on ${args.join(" ")} (kept in ${dir}/diff-${differences}.*)`);
      console.log({ before: x, after: y });
    }
  }
}
console.log(`${compared} runs compared (${refused} refused with exit 2), ${differences} differences`);
process.exit(differences ? 1 : 0);
