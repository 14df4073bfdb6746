// Workload `minutes`: 10,000 meeting records, about 40 % with one or two defects.
//
// Rules (the same for every system under test):
// - `type` is one of six meeting types;
// - `date` is an ISO date (YYYY-MM-DD) not after a fixed day (2026-06-30);
// - `host` and `recorder` are required and must differ, unless the branch has
//   fewer than 3 members;
// - `members` is a whole number 1–500; `present` a whole number ≥ 0 with
//   present ≥ ⌊members / 2⌋ + 1 (more than half);
// - `agenda` is a non-empty list of `{topic}` whose first topic is non-empty
//   (later topics may be blank).

import { prng, seedOf } from '../lib/prng.mjs';
import { personName, AGENDA } from './text.mjs';

export const MEETING_TYPES = [
  { id: 'general', zh: '支部党员大会', en: 'General meeting' },
  { id: 'committee', zh: '支部委员会', en: 'Committee meeting' },
  { id: 'group', zh: '党小组会', en: 'Party group meeting' },
  { id: 'lecture', zh: '党课', en: 'Party lecture' },
  { id: 'theme_day', zh: '主题党日', en: 'Theme party day' },
  { id: 'life_meeting', zh: '组织生活会', en: 'Organisational life meeting' },
];
export const FIXED_DAY = '2026-06-30';
export const MEMBERS_MAX = 500;
export const HOST_RULE_MIN_MEMBERS = 3;

const DEFECTS = [
  'future_date', 'bad_date', 'missing_type', 'bad_type', 'same_host',
  'members_range', 'no_quorum', 'empty_first_topic', 'no_agenda', 'missing_host',
];

function isoDay(r, from, to) {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  const d = new Date(a + r.int(0, Math.round((b - a) / 86400000)) * 86400000);
  return d.toISOString().slice(0, 10);
}

function members(r) {
  const band = r.weighted({ tiny: 4, normal: 80, large: 16 });
  if (band === 'tiny') return r.int(1, 2);
  if (band === 'normal') return r.int(3, 50);
  return r.int(51, MEMBERS_MAX);
}

function cleanRecord(r) {
  const m = members(r);
  const host = personName(r);
  let recorder = personName(r);
  while (recorder === host) recorder = personName(r);
  const agenda = [{ topic: AGENDA[0] }];
  const more = r.int(0, 4);
  for (let i = 0; i < more; i++) agenda.push({ topic: r.chance(0.05) ? '' : r.pick(AGENDA.slice(1)) });
  return {
    meeting: {
      type: r.pick(MEETING_TYPES).id,
      date: isoDay(r, '2025-07-01', FIXED_DAY),
      host,
      recorder: m < HOST_RULE_MIN_MEMBERS && r.chance(0.5) ? host : recorder,
      members: m,
      present: r.int(Math.floor(m / 2) + 1, m),
      agenda,
    },
  };
}

function injectDefect(r, rec, kind) {
  const m = rec.meeting;
  switch (kind) {
    case 'future_date':
      m.date = isoDay(r, '2026-07-01', '2026-12-31');
      break;
    case 'bad_date':
      m.date = r.pick(['2026/03/05', '2026-13-01', '20260305', '2026-3-5']);
      break;
    case 'missing_type':
      delete m.type;
      break;
    case 'bad_type':
      m.type = r.pick(['meeting', '党员大会', 'GENERAL']);
      break;
    case 'same_host':
      if (m.members < HOST_RULE_MIN_MEMBERS) {
        m.members = r.int(HOST_RULE_MIN_MEMBERS, 50);
        m.present = m.members;
      }
      m.recorder = m.host;
      break;
    case 'members_range':
      m.members = r.chance(0.3) ? 0 : r.int(MEMBERS_MAX + 1, 800);
      break;
    case 'no_quorum':
      m.present = r.int(0, Math.floor(m.members / 2));
      break;
    case 'empty_first_topic':
      if (r.chance(0.5)) m.agenda[0] = { topic: '' };
      else m.agenda[0] = {};
      break;
    case 'no_agenda':
      m.agenda = [];
      break;
    case 'missing_host':
      delete m.host;
      break;
    default:
      throw new Error(`unknown defect ${kind}`);
  }
}

/** The workload: records in dangjian-forms' shape and the expected verdict of each. */
export function minutesWorkload({ submissions = 10000 } = {}) {
  const r = prng(seedOf('minutes-data'));
  const records = [];
  const truth = [];
  for (let s = 0; s < submissions; s++) {
    const rec = cleanRecord(r);
    const defects = [];
    if (r.chance(0.4)) {
      const count = r.int(1, 2);
      for (let d = 0; d < count; d++) {
        const kind = r.pick(DEFECTS);
        injectDefect(r, rec, kind);
        defects.push(kind);
      }
    }
    records.push(rec);
    truth.push({ valid: defects.length === 0, percent: null, grade: null, defects });
  }
  return {
    id: 'minutes',
    kind: 'minutes',
    layout: { id: 'bench-minutes', types: MEETING_TYPES, fixedDay: FIXED_DAY, membersMax: MEMBERS_MAX, hostRuleMinMembers: HOST_RULE_MIN_MEMBERS },
    records,
    truth,
    today: FIXED_DAY,
  };
}
