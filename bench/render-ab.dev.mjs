// Profiling helper (not part of the benchmark run): the first render of
// checklist-200 (as lib/browser-run.mjs measures it) for several packages in
// one browser, a fresh page each time, the packages alternating round by round
// so machine load hits them alike. Prints each package's median first render,
// every-line-drawn time and its ratio to the first package.
// `node render-ab.dev.mjs <package A> <package B> [...]`; `ROUNDS=9` by default;
// `THROTTLE=4` slows the CPU of each page that many times (CDP). `CPU=1` also
// traces each page and sums the main thread's CPU time (thread time, not
// wall time: what load from other processes changes least) over the tasks
// from mount() to the first frame.
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM, serve, firstRenderCase } from './lib/browser-run.mjs';
import { median } from './lib/harness.mjs';
import { openBenchPage, startTrace } from './lib/traced-page.mjs';

const dirs = process.argv.slice(2);
if (dirs.length < 1) throw new Error('usage: node render-ab.dev.mjs <package A> [<package B> ...]');
const ROUNDS = Number(process.env.ROUNDS || 9);
const THROTTLE = Number(process.env.THROTTLE || 0);
const { workload, spec, data } = firstRenderCase();
const servers = await Promise.all(dirs.map((d) => serve(d)));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
const CPU = process.env.CPU === '1';
const first = dirs.map(() => []);
const cpu = dirs.map(() => []);
const all = dirs.map(() => []);
try {
  for (let round = 0; round < ROUNDS; round++) {
    const order = dirs.map((_, i) => i);
    if (round % 2) order.reverse();
    for (const k of order) {
      const { ctx, page: p, cdp } = await openBenchPage(browser, servers[k], { throttle: THROTTLE });
      const stop = CPU ? await startTrace(cdp, 'toplevel,disabled-by-default-devtools.timeline,blink.user_timing') : null;
      const r = await p.evaluate(async ([s, d, t, n]) => {
        performance.mark('dj-t0');
        const out = await window.bench.firstRender(s, d, t, n, () => performance.mark('dj-t1'));
        return out;
      }, [spec, data, workload.today, 200]);
      if (CPU) {
        const events = await stop();
        const m0 = events.find((e) => e.name === 'dj-t0');
        const m1 = events.find((e) => e.name === 'dj-t1');
        const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.tid === m0.tid && e.ts + e.dur >= m0.ts && e.ts <= m1.ts);
        cpu[k].push(tasks.reduce((a, e) => a + (e.tdur || 0), 0) / 1000);
      }
      first[k].push(r.first);
      all[k].push(r.allDrawn);
      await ctx.close();
    }
  }
} finally {
  await browser.close();
  for (const s of servers) s.close();
}
const base = median(first[0]);
dirs.forEach((d, k) => {
  const m = median(first[k]);
  console.log(`${d}: first render ${m.toFixed(1)} ms (×${(m / base).toFixed(2)}; runs ${first[k].map((x) => x.toFixed(0)).join(' ')}), every line drawn ${median(all[k]).toFixed(0)} ms`);
  if (CPU) console.log(`  main thread CPU to the first frame ${median(cpu[k]).toFixed(1)} ms (×${(median(cpu[k]) / median(cpu[0])).toFixed(2)}; runs ${cpu[k].map((x) => x.toFixed(0)).join(' ')})`);
});
