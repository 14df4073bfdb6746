// Run in a fresh Node process (with --expose-gc) by the benchmark: the cold
// one-time set-up of one system for one workload, and the memory it holds.
//   node --expose-gc lib/probe.mjs <system-id> <workload-id> [validateMs] [submissions]
// Prints one JSON line.

import { systems, adapter } from './systems.mjs';
import { workloadById } from './workloads.mjs';

const [systemId, workloadId, validateMsArg, submissionsArg] = process.argv.slice(2);
const validateMs = Number(validateMsArg || 3000);
const system = systems().find((s) => s.id === systemId);
if (!system) throw new Error(`unknown system ${systemId}`);
const workload = workloadById(workloadId, { submissions: Number(submissionsArg || 0) || undefined });

const gc = () => {
  if (global.gc) {
    global.gc();
    global.gc();
  }
};
const mb = () => process.memoryUsage();

gc();
const before = mb();
const t0 = performance.now();
const mod = await adapter(system);
let initMs = null;
let memory = null;
if (system.ours) {
  const engine = await mod.load();
  initMs = engine.initMs;
  memory = engine.memory;
}
const t1 = performance.now();
const api = await mod.setup(workload, system.options);
const t2 = performance.now();
const wasmAfterSetup = memory ? memory.buffer.byteLength : null;
gc();
const afterSetup = mb();

// Validate submissions (all of them, or as many as fit in `validateMs`) and
// keep nothing: what stays is the system's own state.
let validated = 0;
const start = performance.now();
if (api.batch) {
  for (let i = 0; i < workload.records.length; i += 100) validated += api.batch(workload.records.slice(i, i + 100)).length;
} else {
  for (let i = 0; i < workload.records.length; i++) {
    if (validated >= 5 && performance.now() - start > validateMs) break;
    const input = api.convert ? api.convert(workload.records[i]) : workload.records[i];
    const out = api.check(api.mutates ? structuredClone(input) : input);
    if (out && typeof out.then === 'function') await out;
    validated++;
  }
}
const wasmAfterValidate = memory ? memory.buffer.byteLength : null;
gc();
const afterValidate = mb();

console.log(
  JSON.stringify({
    system: systemId,
    workload: workloadId,
    importMs: t1 - t0 - (initMs || 0),
    initMs,
    setupMs: t2 - t1,
    heapSetup: afterSetup.heapUsed - before.heapUsed,
    heapAfterValidate: afterValidate.heapUsed - before.heapUsed,
    rss: afterValidate.rss,
    externalSetup: afterSetup.external - before.external,
    wasmAfterSetup,
    wasmAfterValidate,
    validated,
  }),
);
