// Profiling helper (not part of the benchmark run): what the first Layout of a
// fresh page does when checklist-200 mounts — its time, the trace events inside
// it by total time (font lookups `FontCache::GetFontPlatformData`, strikes
// `GetWebFontRenderStyleForStrike`, family matches `onMatchFamilyStyle`, text
// shaping), each font event with its arguments, and the other threads' long
// events meanwhile. `node first-layout.dev.mjs [package]`; `CATS=` trace categories.
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM, serve, firstRenderCase } from './lib/browser-run.mjs';
import { packageDir } from './peers/ours.mjs';
import { openBenchPage, startTrace } from './lib/traced-page.mjs';
const pkg = (process.argv[2] || packageDir());
const { workload, spec, data } = firstRenderCase();
const server = await serve(pkg);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
const { ctx, page: p, cdp } = await openBenchPage(browser, server, {});
const stop = await startTrace(cdp, process.env.CATS || 'blink,fonts,devtools.timeline,blink.user_timing,disabled-by-default-devtools.timeline,disabled-by-default-blink.debug,loading,ipc,mojom');
await p.evaluate(async ([s, d, t, n]) => { performance.mark('dj-t0'); await window.bench.firstRender(s, d, t, n, () => performance.mark('dj-t1')); }, [spec, data, workload.today, 200]);
const ev = await stop();
const m0 = ev.find((e) => e.name === 'dj-t0');
const lay = ev.filter((e) => e.tid === m0.tid && e.name === 'Layout' && e.ph === 'X' && e.ts > m0.ts).sort((a, b) => a.ts - b.ts)[0];
console.log('layout', lay.dur / 1000);
const inner = ev.filter((e) => e.ts >= lay.ts && e.ts <= lay.ts + lay.dur && e.tid === lay.tid && e !== lay);
const by = {};
for (const e of inner) { const k = e.name; by[k] = by[k] || [0, 0]; by[k][0]++; by[k][1] += (e.dur || 0) / 1000; }
console.log(Object.entries(by).sort((a, b) => b[1][1] - a[1][1]).slice(0, 40).map(([k, [n, d]]) => `${d.toFixed(2).padStart(8)} ms ×${n} ${k}`).join('\n'));
for (const e of inner.filter((e) => /MatchFamily|Strike|GetFontPlatformData/.test(e.name)).slice(0, 100)) console.log(e.name, (e.dur/1000).toFixed(2), JSON.stringify(e.args).slice(0, 200));
// other threads during the layout
const oth = ev.filter((e) => e.ts >= lay.ts && e.ts <= lay.ts + lay.dur && e.tid !== lay.tid && e.ph === 'X' && e.dur > 500);
console.log('other threads:', oth.map((e) => `${e.pid}/${e.tid} ${e.name} ${(e.dur/1000).toFixed(1)}`).slice(0, 30).join('\n'));
await ctx.close(); await browser.close(); server.close();
