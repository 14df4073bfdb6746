// The benchmark run: agreement check, timing, cold set-up, memory, sizes,
// budgets. Called by run.mjs once the peers are installed and our package is
// built; writes results/latest.md and results/latest.json.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { systems, adapter, installedVersion } from './systems.mjs';
import { WORKLOAD_IDS, workloadById } from './workloads.mjs';
import { driver, agree, measure, median } from './harness.mjs';
import { ourSizes, peerSizes } from './sizes.mjs';
import { render } from './report.mjs';
import { nativeRates } from './native.mjs';
import { browserHook } from './browser.mjs';
import { standardForms } from './standard.mjs';
import { num } from './format.mjs';

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (...a) => console.log(...a);

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: benchDir, encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
}

function probe(systemId, workloadId, validateMs, submissions) {
  const r = spawnSync(process.execPath, ['--expose-gc', path.join(benchDir, 'lib', 'probe.mjs'), systemId, workloadId, String(validateMs), String(submissions)], {
    encoding: 'utf8',
    timeout: 180000,
  });
  const line = (r.stdout || '').trim().split('\n').pop();
  try {
    return JSON.parse(line);
  } catch {
    const text = `${r.stderr || ''}${r.error ? String(r.error) : ''}`;
    const line = text.split('\n').find((l) => /^\w*Error\b|Error:/.test(l)) || text.trim().split('\n').pop();
    return { system: systemId, workload: workloadId, error: (line || 'failed').trim() };
  }
}

/** The first line of an error, for tables. */
function errorLine(e) {
  return String(e && e.stack ? `${e.name}: ${e.message}` : e).split('\n')[0].slice(0, 120);
}

function showDisagreements(system, workload, ag) {
  log(`  ✗ ${system.id} disagrees on ${ag.disagreements.length} of ${ag.checked} submissions of ${workload.id}:`);
  for (const d of ag.disagreements.slice(0, 5)) {
    log(`    #${d.index}: got ${JSON.stringify(d.got)} expected ${JSON.stringify({ valid: d.want.valid, percent: d.want.percent, grade: d.want.grade })} (defects: ${d.want.defects.join(', ') || 'none'})`);
  }
}

/** Runs everything; returns the process exit code. */
export async function main(opts) {
  const started = performance.now();
  const ours = opts.ourPackage;
  const chosen = systems().filter((s) => (!s.ours || ours.ready) && (!opts.only || opts.only.includes(s.id)));
  const workloadIds = (opts.workloads || WORKLOAD_IDS).filter((w) => w !== 'standard');
  const results = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    machine: { cpu: os.cpus()[0] ? os.cpus()[0].model : '?', cores: os.cpus().length, loadStart: os.loadavg()[0], memGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
    settings: { runs: opts.runs, runMs: opts.runMs, checkMs: opts.checkMs, quick: opts.quick },
    package: { ready: ours.ready, dir: ours.dir, version: null, why: ours.why || null },
    systems: chosen.map((s) => ({ id: s.id, label: s.label, ours: Boolean(s.ours), extra: Boolean(s.extra) })),
    workloads: {},
    cold: {},
    memory: {},
    warmCompile: null,
    sizes: null,
    native: null,
    browser: null,
    versions: Object.fromEntries(['survey-core', 'ajv', 'ajv-formats', '@formio/core', '@formily/core'].map((p) => [p, installedVersion(p)])),
  };
  if (results.machine.loadStart > results.machine.cores) {
    log(`!! load average ${num(results.machine.loadStart)} on ${results.machine.cores} cores: other work is running, timings will be low and noisy.`);
  }
  if (ours.ready) {
    const mod = await import(path.join(benchDir, 'peers', 'ours.mjs'));
    const engine = await mod.load();
    results.package.version = engine.version;
  }
  let failed = false;

  for (const wid of workloadIds) {
    const workload = workloadById(wid);
    const invalid = workload.truth.filter((t) => !t.valid).length;
    log(`\n== ${wid}: ${workload.records.length} submissions, ${invalid} with defects  [${num((performance.now() - started) / 1000)} s]`);
    const entry = { submissions: workload.records.length, invalid, systems: {} };
    results.workloads[wid] = entry;
    const prepared = [];
    for (const system of chosen) {
      let setupMs;
      let d;
      let ag;
      try {
        const mod = await adapter(system);
        const t0 = performance.now();
        const api = await mod.setup(workload, system.options);
        setupMs = performance.now() - t0;
        d = driver(api, workload);
        ag = await agree(d, workload, { budgetMs: opts.checkMs });
      } catch (e) {
        // A system that cannot run the workload at all (e.g. a stack overflow) is reported, not timed.
        entry.systems[system.id] = { error: errorLine(e) };
        log(`  ✗ ${system.id.padEnd(10)} failed: ${errorLine(e)}`);
        continue;
      }
      entry.systems[system.id] = { setupMs, checked: ag.checked, disagreements: ag.disagreements.length };
      if (ag.disagreements.length) {
        failed = true;
        showDisagreements(system, workload, ag);
      } else {
        log(`  ✓ ${system.id.padEnd(10)} agrees on ${ag.checked}/${workload.records.length}  (set-up ${num(setupMs)} ms, ~${num(ag.rate)}/s while checking)`);
      }
      prepared.push({ system, d });
    }
    if (failed) {
      log('\nThe systems do not agree on every submission: fix the configuration before timing anything.');
      break;
    }
    if (opts.checkOnly) continue;
    for (const { system, d } of prepared) {
      let m;
      try {
        m = await measure(d, { runs: opts.runs, runMs: opts.runMs });
      } catch (e) {
        entry.systems[system.id].error = errorLine(e);
        log(`  ✗ ${system.id.padEnd(10)} failed while timed: ${errorLine(e)}`);
        continue;
      }
      Object.assign(entry.systems[system.id], { rate: m.rate, perRun: m.perRun, counts: m.counts, covered: Math.min(workload.records.length, Math.min(...m.counts)) });
      log(`  ${system.id.padEnd(10)} ${num(m.rate).padStart(12)} /s   (runs: ${m.perRun.map((r) => num(r)).join(', ')}; ${Math.min(...m.counts)}–${Math.max(...m.counts)} submissions per run)`);
    }
    prepared.length = 0;
  }

  if (!failed && !opts.checkOnly) {
    log(`\n== one-time set-up in a fresh process (checklist-200), and memory (checklist-1000)  [${num((performance.now() - started) / 1000)} s]`);
    const probeSystems = chosen.filter((s) => !['ours-json', 'ours-many', 'ours-full'].includes(s.id) && s.id !== 'ajv-all');
    for (const s of probeSystems) {
      const cold = [];
      for (let i = 0; i < opts.coldRepeats; i++) cold.push(probe(s.id, 'checklist-200', 200, 20));
      const ok = cold.filter((c) => !c.error);
      results.cold[s.id] = ok.length
        ? { setupMs: median(ok.map((c) => c.setupMs)), importMs: median(ok.map((c) => c.importMs)), initMs: ok[0].initMs === null ? null : median(ok.map((c) => c.initMs)), repeats: ok.length }
        : { error: cold[0].error };
      const memWorkload = workloadIds.includes('checklist-1000') ? 'checklist-1000' : workloadIds[workloadIds.length - 1];
      results.memory[s.id] = probe(s.id, memWorkload, opts.quick ? 800 : 1500, 200);
      const c = results.cold[s.id];
      const m = results.memory[s.id];
      log(`  ${s.id.padEnd(10)} cold set-up ${num(c.setupMs)} ms (import ${num(c.importMs)} ms${c.initMs != null ? `, wasm init ${num(c.initMs)} ms` : ''}); ${memWorkload}: heap +${num((m.heapAfterValidate || 0) / 1048576)} MB${m.wasmAfterValidate ? `, wasm memory ${num(m.wasmAfterValidate / 1048576)} MB` : ''}${m.error ? ` error: ${m.error}` : ''}`);
    }
    if (ours.ready) {
      const mod = await import(path.join(benchDir, 'peers', 'ours.mjs'));
      const { mod: pkg } = await mod.load();
      const spec = mod.specOf(workloadById('checklist-200'));
      const times = [];
      for (let i = 0; i < 21; i++) {
        const t0 = performance.now();
        const f = pkg.compile(spec);
        times.push(performance.now() - t0);
        if (f && typeof f.free === 'function') f.free();
      }
      results.warmCompile = { ms: median(times), runs: times.length };
      log(`  ours warm compile of checklist-200: ${num(results.warmCompile.ms)} ms (median of ${times.length})`);
      if (!opts.workloads || opts.workloads.includes('standard')) {
        log(`\n== built-in standard forms (dangjian-forms only), on the golden-vector records  [${num((performance.now() - started) / 1000)} s]`);
        results.standard = standardForms(pkg, { runs: opts.runs, runMs: Math.min(opts.runMs, 500) }, log);
      }
    }
    results.sizes = { ours: ours.ready ? ourSizes(ours.dir) : null, peers: await peerSizes() };
    if (opts.native) results.native = nativeRates(log);
    log(`  [${num((performance.now() - started) / 1000)} s]`);
    results.browser = await browserHook(ours, log);
  }

  results.machine.loadEnd = os.loadavg()[0];
  results.elapsedSeconds = (performance.now() - started) / 1000;
  results.failed = failed;
  const md = render(results);
  const outDir = path.join(benchDir, 'results');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'latest.json'), JSON.stringify(results, null, 2));
  fs.writeFileSync(path.join(outDir, 'latest.md'), md);
  log(`\n${md}`);
  log(`(written to ${path.relative(process.cwd(), path.join(outDir, 'latest.md'))} in ${num(results.elapsedSeconds)} s)`);
  return failed ? 1 : 0;
}
