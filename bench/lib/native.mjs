// Optional: the core's native rate through its criterion benchmark
// (`cargo bench -p dangjian-core --bench checklist`), parsed from criterion's
// "time: [low mid high]" lines. Run with `node run.mjs --native`.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const UNIT = { ps: 1e-12, ns: 1e-9, 'µs': 1e-6, us: 1e-6, ms: 1e-3, s: 1 };

/** Runs the criterion benchmark; returns `{rows: [{name, time, perSecond}]}` or `{error}`. */
export function nativeRates(log = () => {}) {
  log('\n== native: cargo bench -p dangjian-core --bench checklist');
  const r = spawnSync('cargo', ['bench', '-p', 'dangjian-core', '--bench', 'checklist', '--', '--noplot'], { cwd: root, encoding: 'utf8', timeout: 900000 });
  if (r.status !== 0) return { error: `cargo bench failed: ${(r.stderr || String(r.error || '')).trim().split('\n').slice(-2).join(' ')}` };
  const rows = [];
  let current = null;
  for (const line of (r.stdout || '').split('\n')) {
    const head = /^(\S.*?)\s+time:\s+\[(.*)\]/.exec(line) || /^\s+time:\s+\[(.*)\]/.exec(line);
    if (/^\S/.test(line) && !/time:/.test(line) && !/^(Benchmarking|Found|Gnuplot|Warning|Running|\s)/.test(line)) current = line.trim();
    if (!head) continue;
    const name = head.length === 3 ? head[1].trim() : current;
    const parts = (head.length === 3 ? head[2] : head[1]).trim().split(/\s+/);
    const mid = Number(parts[2]);
    const unit = parts[3];
    const seconds = mid * (UNIT[unit] || NaN);
    rows.push({ name, time: `${parts[2]} ${unit}`, perSecond: 1 / seconds });
    log(`  ${name}: ${parts[2]} ${unit}`);
  }
  return rows.length ? { rows } : { error: 'no criterion results found in the output' };
}
