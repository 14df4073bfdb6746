// Agreement check and timing of one system on one workload.
//
// Agreement: every system must give each submission the expected verdict
// (valid / invalid), percentage and grade; slow systems are checked on the
// first submissions that fit a time budget (the submissions are in random
// order, defects spread through them), and the count is reported.
//
// Timing: validate + score per second, median of 5 runs. A run goes through
// the submissions in order, from the first again when it reaches the end,
// until it has taken at least `runMs`; slow systems therefore cover only part
// of the 1,000 submissions per run, which the tables say. Batch APIs get
// batches of 100 (checklists) or 1,000 (minutes) submissions per call.

/** Median of numbers. */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function isThenable(v) {
  return v !== null && typeof v === 'object' && typeof v.then === 'function';
}

/** Wraps a system's set-up with cached input conversion. */
export function driver(api, workload) {
  const inputs = new Array(workload.records.length);
  const input = (i) => {
    if (inputs[i] === undefined) inputs[i] = api.convert ? api.convert(workload.records[i]) : workload.records[i];
    return inputs[i];
  };
  const fresh = (i) => (api.mutates ? structuredClone(input(i)) : input(i));
  const verdict = (out) => (api.verdict ? api.verdict(out) : out);
  // Batch calls take 1,000 small records (minutes) or 100 large ones (checklists).
  const batchSize = workload.kind === 'checklist' ? 100 : 1000;
  return { api, input, fresh, verdict, total: workload.records.length, batchSize };
}

function same(got, want) {
  return got.valid === want.valid && got.percent === want.percent && got.grade === want.grade;
}

/**
 * Checks submissions in order until all are done or `budgetMs` has passed
 * (at least `min`). Returns `{checked, disagreements, rate}`.
 */
export async function agree(d, workload, { budgetMs = 5000, min = 5 } = {}) {
  const disagreements = [];
  const t0 = performance.now();
  let checked = 0;
  if (d.api.batch) {
    for (let start = 0; start < d.total; start += d.batchSize) {
      if (checked >= min && performance.now() - t0 > budgetMs) break;
      const outs = d.api.batch(workload.records.slice(start, start + d.batchSize));
      outs.forEach((out, k) => {
        const i = start + k;
        const got = d.verdict(out);
        if (!same(got, workload.truth[i])) disagreements.push({ index: i, got, want: workload.truth[i] });
      });
      checked += outs.length;
    }
  } else {
    for (let i = 0; i < d.total; i++) {
      if (checked >= min && performance.now() - t0 > budgetMs) break;
      let out = d.api.check(d.fresh(i));
      if (isThenable(out)) out = await out;
      const got = d.verdict(out);
      if (!same(got, workload.truth[i])) disagreements.push({ index: i, got, want: workload.truth[i] });
      checked++;
    }
  }
  const ms = performance.now() - t0;
  return { checked, disagreements, rate: (checked / ms) * 1000 };
}

async function oneRun(d, runMs) {
  const { api } = d;
  let count = 0;
  let busy = 0;
  if (api.batch) {
    // Batches of `batchSize` consecutive submissions, one call each.
    const batches = [];
    for (let start = 0; start < d.total; start += d.batchSize) {
      const b = [];
      for (let i = start; i < Math.min(d.total, start + d.batchSize); i++) b.push(d.input(i));
      batches.push(b);
    }
    const t0 = performance.now();
    let k = 0;
    do {
      count += api.batch(batches[k]).length;
      k = (k + 1) % batches.length;
      busy = performance.now() - t0;
    } while (busy < runMs);
    return { count, ms: busy };
  }
  if (api.mutates) {
    // The system writes into its input: copy each submission outside the clock.
    let i = 0;
    while (busy < runMs) {
      const x = d.fresh(i);
      const t0 = performance.now();
      let out = api.check(x);
      if (isThenable(out)) out = await out;
      busy += performance.now() - t0;
      count++;
      i = (i + 1) % d.total;
    }
    return { count, ms: busy };
  }
  const t0 = performance.now();
  let i = 0;
  for (;;) {
    const out = api.check(d.input(i));
    if (isThenable(out)) await out;
    count++;
    i = (i + 1) % d.total;
    if ((count & 7) === 0 || count < 8) {
      busy = performance.now() - t0;
      if (busy >= runMs) break;
    }
  }
  return { count, ms: busy };
}

/** Median rate of `runs` runs of at least `runMs` each: `{rate, perRun, counts}`. */
export async function measure(d, { runs = 5, runMs = 1000 } = {}) {
  const perRun = [];
  const counts = [];
  for (let r = 0; r < runs; r++) {
    const { count, ms } = await oneRun(d, runMs);
    perRun.push((count / ms) * 1000);
    counts.push(count);
  }
  return { rate: median(perRun), perRun, counts };
}
