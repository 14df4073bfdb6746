// Profiling helper (not part of the benchmark run): checklist-200 `validateJson`
// through the Node modules of two packages in one process, alternating runs of
// 400 ms, so machine load hits both alike. Prints the median rate of each and
// their ratio. `node ab.dev.mjs <package A> <package B>` (package folders as
// `cargo xtask dist` writes them, e.g. target/npm/dangjian-forms).
import fs from 'node:fs';
import path from 'node:path';
import { checklistWorkload } from './workloads/checklist.mjs';
import { checklistSpec } from './workloads/specs.mjs';

const dirs = process.argv.slice(2, 4);
if (dirs.length !== 2) throw new Error('usage: node ab.dev.mjs <package A> <package B>');
const workload = checklistWorkload(200);
const spec = checklistSpec(workload.layout);
const texts = workload.records.map((r) => JSON.stringify(r));
const options = { locale: 'zh-CN', today: workload.today, detail: 'summary' };
const forms = [];
for (const dir of dirs) {
  const mod = (await import(path.join(path.resolve(dir), 'wasm/node/dangjian.js'))).createModule();
  mod.initSync({ module: fs.readFileSync(path.join(dir, 'wasm/node/dangjian_bg.wasm')) });
  forms.push(mod.compile(spec));
}
for (const text of texts.slice(0, 50)) {
  if (forms[0].validateJson(text, options) !== forms[1].validateJson(text, options)) throw new Error('the packages give different reports');
}
const rates = [[], []];
for (let round = 0; round < 8; round++) {
  for (const k of [0, 1]) {
    let n = 0;
    const t0 = performance.now();
    let t = t0;
    while ((t = performance.now()) - t0 < 400) forms[k].validateJson(texts[n++ % texts.length], options);
    rates[k].push((n / (t - t0)) * 1000);
  }
}
const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
const [a, b] = rates.map(median);
console.log(`A ${a.toFixed(0)}/s  B ${b.toFixed(0)}/s  B ÷ A ×${(b / a).toFixed(2)}`);
