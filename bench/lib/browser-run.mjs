// Browser measurements on the 200-item checklist, in headless Chromium
// (/usr/bin/chromium, driven by playwright-core):
// - first render: from calling `mount(element, {form: spec, data})` to the
//   frame after the score and every checklist line are in the page, drawn or —
//   for lines far below the viewport — reserved by a placeholder the component
//   draws soon after; also the time until every line is drawn;
// - keystroke → updated score: pressing Space on a status choice (met → unmet)
//   of an item, to the frame after the score shown has changed. Median of 15.
//   Space activates a radio button when the key is released, so the clock
//   starts at the keyup; the time from the keydown is reported too, but it
//   also holds how long the key was down (for the synthetic key, the round
//   trip between its two halves: 2–30 ms; for a person, ~100 ms).
// The package is served from its folder by a small local HTTP server.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { checklistWorkload } from '../workloads/checklist.mjs';
import { checklistSpec } from '../workloads/specs.mjs';
import { median } from './harness.mjs';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.html': 'text/html', '.json': 'application/json' };

/** The bench page: `bench.init()` and `bench.firstRender(spec, data, today, items)`. */
export function page() {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>bench</title></head>
<body><div id="host"></div><script type="module">
import init, { mount } from "/pkg/index.js";
window.bench = {
  async init() { const t0 = performance.now(); await init(); return performance.now() - t0; },
  async firstRender(spec, data, today, items, onFirst = () => {}) {
    const host = document.getElementById("host");
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const t0 = performance.now();
    window.handle = mount(host, { form: spec, data, today, draftKey: false });
    // First render: the score and the lines in the page — all of them, or (for a
    // long form) the first ones with the rest reserved by placeholders (.dj-ph)
    // that the component draws when they come near the viewport or the browser is idle.
    let first = null;
    for (;;) {
      const root = host.shadowRoot || host;
      const lines = root.querySelectorAll(".dj-check-line").length;
      const waiting = root.querySelectorAll(".dj-ph").length;
      if (first === null && lines > 0 && (lines >= items || waiting > 0) && root.querySelector('[data-testid="score-total"]')) {
        await frame();
        first = performance.now() - t0;
        onFirst();
      }
      if (first !== null && lines >= items) break;
      await new Promise((r) => setTimeout(r, first === null ? 0 : 20));
      if (performance.now() - t0 > 20000) throw new Error("first render did not finish in 20 s (" + lines + " lines)");
    }
    await frame();
    // allDrawn: until the last placeholder is drawn (equal to first for a form drawn at once).
    return { first, allDrawn: performance.now() - t0 };
  },
};
window.benchMount = mount;
window.benchReady = true;
</script></body></html>`;
}

/** Serves the bench page and `pkgDir` under /pkg/ on a free local port. */
export function serve(pkgDir) {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(req.url.split('?')[0]);
    if (url === '/' || url === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end(page());
    }
    if (url.startsWith('/pkg/')) {
      const file = path.join(pkgDir, url.slice(5));
      if (file.startsWith(pkgDir) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
        return res.end(fs.readFileSync(file));
      }
    }
    res.writeHead(404);
    res.end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * What the first render measures: checklist-200 (`workload`, with 20
 * submissions), its `spec`, and `data`, the first valid submission that does
 * not fail the grade. The profiling drivers (`*.dev.mjs`) mount the same.
 */
export function firstRenderCase() {
  const workload = checklistWorkload(200, { submissions: 20 });
  const spec = checklistSpec(workload.layout);
  const data = workload.records[workload.truth.findIndex((t) => t.valid && t.grade !== 'fail')];
  return { workload, spec, data };
}

/** `{initMs, firstRenderMs, keystrokeMs, note}`. */
export async function measureBrowser(pkgDir, log = () => {}) {
  const { chromium } = await import('playwright-core');
  const { workload, spec, data } = firstRenderCase();
  const server = await serve(pkgDir);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const renders = [];
    const allDrawn = [];
    let initMs = null;
    let keys = [];
    for (let i = 0; i < 5; i++) {
      const ctx = await browser.newContext();
      const p = await ctx.newPage();
      await p.goto(base);
      await p.waitForFunction(() => window.benchReady === true);
      const init = await p.evaluate(() => window.bench.init());
      if (initMs === null) initMs = init;
      const r = await p.evaluate(([s, d, t, n]) => window.bench.firstRender(s, d, t, n), [spec, data, workload.today, 200]);
      renders.push(r.first);
      allDrawn.push(r.allDrawn);
      // Keystrokes once every line is drawn: the form at its largest.
      if (i === 0) keys = await keystrokes(p, workload, data);
      await ctx.close();
    }
    const firstRenderMs = median(renders);
    const allDrawnMs = median(allDrawn);
    const keystrokeMs = keys.length ? median(keys.map(([fromUp]) => fromUp)) : null;
    const keystrokeFromDownMs = keys.length ? median(keys.map(([, fromDown]) => fromDown)) : null;
    log(`  wasm init ${initMs.toFixed(1)} ms; first render ${firstRenderMs.toFixed(1)} ms (median of ${renders.length}; every line drawn after ${allDrawnMs.toFixed(1)} ms); keystroke → score ${keystrokeMs === null ? '—' : `${keystrokeMs.toFixed(1)} ms from the keyup, ${keystrokeFromDownMs.toFixed(1)} ms from the keydown (medians of ${keys.length})`}`);
    return { initMs, firstRenderMs, renders, allDrawnMs, allDrawn, keystrokeMs, keystrokeFromDownMs, keys, note: keys.length ? '' : 'no status choice found to press' };
  } finally {
    await browser.close();
    server.close();
  }
}

/** Presses Space on the "unmet" choice of items answered "met", timing each until the score shown changes. */
async function keystrokes(p, workload, data) {
  const targets = [];
  for (const sec of workload.layout.sections) {
    for (const item of sec.items) {
      if (!item.veto && data[sec.id][item.id] && data[sec.id][item.id].status === 'met') targets.push(item.id);
    }
  }
  const times = [];
  for (const id of targets.slice(0, 15)) {
    const ready = await p.evaluate((itemId) => {
      const root = document.getElementById('host').shadowRoot || document.getElementById('host');
      const line = root.querySelector(`.dj-check-line[data-for$="${itemId}"]`);
      const opt = line && line.querySelector('[data-value="unmet"]');
      const input = opt && (opt.matches('input') ? opt : (opt.htmlFor && root.getElementById ? root.getElementById(opt.htmlFor) : null) || opt.querySelector('input') || opt);
      if (!input) return false;
      input.focus();
      window.__score = root.querySelector('[data-testid="score-total"]');
      window.__before = window.__score.textContent;
      window.__done = new Promise((resolve) => {
        const obs = new MutationObserver(() => {
          const now = root.querySelector('[data-testid="score-total"]');
          if (now && now.textContent !== window.__before) {
            obs.disconnect();
            requestAnimationFrame(() => resolve(performance.now()));
          }
        });
        obs.observe(root, { subtree: true, childList: true, characterData: true });
      });
      window.addEventListener('keydown', () => { window.__down = performance.now(); }, { capture: true, once: true });
      window.addEventListener('keyup', () => { window.__up = performance.now(); }, { capture: true, once: true });
      return true;
    }, id);
    if (!ready) continue;
    await p.keyboard.press('Space');
    const ms = await p.evaluate(() => Promise.race([window.__done.then((t) => [t - window.__up, t - window.__down]), new Promise((r) => setTimeout(() => r(null), 5000))]));
    if (ms !== null) times.push(ms);
  }
  return times;
}
