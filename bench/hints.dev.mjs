// Probe (not part of the benchmark run): does headless Chromium honour the
// WebAssembly compilation-hints proposal's `metadata.code.compilation_priority`
// section? Finds the wasm functions V8 compiles lazily between mount() of
// checklist-200 and its first frame (as lazy.dev.mjs does), writes a copy of the
// package whose full module carries that section (every such function at
// priority 0, V8's encoding: function index, byte offset 0, hint length,
// priority; before the code section, or at the end with `PLACE=end`), then
// counts the lazy compiles on the path again, for the package as built and for
// the copy, each on fresh pages (`ROUNDS`, default 3).
// `node hints.dev.mjs [package folder] [copy folder]`; `JS_FLAGS='--wasm-compilation-hints'`
// passes V8 flags to the browser (a page cannot set them).
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM, serve, firstRenderCase } from './lib/browser-run.mjs';
import { packageDir } from './peers/ours.mjs';
import { WasmReader, uleb } from './lib/wasm-bytes.mjs';

const pkg = path.resolve(process.argv[2] || packageDir());
const copy = path.resolve(process.argv[3] || '/tmp/dangjian-hinted');
const ROUNDS = Number(process.env.ROUNDS || 3);
const args = process.env.JS_FLAGS ? [...ARGS, `--js-flags=${process.env.JS_FLAGS}`] : ARGS;
const { workload, spec, data } = firstRenderCase();

/** Function indices V8 compiled lazily from mount() to the first frame, one fresh page per round. */
async function lazyOnPath(dir) {
  const server = await serve(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args, headless: true });
  const rounds = [];
  try {
    for (let r = 0; r < ROUNDS; r++) {
      const ctx = await browser.newContext();
      const p = await ctx.newPage();
      const cdp = await ctx.newCDPSession(p);
      await p.goto(`http://127.0.0.1:${server.address().port}/`);
      await p.waitForFunction(() => window.benchReady === true);
      await p.evaluate(() => window.bench.init());
      const events = [];
      cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
      const complete = new Promise((res) => cdp.once('Tracing.tracingComplete', res));
      await cdp.send('Tracing.start', { categories: 'v8.wasm,blink.user_timing', transferMode: 'ReportEvents' });
      const out = await p.evaluate(([s, d, t]) => {
        performance.mark('dj-t0');
        return window.bench.firstRender(s, d, t, 200, () => performance.mark('dj-t1'));
      }, [spec, data, workload.today]);
      await cdp.send('Tracing.end');
      await complete;
      const t0 = events.find((e) => e.name === 'dj-t0').ts;
      const t1 = events.find((e) => e.name === 'dj-t1').ts;
      const lazy = events.filter((e) => e.name === 'wasm.CompileLazy' && e.ts >= t0 && e.ts <= t1);
      rounds.push({ first: out.first, indices: lazy.map((e) => e.args.func_index) });
      await ctx.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return rounds;
}

/** `wasm` with a compilation-priority section naming `indices` (priority 0 each). */
function withHints(wasm, indices) {
  const name = Buffer.from('metadata.code.compilation_priority');
  const body = [...uleb(name.length), ...name, ...uleb(indices.length)];
  for (const f of indices) body.push(...uleb(f), 0, 1, 0);
  const section = Buffer.from([0, ...uleb(body.length), ...body]);
  const r = new WasmReader(wasm);
  let code = wasm.length;
  while (r.more()) {
    const at = r.pos;
    const id = r.byte();
    const size = r.leb();
    r.pos += size;
    if (id === 10 && code === wasm.length) code = at;
  }
  const at = process.env.PLACE === 'end' ? wasm.length : code;
  return { bytes: Buffer.concat([wasm.subarray(0, at), section, wasm.subarray(at)]), size: section.length };
}

const before = await lazyOnPath(pkg);
const indices = [...new Set(before.flatMap((r) => r.indices))].sort((a, b) => a - b);
fs.rmSync(copy, { recursive: true, force: true });
fs.cpSync(pkg, copy, { recursive: true });
const file = 'wasm/full/dangjian_bg.wasm';
const hinted = withHints(fs.readFileSync(path.join(pkg, file)), indices);
fs.writeFileSync(path.join(copy, file), hinted.bytes);
console.log(`section: ${indices.length} functions, ${hinted.size} B (${copy})`);
const after = await lazyOnPath(copy);
for (const [label, rounds] of [['as built', before], ['with the section', after]]) {
  console.log(`${label}: lazily compiled on the path ${rounds.map((r) => r.indices.length).join(' ')}; first render ${rounds.map((r) => r.first.toFixed(0)).join(' ')} ms`);
}
