// The supervision's reader and runner: reads record files (.json: a record or
// a list of records; .ndjson / .jsonl: one record a line) on this computer —
// nothing is uploaded — and supervises them with the engine of the
// supervision entry. Loaded as a module Web Worker by dangjian-forms/supervision,
// so a thousand branches' year is read and checked without blocking the page;
// the same functions run on the page when a worker cannot be had.
//
// Files are read in the order the command line reads a folder (by path, one
// folder level at a time), and every record carries its source as the command
// line names it (`path`, `path#n` for the n-th record of a list, `path:line`),
// so `dangjian supervise` on the same files gives the same report.
import { createModule } from "./wasm/supervision/dangjian.js";
import { Engine, createApi } from "./engine.js";

/** Compares two paths folder level by folder level, as the command line walks a folder. */
export function comparePaths(a, b) {
  const x = a.split("/");
  const y = b.split("/");
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}

/** True for `{ data, form?, source? }`. */
function isEnvelope(r) {
  return r !== null && typeof r === "object" && !Array.isArray(r) && "data" in r &&
    Object.keys(r).every((k) => k === "data" || k === "form" || k === "source");
}

/** `record` with `source` (an envelope keeps the source it names). */
function sourced(record, source) {
  if (isEnvelope(record)) return "source" in record ? record : { ...record, source };
  return { source, data: record };
}

/**
 * The records of `files` (File objects, or `{ name, text }`), sorted by path,
 * and the files or lines that could not be read.
 */
export async function readRecords(files) {
  const named = [...files].map((f) => ({ file: f, path: f.webkitRelativePath || f.name }));
  named.sort((a, b) => comparePaths(a.path, b.path));
  const records = [];
  const problems = [];
  for (const { file, path } of named) {
    const lines = /\.(ndjson|jsonl)$/i.test(path);
    if (!lines && !/\.json$/i.test(path)) continue;
    const text = typeof file.text === "function" ? await file.text() : String(file.text ?? "");
    if (lines) {
      const all = text.split("\n");
      for (let i = 0; i < all.length; i++) {
        if (all[i].trim() === "") continue;
        try {
          records.push(sourced(JSON.parse(all[i]), `${path}:${i + 1}`));
        } catch (e) {
          problems.push({ source: `${path}:${i + 1}`, message: String(e.message ?? e) });
        }
      }
      continue;
    }
    let value;
    try {
      value = JSON.parse(text);
    } catch (e) {
      problems.push({ source: path, message: String(e.message ?? e) });
      continue;
    }
    if (Array.isArray(value)) value.forEach((r, i) => records.push(sourced(r, `${path}#${i + 1}`)));
    else records.push(sourced(value, path));
  }
  return { records, problems };
}

/** A runner over `api` (the supervision entry's engine API): `run(request)` → `{ text, records, problems, ms }`. */
export function createRunner(api) {
  let ready = null;
  const start = () =>
    (ready ??= (async () => {
      await api.init();
      await Promise.all(api.forms().map((f) => api.loadForm(f.id)));
    })());
  let held = { records: [], problems: [] };
  return async function run(request) {
    const t0 = performance.now();
    await start();
    const t1 = performance.now();
    if (request.files) held = await readRecords(request.files);
    else if (request.records) held = { records: request.records, problems: [] };
    const t2 = performance.now();
    const options = { ...(request.options ?? {}), as_of: request.as_of, locale: request.locale };
    if (request.today) options.today = request.today;
    const report = api.supervise(held.records, options);
    const t3 = performance.now();
    const text = JSON.stringify(report);
    const t4 = performance.now();
    return {
      text,
      records: held.records.length,
      problems: held.problems,
      ms: { init: t1 - t0, read: t2 - t1, supervise: t3 - t2, serialize: t4 - t3 },
    };
  };
}

/** The engine of the supervision entry, for this worker. */
function workerApi() {
  const engine = new Engine(createModule, "dangjian-forms/supervision (worker)");
  return createApi(engine, {
    wasm: () => new URL("./wasm/supervision/dangjian_bg.wasm", import.meta.url),
    form: (id) => new URL(`./forms/${id}.json`, import.meta.url),
  });
}

// As a worker: one request at a time, answered with the same id.
const inWorker = typeof WorkerGlobalScope !== "undefined" && globalThis instanceof WorkerGlobalScope;
if (inWorker) {
  const run = createRunner(workerApi());
  let queue = Promise.resolve();
  globalThis.onmessage = (event) => {
    const { id, request } = event.data ?? {};
    queue = queue.then(async () => {
      try {
        globalThis.postMessage({ id, result: await run(request) });
      } catch (e) {
        globalThis.postMessage({ id, error: { message: String(e?.message ?? e), code: e?.code } });
      }
    });
  };
}
