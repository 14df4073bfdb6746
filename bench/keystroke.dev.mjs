// Profiling driver (not part of the benchmark run): where a keystroke's time
// goes on checklist-200. Presses Space on the "unmet" choice of 30 items
// answered "met", as the benchmark does, and prints per key the times from the
// keyup (which activates the choice) and from the keydown to the score's change
// and to the frame after it; then, by mode:
//   trace    (default) the medians per key of the keyup's task and of the
//            frame after it, split into style, layout, pre-paint, paint and commit;
//   profile  a sampled CPU profile: inclusive milliseconds per key of each
//            function (wasm functions have names only in a package built with
//            its name section, see below).
// `node keystroke.dev.mjs [trace|profile] [package folder]` (default folder:
// the one `cargo xtask dist` builds). `CSS='…'` adds a style sheet to the
// form's shadow root first, to try a CSS change without a rebuild.
// `KEYS=300` presses that many keys instead of 30, going back and forth
// between "unmet" and "met" on the same 30 items, and prints the wasm memory
// every 30 keys (it never shrinks: a leak shows as growth that never stops).
// For names in the profile: `wasm-bindgen <crate>.wasm --target web
// --out-dir D` without `--remove-name-section`, `wasm-opt -Oz -g`, and the
// result copied over `wasm/full/dangjian_bg.wasm` of a copy of the package.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { packageDir } from './peers/ours.mjs';
import { firstRenderCase } from './lib/browser-run.mjs';

const mode = process.argv[2] || 'trace';
const pkg = process.argv[3] || packageDir();
const SAMPLING_US = 50;
const KEYS = Number(process.env.KEYS || 30);

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)];
};

const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
const server = http.createServer((req, res) => {
  const url = req.url.split('?')[0];
  if (url === '/') {
    res.writeHead(200, { 'content-type': 'text/html' });
    return res.end('<!doctype html><meta charset=utf-8><div id=host></div><script type=module>import init, { mount } from "/pkg/index.js"; window.wasm = await init(); window.mount = mount; window.ready = true;</script>');
  }
  const file = path.join(pkg, url.slice('/pkg/'.length));
  if (url.startsWith('/pkg/') && fs.existsSync(file)) {
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    return res.end(fs.readFileSync(file));
  }
  res.writeHead(404);
  res.end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));

const { workload: w, spec, data } = firstRenderCase();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await (await browser.newContext()).newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.waitForFunction(() => window.ready);
await page.evaluate(([s, d, t]) => { window.handle = mount(document.getElementById('host'), { form: s, data: d, today: t, draftKey: false }); }, [spec, data, w.today]);
if (process.env.CSS) {
  await page.evaluate((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    const root = document.getElementById('host').shadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }, process.env.CSS);
}
await page.waitForTimeout(2500); // every line drawn

const cdp = await page.context().newCDPSession(page);
const events = [];
if (mode === 'profile') {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
  await cdp.send('Profiler.start');
} else {
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,blink', transferMode: 'ReportEvents' });
}

const targets = [];
for (const section of w.layout.sections) {
  for (const item of section.items) {
    if (!item.veto && data[section.id][item.id]?.status === 'met') targets.push(item.id);
  }
}
const items = targets.slice(0, 30);
const plan = Array.from({ length: KEYS }, (_, i) => [items[i % items.length], Math.floor(i / items.length) % 2 ? 'met' : 'unmet']);
const memoryMb = () => page.evaluate(() => (window.wasm.memory.buffer.byteLength / 1048576).toFixed(2));
const times = []; // [keyup → score changed, keyup → frame after, keydown → frame after]
for (const [n, [id, choice]] of plan.entries()) {
  if (KEYS > 30 && n % 30 === 0) console.log(`wasm memory after ${n} keys: ${await memoryMb()} MB`);
  const ready = await page.evaluate(([itemId, value]) => {
    const root = document.getElementById('host').shadowRoot;
    const input = root.querySelector(`.dj-check-line[data-for$="${itemId}"] [data-value="${value}"] input`);
    if (!input) return false;
    input.focus();
    const before = root.querySelector('[data-testid="score-total"]').textContent;
    window.__done = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (root.querySelector('[data-testid="score-total"]')?.textContent !== before) {
          observer.disconnect();
          window.__changed = performance.now();
          requestAnimationFrame(() => resolve(performance.now()));
        }
      });
      observer.observe(root, { subtree: true, childList: true, characterData: true });
    });
    addEventListener('keydown', () => { window.__down = performance.now(); }, { capture: true, once: true });
    addEventListener('keyup', () => { window.__up = performance.now(); }, { capture: true, once: true });
    return true;
  }, [id, choice]);
  if (!ready) continue;
  await page.keyboard.press('Space');
  times.push(await page.evaluate(() => window.__done.then((frame) => [window.__changed - window.__up, frame - window.__up, frame - window.__down])));
  await page.waitForTimeout(200);
}
if (KEYS > 30) console.log(`wasm memory after ${times.length} keys: ${await memoryMb()} MB`);
const ms = (x) => x.toFixed(1);
console.log(`${times.length} keys; medians (ms): keyup → score changed ${ms(median(times.map((t) => t[0])))}, keyup → frame after ${ms(median(times.map((t) => t[1])))}, keydown → frame after ${ms(median(times.map((t) => t[2])))}`);

if (mode === 'profile') {
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const samples = new Map();
  for (const s of profile.samples) samples.set(s, (samples.get(s) || 0) + 1);
  const inclusive = new Map();
  for (const [id, count] of samples) {
    const seen = new Set();
    for (let node = id; node !== undefined; node = parent.get(node)) {
      const name = byId.get(node).callFrame.functionName || '(anonymous)';
      if (!seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) || 0) + count);
      }
    }
  }
  console.log('inclusive ms per key ((program) is the browser\'s own work: style, layout, paint):');
  for (const [name, count] of [...inclusive].filter(([n]) => n !== '(root)' && n !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 50)) {
    console.log(`${((count * SAMPLING_US) / 1000 / times.length).toFixed(2).padStart(7)}  ${name.replace(/::h[0-9a-f]{16}$/, '').slice(0, 150)}`);
  }
} else {
  await cdp.send('Tracing.end');
  await new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  const mainThread = events.find((e) => e.name === 'EventDispatch')?.tid;
  const spans = events.filter((e) => e.ph === 'X' && e.tid === mainThread);
  const isKey = (e, type) => e.name === 'EventDispatch' && e.args?.data?.type === type;
  const phases = ['Blink.Style.UpdateTime', 'Blink.Layout.UpdateTime', 'Blink.PrePaint.UpdateTime', 'Blink.Paint.UpdateTime', 'Blink.CompositingCommit.UpdateTime'];
  const rows = [];
  for (const down of spans.filter((e) => isKey(e, 'keydown'))) {
    const near = spans.filter((e) => e.ts >= down.ts && e.ts < down.ts + 60_000);
    const up = near.find((e) => isKey(e, 'keyup'));
    const frame = up && near.find((e) => e.name === 'WebFrameWidgetImpl::UpdateLifecycle' && e.ts > up.ts);
    if (!frame) continue;
    const inFrame = (name) => near.filter((e) => e.name === name && e.ts >= frame.ts && e.ts < frame.ts + frame.dur).reduce((sum, e) => sum + e.dur, 0) / 1000;
    rows.push([up.dur / 1000, frame.dur / 1000, ...phases.map(inFrame)]);
  }
  const columns = ['keyup task', 'frame after', 'style', 'layout', 'pre-paint', 'paint', 'commit'];
  console.log(`medians per key under tracing (which slows everything), ms: ${columns.map((c, i) => `${c} ${median(rows.map((r) => r[i])).toFixed(2)}`).join(', ')}`);
}
await browser.close();
server.close();
