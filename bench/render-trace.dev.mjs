// Profiling driver (not part of the benchmark run): where the first render of
// checklist-200 goes, from `mount()` to the first frame with the score and the
// lines (as lib/browser-run.mjs measures it), on a fresh page after the wasm
// init. Prints, per page: the first render, the trace's time by event inside
// that window (script, wasm lazy compilation, style, layout, paint…) and, from
// a sampled CPU profile of the same window, the functions by self time (names
// only in a package bound with its name section: see keystroke.dev.mjs).
// `node render-trace.dev.mjs [package folder]`; `RUNS=2`; `THROTTLE=4` slows the CPU;
// `CSS='…'` adds a style sheet to the form's shadow root right after mount();
// `PROFILE=1` adds the CPU profile (which slows the page: V8 then logs every
// function it compiles).
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM, serve, firstRenderCase } from './lib/browser-run.mjs';
import { packageDir } from './peers/ours.mjs';
import { openBenchPage, startTrace } from './lib/traced-page.mjs';

const pkg = process.argv[2] || packageDir();
const RUNS = Number(process.env.RUNS || 2);
const THROTTLE = Number(process.env.THROTTLE || 0);
const TOP = Number(process.env.TOP || 30);
const PROFILE = process.env.PROFILE === '1';
const { workload, spec, data } = firstRenderCase();
const server = await serve(pkg);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });

async function once() {
  const { ctx, page: p, cdp } = await openBenchPage(browser, server, { throttle: THROTTLE });
  const stop = await startTrace(cdp, 'devtools.timeline,v8,v8.wasm,blink.user_timing,disabled-by-default-devtools.timeline');
  if (PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
  }
  const first = await p.evaluate(async ([s, d, t, css]) => {
    const host = document.getElementById('host');
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    performance.mark('dj-t0');
    const t0 = performance.now();
    window.handle = window.benchMount(host, { form: s, data: d, today: t, draftKey: false });
    if (css) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      host.shadowRoot.adoptedStyleSheets = [...host.shadowRoot.adoptedStyleSheets, sheet];
    }
    for (;;) {
      const root = host.shadowRoot || host;
      const lines = root.querySelectorAll('.dj-check-line').length;
      const waiting = root.querySelectorAll('.dj-ph').length;
      if (lines > 0 && (lines >= 200 || waiting > 0) && root.querySelector('[data-testid="score-total"]')) break;
      await new Promise((r) => setTimeout(r, 0));
    }
    await frame();
    performance.mark('dj-t1');
    const root = host.shadowRoot || host;
    return { ms: performance.now() - t0, elements: root.querySelectorAll('*').length };
  }, [spec, data, workload.today, process.env.CSS || '']);
  const profile = PROFILE ? (await cdp.send('Profiler.stop')).profile : null;
  const events = await stop();
  await ctx.close();
  return { first, events, profile };
}

const KEEP = new Set(['FunctionCall', 'wasm.CompileLazy', 'TimerFire', 'FireAnimationFrame', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'MinorGC', 'MajorGC', 'IntersectionObserverController::computeIntersections', 'EventDispatch', 'ParseAuthorStyleSheet', 'v8.run', 'RunMicrotasks', 'V8.GCScavenger']);

function summarize({ first, events, profile }) {
  const mark = (n) => events.find((e) => e.name === n)?.ts;
  const t0 = mark('dj-t0');
  const t1 = mark('dj-t1');
  console.log(`first render ${first.ms.toFixed(1)} ms, ${first.elements} elements in the form`);
  if (t0 && t1) {
    const by = new Map();
    for (const e of events) {
      if (e.ph !== 'X' || e.ts < t0 || e.ts > t1 || !e.dur) continue;
      by.set(e.name, (by.get(e.name) || 0) + e.dur / 1000);
    }
    const rows = [...by].sort((a, b) => b[1] - a[1]).slice(0, 22);
    console.log('  trace (inclusive ms, events inside the window): ' + rows.map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join('; '));
    // The main thread's tasks in the window, each with what it holds.
    const main = events.find((e) => e.name === 'dj-t0')?.tid;
    const tasks = events.filter((e) => e.ph === 'X' && e.tid === main && e.name === 'RunTask' && e.ts >= t0 - 1000 && e.ts <= t1 && e.dur > 1000);
    for (const t of tasks) {
      const inner = new Map();
      for (const e of events) {
        if (e.ph !== 'X' || e.tid !== main || e === t || e.ts < t.ts || e.ts + (e.dur || 0) > t.ts + t.dur) continue;
        if (!KEEP.has(e.name)) continue;
        inner.set(e.name, (inner.get(e.name) || 0) + (e.dur || 0) / 1000);
      }
      console.log(`  task at +${((t.ts - t0) / 1000).toFixed(1)} ms: ${(t.dur / 1000).toFixed(1)} ms — ` + [...inner].map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join(', '));
    }
  }
  if (!profile) return;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  profile.samples.forEach((s, i) => {
    const dt = (profile.timeDeltas[i] || 0) / 1000;
    const n = byId.get(s);
    const name = n.callFrame.functionName || `(anon ${n.callFrame.url.split('/').pop()})`;
    self.set(name, (self.get(name) || 0) + dt);
    total += dt;
  });
  // Inclusive: each sample counts once for every distinct function on its stack.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const incl = new Map();
  profile.samples.forEach((s, i) => {
    const dt = (profile.timeDeltas[i] || 0) / 1000;
    const seen = new Set();
    for (let id = s; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id).callFrame.functionName;
      if (f && !seen.has(f)) { seen.add(f); incl.set(f, (incl.get(f) || 0) + dt); }
    }
  });
  console.log('  inclusive ms (ours and the framework):');
  for (const [n, ms] of [...incl].filter(([n]) => new RegExp(process.env.MATCH || "dangjian|yew|FormApp|Section|Field|Group").test(n)).sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${ms.toFixed(1).padStart(8)}  ${n.slice(0, 150)}`);
  console.log(`  profile: ${total.toFixed(1)} ms sampled; self ms:`);
  for (const [n, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${ms.toFixed(1).padStart(8)}  ${n.slice(0, 140)}`);
}

try {
  for (let i = 0; i < RUNS; i++) summarize(await once());
} finally {
  await browser.close();
  server.close();
}
