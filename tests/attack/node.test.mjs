// The hostile corpus (corpus.mjs) through the installed package in Node: the
// Node entry (speed-first build, specs embedded) and the headless entry (the
// size-first build browsers load, specs fetched — here read from the
// package's forms/ folder through loadForm's `fetch` option).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as node from "dangjian-forms/node";
import * as headless from "dangjian-forms/headless";
import { CASES, FETCHING_CASES, runCases } from "./corpus.mjs";

const require = createRequire(import.meta.url);
headless.initSync({ module: readFileSync(require.resolve("dangjian-forms/headless.wasm")) });
const fetchSpec = async (url) => new Response(readFileSync(url));
const env = { fetchSpec };

const entries = [
  ["node", node, CASES],
  ["headless", headless, [...FETCHING_CASES, ...CASES]],
];

for (const [entry, api, cases] of entries) {
  for (const c of cases) {
    test(`${entry}: ${c.name} — ${c.about}`, async () => {
      const [result, ...health] = await runCases(api, env, [c]);
      assert.ok(result.ok, result.message);
      for (const h of health) assert.ok(h.ok, h.message);
    });
  }
}
