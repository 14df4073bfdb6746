// Every golden vector through the installed tarball, in both builds of the
// engine the package ships: the speed-first one behind dangjian-forms/node and
// the size-first one behind dangjian-forms/headless (what browsers load). Each
// report must be byte-identical to the CLI's expected file. The size-first
// build carries no built-in specs: they are read from the package's forms/
// folder through loadForm's `fetch` option, as a browser fetches them.
// `supervise` is not in the headless module: the supervision vectors go through
// the browser's supervision entry (dangjian-forms/supervision) instead.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as node from "dangjian-forms/node";
import * as headless from "dangjian-forms/headless";
import * as supervision from "dangjian-forms/supervision";
import { checkVector, kindOf } from "./lib/parity.mjs";
import { loadVectors, vectorsDir } from "./lib/vectors.mjs";

const require = createRequire(import.meta.url);
headless.initSync({ module: readFileSync(require.resolve("dangjian-forms/headless.wasm")) });
const fromDisk = async (url) => new Response(readFileSync(url));
for (const { id } of headless.forms()) await headless.loadForm(id, { fetch: fromDisk });
supervision.initSync({ module: readFileSync(require.resolve("dangjian-forms/supervision.wasm")) });
for (const { id } of supervision.forms()) await supervision.loadForm(id, { fetch: fromDisk });

const vectors = loadVectors();

test("there are golden vectors to check", () => {
  assert.ok(vectors.length > 0, `no vectors under ${vectorsDir()}`);
});

test("supervise is in the node and supervision entries only", () => {
  assert.equal(typeof node.supervise, "function");
  assert.equal(typeof supervision.supervise, "function");
  assert.equal("supervise" in headless, false);
});

const onlySupervision = (v) => kindOf(v.name) === "supervision";
for (const [build, api, picked] of [
  ["node", node, vectors],
  ["headless", headless, vectors.filter((v) => !onlySupervision(v))],
  ["supervision", supervision, vectors.filter(onlySupervision)],
]) {
  for (const vector of picked) {
    test(`${build}: vector ${vector.name}`, () => {
      assert.ok(vector.expected !== null, `${vector.name}: no expected file (the CLI harness writes it)`);
      const problems = checkVector(api, vector);
      assert.deepEqual(problems, [], `${vector.name}:\n  ${problems.join("\n  ")}`);
    });
  }
}
