// Profiling helper (not part of the benchmark run): in this fresh process, the
// Node module's wasm init, then the first (cold) compile of checklist-200 and
// the median of 15 more (warm). Run it several times, and with V8 flags to see
// what the cold compile is made of, e.g.
//   node cold.dev.mjs [package]                              # as shipped
//   node --no-wasm-lazy-compilation cold.dev.mjs [package]   # every function compiled at init
//   node --liftoff-only cold.dev.mjs [package]               # no optimizing tier
import fs from 'node:fs';
import path from 'node:path';
import { packageDir } from './peers/ours.mjs';
import { checklistLayout } from './workloads/checklist.mjs';
import { checklistSpec } from './workloads/specs.mjs';

const dir = path.resolve(process.argv[2] || packageDir());
const spec = checklistSpec(checklistLayout(200));
const mod = (await import(path.join(dir, 'wasm/node/dangjian.js'))).createModule();
const bytes = fs.readFileSync(path.join(dir, 'wasm/node/dangjian_bg.wasm'));
let t = performance.now();
mod.initSync({ module: bytes });
const init = performance.now() - t;
t = performance.now();
mod.compile(spec).free();
const cold = performance.now() - t;
const warm = [];
for (let i = 0; i < 15; i++) {
  t = performance.now();
  mod.compile(spec).free();
  warm.push(performance.now() - t);
}
warm.sort((a, b) => a - b);
console.log(`init ${init.toFixed(1)} ms, cold compile ${cold.toFixed(1)} ms, warm ${warm[7].toFixed(2)} ms`);
