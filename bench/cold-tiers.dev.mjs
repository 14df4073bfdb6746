// Profiling helper (not part of the benchmark run): what V8 compiles during the
// Node module's first (cold) compile of checklist-200, in a fresh process. Prints
// the functions compiled on first call (Liftoff, on the main thread: how many,
// their bytes, their CPU time) and the functions tiered up to TurboFan while the
// call runs (on V8's worker threads, which share this machine's two cores with
// the main thread). V8 charges a function's tier-up budget with the size of its
// code at each loop back-edge and return, so a large function called for every
// node of a spec is tiered up after a few dozen calls.
//
//   node cold-tiers.dev.mjs [package]             # counts
//   WASM=named.wasm node cold-tiers.dev.mjs [package]   # and the names, largest first
//
// `named.wasm` is the package's Node module bound again with its name section:
//   wasm-bindgen target/wasm32-unknown-unknown/wasm-fast/dangjian_wasm.wasm \
//     --out-dir /tmp/named --out-name dangjian --target web --remove-producers-section
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageDir } from './peers/ours.mjs';
import { functionSizesAndNames } from './lib/wasm-bytes.mjs';

const dir = path.resolve(process.argv[2] || packageDir());
const wasm = process.env.WASM || path.join(dir, 'wasm/node/dangjian_bg.wasm');

if (process.env.COLD_TIERS_CHILD) {
  // The traced process: init, then the one cold compile.
  const { checklistLayout } = await import('./workloads/checklist.mjs');
  const { checklistSpec } = await import('./workloads/specs.mjs');
  const spec = checklistSpec(checklistLayout(200));
  const mod = (await import(path.join(dir, 'wasm/node/dangjian.js'))).createModule();
  mod.initSync({ module: fs.readFileSync(wasm) });
  const t = performance.now();
  mod.compile(spec).free();
  console.log(`cold compile ${(performance.now() - t).toFixed(1)} ms (under tracing)`);
  // (No exit: the process ends when the tier-up jobs under way are done.)
} else {
  report();
}

function report() {

  const traceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cold-tiers-'));
  const run = spawnSync(
    process.execPath,
    ['--trace-event-categories', 'v8.wasm,disabled-by-default-v8.wasm.detailed', fileURLToPath(import.meta.url), dir],
    { cwd: traceDir, env: { ...process.env, COLD_TIERS_CHILD: '1' }, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  process.stdout.write(run.stdout);
  const events = JSON.parse(fs.readFileSync(path.join(traceDir, 'node_trace.1.log'), 'utf8')).traceEvents;
  fs.rmSync(traceDir, { recursive: true });
  const instantiated = events.find((e) => e.name === 'wasm.SyncInstantiate');
  const after = instantiated.ts + instantiated.dur;
  const lazy = events
    .filter((e) => e.name === 'wasm.CompileBaseline' && e.tid === instantiated.tid && e.ts >= after)
    .map((e) => ({ index: e.args.funcIndex, bytes: e.args.bodySize, cpu: e.tdur }));
  const tiered = events
    .filter((e) => e.name === 'wasm.CompileTopTier' && e.ts >= after)
    .map((e) => ({ index: e.args.func_index, bytes: e.args.body_size, cpu: e.tdur }));
  const sum = (list, key) => list.reduce((a, r) => a + r[key], 0);
  const line = (what, list) =>
    `${what}: ${list.length} functions, ${sum(list, 'bytes')} bytes, ${(sum(list, 'cpu') / 1000).toFixed(1)} ms of CPU`;
  console.log(line('compiled on first call (main thread)', lazy));
  console.log(line('tiered up while the compile ran (worker threads)', tiered));
  if (process.env.WASM) {
    const { names } = functionSizesAndNames(fs.readFileSync(wasm));
    for (const [what, list] of [['tiered up', tiered], ['compiled on first call, largest', lazy.slice()]]) {
      console.log(`${what}:`);
      list.sort((a, b) => b.bytes - a.bytes);
      for (const r of list.slice(0, Number(process.env.TOP || 25))) {
        console.log(`  ${String(r.bytes).padStart(6)} B ${(r.cpu / 1000).toFixed(2).padStart(6)} ms  ${names.get(r.index) ?? r.index}`);
      }
    }
}
}
