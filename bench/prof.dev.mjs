// Profiling driver (not part of the benchmark run): the browser measurement of
// lib/browser-run.mjs with a CPU profile of its first page, printed as the
// functions with the most self time. `node prof.dev.mjs [package folder]`
// (default: the package `cargo xtask dist` builds).
import { measureBrowser } from './lib/browser-run.mjs';
import { packageDir } from './peers/ours.mjs';
import { chromium } from 'playwright-core';
const orig = chromium.launch.bind(chromium);
chromium.launch = async (o) => {
  const b = await orig(o);
  const origNew = b.newContext.bind(b);
  b.newContext = async (...a) => {
    const ctx = await origNew(...a);
    const origPage = ctx.newPage.bind(ctx);
    ctx.newPage = async () => {
      const p = await origPage();
      if (!globalThis.__profiled) {
        globalThis.__profiled = true;
        const cdp = await ctx.newCDPSession(p);
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        globalThis.__cdp = cdp;
        await cdp.send('Profiler.start');
      }
      return p;
    };
    const origClose = ctx.close.bind(ctx);
    ctx.close = async () => {
      if (globalThis.__cdp) {
        const { profile } = await globalThis.__cdp.send('Profiler.stop');
        globalThis.__cdp = null;
        const self = new Map();
        const byId = new Map(profile.nodes.map((n) => [n.id, n]));
        const counts = new Map();
        for (const s of profile.samples) counts.set(s, (counts.get(s) || 0) + 1);
        let total = 0;
        for (const [id, c] of counts) {
          const n = byId.get(id);
          const name = n.callFrame.functionName || '(anon ' + n.callFrame.url.split('/').pop() + ')';
          self.set(name, (self.get(name) || 0) + c);
          total += c;
        }
        const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 45);
        for (const [n, c] of top) console.log((100 * c / total).toFixed(1).padStart(5), n.slice(0, 150));
      }
      return origClose();
    };
    return ctx;
  };
  return b;
};
await measureBrowser(process.argv[2] || packageDir(), console.log);
