// The built-in standard forms, through our package only (the peers are not
// configured for them): each form compiled by its id, then validated on the
// golden-vector records of tests/vectors/<form>/ — realistic records, valid
// and defective — cycled for timing (with the settings a vector changes, if
// any). When a vector's expected report exists, the package's report must
// equal it. Batches use the first vector's options and the form's own settings.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const STANDARD_FORMS = ['branch-checklist', 'meeting-minutes', 'candidate-review'];

function vectors(formId) {
  const dir = path.join(root, 'tests', 'vectors', formId);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.input.json'))
    .sort()
    .map((f) => {
      const input = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
      const expectedFile = path.join(dir, f.replace('.input.json', '.expected.json'));
      const expected = fs.existsSync(expectedFile) ? JSON.parse(fs.readFileSync(expectedFile, 'utf8')) : null;
      return { name: f, input, expected };
    })
    .filter((v) => v.input.form === formId && v.input.data !== undefined);
}

function rateOf(fn, count, runs, runMs) {
  const rates = [];
  for (let r = 0; r < runs; r++) {
    let n = 0;
    const t0 = performance.now();
    let ms = 0;
    do {
      n += fn();
      ms = performance.now() - t0;
    } while (ms < runMs);
    rates.push((n / ms) * 1000);
  }
  return median(rates);
}

/** Measures each standard form; returns `{[formId]: {...}}`. */
export function standardForms(pkg, { runs, runMs }, log = () => {}) {
  const out = {};
  for (const id of STANDARD_FORMS) {
    const vs = vectors(id);
    if (!vs.length) continue;
    const t0 = performance.now();
    let form;
    try {
      form = pkg.compile(id);
    } catch (e) {
      out[id] = { error: `compile failed: ${e && e.message ? e.message : e}` };
      continue;
    }
    const compileMs = performance.now() - t0;
    const records = vs.map((v) => v.input.data);
    const texts = records.map((r) => JSON.stringify(r));
    const opts = vs.map((v) => ({ locale: v.input.locale || 'zh-CN', today: v.input.today || null }));
    // Vectors may change settings of the form (`settings`): they get their own form.
    const formFor = vs.map((v) => (v.input.settings && typeof form.withSettings === 'function' ? form.withSettings(v.input.settings) : form));
    let mismatches = 0;
    const mismatched = [];
    let compared = 0;
    let valid = 0;
    vs.forEach((v, i) => {
      const report = formFor[i].validate(records[i], opts[i]);
      if (report.valid) valid++;
      if (v.expected) {
        compared++;
        if (JSON.stringify(report) !== JSON.stringify(v.expected)) {
          mismatches++;
          mismatched.push(v.name);
        }
      }
    });
    const batchOpts = opts[0];
    let k = 0;
    const object = rateOf(() => {
      formFor[k].validate(records[k], opts[k]);
      k = (k + 1) % records.length;
      return 1;
    }, records.length, runs, runMs);
    const json = rateOf(() => {
      formFor[k].validateJson(texts[k], opts[k]);
      k = (k + 1) % records.length;
      return 1;
    }, records.length, runs, runMs);
    const batch = [];
    while (batch.length < 1000) batch.push(...records);
    const many = rateOf(() => form.validateMany(batch, batchOpts).length, batch.length, runs, runMs);
    const bytes = texts.reduce((t, s) => t + s.length, 0) / texts.length;
    out[id] = { vectors: vs.length, valid, compared, mismatches, mismatched, avgRecordBytes: bytes, compileMs, object, json, many };
    log(`  ${id.padEnd(18)} ${vs.length} records (${Math.round(bytes)} B avg), compile ${compileMs.toFixed(2)} ms, ${Math.round(object)}/s objects, ${Math.round(json)}/s JSON, ${Math.round(many)}/s batch${compared ? `, ${compared - mismatches}/${compared} equal to the expected reports` : ''}${mismatched.length ? ` (differs: ${mismatched.join(', ')})` : ''}`);
    for (const f of new Set([form, ...formFor])) if (typeof f.free === 'function') f.free();
  }
  return out;
}
