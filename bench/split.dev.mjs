// Profiling driver (not part of the benchmark run): clicks "unmet" on twelve
// items of checklist-200 under a devtools trace and prints where the time
// went (trace events by total duration) and, per click, the milliseconds to
// the end of the click handler, to the score change and to the frame after.
// `node split.dev.mjs [package folder]` (default: the one `cargo xtask dist` builds).
import { checklistWorkload } from './workloads/checklist.mjs';
import { checklistSpec } from './workloads/specs.mjs';
import { chromium } from 'playwright-core';
import { packageDir } from './peers/ours.mjs';
import http from 'node:http'; import fs from 'node:fs'; import path from 'node:path';
const pkg = process.argv[2] || packageDir();
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
const server = http.createServer((req, res) => {
  const url = req.url.split('?')[0];
  if (url === '/') { res.writeHead(200, { 'content-type': 'text/html' }); return res.end(`<!doctype html><meta charset=utf-8><div id=host></div><script type=module>import init,{mount} from "/pkg/index.js"; await init(); window.mount=mount; window.ready=true;</script>`); }
  const f = path.join(pkg, url.slice(5));
  if (fs.existsSync(f)) { res.writeHead(200, { 'content-type': TYPES[path.extname(f)] || 'application/octet-stream' }); return res.end(fs.readFileSync(f)); }
  res.writeHead(404); res.end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;
const w = checklistWorkload(200, { submissions: 20 });
const spec = checklistSpec(w.layout);
const data = w.records[w.truth.findIndex((t) => t.valid && t.grade !== 'fail')];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const p = await (await browser.newContext()).newPage();
await p.goto(base); await p.waitForFunction(() => window.ready);
await p.evaluate(([s, d, t]) => { window.h = mount(document.getElementById('host'), { form: s, data: d, today: t, draftKey: false }); }, [spec, data, w.today]);
await p.waitForTimeout(1500);
const cdp = await p.context().newCDPSession(p);
const events=[]; cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const finished = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink', transferMode: 'ReportEvents' });
const res = await p.evaluate(async () => {
  const root = document.getElementById('host').shadowRoot;
  const radios = [...root.querySelectorAll('.dj-check-line label[data-value="unmet"] input')].slice(0, 12);
  const out = [];
  for (const r of radios) {
    const score = root.querySelector('[data-testid="score-total"]');
    const before = score.textContent;
    const t0 = performance.now();
    let tm = 0;
    const done = new Promise((resolve) => {
      const obs = new MutationObserver(() => { if (root.querySelector('[data-testid="score-total"]').textContent !== before) { tm = performance.now(); obs.disconnect(); requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)); } });
      obs.observe(root, { subtree: true, childList: true, characterData: true });
    });
    r.click();
    const t1 = performance.now();
    const t2 = await done;
    out.push([Math.round(t1 - t0), Math.round(tm - t0), Math.round(t2 - t0)]);
    await new Promise((r) => setTimeout(r, 400));
  }
  return out;
});
await cdp.send('Tracing.end'); await finished;
const sum = new Map(); for (const e of events) { if (e.ph === 'X' && e.dur) sum.set(e.name, (sum.get(e.name) || 0) + e.dur / 1000); }
console.log([...sum].sort((a,b)=>b[1]-a[1]).slice(0,18).map(([n,d])=>n+' '+d.toFixed(0)).join('\n'));
console.log('click(sync) / script done / after frame (ms):', JSON.stringify(res));
await browser.close(); server.close();
