// The systems under test: our package three ways and each peer, with the
// versions actually installed.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const benchDir = path.resolve(here, '..');

/** Version of an installed npm package. */
export function installedVersion(pkg) {
  try {
    return JSON.parse(fs.readFileSync(path.join(benchDir, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

/**
 * Every system: `id`, `label`, `module` (under peers/), `options` for its
 * `setup`, `ours` for our package, `extra` for rows shown for information
 * (not used by the budgets).
 */
export function systems() {
  return [
    { id: 'ours', label: 'dangjian-forms validate (objects, summary)', module: 'ours.mjs', options: { mode: 'object', detail: 'summary' }, ours: true },
    { id: 'ours-json', label: 'dangjian-forms validateJson (JSON text, summary)', module: 'ours.mjs', options: { mode: 'json', detail: 'summary' }, ours: true },
    { id: 'ours-many', label: 'dangjian-forms validateMany (batch, summary)', module: 'ours.mjs', options: { mode: 'many', detail: 'summary' }, ours: true },
    { id: 'ours-full', label: 'dangjian-forms validate (objects, full report)', module: 'ours.mjs', options: { mode: 'object', detail: 'full' }, ours: true, extra: true },
    { id: 'ajv', label: `Ajv ${installedVersion('ajv')} + JS scoring`, module: 'ajv.mjs', options: { allErrors: false } },
    { id: 'ajv-all', label: `Ajv ${installedVersion('ajv')} allErrors + JS scoring`, module: 'ajv.mjs', options: { allErrors: true }, extra: true },
    { id: 'surveyjs', label: `SurveyJS (survey-core ${installedVersion('survey-core')})`, module: 'surveyjs.mjs', options: {} },
    { id: 'formio', label: `Form.io (@formio/core ${installedVersion('@formio/core')})`, module: 'formio.mjs', options: {} },
    { id: 'formily', label: `Formily (@formily/core ${installedVersion('@formily/core')})`, module: 'formily.mjs', options: {} },
  ];
}

/** Imports a system's adapter module. */
export async function adapter(system) {
  return import(path.join(benchDir, 'peers', system.module));
}
