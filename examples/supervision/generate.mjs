#!/usr/bin/env node
// A realistic year of a town's (or a province's) party-building records, for
// `dangjian supervise` and <dj-supervision>: every branch's meeting minutes,
// two standardization checklists with their rectification lists, members'
// points, the secretary's annual review (述职评议) and, in villages, the
// candidates' joint reviews of the 2026 换届 — as the records stand on a day
// (`--until`), with the gaps and slips of branches that work less carefully.
//
//   node examples/supervision/generate.mjs --branches 300 --out /tmp/town
//   node examples/supervision/generate.mjs --branches 20000 --ndjson --order month | dangjian supervise --ndjson --as-of 2026-12-31
//
// Options: --branches N (default 300), --year Y (2026), --until YYYY-MM-DD
// (default the year's last day), --seed S (2), --towns N (branches are spread
// over towns of ~30; default: as many as needed), --out DIR (one folder per
// branch, one JSON file per record) or --ndjson (one record per line on
// standard output, --order branch|month: all of a branch's records together,
// or month by month across branches as a province's export would interleave
// them). The same options always give the same records.
//
// Records are built from the project's own valid examples (examples/*.json,
// examples/minutes-2026/) with this branch's names, people and dates, so they
// pass the forms; a few are spoiled on purpose (an attendance count that does
// not add up) the way careless branches spoil them.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const examples = join(here, "..");
const read = (p) => JSON.parse(readFileSync(join(examples, p), "utf8"));
const spec = JSON.parse(readFileSync(join(examples, "../crates/standards/forms/branch-checklist.json"), "utf8"));

// ---------- options ----------
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const flag = (name) => args.includes(`--${name}`);
const BRANCHES = Number(opt("branches", 300));
const YEAR = Number(opt("year", 2026));
const UNTIL = opt("until", `${YEAR}-12-31`);
const SEED = Number(opt("seed", 2));
const PER_TOWN = 30;
const TOWNS = Number(opt("towns", Math.max(1, Math.ceil(BRANCHES / PER_TOWN))));
const OUT = opt("out", null);
const NDJSON = flag("ndjson");
const ORDER = opt("order", "branch");
if ((!OUT && !NDJSON) || !Number.isInteger(BRANCHES) || BRANCHES < 1 || !/^\d{4}-\d{2}-\d{2}$/.test(UNTIL)) {
  console.error("usage: generate.mjs [--branches N] [--year Y] [--until YYYY-MM-DD] [--seed S] [--towns N] (--out DIR | --ndjson [--order branch|month])");
  process.exit(2);
}

// ---------- randomness: the same seed gives the same records ----------
function hash(...parts) {
  let h = 2166136261 ^ SEED;
  for (const ch of parts.join("|")) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
function rng(...parts) {
  let a = hash(...parts);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r, list) => list[Math.floor(r() * list.length)];
const between = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));

// ---------- dates ----------
const pad = (n) => String(n).padStart(2, "0");
const day = (y, m, d) => `${y}-${pad(m)}-${pad(d)}`;
const toTime = (s) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
const fromTime = (t) => new Date(t).toISOString().slice(0, 10);
const addDays = (s, n) => fromTime(toTime(s) + n * 86400000);
const daysBetween = (a, b) => Math.round((toTime(b) - toTime(a)) / 86400000);
const isDate = (v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);
const lastDay = (m) => new Date(Date.UTC(YEAR, m, 0)).getUTCDate();

// ---------- names ----------
const SURNAMES = "陈李黄梁何张林吴刘周郭罗谢冯邓许曾蔡叶杨朱钟卢潘余彭谭欧麦关区冼植骆伍".split("");
const GIVEN = "建国晓梅志强丽娟永华慧敏美玲伟东淑芬文静小燕婉仪秀兰振华海燕锦松佩珊立平国栋嘉豪颖欣少芳家明泽宇雪梅俊杰思远瑞霞德胜惠群".split("");
const PLACE = "大岗鹤峰赤山梅阁沙西独联居安那伏横江新围石龙岭南塘头水口良田凤岗龙湾东风金沙联和平洲南庄三洲北岸上坑".split("");
const COUNTIES = [["440605", "佛山市南海区"], ["440781", "江门市台山市"], ["440404", "珠海市金湾区"], ["440606", "佛山市顺德区"]];

function people(r, n) {
  const seen = new Set();
  const out = [];
  while (out.length < n) {
    const name = pick(r, SURNAMES) + pick(r, GIVEN) + (r() < 0.6 ? pick(r, GIVEN) : "");
    if (!seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
  }
  return out;
}

// ---------- branches ----------
function branch(i) {
  const r = rng("branch", i);
  const town = i % TOWNS;
  const [countyCode, county] = COUNTIES[Math.floor(town / 40) % COUNTIES.length];
  const tr = rng("town", town);
  const townName = pick(tr, PLACE) + pick(tr, PLACE) + "镇";
  // Each branch of a town has its own place name.
  const places = PLACE.flatMap((a) => PLACE.filter((b) => b !== a).map((b) => a + b));
  const order = rng("places", town);
  const slot = Math.floor(i / TOWNS);
  let place = places[hash("place", town) % places.length];
  for (let k = 0; k <= slot; k++) place = places[Math.floor(order() * places.length)];
  const kind = r() < 0.7 ? "village" : "community";
  const short = place + (kind === "village" ? "村" : "社区");
  // Diligence: most branches work carefully, some less, a few are behind.
  const u = r();
  const diligence = u < 0.6 ? 0.97 + r() * 0.03 : u < 0.9 ? 0.88 + r() * 0.08 : 0.6 + r() * 0.2;
  const members = between(r, 14, 60);
  const folks = people(r, 80);
  return {
    index: i,
    kind,
    short,
    town: townName,
    name: `中共${county}${townName}${short}支部委员会`,
    code: `${countyCode}${pad(town % 100)}${String(i).padStart(5, "0")}`,
    diligence,
    members,
    full: members - between(r, 0, 2),
    secretary: folks[0],
    deputy: folks[1],
    committee: folks.slice(0, 5),
    folks,
    fixedDay: pick(r, [5, 10, 10, 10, 15, 20]),
    veto: r() < 0.01,
  };
}

// ---------- templates ----------
const MINUTES = {
  committee: read("minutes-2026/2026-01-05-committee.json"),
  party_group: read("minutes-2026/2026-01-12-party-group.json"),
  theme_day: read("minutes-2026/2026-01-10-theme-day.json"),
  general_meeting: read("minutes-2026/2026-03-17-general-meeting.json"),
  party_lecture: read("minutes-2026/2026-02-26-party-lecture.json"),
  secretary_lecture: read("minutes-2026/2026-06-28-party-lecture.json"),
  org_life: read("minutes-2026/2026-01-20-org-life.json"),
  evaluation: read("minutes-2026/2026-01-22-evaluation.json"),
  talk_cc: read("minutes-2026/2026-01-08-talk.json"),
  talk_cm: read("minutes-2026/2026-01-09-talk.json"),
  talk_mm: read("minutes-2026/2026-01-13-talk.json"),
};
const CHECKLIST = read("branch-checklist.json");
const POINTS = read("member-points.json");
const REVIEW = read("secretary-review.json");
const CANDIDATE = read("candidate-review.json");
const TEMPLATE_BRANCH = "中共佛山市南海区里水镇鹤峰村支部委员会";
const NAME_KEYS = new Set(["host", "recorder", "presenter", "name", "lecturer", "talker", "talkee", "subject", "owner", "secretary", "assessor", "deputy_secretary", "reviewer"]);

/** A deep copy of `template` with this branch's names and people, every date moved by `shift` days. */
function adapt(template, b, shift, names = new Map()) {
  const person = (n) => {
    if (!names.has(n)) names.set(n, b.folks[names.size % b.folks.length]);
    return names.get(n);
  };
  const walk = (v, key) => {
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    if (typeof v !== "string") return v;
    if (isDate(v)) return addDays(v, shift);
    if (v === TEMPLATE_BRANCH) return b.name;
    if (NAME_KEYS.has(key) && /^[\u4e00-\u9fa5]{2,3}$/.test(v)) return person(v);
    return v.replaceAll("鹤峰村", b.short).replaceAll("里水镇", b.town);
  };
  return walk(template);
}

/** The template's people in the roles this branch gives them. */
function roles(b) {
  return new Map([["陈建国", b.secretary], ["李晓梅", b.deputy], ["黄志强", b.committee[2]], ["何丽娟", b.committee[3]]]);
}

// ---------- minutes ----------
function minutes(b, type, date, template = MINUTES[type]) {
  const r = rng("minutes", b.index, type, date);
  const record = adapt(template, b, daysBetween(template.meeting.date, date), roles(b));
  record.meeting.branch = b.name;
  if (r() < 0.85) record.meeting.branch_code = b.code;
  // A careless branch's count that does not add up (expected ≠ present + leave + absent).
  if (record.attendance && r() > 0.985 + b.diligence * 0.0149) record.attendance.expected += 1;
  return { date, form: "meeting-minutes", record };
}

function monthMinutes(b, m) {
  const r = rng("minutes", b.index, m);
  const out = [];
  const held = () => r() < b.diligence;
  const inMonth = (d) => day(YEAR, m, Math.min(d, lastDay(m)));
  if (held()) out.push(minutes(b, "committee", inMonth(between(r, 2, 6))));
  if (held()) out.push(minutes(b, "party_group", inMonth(between(r, 11, 14))));
  if (held()) out.push(minutes(b, "theme_day", inMonth(r() < 0.9 ? b.fixedDay : b.fixedDay + 1)));
  if (m % 3 === 0 && held()) out.push(minutes(b, "general_meeting", inMonth(between(r, 15, 20))));
  if ([2, 5, 8, 11].includes(m) && held()) out.push(minutes(b, "party_lecture", inMonth(between(r, 22, 27))));
  if (m === 7 && held()) out.push(minutes(b, "secretary_lecture", inMonth(1)));
  if (m === 1 && held()) out.push(minutes(b, "evaluation", inMonth(between(r, 18, 25))));
  if (m === 1) {
    for (const [t, d] of [["talk_cc", 8], ["talk_cm", 9], ["talk_mm", 13]]) {
      if (held()) out.push(minutes(b, "talk", inMonth(d), MINUTES[t]));
    }
  }
  if (m === 12 && held()) out.push(minutes(b, "org_life", inMonth(between(r, 10, 20))));
  return out;
}

// ---------- checklists and rectification lists ----------
const ITEMS = spec.sections.flatMap((s) =>
  (s.items ?? []).filter((i) => i.type === "checklist_item").map((i) => ({ section: s.id, sectionTitle: s.title["zh-CN"], id: i.id, title: i.title["zh-CN"], points: i.score?.points ?? 0 })),
);

function checklist(b, date, half) {
  const r = rng("checklist", b.index, half);
  const record = adapt(CHECKLIST, b, 0, roles(b));
  Object.assign(record.profile, {
    branch_name: b.name,
    branch_code: b.code,
    kind: b.kind,
    members_total: b.members,
    full_members: b.full,
    probationary_members: b.members - b.full,
    committee_size: 5,
    secretary: b.secretary,
    deputy_secretary: b.deputy,
    assessed_on: date,
    assessor: pick(r, ["黄洁清", "梁嘉豪", "冯颖欣"]),
  });
  const lost = [];
  for (const item of ITEMS) {
    const slot = record[item.section][item.id];
    const u = r();
    const unmet = u > b.diligence + 0.02;
    const partial = !unmet && u > b.diligence - 0.12;
    if (unmet) {
      record[item.section][item.id] = { status: "unmet", remark: "检查时未见相关材料" };
      lost.push({ item, status: "unmet", lost: item.points });
    } else if (partial) {
      record[item.section][item.id] = { ...slot, status: "partial", evidence: slot.evidence ?? "材料不完整" };
      lost.push({ item, status: "partial", lost: item.points / 2 });
    } else {
      record[item.section][item.id] = { ...slot, status: "met", evidence: slot.evidence ?? "材料齐全" };
      if (slot.deductions) record[item.section][item.id].deductions = Object.fromEntries(Object.keys(slot.deductions).map((k) => [k, 0]));
    }
  }
  record.team.secretary_quality = b.diligence > 0.9 ? "good" : b.diligence > 0.75 ? "average" : "poor";
  record.veto.safety_accident = b.veto && half === 2;
  return { date, form: "branch-checklist", record, lost };
}

function rectification(b, checked, half) {
  const r = rng("rectification", b.index, half);
  const created = addDays(checked.date, between(r, 3, 8));
  const entries = checked.lost.map(({ item, status, lost }, k) => {
    const deadline = addDays(created, pick(r, [30, 45, 60, 90]));
    // Careful branches close items before their deadline; others late, or not at all.
    const u = r();
    const close = u < b.diligence - 0.1 ? addDays(created, between(r, 5, daysBetween(created, deadline))) : u < b.diligence + 0.05 ? addDays(deadline, between(r, 5, 40)) : null;
    return {
      seq: k + 1,
      kind: "item",
      item_path: `/${item.section}/${item.id}`,
      section: item.sectionTitle,
      item: item.title,
      status,
      points: item.points,
      points_lost: lost,
      reasons: status === "unmet" ? `未达标，失 ${lost} 分` : `部分达标，失 ${lost} 分`,
      measure: "对照标准补齐材料，支委会督促落实",
      owner: b.committee[k % 5],
      deadline,
      closed_on: close && close <= UNTIL ? close : "",
      closing_evidence: close && close <= UNTIL ? "整改材料已归档，镇党委抽查合格" : "",
    };
  });
  const record = {
    header: { branch: b.name, branch_code: b.code, checklist: "branch-checklist", checklist_version: spec.version, created_on: created },
    problems: { entries },
  };
  return { date: created, form: "rectification-list", record };
}

// ---------- members' points ----------
function points(b) {
  const r = rng("points", b.index);
  const date = day(YEAR, 1, between(r, 8, 20));
  const n = Math.min(b.members, 20);
  const out = [];
  for (let k = 0; k < n; k++) {
    const record = structuredClone(POINTS);
    const slack = 1 - b.diligence;
    const held = between(r, 30, 36);
    Object.assign(record.member, {
      name: b.folks[k + 5],
      branch: b.name, // many branches keep points by name only: the supervisor matches them to the coded branch
      period_start: day(YEAR - 1, 1, 1),
      period_end: day(YEAR - 1, 12, 31),
      scored_on: date,
    });
    record.org_life = { held, attended: held - between(r, 0, 4 + Math.round(slack * 30)) };
    record.duties.monthly_report = r() > slack * 2;
    record.commitments.activity_days = between(r, 4, 12);
    record.study.training_hours = between(r, 24, 40);
    record.role.volunteer_activities = between(r, 1, 6);
    record.role.households_contacted = between(r, 2, 8);
    record.additions = { county_honours: 0, town_honours: r() < 0.1 ? 1 : 0, good_deeds: r() < 0.2 ? 1 : 0 };
    record.veto.sanctioned = r() < 0.005;
    out.push({ date, form: "member-points", record });
  }
  return out;
}

// ---------- the secretary's annual review ----------
function secretaryReview(b) {
  const r = rng("review", b.index);
  const date = day(YEAR, 1, between(r, 15, 28));
  const record = adapt(REVIEW, b, daysBetween(REVIEW.subject.held_on, date), roles(b));
  Object.assign(record.subject, { secretary: b.secretary, branch: b.name, branch_code: b.code, year: YEAR - 1, town: `中共${b.town}委员会` });
  const weak = 1 - b.diligence;
  for (const g of record.evaluation.groups) {
    const n = g.ballots_valid;
    const poor = Math.round(n * weak * 0.3 * r());
    const average = Math.round(n * weak * 2.5 * r());
    const fairly = Math.round((n - poor - average) * (0.2 + 0.3 * r()));
    Object.assign(g, { good: n - poor - average - fairly, fairly_good: fairly, average, poor });
  }
  delete record.assessment.recorded_grade;
  record.assessment.annual_check_score = Math.round(60 + 38 * b.diligence * (0.9 + 0.1 * r()));
  return { date, form: "secretary-review", record };
}

// ---------- candidates' joint reviews (villages, the 换届 year) ----------
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function citizenId(region, birth, seq) {
  const body = region + birth.replaceAll("-", "") + String(seq).padStart(3, "0");
  const s = [...body].reduce((a, c, i) => a + Number(c) * WEIGHTS[i], 0);
  return body + "10X98765432"[s % 11];
}
function candidates(b) {
  if (b.kind !== "village") return [];
  const r = rng("candidates", b.index);
  const date = day(YEAR, 3, between(r, 5, 20));
  const out = [];
  for (let k = 0; k < 6; k++) {
    const record = structuredClone(CANDIDATE);
    const female = k === 1 || r() < 0.3;
    const birth = day(between(r, 1966, 1998), between(r, 1, 12), between(r, 1, 28));
    const seq = between(r, 0, 49) * 2 + (female ? 0 : 1) + 100;
    record.election = { town: b.town, village: b.short, branch_code: b.code, election_date: addDays(date, 30) };
    Object.assign(record.candidate, {
      name: b.folks[10 + k],
      citizen_id: citizenId("440605", birth, seq),
      gender: female ? "female" : "male",
      birth_date: birth,
      education: pick(r, ["senior_high", "college", "bachelor", "junior_high"]),
      positions: k === 0 ? ["branch_secretary", "committee_director"] : [pick(r, ["branch_member", "committee_member", "committee_deputy_director", "branch_deputy_secretary"])],
      party_joined_on: addDays(birth, 365 * 25),
      mobile: `138${String(hash("m", b.index, k)).slice(0, 8).padStart(8, "0")}`,
      runs_enterprise: false,
      relations: [],
    });
    delete record.candidate.enterprise;
    const found = r();
    record.review.departments = record.review.departments
      .filter((d) => !["market_regulation", "tax", "social_security"].includes(d.department))
      .map((d, j) => ({ ...d, reviewer: b.folks[40 + j], reviewed_on: addDays(date, -between(r, 0, 10)) }));
    if (found < 0.03) {
      const court = record.review.departments.find((d) => d.department === "court");
      Object.assign(court, { result: "flag", findings: [{ item: "9", note: "列入失信被执行人名单，尚未履行" }] });
    } else if (found < 0.08) {
      record.review.departments.pop();
    }
    out.push({ date: record.review.departments.reduce((a, d) => (d.reviewed_on > a ? d.reviewed_on : a), date), form: "candidate-review", record });
  }
  return out;
}

// ---------- a branch's year, month by month ----------
function monthRecords(b, m) {
  const out = monthMinutes(b, m);
  if (m === 1) out.push(secretaryReview(b), ...points(b));
  if (m === 3) out.push(...candidates(b));
  for (const [month, half, d] of [[6, 1, 25], [12, 2, 12]]) {
    if (m !== month) continue;
    const c = checklist(b, day(YEAR, m, between(rng("assessed", b.index, half), d - 3, d + 3)), half);
    out.push(c);
    if (c.lost.length > 0) out.push(rectification(b, c, half));
  }
  return out.filter((x) => x.date <= UNTIL).map(({ date, form, record }) => ({ date, form, record }));
}

// ---------- output ----------
let written = 0;
const write = NDJSON
  ? (() => {
      const chunks = [];
      let size = 0;
      const flush = () => {
        if (chunks.length) process.stdout.write(chunks.join(""));
        chunks.length = 0;
        size = 0;
      };
      process.on("exit", flush);
      return Object.assign((b, x) => {
        const line = JSON.stringify(x.record) + "\n";
        chunks.push(line);
        size += line.length;
        written++;
        if (size > 1 << 20) flush();
      }, { flush });
    })()
  : (() => {
      const seen = new Map();
      return (b, x) => {
        const dir = join(OUT, `${b.code}-${b.short}`);
        mkdirSync(dir, { recursive: true });
        const base = `${x.date}-${x.form}`;
        const n = (seen.get(dir + base) ?? 0) + 1;
        seen.set(dir + base, n);
        writeFileSync(join(dir, `${base}${n > 1 ? `-${n}` : ""}.json`), JSON.stringify(x.record, null, 1) + "\n");
        written++;
      };
    })();

process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

async function drain() {
  if (NDJSON && process.stdout.writableLength > 1 << 24) await new Promise((ok) => process.stdout.once("drain", ok));
}

if (ORDER === "month" && NDJSON) {
  const all = Array.from({ length: BRANCHES }, (_, i) => i);
  for (let m = 1; m <= 12; m++) {
    for (const i of all) {
      const b = branch(i);
      for (const x of monthRecords(b, m)) write(b, x);
      if (i % 256 === 0) {
        write.flush?.();
        await drain();
      }
    }
  }
} else {
  for (let i = 0; i < BRANCHES; i++) {
    const b = branch(i);
    for (let m = 1; m <= 12; m++) for (const x of monthRecords(b, m)) write(b, x);
    if (i % 64 === 0) {
      write.flush?.();
      await drain();
    }
  }
}
write.flush?.();
if (!NDJSON) console.error(`${written} records of ${BRANCHES} branches written to ${OUT}`);
