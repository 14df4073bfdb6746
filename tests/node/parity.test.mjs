// Every golden vector through the installed tarball (dangjian-forms/node):
// the report must be byte-identical to the CLI's expected file.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as api from "dangjian-forms/node";
import { checkVector } from "./lib/parity.mjs";
import { loadVectors, vectorsDir } from "./lib/vectors.mjs";

const vectors = loadVectors();

test("there are golden vectors to check", () => {
  assert.ok(vectors.length > 0, `no vectors under ${vectorsDir()}`);
});

for (const vector of vectors) {
  test(`vector ${vector.name}`, () => {
    assert.ok(vector.expected !== null, `${vector.name}: no expected file (the CLI harness writes it)`);
    const problems = checkVector(api, vector);
    assert.deepEqual(problems, [], `${vector.name}:\n  ${problems.join("\n  ")}`);
  });
}
