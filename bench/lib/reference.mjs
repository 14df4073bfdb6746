// Scoring in plain JavaScript, for the systems that have no scoring of their
// own (Ajv, Form.io, Formily) and as the expected score of each generated
// submission. It follows the workload's rules exactly (see workloads/checklist.mjs).

/** Rounds half away from zero to two decimals, as the reports do. */
export function round2(v) {
  if (!Number.isFinite(v)) return 0;
  const r = Math.round(v * 100) / 100;
  return r === 0 ? 0 : r;
}

/** The grade band of a percentage. */
export function band(bands, percent) {
  for (const b of bands) if (percent >= b.min && (b.max === undefined || percent < b.max)) return b.id;
  return null;
}

/**
 * Scores a checklist record: `{percent, grade}`. An item without a valid
 * answer counts as applicable and earns nothing.
 */
export function scoreChecklist(layout, data) {
  let earned = 0;
  let possible = 0;
  let vetoed = false;
  for (const sec of layout.sections) {
    const bag = data && typeof data === 'object' ? data[sec.id] : undefined;
    for (const item of sec.items) {
      const v = bag && typeof bag === 'object' ? bag[item.id] : undefined;
      const status = v && typeof v === 'object' ? v.status : undefined;
      if (status === 'na' && item.allowNa) continue;
      possible += item.points;
      if (status === 'met') earned += item.points;
      else if (status === 'partial') earned += item.points * 0.5;
      if (item.veto && status === 'unmet') vetoed = true;
    }
  }
  const percent = round2(possible > 0 ? (earned / possible) * 100 : 0);
  const grade = vetoed ? layout.bands[layout.bands.length - 1].id : band(layout.bands, percent);
  return { percent, grade };
}
