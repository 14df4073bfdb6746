// A page of the bench site (lib/browser-run.mjs) opened for a profiling driver
// (the *.dev.mjs scripts), and a trace of it through the DevTools protocol.

/**
 * Opens a fresh page of the bench site `server` serves in `browser`: a context
 * of its own (with `viewport` when given), a CDP session on the page, the CPU
 * slowed `throttle` times (0: not), and, unless `init` is false, the wasm
 * initialised (`bench.init()`). Resolves to `{ ctx, page, cdp }`.
 */
export async function openBenchPage(browser, server, { throttle = 0, viewport, init = true } = {}) {
  const ctx = await browser.newContext(viewport ? { viewport } : {});
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  if (throttle) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.benchReady === true);
  if (init) await page.evaluate(() => window.bench.init());
  return { ctx, page, cdp };
}

/**
 * Starts a trace of `categories` (comma-separated) on the session `cdp`.
 * Resolves to `stop`, which ends the trace and resolves to its events.
 */
export async function startTrace(cdp, categories) {
  const events = [];
  const collect = (e) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return events;
  };
}
