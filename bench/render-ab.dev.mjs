// Profiling helper (not part of the benchmark run): the first render of
// checklist-200 (as lib/browser-run.mjs measures it) for several packages in
// one browser, a fresh page each time, the packages alternating round by round
// so machine load hits them alike. Prints each package's median first render,
// every-line-drawn time and its ratio to the first package.
// `node render-ab.dev.mjs <package A> <package B> [...]`; `ROUNDS=9` by default;
// `THROTTLE=4` slows the CPU of each page that many times (CDP).
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM, serve } from './lib/browser-run.mjs';
import { median } from './lib/harness.mjs';
import { checklistWorkload } from './workloads/checklist.mjs';
import { checklistSpec } from './workloads/specs.mjs';

const dirs = process.argv.slice(2);
if (dirs.length < 1) throw new Error('usage: node render-ab.dev.mjs <package A> [<package B> ...]');
const ROUNDS = Number(process.env.ROUNDS || 9);
const THROTTLE = Number(process.env.THROTTLE || 0);
const workload = checklistWorkload(200, { submissions: 20 });
const spec = checklistSpec(workload.layout);
const data = workload.records[workload.truth.findIndex((t) => t.valid && t.grade !== 'fail')];
const servers = await Promise.all(dirs.map((d) => serve(d)));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
const first = dirs.map(() => []);
const all = dirs.map(() => []);
try {
  for (let round = 0; round < ROUNDS; round++) {
    const order = dirs.map((_, i) => i);
    if (round % 2) order.reverse();
    for (const k of order) {
      const ctx = await browser.newContext();
      const p = await ctx.newPage();
      if (THROTTLE) await (await ctx.newCDPSession(p)).send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
      await p.goto(`http://127.0.0.1:${servers[k].address().port}/`);
      await p.waitForFunction(() => window.benchReady === true);
      await p.evaluate(() => window.bench.init());
      const r = await p.evaluate(([s, d, t, n]) => window.bench.firstRender(s, d, t, n), [spec, data, workload.today, 200]);
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
});
