// Renders a run's results as Markdown: rates, ratios, agreement, set-up,
// memory, sizes and the budgets of the benchmark issue, each met or missed.

import { num, ratio, bytes, mega, table } from './format.mjs';

const PEERS = ['ajv', 'ajv-all', 'surveyjs', 'formio', 'formily'];

function rate(results, wid, sid) {
  const s = results.workloads[wid] && results.workloads[wid].systems[sid];
  return s && s.rate ? s.rate : null;
}

/** The budgets, each `{name, target, measured, status}`. */
export function budgets(results) {
  const out = [];
  const add = (name, target, measured, ok, note = '') =>
    out.push({ name, target, measured, status: ok === null ? 'not measured' : ok ? 'met' : 'missed', note });
  const ours200 = rate(results, 'checklist-200', 'ours');
  const ajv200 = rate(results, 'checklist-200', 'ajv');
  const sj200 = rate(results, 'checklist-200', 'surveyjs');
  const json200 = rate(results, 'checklist-200', 'ours-json');
  const full200 = rate(results, 'checklist-200', 'ours-full');
  const others = [
    json200 && ajv200 ? `JSON text: ${ratio(json200, ajv200)}` : '',
    full200 && ajv200 ? `full report: ${ratio(full200, ajv200)}` : '',
  ].filter(Boolean).join('; ');
  add('checklist-200 validate + score, JS API vs Ajv', '≥ ×5', ratio(ours200, ajv200), ours200 && ajv200 ? ours200 / ajv200 >= 5 : null, others ? `objects, summary report; ${others}` : '');
  add('checklist-200 validate + score, JS API vs SurveyJS', '≥ ×1,000', ratio(ours200, sj200), ours200 && sj200 ? ours200 / sj200 >= 1000 : null);
  const cold = results.cold.ours;
  add('compile of checklist-200, cold (fresh process, after wasm init)', '≤ 5 ms', cold && cold.setupMs != null ? `${num(cold.setupMs)} ms` : '—', cold && cold.setupMs != null ? cold.setupMs <= 5 : null,
    results.warmCompile ? `warm: ${num(results.warmCompile.ms)} ms` : '');
  const many = rate(results, 'minutes', 'ours-many');
  const ajvMin = rate(results, 'minutes', 'ajv');
  add('minutes through validateMany vs Ajv', '≥ ×1', ratio(many, ajvMin), many && ajvMin ? many >= ajvMin : null);
  const sz = results.sizes && results.sizes.ours;
  // Targets and gates from bench/budgets.json (the size gate of `cargo xtask test` enforces the gates).
  const hasUi = results.browser && results.browser.hasUi;
  for (const [id, label] of [['headless', 'headless package, gzip -9'], ['full', 'full UI package (JS + wasm + CSS), gzip -9'], ['supervision', 'supervision entry (JS + wasm), gzip -9']]) {
    const e = sz && sz[id];
    if (!e) continue;
    const gate = e.gate_kb > e.target_kb ? `gate ${e.gate_kb} KB until then` : '';
    add(label, `≤ ${e.target_kb} KB`, bytes(e.gzip), e.gzip <= e.target_kb * 1024, id === 'full' && !hasUi ? 'the full entry holds no UI yet' : gate);
  }
  const b = results.browser || {};
  add('first render of checklist-200 (headless Chromium)', '≤ 100 ms', b.firstRenderMs != null ? `${num(b.firstRenderMs)} ms` : '—', b.firstRenderMs != null ? b.firstRenderMs <= 100 : null, b.note || '');
  add('keystroke → updated score on checklist-200', '≤ 16 ms', b.keystrokeMs != null ? `${num(b.keystrokeMs)} ms` : '—', b.keystrokeMs != null ? b.keystrokeMs <= 16 : null, b.note || (b.keystrokeFromDownMs != null ? `from the keyup that activates the choice; from the keydown: ${num(b.keystrokeFromDownMs)} ms` : ''));
  const mem = results.memory.ours;
  add('wasm memory for checklist-1000', '≤ 16 MB', mem && mem.wasmAfterValidate ? mega(mem.wasmAfterValidate) : '—', mem && mem.wasmAfterValidate ? mem.wasmAfterValidate <= 16 * 1048576 : null,
    mem && mem.validated ? `after compiling it and validating ${mem.validated} submissions` : '');
  return out;
}

function label(results, sid) {
  const s = results.systems.find((x) => x.id === sid);
  return s ? s.label : sid;
}

/** The whole report. */
export function render(results) {
  const wids = Object.keys(results.workloads);
  const sids = results.systems.map((s) => s.id);
  const lines = [];
  const m = results.machine;
  lines.push(`Run ${results.date.slice(0, 16).replace('T', ' ')} UTC, commit ${results.commit}; ${m.cores} × ${m.cpu}, ${m.memGB} GB, Node ${m.node}, ${m.platform}; load average ${num(m.loadStart)} at the start, ${num(m.loadEnd)} at the end${m.loadStart > m.cores ? ' (**other work was running: absolute rates are low, read ratios only**)' : ''}.`);
  lines.push(
    results.package.ready
      ? `dangjian-forms ${results.package.version} from \`${results.package.dir}\`.`
      : `dangjian-forms: **not measured** (${results.package.why || 'package not built'}); peers only.`,
  );
  lines.push(`Median of ${results.settings.runs} runs of ≥ ${results.settings.runMs} ms each${results.settings.quick ? ' (quick mode: fewer and shorter runs, noisier)' : ''}.`);
  if (results.failed) lines.push('\n**The agreement check failed: no timings were taken.**');

  lines.push('\n### Validate + score per second\n');
  const sampled = [];
  const failedCells = [];
  const rows = sids.map((sid) => [
    label(results, sid),
    ...wids.map((w) => {
      const s = results.workloads[w].systems[sid];
      if (s && s.error) {
        failedCells.push(`${label(results, sid)} on ${w}: ${s.error}`);
        return `failed ‡`;
      }
      if (!s || !s.rate) return '—';
      if (s.covered < results.workloads[w].submissions) {
        sampled.push(sid);
        return `${num(s.rate)} †${s.covered}`;
      }
      return num(s.rate);
    }),
  ]);
  lines.push(table(['system', ...wids], rows, 'l' + 'r'.repeat(wids.length)));
  if (failedCells.length) {
    lines.push(`\n‡ could not run the workload: ${failedCells.join('; ')}.`);
    if (failedCells.some((f) => /call stack/.test(f))) lines.push('A stack overflow is a known limit of Formily on forms of a few thousand fields (its issue #4306); whether it strikes depends on how far V8 has optimised the code by then.');
  }
  if (sampled.length) {
    lines.push(
      `\n† each timed run covered only the first N submissions (the number after †) of the ${wids.map((w) => results.workloads[w].submissions.toLocaleString('en-US')).join(' / ')}; the rate is N ÷ time, not a run over all of them.`,
    );
  }

  if (sids.includes('ours')) {
    lines.push('\n### Ratios: dangjian-forms ÷ peer (same run)\n');
    const ratioRows = [];
    for (const [mode, modeLabel] of [['ours', 'validate (objects, summary)'], ['ours-json', 'validateJson (JSON text, summary)'], ['ours-many', 'validateMany (batch, summary)'], ['ours-full', 'validate (objects, full report)']]) {
      if (!sids.includes(mode)) continue;
      for (const p of PEERS) {
        if (!sids.includes(p)) continue;
        ratioRows.push([`${modeLabel} ÷ ${label(results, p)}`, ...wids.map((w) => ratio(rate(results, w, mode), rate(results, w, p)))]);
      }
    }
    lines.push(table(['ours ÷ peer', ...wids], ratioRows, 'l' + 'r'.repeat(wids.length)));
  }

  lines.push('\n### Agreement before timing\n');
  lines.push(
    table(
      ['system', ...wids],
      sids.map((sid) => [
        label(results, sid),
        ...wids.map((w) => {
          const s = results.workloads[w].systems[sid];
          if (!s) return '—';
          if (s.checked === undefined) return `failed: ${s.error}`;
          return `${s.disagreements ? `**${s.disagreements} disagree**` : 'agree'} on ${s.checked}/${results.workloads[w].submissions}`;
        }),
      ]),
      'l' + 'r'.repeat(wids.length),
    ),
  );
  lines.push('\nVerdict (valid / invalid), percentage and grade of each checked submission equal the expected ones (from the generator, which knows which defects it put in).');

  if (Object.keys(results.cold).length) {
    lines.push('\n### One-time set-up\n');
    lines.push(
      table(
        ['system', 'cold: import (ms)', 'cold: wasm init (ms)', 'cold: compile / set-up checklist-200 (ms)', ...wids.map((w) => `in-process set-up ${w} (ms)`)],
        Object.entries(results.cold).map(([sid, c]) => [
          label(results, sid),
          c.error ? c.error : num(c.importMs),
          c.initMs != null ? num(c.initMs) : '—',
          c.setupMs != null ? num(c.setupMs) : '—',
          ...wids.map((w) => {
            const s = results.workloads[w].systems[sid];
            return s && s.setupMs != null ? num(s.setupMs) : '—';
          }),
        ]),
        'lrrr' + 'r'.repeat(wids.length),
      ),
    );
    lines.push('\n"Cold" is measured in a fresh Node process (median of several); Form.io has no compile step and does its work per submission.');
    if (results.warmCompile) lines.push(`dangjian-forms warm compile of checklist-200 (same process, median of ${results.warmCompile.runs}): ${num(results.warmCompile.ms)} ms.`);
  }

  if (Object.keys(results.memory).length) {
    const wid = Object.values(results.memory).find((x) => x.workload)?.workload || 'checklist-1000';
    lines.push(`\n### Memory (${wid}, fresh process)\n`);
    lines.push(
      table(
        ['system', 'JS heap after set-up', 'JS heap after validating', 'submissions validated', 'wasm memory after compile', 'wasm memory after validating', 'process RSS'],
        Object.entries(results.memory).map(([sid, x]) => [
          label(results, sid),
          x.error ? x.error : mega(x.heapSetup),
          mega(x.heapAfterValidate),
          x.validated != null ? String(x.validated) : '—',
          mega(x.wasmAfterSetup),
          mega(x.wasmAfterValidate),
          mega(x.rss),
        ]),
        'lrrrrrr',
      ),
    );
    lines.push('\nHeap figures are growth over a baseline taken after generating the workload, after garbage collection; wasm memory never shrinks, so the last column is its peak.');
    if (Object.values(results.memory).some((x) => x.error && /call stack/.test(x.error))) {
      lines.push('A stack overflow here is the system failing on this form in a fresh (not yet optimised) process; Formily is known for it on forms of ~3,000 fields (its issue #4306). In the warmed-up benchmark process above it ran.');
    }
  }

  if (results.sizes) {
    lines.push('\n### Bundle sizes, gzip -9\n');
    const rowsS = [];
    const o = results.sizes.ours;
    if (o) {
      if (o.headless) rowsS.push(['dangjian-forms headless entry (JS + wasm)', bytes(o.headless.raw), bytes(o.headless.gzip)]);
      if (o.full) rowsS.push([`dangjian-forms full entry (JS + wasm + CSS)${results.browser && results.browser.hasUi ? '' : ' — no UI in it yet'}`, bytes(o.full.raw), bytes(o.full.gzip)]);
      if (o.supervision) rowsS.push(['dangjian-forms supervision entry (JS + wasm)', bytes(o.supervision.raw), bytes(o.supervision.gzip)]);
    }
    for (const p of results.sizes.peers) rowsS.push([p.label, p.error ? p.error : bytes(p.raw), p.error ? '—' : bytes(p.gzip)]);
    lines.push(table(['bundle', 'raw bytes', 'gzip -9 bytes'], rowsS, 'lrr'));
    lines.push('\nPeers: their engines only (SurveyJS UI, Form.io renderer, React bindings for Formily are extra).');
  }

  if (results.standard && Object.keys(results.standard).length) {
    lines.push('\n### Built-in standard forms (dangjian-forms only)\n');
    lines.push(
      table(
        ['form', 'records', 'avg record (bytes)', 'compile (ms)', 'validate /s', 'validateJson /s', 'validateMany /s', 'reports equal to the expected'],
        Object.entries(results.standard).map(([id, x]) =>
          x.error
            ? [id, x.error, '', '', '', '', '', '']
            : [id, String(x.vectors), num(x.avgRecordBytes), num(x.compileMs), num(x.object), num(x.json), num(x.many), x.compared ? `${x.compared - x.mismatches}/${x.compared}${x.mismatched && x.mismatched.length ? ` (differs: ${x.mismatched.join(', ')})` : ''}` : 'no expected reports yet'],
        ),
        'lrrrrrrl',
      ),
    );
    lines.push('\nRecords: the golden vectors of `tests/vectors/<form>/` (valid and defective ones), cycled; the peers are not configured for these forms.');
  }

  if (results.native) {
    lines.push('\n### Native (criterion, `cargo bench -p dangjian-core`)\n');
    lines.push(results.native.error ? results.native.error : table(['benchmark', 'time per iteration', 'per second'], results.native.rows.map((r) => [r.name, r.time, num(r.perSecond)]), 'lrr'));
  }

  if (results.browser && results.browser.firstRenderMs != null) {
    const b = results.browser;
    lines.push('\n### Browser (headless Chromium, checklist-200, full entry)\n');
    lines.push(table(['measure', 'ms'], [['wasm init (fetch + instantiate)', num(b.initMs)], [`first render (median of ${b.renders.length})`, num(b.firstRenderMs)], ...(b.allDrawnMs != null ? [[`every line drawn (median of ${b.allDrawn.length})`, num(b.allDrawnMs)]] : []), [`keystroke → updated score, from the keyup (median of ${b.keys.length})`, num(b.keystrokeMs)], ...(b.keystrokeFromDownMs != null ? [[`the same from the keydown (with the key's hold)`, num(b.keystrokeFromDownMs)]] : [])], 'lr'));
  }

  lines.push('\n### Budgets (issue 6)\n');
  lines.push(table(['budget', 'target', 'measured', 'status', 'note'], budgets(results).map((b) => [b.name, b.target, b.measured, b.status === 'met' ? '**met**' : b.status === 'missed' ? '**missed**' : b.status, b.note]), 'llrll'));
  lines.push('');
  return lines.join('\n');
}
