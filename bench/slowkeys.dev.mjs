// Profiling driver (not part of the benchmark run): keys on the meeting
// minutes form under a slower CPU. Mounts the built-in `meeting-minutes` form
// (empty, drafts off), slows the page's CPU `THROTTLE` times (default 4, CDP
// `Emulation.setCPUThrottlingRate`), types a date digit by digit into the
// first date field and presses ArrowDown on the first select, and prints per
// key the time from the keydown to the next frame's start and to the task
// after it is painted; then the medians, the worst and how many took over
// 100 ms. `DRAFT=1` keeps drafts (as the portal does) instead of none. `PROFILE=1` adds a CPU profile of each key (from the keydown to
// 150 ms after the frame), summed: milliseconds per key by function, inclusive
// and self (names need a package bound with its name section, see
// keystroke.dev.mjs). `TRACE=1` also prints, per key, the main thread's tasks (script,
// style, layout, paint) and the main thread's CPU time (`tdur`, summed over its tasks), with
// its median per kind of key. `node slowkeys.dev.mjs [package folder]`.
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM, serve } from './lib/browser-run.mjs';
import { packageDir } from './peers/ours.mjs';
import { median } from './lib/harness.mjs';
import { openBenchPage, startTrace } from './lib/traced-page.mjs';

const pkg = process.argv[2] || packageDir();
const THROTTLE = Number(process.env.THROTTLE || 4);
const TRACE = process.env.TRACE === '1';
const PROFILE = process.env.PROFILE === '1';
// Inclusive and self milliseconds per function over every key (PROFILE=1).
const inclusive = new Map();
const selfTime = new Map();
function addProfile(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  profile.samples.forEach((s, i) => {
    const dt = (profile.timeDeltas[i] || 0) / 1000;
    const own = byId.get(s).callFrame.functionName || '(anonymous)';
    selfTime.set(own, (selfTime.get(own) || 0) + dt);
    const seen = new Set();
    for (let id = s; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id).callFrame.functionName;
      if (f && !seen.has(f)) {
        seen.add(f);
        inclusive.set(f, (inclusive.get(f) || 0) + dt);
      }
    }
  });
}
const ROUNDS = Number(process.env.ROUNDS || 2);
const DRAFT = process.env.DRAFT === '1';
const server = await serve(pkg);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
const rows = [];
try {
  for (let round = 0; round < ROUNDS; round++) {
    // The wasm is initialised below, with the form mounted in the same step.
    const { ctx, page: p, cdp } = await openBenchPage(browser, server, { viewport: { width: 1440, height: 900 }, init: false });
    await p.evaluate(async (draft) => {
      await window.bench.init();
      window.handle = window.benchMount(document.getElementById('host'), { form: 'meeting-minutes', draftKey: draft ? 'bench:minutes' : false, today: '2026-12-06' });
      await new Promise((r) => setTimeout(r, 500));
      const root = document.getElementById('host').shadowRoot;
      window.__root = root;
      window.__times = [];
      window.addEventListener('keydown', (e) => {
        const down = performance.now();
        const key = e.key;
        requestAnimationFrame(() => {
          const frame = performance.now();
          setTimeout(() => window.__times.push([key, frame - down, performance.now() - down]), 0);
        });
      }, { capture: true });
    }, DRAFT);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    const keysOn = async (selector, keys, label) => {
      const found = await p.evaluate((sel) => {
        const el = window.__root.querySelector(sel);
        if (!el) return null;
        el.focus();
        return el.id || el.name || sel;
      }, selector);
      if (!found) {
        console.log(`no ${selector}`);
        return;
      }
      for (const k of keys) {
        const stop = TRACE ? await startTrace(cdp, 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,v8.wasm') : null;
        const before = await p.evaluate(() => window.__times.length);
        if (PROFILE) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
          await cdp.send('Profiler.start');
        }
        await p.keyboard.press(k);
        await p.waitForFunction((n) => window.__times.length > n, before);
        if (PROFILE) {
          await p.waitForTimeout(150);
          addProfile((await cdp.send('Profiler.stop')).profile);
        }
        const [key, toFrame, toPainted] = await p.evaluate(() => window.__times[window.__times.length - 1]);
        const row = { label, key, toFrame, toPainted };
        rows.push(row);
        let detail = '';
        let cpu;
        if (TRACE) {
          const events = await stop();
          // The main thread's CPU time for the key (`tdur`: the thread's own time, which
          // the machine's load moves less than the wall time).
          const main = events.find((e) => e.name === 'EventDispatch')?.tid;
          cpu = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.tid === main).reduce((sum, e) => sum + (e.tdur || 0) / 1000, 0);
          const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.dur > 3000);
          const keep = ['FunctionCall', 'EventDispatch', 'wasm.CompileLazy', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Commit', 'TimerFire', 'FireAnimationFrame'];
          detail = tasks.map((t) => {
            const inner = new Map();
            for (const e of events) {
              if (e.ph !== 'X' || e.tid !== t.tid || e === t || e.ts < t.ts || e.ts + (e.dur || 0) > t.ts + t.dur || !keep.includes(e.name)) continue;
              inner.set(e.name, (inner.get(e.name) || 0) + e.dur / 1000);
            }
            return `[${(t.dur / 1000).toFixed(0)}: ${[...inner].filter(([, ms]) => ms >= 1).map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(', ')}]`;
          }).join(' ');
          row.cpu = cpu;
          detail = `cpu ${cpu.toFixed(1)} ms ${detail}`;
        }
        console.log(`${label.padEnd(10)} ${key.padEnd(10)} to frame ${toFrame.toFixed(0).padStart(4)} ms, painted ${toPainted.toFixed(0).padStart(4)} ms ${detail}`);
      }
    };
    await keysOn('#dj-meeting-date', [...'20261205'], 'date');
    await keysOn('select', ['ArrowDown', 'ArrowDown', 'ArrowUp', 'ArrowDown'], 'select');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await ctx.close();
  }
} finally {
  await browser.close();
  server.close();
}
const painted = rows.map((r) => r.toPainted);
console.log(`${rows.length} keys at ${THROTTLE}× slower: median to painted ${median(painted).toFixed(0)} ms, worst ${Math.max(...painted).toFixed(0)} ms, over 100 ms: ${painted.filter((x) => x > 100).length}`);
if (PROFILE) {
  const per = (ms) => (ms / rows.length).toFixed(2).padStart(7);
  console.log('inclusive ms per key (ours and the framework):');
  for (const [n, ms] of [...inclusive].filter(([n]) => /dangjian|yew|gloo/.test(n)).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${per(ms)}  ${n.slice(0, 150)}`);
  console.log('self ms per key:');
  for (const [n, ms] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${per(ms)}  ${n.slice(0, 150)}`);
}
for (const label of [...new Set(rows.map((r) => r.label))]) {
  const t = rows.filter((r) => r.label === label).map((r) => r.toPainted);
  const cpu = rows.filter((r) => r.label === label && r.cpu !== undefined).map((r) => r.cpu);
  const cpuText = cpu.length ? `; main thread CPU median ${median(cpu).toFixed(1)} ms, worst ${Math.max(...cpu).toFixed(1)} ms` : '';
  console.log(`  ${label}: median ${median(t).toFixed(0)} ms, worst ${Math.max(...t).toFixed(0)} ms${cpuText}`);
}
