#!/usr/bin/env node
// The one command: `npm run bench` (or `node run.mjs`).
//
// 1. installs the pinned peers with `npm ci` when node_modules is missing or
//    older than package-lock.json;
// 2. builds dangjian-forms' npm package with `cargo xtask dist` when it is
//    missing or older than the sources it is built from;
// 3. generates the workloads, checks that every system agrees on every
//    checked submission, times them, and writes results/latest.md (+ .json).
//
// Options:
//   --quick            3 short runs per measurement (a noisy smoke run, ~2 min)
//   --check-only       only the agreement check, no timing
//   --only=a,b         only these systems (ours, ours-json, ours-many, ours-full, ajv,
//                      ajv-all, surveyjs, formio, formily)
//   --workloads=a,b    only these workloads (checklist-50, checklist-200,
//                      checklist-1000, minutes)
//   --native           also run the core's criterion benchmark (cargo bench)
//   --no-build         never build our package (use what is there, or skip it)
//   --no-install       never run npm ci
//   --runs=N --run-ms=N --check-ms=N   timing settings (default 5, 1000, 3000)
//   --write-readme     also put the report under "## Latest results" in README.md

import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(benchDir, '..');
const WATCHDOG_MINUTES = 25;

function parseArgs(argv) {
  const flags = new Set();
  const values = {};
  for (const a of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unknown argument ${a} (see the top of run.mjs)`);
    if (m[2] === undefined) flags.add(m[1]);
    else values[m[1]] = m[2];
  }
  const quick = flags.has('quick');
  const list = (v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : null);
  return {
    quick,
    checkOnly: flags.has('check-only'),
    writeReadme: flags.has('write-readme'),
    native: flags.has('native'),
    build: !flags.has('no-build'),
    install: !flags.has('no-install'),
    only: list(values.only),
    workloads: list(values.workloads),
    runs: Number(values.runs || (quick ? 3 : 5)),
    runMs: Number(values['run-ms'] || (quick ? 300 : 1000)),
    checkMs: Number(values['check-ms'] || (quick ? 1500 : 3000)),
    coldRepeats: quick ? 1 : 3,
  };
}

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const e of fs.readdirSync(p)) if (e !== 'node_modules' && e !== 'target') t = Math.max(t, newest(path.join(p, e)));
  return t;
}

function installPeers(opts) {
  const stamp = path.join(benchDir, 'node_modules', '.package-lock.json');
  const lock = path.join(benchDir, 'package-lock.json');
  const fresh = fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= fs.statSync(lock).mtimeMs;
  if (fresh || !opts.install) return;
  console.log('== npm ci (pinned peers)');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: benchDir, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm ci failed');
}

async function ourPackage(opts) {
  const ours = await import('./peers/ours.mjs');
  const dir = ours.packageDir();
  const sources = ['crates/core', 'crates/standards', 'crates/wasm', 'npm', 'Cargo.lock'].map((p) => newest(path.join(root, p)));
  const wasm = path.join(dir, 'wasm', 'node', 'dangjian_bg.wasm');
  const ready = ours.packageReady(dir);
  const stale = ready && fs.statSync(wasm).mtimeMs < Math.max(...sources);
  if ((!ready || stale) && opts.build) {
    console.log(`== cargo xtask dist (${ready ? 'package older than its sources' : 'package not built yet'})`);
    const r = spawnSync('cargo', ['xtask', 'dist'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) {
      if (ours.packageReady(dir)) return { ready: true, dir, why: 'cargo xtask dist failed: measured the package already built' };
      return { ready: false, dir, why: 'cargo xtask dist failed' };
    }
  }
  if (!ours.packageReady(dir)) return { ready: false, dir, why: opts.build ? `no package at ${dir}` : `no package at ${dir} (--no-build)` };
  return { ready: true, dir };
}

const opts = parseArgs(process.argv.slice(2));
setTimeout(() => {
  console.error(`The benchmark has run for ${WATCHDOG_MINUTES} minutes: stopping.`);
  process.exit(2);
}, WATCHDOG_MINUTES * 60000).unref();
installPeers(opts);
opts.ourPackage = await ourPackage(opts);
if (!opts.ourPackage.ready) console.log(`!! dangjian-forms not measured: ${opts.ourPackage.why}`);
const { main } = await import('./lib/main.mjs');
process.exitCode = await main(opts);
if (opts.writeReadme && process.exitCode === 0) {
  const readme = path.join(benchDir, 'README.md');
  const text = fs.readFileSync(readme, 'utf8');
  const start = text.indexOf('## Latest results\n');
  const end = text.indexOf('\n## ', start + 1);
  if (start < 0 || end < 0) throw new Error('README.md has no "## Latest results" section to fill');
  const report = fs.readFileSync(path.join(benchDir, 'results', 'latest.md'), 'utf8').trim();
  const command = `node run.mjs ${process.argv.slice(2).join(' ')}`.trim();
  fs.writeFileSync(readme, `${text.slice(0, start)}## Latest results\n\nWritten by \`${command}\`:\n\n${report}\n${text.slice(end)}`);
  console.log('README.md: "Latest results" replaced');
}
