// dangjian-forms through its npm package in Node (the dangjian-forms/node
// entry's build): the workload's spec compiled once with `compile(spec)`, each
// submission checked three ways, with the full report (every item and its lost
// points) or the summary one (verdict, issues, totals, sections) —
//   object: `form.validate(record, options)` → report object;
//   json:   `form.validateJson(text, options)` → report as JSON text (the
//           timing stops at the text; the agreement check parses it);
//   many:   `form.validateMany(records, options)` → reports, one call per batch.

import fs from 'node:fs';
import path from 'node:path';
import { checklistSpec, minutesSpec } from '../workloads/specs.mjs';

export const name = 'dangjian-forms';

let engine = null;

/** The package folder: $DANGJIAN_PKG, else `<target>/npm/dangjian-forms` of the workspace. */
export function packageDir() {
  if (process.env.DANGJIAN_PKG) return path.resolve(process.env.DANGJIAN_PKG);
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
  const target = process.env.CARGO_TARGET_DIR ? path.resolve(root, process.env.CARGO_TARGET_DIR) : path.join(root, 'target');
  return path.join(target, 'npm', 'dangjian-forms');
}

/** True when the package folder holds a complete Node entry. */
export function packageReady(dir = packageDir()) {
  return ['node.js', 'wasm/node/dangjian.js', 'wasm/node/dangjian_bg.wasm'].every((f) => fs.existsSync(path.join(dir, f)));
}

/**
 * Loads the package (once per process) as `dangjian-forms/node` does: the
 * speed-first build of the engine (`wasm/node/`), initialised synchronously
 * from its bytes. Returns timings and the wasm memory.
 */
export async function load(dir = packageDir()) {
  if (engine) return engine;
  const t0 = performance.now();
  // The glue is a factory of instances (crates/xtask/src/glue.rs); the bench uses one directly.
  const mod = (await import(path.join(dir, 'wasm/node/dangjian.js'))).createModule();
  const t1 = performance.now();
  const bytes = fs.readFileSync(path.join(dir, 'wasm/node/dangjian_bg.wasm'));
  const exports = mod.initSync({ module: bytes });
  const t2 = performance.now();
  const memory = exports && exports.memory ? exports.memory : null;
  engine = { mod, memory, importMs: t1 - t0, initMs: t2 - t1, version: typeof mod.version === 'function' ? mod.version() : '?' };
  return engine;
}

/** The spec of a workload. */
export function specOf(workload) {
  return workload.kind === 'checklist' ? checklistSpec(workload.layout) : minutesSpec(workload.layout);
}

function verdict(report) {
  const s = report.score;
  return { valid: report.valid, percent: s ? s.percent : null, grade: s && s.grade ? s.grade.id : null };
}

/** Compiles the workload's spec; returns the per-submission check for `mode`. */
export async function setup(workload, { mode = 'object', detail = 'full' } = {}) {
  const { mod } = await load();
  const form = mod.compile(specOf(workload));
  const options = { locale: 'zh-CN', today: workload.today, detail };
  if (mode === 'json') {
    return {
      convert: (record) => JSON.stringify(record),
      check: (text) => form.validateJson(text, options),
      verdict: (out) => verdict(JSON.parse(out)),
      form,
    };
  }
  if (mode === 'many') {
    return {
      batch: (records) => form.validateMany(records, options),
      verdict,
      form,
    };
  }
  return { check: (record) => form.validate(record, options), verdict, form };
}
