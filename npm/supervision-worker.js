// The supervision's reader and runner: reads record files (.json: a record or
// a list of records; .ndjson / .jsonl: one record a line) on this computer —
// nothing is uploaded — and supervises them with the engine of the
// supervision entry, record by record. Loaded as a module Web Worker by dangjian-forms/supervision,
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

/** `files` (File objects, or `{ name, text }`) that hold records, by path in the command line's order. */
export function recordFiles(files) {
  return [...files]
    .map((file) => ({ file, path: file.webkitRelativePath || file.name }))
    .filter(({ path }) => /\.(json|ndjson|jsonl)$/i.test(path))
    .sort((a, b) => comparePaths(a.path, b.path));
}

const textOf = (file) => (typeof file.text === "function" ? file.text() : Promise.resolve(String(file.text ?? "")));

/**
 * A runner over `engine` and its `api` (the supervision entry's):
 * `run(request)` → `{ text (the report as JSON), ms }`. `request`: `{ as_of,
 * locale?, today?, options?, files? | records?, shard?: { index, count } }`,
 * or `{ merge: [shard reports' JSON] }`. Each record goes into the engine as
 * JSON text, one at a time (a `Supervision`), so memory holds the branches'
 * figures, never all the records. With a `shard`, only that shard's branches
 * are checked; `merge` puts the shards' reports together into the report of
 * one run over every record.
 */
export function createRunner(engine, api) {
  let ready = null;
  const start = () =>
    (ready ??= (async () => {
      await api.init();
      await Promise.all(api.forms().map((f) => api.loadForm(f.id)));
    })());
  return async function run(request) {
    const t0 = performance.now();
    await start();
    if (request.merge) {
      const text = engine.run((raw) => raw.mergeShards(request.merge));
      return { text, ms: { merge: performance.now() - t0 } };
    }
    const options = { ...(request.options ?? {}), as_of: request.as_of };
    if (request.locale) options.locale = request.locale;
    if (request.today) options.today = request.today;
    // Pinned: the instance holding the run is not replaced under it.
    engine.pins += 1;
    let supervision = null;
    try {
      supervision = engine.run((raw) => new raw.Supervision(options));
      if (request.shard) supervision.setShard(request.shard.index, request.shard.count);
      const t1 = performance.now();
      if (request.files) {
        for (const { file, path } of recordFiles(request.files)) {
          const text = await textOf(file);
          if (/\.json$/i.test(path)) {
            supervision.addJsonFile(text, path);
            continue;
          }
          let line = 0;
          for (let at = 0; at <= text.length; ) {
            let end = text.indexOf("\n", at);
            if (end < 0) end = text.length;
            line += 1;
            const one = text.slice(at, end);
            if (one.trim() !== "") supervision.addJson(one, `${path}:${line}`);
            at = end + 1;
          }
        }
      } else {
        (request.records ?? []).forEach((r, i) => supervision.addJson(JSON.stringify(r) ?? "null", `#${i + 1}`));
      }
      const t2 = performance.now();
      const text = supervision.finish();
      const t3 = performance.now();
      return { text, ms: { init: t1 - t0, supervise: t2 - t1, report: t3 - t2 } };
    } finally {
      supervision?.free();
      engine.pins = Math.max(0, engine.pins - 1);
    }
  };
}

/** The engine of the supervision entry, for this worker. */
function workerRunner() {
  const engine = new Engine(createModule, "dangjian-forms/supervision (worker)");
  const api = createApi(engine, {
    wasm: () => new URL("./wasm/supervision/dangjian_bg.wasm", import.meta.url),
    form: (id) => new URL(`./forms/${id}.json`, import.meta.url),
  });
  return createRunner(engine, api);
}

// As a worker: one request at a time, answered with the same id.
const inWorker = typeof WorkerGlobalScope !== "undefined" && globalThis instanceof WorkerGlobalScope;
if (inWorker) {
  const run = workerRunner();
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
