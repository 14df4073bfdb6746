// Profiling driver (not part of the benchmark run): where the time of one
// record goes at the JavaScript boundary of the package, for the figures of
// "What limits us" in README.md —
//   checklist-200: V8's JSON.stringify of one record, and validateJson on its text;
//   minutes: JSON.stringify of the batch, validateMany, validateJson per record,
//            JSON.parse of the reports.
// Each figure is the best of 7 passes over the workload, in µs per record.
//
//   node boundary.dev.mjs [--write DIR]
//
// `--write DIR` also writes each workload as DIR/<id>.spec.json and
// DIR/<id>.ndjson, the input of crates/core/examples/throughput.rs (run under
// `valgrind --tool=callgrind` for instructions per record).

import fs from 'node:fs';
import path from 'node:path';
import { workloadById } from './lib/workloads.mjs';
import { load, specOf } from './peers/ours.mjs';

const at = process.argv.indexOf('--write');
const writeTo = at > 0 ? process.argv[at + 1] : null;

const { mod } = await load();

function best(records, f) {
  let min = Infinity;
  for (let pass = 0; pass < 7; pass++) {
    const t = performance.now();
    f();
    min = Math.min(min, performance.now() - t);
  }
  return ((min * 1000) / records).toFixed(2).padStart(8);
}

for (const id of ['checklist-200', 'minutes']) {
  const w = workloadById(id);
  const spec = specOf(w);
  const texts = w.records.map((r) => JSON.stringify(r));
  if (writeTo) {
    fs.mkdirSync(writeTo, { recursive: true });
    fs.writeFileSync(path.join(writeTo, `${id}.spec.json`), JSON.stringify(spec));
    fs.writeFileSync(path.join(writeTo, `${id}.ndjson`), texts.join('\n') + '\n');
  }
  const form = mod.compile(spec);
  const options = { locale: 'zh-CN', today: w.today, detail: 'summary' };
  const n = w.records.length;
  const bytes = Math.round(texts.reduce((s, t) => s + t.length, 0) / n);
  console.log(`${id}: ${n} records, ~${bytes} characters of JSON each (today ${w.today}); µs per record:`);
  console.log(`  JSON.stringify, record by record ${best(n, () => w.records.forEach((r) => JSON.stringify(r)))}`);
  console.log(`  validateJson on the texts        ${best(n, () => texts.forEach((t) => form.validateJson(t, options)))}`);
  console.log(`  validate on the objects          ${best(n, () => w.records.forEach((r) => form.validate(r, options)))}`);
  if (w.kind !== 'checklist') {
    const reports = JSON.stringify(form.validateMany(w.records, options));
    console.log(`  JSON.stringify of the batch      ${best(n, () => JSON.stringify(w.records))}`);
    console.log(`  validateMany on the objects      ${best(n, () => form.validateMany(w.records, options))}`);
    console.log(`  JSON.parse of the reports        ${best(n, () => JSON.parse(reports))}  (${Math.round(reports.length / n)} characters each)`);
  }
  form.free();
}
