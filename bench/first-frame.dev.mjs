// Profiling helper (not part of the benchmark run): mounts checklist-200 on a
// fresh bench page, prints the elements in the first frame, the checklist lines
// drawn and their tops (px), and writes a screenshot.
// `node first-frame.dev.mjs [package]`; `W=375 H=667` the viewport (1280×720),
// `OUT=file.png` (/tmp/first.png), `OPTS='{"elder":true}'` more mount options.
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM, serve, firstRenderCase } from './lib/browser-run.mjs';
import { packageDir } from './peers/ours.mjs';
import { openBenchPage } from './lib/traced-page.mjs';
const { workload, spec, data } = firstRenderCase();
const server = await serve((process.argv[2] || packageDir()));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
const vw = Number(process.env.W || 1280), vh = Number(process.env.H || 720);
const { ctx, page: p } = await openBenchPage(browser, server, { viewport: { width: vw, height: vh } });
const info = await p.evaluate(async ([s, d, t, o]) => { const h = document.getElementById('host'); window.benchMount(h, { form: s, data: d, today: t, draftKey: false, ...JSON.parse(o) }); await new Promise((r) => setTimeout(r, 0)); const root = h.shadowRoot; const lines = [...root.querySelectorAll('.dj-check-line')]; const out = { all: root.querySelectorAll('*').length, lines: lines.length, perLine: lines[0] ? lines[0].querySelectorAll('*').length : 0, tops: lines.map((l) => Math.round(l.getBoundingClientRect().top)), aside: (root.querySelector('.dj-aside, aside') || { querySelectorAll: () => [] }).querySelectorAll('*').length }; return out; }, [spec, data, workload.today, process.env.OPTS || '{}']);
console.log(JSON.stringify(info));
await p.screenshot({ path: process.env.OUT || '/tmp/first.png' });
await ctx.close(); await browser.close(); server.close();
