// Profiling driver (not part of the benchmark run): which wasm functions V8
// compiles lazily (on their first call) between mount() of checklist-200 and
// its first frame, on a fresh page after the wasm init. Prints how many, their
// code size and compile time, by crate, and the largest. V8 compiles each
// function the first time it runs, at a cost set mostly by the number of
// functions: fewer distinct functions on the path is a faster first render.
// `node lazy.dev.mjs [package folder]` — names need the full module bound
// with its name section (see keystroke.dev.mjs); without it, indices only.
// `LAZY_LIST=file` also writes every function compiled (index, size, name), one a line.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM, serve, firstRenderCase } from './lib/browser-run.mjs';
import { packageDir } from './peers/ours.mjs';
import { openBenchPage, startTrace } from './lib/traced-page.mjs';
import { functionSizesAndNames } from './lib/wasm-bytes.mjs';

const pkg = process.argv[2] || packageDir();

const { workload, spec, data } = firstRenderCase();
const server = await serve(pkg);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
let compiled;
try {
  const { page: p, cdp } = await openBenchPage(browser, server);
  const stop = await startTrace(cdp, 'v8.wasm,blink.user_timing');
  await p.evaluate(([s, d, t]) => {
    performance.mark('dj-t0');
    return window.bench.firstRender(s, d, t, 200, () => performance.mark('dj-t1'));
  }, [spec, data, workload.today]);
  const events = await stop();
  const t0 = events.find((e) => e.name === 'dj-t0').ts;
  const t1 = events.find((e) => e.name === 'dj-t1').ts;
  compiled = events.filter((e) => e.name === 'wasm.CompileLazy' && e.ts >= t0 && e.ts <= t1);
} finally {
  await browser.close();
  server.close();
}
const { names, sizes } = functionSizesAndNames(fs.readFileSync(path.join(pkg, 'wasm/full/dangjian_bg.wasm')));
const rows = compiled.map((e) => ({
  index: e.args.func_index,
  ms: (e.dur || 0) / 1000,
  size: sizes.get(e.args.func_index) || 0,
  name: names.get(e.args.func_index) || `function ${e.args.func_index}`,
}));
if (process.env.LAZY_LIST) {
  // Every function compiled on the path, one name a line (for comparing two builds).
  fs.writeFileSync(process.env.LAZY_LIST, rows.map((r) => `${r.index}\t${r.size}\t${r.name}`).join('\n') + '\n');
}
const sum = (list, f) => list.reduce((a, r) => a + f(r), 0);
console.log(`${rows.length} functions compiled lazily from mount() to the first frame: ${sum(rows, (r) => r.size)} bytes of code, ${sum(rows, (r) => r.ms).toFixed(1)} ms (under tracing)`);
const crate = (n) => n.match(/^[<&]*([a-z_0-9]+)(?:\[[0-9a-f]+\])?::/)?.[1] || '(other: glue, shims, closures)';
const byCrate = new Map();
for (const r of rows) {
  const c = byCrate.get(crate(r.name)) || { n: 0, size: 0, ms: 0 };
  c.n++;
  c.size += r.size;
  c.ms += r.ms;
  byCrate.set(crate(r.name), c);
}
for (const [c, v] of [...byCrate].sort((a, b) => b[1].n - a[1].n).slice(0, 20)) {
  console.log(`${c.padEnd(24)} ${String(v.n).padStart(5)} functions ${String(v.size).padStart(8)} B ${v.ms.toFixed(1).padStart(6)} ms`);
}
console.log('largest:');
for (const r of [...rows].sort((a, b) => b.size - a.size).slice(0, 20)) console.log(`${String(r.size).padStart(7)} B ${r.ms.toFixed(2).padStart(6)} ms  ${r.name.slice(0, 120)}`);
