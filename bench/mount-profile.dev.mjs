// Profiling helper (not part of the benchmark run): a sampled CPU profile of
// mount() of checklist-200 to the first task after it, summed over RUNS fresh
// pages: inclusive and self time per function (names only for a package whose
// full module keeps its name section: `wasm-opt … -g` in place of
// `--strip-debug`, see keystroke.dev.mjs). By default the form is mounted and
// destroyed once first (warm: V8's compiling and the fonts' first use paid);
// `WARM=0` profiles the cold mount. `RUNS=5 TOP=40 MATCH=regex node
// mount-profile.dev.mjs [package]`.
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM, serve, firstRenderCase } from './lib/browser-run.mjs';
import { packageDir } from './peers/ours.mjs';
import { openBenchPage } from './lib/traced-page.mjs';
const pkg = (process.argv[2] || packageDir());
const WARM = process.env.WARM !== '0';
const TOP = Number(process.env.TOP || 40);
const { workload, spec, data } = firstRenderCase();
const server = await serve(pkg);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
const incl = new Map(), self = new Map(); let total = 0; let runs = Number(process.env.RUNS || 5);
for (let r = 0; r < runs; r++) {
  const { ctx, page: p, cdp } = await openBenchPage(browser, server, {});
  if (WARM) await p.evaluate(async ([s, d, t]) => { const h2 = document.createElement('div'); document.body.append(h2); const hd = window.benchMount(h2, { form: s, data: d, today: t, draftKey: false }); await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))); hd.destroy(); h2.remove(); await new Promise((r) => setTimeout(r, 100)); }, [spec, data, workload.today]);
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 50 }); await cdp.send('Profiler.start');
  const ms = await p.evaluate(async ([s, d, t]) => { const t0 = performance.now(); const h = document.getElementById('host'); window.handle = window.benchMount(h, { form: s, data: d, today: t, draftKey: false }); await new Promise((r) => setTimeout(r, 0)); return performance.now() - t0; }, [spec, data, workload.today]);
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  profile.samples.forEach((s, i) => {
    const dt = (profile.timeDeltas[i] || 0) / 1000; total += dt;
    const n = byId.get(s); const nm = n.callFrame.functionName || '(anon)'; self.set(nm, (self.get(nm) || 0) + dt);
    const seen = new Set();
    for (let id = s; id !== undefined; id = parent.get(id)) { const f = byId.get(id).callFrame.functionName; if (f && !seen.has(f)) { seen.add(f); incl.set(f, (incl.get(f) || 0) + dt); } }
  });
  console.log(`mount to first timeout: ${ms.toFixed(1)} ms`);
  await ctx.close();
}
const re = new RegExp(process.env.MATCH || '.');
console.log(`sampled ${(total / runs).toFixed(1)} ms per run; inclusive (per run):`);
for (const [n, v] of [...incl].filter(([n]) => re.test(n)).sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${(v / runs).toFixed(2).padStart(7)}  ${n.slice(0, 160)}`);
console.log('self:');
for (const [n, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(v / runs).toFixed(2).padStart(7)}  ${n.slice(0, 160)}`);
await browser.close(); server.close();
