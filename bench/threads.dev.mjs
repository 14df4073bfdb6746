// Profiling helper (not part of the benchmark run): every thread's work from
// mount() of checklist-200 (mark dj-t0) to the bench's first frame (dj-t1), as
// lib/browser-run.mjs measures it, on a fresh page: per thread of the renderer,
// the browser and the GPU process, its busy time in the window, its CPU time and
// its largest kinds of event. It shows whether the renderer's main thread is
// busy the whole window and what the other threads do meanwhile (raster, V8's
// compile workers, the browser's font service).
// `RUNS=3 node threads.dev.mjs [package]`; `TOPN=12` kinds per thread (8).
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM, serve, firstRenderCase } from './lib/browser-run.mjs';
import { packageDir } from './peers/ours.mjs';
import { openBenchPage, startTrace } from './lib/traced-page.mjs';

const pkg = process.argv[2] || packageDir();
const RUNS = Number(process.env.RUNS || 3);
const TOPN = Number(process.env.TOPN || 8);
const CATEGORIES = 'toplevel,devtools.timeline,v8.wasm,blink.user_timing,disabled-by-default-devtools.timeline,cc,gpu,viz,benchmark,blink,fonts,skia';
const { workload, spec, data } = firstRenderCase();
const server = await serve(pkg);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
for (let run = 0; run < RUNS; run++) {
  const { ctx, page, cdp } = await openBenchPage(browser, server, {});
  const stop = await startTrace(cdp, CATEGORIES);
  const r = await page.evaluate(([s, d, t, n]) => {
    performance.mark('dj-t0');
    return window.bench.firstRender(s, d, t, n, () => performance.mark('dj-t1'));
  }, [spec, data, workload.today, 200]);
  const events = await stop();
  const t0 = events.find((e) => e.name === 'dj-t0').ts;
  const t1 = events.find((e) => e.name === 'dj-t1').ts;
  const names = {};
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') names[`${e.pid}:${e.tid}`] = e.args.name;
    if (e.ph === 'M' && e.name === 'process_name') names[`${e.pid}`] = e.args.name;
  }
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || e.ts + (e.dur || 0) < t0 || e.ts > t1) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  // An event's time inside the window, in ms.
  const inWindow = (e) => (Math.min(e.ts + e.dur, t1) - Math.max(e.ts, t0)) / 1000;
  console.log(`run ${run}: first render ${r.first.toFixed(1)} ms`);
  for (const [key, list] of byThread) {
    // The thread's outermost events: each not inside an earlier one.
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const outer = [];
    let end = -1;
    for (const e of list) {
      if (e.ts >= end) {
        outer.push(e);
        end = e.ts + e.dur;
      }
    }
    const busy = outer.reduce((sum, e) => sum + inWindow(e), 0);
    if (busy < 0.5) continue;
    const cpu = outer.reduce((sum, e) => sum + (e.tdur || 0) / 1000, 0);
    const kinds = new Map();
    for (const e of list) {
      const [count, ms] = kinds.get(e.name) || [0, 0];
      kinds.set(e.name, [count + 1, ms + inWindow(e)]);
    }
    const top = [...kinds].sort((a, b) => b[1][1] - a[1][1]).slice(0, TOPN);
    const process_ = names[key.split(':')[0]] || '?';
    console.log(`  ${process_}/${names[key] || key}: busy ${busy.toFixed(1)} ms, CPU ${cpu.toFixed(1)} ms | ${top.map(([n, [c, ms]]) => `${n}×${c} ${ms.toFixed(1)}`).join(', ')}`);
  }
  await ctx.close();
}
await browser.close();
server.close();
