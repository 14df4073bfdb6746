// Profiling helper (not part of the benchmark run): the main thread's tasks
// from mount() of checklist-200 (mark dj-t0) to the bench's first frame (dj-t1),
// as lib/browser-run.mjs measures it, each with its wall and CPU time and what
// it holds (wasm lazy compiles, script, style, layout, paint), and the paint
// timing. `RUNS=3 node render-tasks.dev.mjs [package]`. Variants: `TINY=1`
// mounts a one-field form instead; `WARM=same` (or `tiny`) mounts and destroys
// that form first in the same page; `FONT='…'` sets --dj-font; `TEXT='16px
// sans-serif'` lays out some text of the page first.
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM, serve, firstRenderCase } from './lib/browser-run.mjs';
import { packageDir } from './peers/ours.mjs';
import { openBenchPage, startTrace } from './lib/traced-page.mjs';
const pkg = (process.argv[2] || packageDir());
const RUNS = Number(process.env.RUNS || 3);
const { workload, spec, data } = firstRenderCase();
const server = await serve(pkg);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
for (let run = 0; run < RUNS; run++) {
  const { ctx, page: p, cdp } = await openBenchPage(browser, server, {});
  const stop = await startTrace(cdp, 'toplevel,devtools.timeline,v8.wasm,blink.user_timing,disabled-by-default-devtools.timeline');
  const r = await p.evaluate(async ([s, d, t, n, FONT, TEXT, WARM, TINY]) => {
    const host = document.getElementById('host');
    if (FONT) host.style.setProperty('--dj-font', FONT);
    if (TEXT) { const d = document.createElement('p'); d.textContent = '党支部标准化规范化建设 Branch checklist 123'; d.style.font = TEXT; document.body.prepend(d); d.getBoundingClientRect(); await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))); }
    if (WARM) { const h2 = document.createElement('div'); document.body.append(h2); const hd = window.benchMount(h2, { form: WARM === 'same' ? s : { id: 'w', version: '1', title: 'w', sections: [{ id: 'a', title: 'a', items: [{ id: 'x', type: 'text', title: '名称' }] }] }, data: WARM === 'same' ? d : {}, today: t, draftKey: false }); await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))); hd.destroy(); h2.remove(); await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))); }
    performance.mark('dj-t0');
    const t0 = performance.now();
    if (TINY) { const t0 = performance.now(); const h = document.getElementById('host'); window.benchMount(h, { form: { id: 'w', version: '1', title: '工作记录', sections: [{ id: 'a', title: '基本情况', items: [{ id: 'x', type: 'text', title: '名称' }] }] }, data: {}, today: t, draftKey: false }); await new Promise((r) => setTimeout(r, 0)); await new Promise((r) => requestAnimationFrame(r)); performance.mark('dj-t1'); return { first: performance.now() - t0, allDrawn: 0, fcp: [] }; }
    const out = await window.bench.firstRender(s, d, t, n, () => performance.mark('dj-t1'));
    const fcp = performance.getEntriesByType('paint').map((e) => `${e.name} ${(e.startTime - t0).toFixed(1)}`);
    return { ...out, fcp };
  }, [spec, data, workload.today, 200, process.env.FONT || '', process.env.TEXT || '', process.env.WARM || '', process.env.TINY || '']);
  const ev = await stop();
  const m0 = ev.find((e) => e.name === 'dj-t0'), m1 = ev.find((e) => e.name === 'dj-t1');
  const tid = m0.tid;
  const main = ev.filter((e) => e.tid === tid && e.ph === 'X' && e.ts + e.dur >= m0.ts && e.ts <= m1.ts + 1000);
  const tasks = main.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  console.log(`run ${run}: first ${r.first.toFixed(1)} ms, all ${r.allDrawn.toFixed(0)}; ${r.fcp.join(', ')}; t1 at ${((m1.ts - m0.ts) / 1000).toFixed(1)}`);
  for (const t of tasks) {
    const inner = main.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur + 1);
    const by = {};
    for (const e of inner) { if (['FunctionCall','TimerFire','FireAnimationFrame','Layout','UpdateLayoutTree','Paint','PrePaint','Layerize','Commit','v8.wasm.compileLazy','wasm.CompileLazy','EventDispatch','ParseHTML','RunMicrotasks','V8.GCScavenger','MinorGC','MajorGC','HitTest','IntersectionObserverController::computeIntersections','UpdateLayer','ScheduleStyleRecalculation','BeginMainThreadFrame','Animation Frame Fired','FireIdleCallback'].includes(e.name) || e.name.includes('Compile')) { by[e.name] = by[e.name] || [0, 0]; by[e.name][0]++; by[e.name][1] += e.dur / 1000; } }
    const desc = Object.entries(by).map(([k, [n, d]]) => `${k}${n > 1 ? `×${n}` : ''} ${d.toFixed(1)}`).join(', ');
    const lays = inner.filter((e) => e.name === 'Layout' || e.name === 'UpdateLayoutTree').map((e) => `${e.name === 'Layout' ? 'L' : 'S'}${(e.dur / 1000).toFixed(1)}${e.args && e.args.beginData && e.args.beginData.dirtyObjects != null ? '/' + e.args.beginData.dirtyObjects : ''}${e.args && e.args.elementCount != null ? '/' + e.args.elementCount : ''}`).join(' ');
    if (t.dur > 300) console.log(lays);
    if (t.dur > 300) console.log(`  +${((t.ts - m0.ts) / 1000).toFixed(1)} wall ${(t.dur / 1000).toFixed(1)} cpu ${((t.tdur || 0) / 1000).toFixed(1)}: ${desc}`);
  }
  await ctx.close();
}
await browser.close(); server.close();
