// The workloads by id, generated on demand (deterministic: same seed, same data).

import { checklistWorkload } from '../workloads/checklist.mjs';
import { minutesWorkload } from '../workloads/minutes.mjs';

/** Ids of the workloads every system runs. */
export const WORKLOAD_IDS = ['checklist-50', 'checklist-200', 'checklist-1000', 'minutes'];

/** Generates the workload with this id (optionally only its first `submissions`). */
export function workloadById(id, { submissions } = {}) {
  const m = /^checklist-(\d+)$/.exec(id);
  if (m) return checklistWorkload(Number(m[1]), submissions ? { submissions } : {});
  if (id === 'minutes') return minutesWorkload(submissions ? { submissions } : {});
  throw new Error(`unknown workload ${id}`);
}
