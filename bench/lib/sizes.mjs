// Bundle sizes, gzip -9: our package's entries from its folder; the peers'
// browser files from their npm packages (Ajv ships none: its bundle is built
// here with esbuild, minified).

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nm = (p) => path.join(benchDir, 'node_modules', p);

function gz(bytes) {
  return zlib.gzipSync(bytes, { level: 9 }).length;
}

function files(list) {
  const rows = [];
  for (const f of list) {
    if (!fs.existsSync(f)) continue;
    const b = fs.readFileSync(f);
    rows.push({ file: f, raw: b.length, gzip: gz(b) });
  }
  return rows;
}

function total(rows) {
  return rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
}

/**
 * The size budgets of our browser entries: `bench/budgets.json`, the one place
 * they are kept (`cargo xtask dist` and the size gate of `cargo xtask test` read it too).
 */
export function budgets() {
  return JSON.parse(fs.readFileSync(path.join(benchDir, 'budgets.json'), 'utf8')).entries;
}

/** The files of a budget entry in the package folder `dir` (a name, `folder/`, or `*.ext`). */
function entryFiles(dir, entry) {
  const out = [];
  for (const pattern of entry.files) {
    if (pattern.endsWith('/')) {
      const folder = path.join(dir, pattern);
      if (!fs.existsSync(folder)) return null;
      out.push(...fs.readdirSync(folder).filter((f) => /\.(js|wasm|css)$/.test(f)).sort().map((f) => path.join(folder, f)));
    } else if (pattern.startsWith('*')) {
      out.push(...fs.readdirSync(dir).filter((f) => f.endsWith(pattern.slice(1))).sort().map((f) => path.join(dir, f)));
    } else {
      if (!fs.existsSync(path.join(dir, pattern))) return null;
      out.push(path.join(dir, pattern));
    }
  }
  return out;
}

/** Our package's browser entries (headless, full, supervision), each with its budget. */
export function ourSizes(dir) {
  if (!dir || !fs.existsSync(dir)) return null;
  const out = {};
  for (const entry of budgets()) {
    const list = entryFiles(dir, entry);
    if (!list) {
      out[entry.id] = null;
      continue;
    }
    const rows = files(list);
    out[entry.id] = { files: rows, ...total(rows), target_kb: entry.target_kb, gate_kb: entry.gate_kb, title: entry.title };
  }
  return out;
}

async function esbuildBundle(contents) {
  try {
    const esbuild = await import('esbuild');
    const out = await esbuild.build({
      stdin: { contents, resolveDir: benchDir, loader: 'js' },
      bundle: true,
      minify: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      logLevel: 'silent',
    });
    const b = out.outputFiles[0].contents;
    return { raw: b.length, gzip: gz(b) };
  } catch (e) {
    return { error: String(e.message || e).split('\n')[0] };
  }
}

/** The peers' browser files (engine only; their UI packages are not installed here). */
export async function peerSizes() {
  const formily = ['core', 'reactive', 'shared', 'validator', 'path'].map((p) => nm(`@formily/${p}/dist/formily.${p}.umd.production.js`));
  const rows = [
    { id: 'surveyjs', label: 'SurveyJS survey-core (survey.core.min.js)', ...total(files([nm('survey-core/survey.core.min.js')])) },
    { id: 'surveyjs-css', label: 'SurveyJS theme CSS (survey-core.min.css)', ...total(files([nm('survey-core/survey-core.min.css')])) },
    { id: 'formio', label: 'Form.io engine (formio.core.min.js)', ...total(files([nm('@formio/core/dist/formio.core.min.js')])) },
    { id: 'formily', label: 'Formily core + reactive + shared + validator + path (UMD production)', ...total(files(formily)) },
  ];
  const ajv = await esbuildBundle("export { default } from 'ajv/dist/2020.js'; export { default as addFormats } from 'ajv-formats';");
  rows.push({ id: 'ajv', label: 'Ajv 2020 + ajv-formats (esbuild --minify bundle)', ...ajv });
  return rows;
}
