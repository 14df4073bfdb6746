// Workload `checklist-N`: a branch standardization checklist with N scored
// items in five sections, and 1,000 generated submissions of which about 40 %
// carry one to three defects.
//
// Rules (the same for every system under test):
// - each item is answered met / partial / unmet / na, worth 1, ½, 0 of its
//   points (1–5), na leaves the item out of the denominator;
// - evidence (≥ 4 characters) is required when the answer is met or partial;
// - an optional remark of at most 500 characters (evidence is capped at 500 too);
// - two veto items (na not allowed): answering unmet forces the lowest grade;
// - score = earned ÷ applicable × 100, rounded to 2 decimals; bands 90 / 75 / 60.

import { prng, seedOf } from '../lib/prng.mjs';
import { SECTIONS, ITEM_TOPICS, VETO_ITEMS, evidence, remark, longText } from './text.mjs';
import { scoreChecklist } from '../lib/reference.mjs';

export const STATUSES = ['met', 'partial', 'unmet', 'na'];
export const BANDS = [
  { id: 'excellent', min: 90, zh: '优秀', en: 'Excellent' },
  { id: 'good', min: 75, max: 90, zh: '良好', en: 'Good' },
  { id: 'pass', min: 60, max: 75, zh: '达标', en: 'Pass' },
  { id: 'fail', min: 0, max: 60, zh: '不达标', en: 'Fail' },
];
export const EVIDENCE_MIN = 4;
export const TEXT_MAX = 500;

/** The form's layout: sections and items with points, shared by every peer's set-up. */
export function checklistLayout(n) {
  const r = prng(seedOf(`checklist-layout-${n}`));
  const per = Math.floor(n / SECTIONS.length);
  const sections = [];
  let k = 0;
  for (let s = 0; s < SECTIONS.length; s++) {
    const sec = SECTIONS[s];
    const count = s === SECTIONS.length - 1 ? n - per * (SECTIONS.length - 1) : per;
    const items = [];
    const vetoHere = VETO_ITEMS.filter((v) => v.section === sec.id);
    const topics = ITEM_TOPICS[sec.id];
    for (let i = 0; i < count; i++) {
      k += 1;
      const id = `i${String(k).padStart(4, '0')}`;
      const veto = i >= count - vetoHere.length ? vetoHere[i - (count - vetoHere.length)] : null;
      const [zh, en] = veto ? [veto.zh, veto.en] : topics[i % topics.length];
      const round = Math.floor(i / topics.length) + 1;
      items.push({
        id,
        zh: veto ? zh : `${zh}（${round}）`,
        en: veto ? en : `${en} (${round})`,
        points: r.int(1, 5),
        veto: Boolean(veto),
        allowNa: !veto,
      });
    }
    sections.push({ id: sec.id, zh: sec.zh, en: sec.en, items });
  }
  const total = sections.reduce((t, s) => t + s.items.reduce((u, i) => u + i.points, 0), 0);
  return { id: `bench-checklist-${n}`, n, sections, total, bands: BANDS, evidenceMin: EVIDENCE_MIN, textMax: TEXT_MAX };
}

const DEFECTS = ['unanswered', 'bad_status', 'no_evidence', 'short_evidence', 'long_remark', 'veto_na'];

/** One clean answer for `item` in a submission of quality `q`. */
function answer(r, item, q) {
  let status;
  if (item.veto) {
    status = r.chance(0.03) ? 'unmet' : 'met';
  } else {
    status = r.weighted({ met: q, partial: (1 - q) * 0.55, unmet: (1 - q) * 0.45, na: 0.06 });
  }
  const v = { status };
  if (status === 'met' || status === 'partial' || r.chance(0.2)) v.evidence = evidence(r);
  if (r.chance(0.15)) v.remark = remark(r);
  return v;
}

function injectDefect(r, layout, data, kind) {
  const { section, item } = kind === 'veto_na' ? pickVeto(r, layout) : pickItem(r, layout);
  const bag = data[section];
  switch (kind) {
    case 'unanswered':
      delete bag[item.id];
      break;
    case 'bad_status':
      bag[item.id] = { ...(bag[item.id] || {}), status: r.pick(['done', 'yes', '完成', 'MET']) };
      break;
    case 'no_evidence': {
      const v = { ...(bag[item.id] || {}), status: r.pick(['met', 'partial']) };
      delete v.evidence;
      bag[item.id] = v;
      break;
    }
    case 'short_evidence':
      bag[item.id] = { ...(bag[item.id] || {}), status: r.pick(['met', 'partial']), evidence: r.pick(['有', 'ok', '已完成', '见附件']) };
      break;
    case 'long_remark':
      bag[item.id] = { ...(bag[item.id] || { status: 'unmet' }), remark: longText(r, r.int(TEXT_MAX + 1, TEXT_MAX + 200)) };
      break;
    case 'veto_na':
      bag[item.id] = { status: 'na' };
      break;
    default:
      throw new Error(`unknown defect ${kind}`);
  }
}

function pickItem(r, layout) {
  const sec = r.pick(layout.sections);
  return { section: sec.id, item: r.pick(sec.items.filter((i) => !i.veto)) };
}

function pickVeto(r, layout) {
  const all = [];
  for (const s of layout.sections) for (const i of s.items) if (i.veto) all.push({ section: s.id, item: i });
  return r.pick(all);
}

/**
 * The workload: layout, submissions (records in dangjian-forms' shape:
 * `{section: {item: {status, evidence?, remark?}}}`) and the expected verdict
 * and score of each, computed from the rules above.
 */
export function checklistWorkload(n, { submissions = 1000 } = {}) {
  const layout = checklistLayout(n);
  const r = prng(seedOf(`checklist-data-${n}`));
  const records = [];
  const truth = [];
  for (let s = 0; s < submissions; s++) {
    const q = 0.45 + r.next() * 0.55;
    const data = {};
    for (const sec of layout.sections) {
      const bag = {};
      for (const item of sec.items) bag[item.id] = answer(r, item, q);
      data[sec.id] = bag;
    }
    const defects = [];
    if (r.chance(0.4)) {
      const count = r.int(1, 3);
      for (let d = 0; d < count; d++) {
        const kind = r.pick(DEFECTS);
        injectDefect(r, layout, data, kind);
        defects.push(kind);
      }
    }
    records.push(data);
    truth.push({ valid: defects.length === 0, ...scoreChecklist(layout, data), defects });
  }
  return { id: `checklist-${n}`, kind: 'checklist', layout, records, truth, today: '2026-06-30' };
}
