// dangjian-forms/supervision — a town's or county's view of many branches'
// records (一月一调度、一季度一检查): the engine's `supervise` and the
// component <dj-supervision> / mountSupervision(). Its own module: the
// headless and full entries do not carry the supervision.
//
//   import { defineElements } from "dangjian-forms/supervision";
//   await defineElements();                       // <dj-supervision> on the page
//   document.querySelector("dj-supervision").records = [...];   // or the person picks files
//
// Records are read and supervised in module Web Workers (supervision-worker.js)
// on the same module, one shard of the branches each (as many as the cores,
// 2 to 4), their reports merged into the report of one run, so the page stays
// responsive; where a worker cannot be
// started (no Worker, a policy against it) they are supervised on the page.
// Files the person picks are read on this computer and never uploaded.
import { createModule } from "./wasm/supervision/dangjian.js";
import { Engine, createApi } from "./engine.js";
import { dangjianError } from "./errors.js";
import { createRunner } from "./supervision-worker.js";

const engine = new Engine(createModule, "dangjian-forms/supervision");
const api = createApi(engine, {
  wasm: () => new URL("./wasm/supervision/dangjian_bg.wasm", import.meta.url),
  form: (id) => new URL(`./forms/${id}.json`, import.meta.url),
});

export const { init, initSync, forms, compile, compileAsync, loadForm, version, supervise, engineInfo } = api;
export default init;
export { isDangjianError } from "./errors.js";

/**
 * How many workers share a run: `wanted` when given (1: one worker, no
 * shards), else the browser's cores, at least 2 and at most 4 (each worker
 * reads every file, so each holds its text while it runs).
 */
export function workerCount(wanted) {
  if (Number.isInteger(wanted) && wanted >= 1) return Math.min(wanted, 16);
  const cores = globalThis.navigator?.hardwareConcurrency;
  return Math.max(2, Math.min(Number.isInteger(cores) ? cores : 2, 4));
}

/**
 * Runs requests over `count` module workers: each is given every record and
 * checks one shard of the branches, and the first merges the shards' reports
 * into the report of one run (the same, byte for byte). One worker runs the
 * records unsplit.
 */
function poolRunner(count) {
  const workers = Array.from({ length: count }, (_, i) => workerRunner(i));
  if (count < 2) return workers[0];
  return async function run(request) {
    const parts = await Promise.all(workers.map((w, index) => w({ ...request, shard: { index, count } })));
    const merged = await workers[0]({ merge: parts.map((p) => p.text) });
    const most = (key) => Math.max(...parts.map((p) => p.ms[key] ?? 0));
    return {
      text: merged.text,
      ms: { init: most("init"), supervise: most("supervise"), report: most("report") + merged.ms.merge, workers: count },
    };
  };
}

/** Runs requests in a module worker; falls back to the page when the worker fails to start. */
function workerRunner(n = 0) {
  let worker = null;
  let failed = typeof Worker === "undefined";
  let next = 0;
  const waiting = new Map();
  const onPage = createRunner(engine, api);
  const start = () => {
    worker = new Worker(new URL("./supervision-worker.js", import.meta.url), { type: "module", name: `dj-supervision-${n + 1}` });
    worker.onmessage = (event) => {
      const { id, result, error } = event.data ?? {};
      const w = waiting.get(id);
      if (!w) return;
      waiting.delete(id);
      if (error) w.reject(dangjianError(error.code ?? "supervision_failed", error.message));
      else w.resolve(result);
    };
    worker.onerror = (event) => {
      // A worker that cannot load (a policy, an old browser): the page does the work.
      event.preventDefault?.();
      failed = true;
      worker = null;
      for (const [, w] of waiting) w.retry();
      waiting.clear();
    };
  };
  return function run(request) {
    if (failed) return onPage(request);
    if (!worker) {
      try {
        start();
      } catch (_) {
        failed = true;
        return onPage(request);
      }
    }
    const id = ++next;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject, retry: () => onPage(request).then(resolve, reject) });
      worker.postMessage({ id, request });
    });
  };
}

/** A mounted supervision. */
export class SupervisionHandle {
  #raw;
  #records = null;
  #files = null;
  #run;
  /** Timings of the last run, ms: `{ init, supervise, report, total, workers? }` (engine start-up, reading and checking the records — the slowest worker's —, the report's JSON with the merge of the shards, all of it as the page saw it; how many workers shared it). */
  lastRun = null;
  constructor(element, options = {}) {
    const runner = options?.worker === false ? createRunner(engine, api) : poolRunner(workerCount(options?.workers));
    this.#run = runner;
    const o = options ?? {};
    this.#records = Array.isArray(o.records) ? o.records : null;
    engine.pins += 1;
    this.#raw = engine.run((raw) =>
      raw.mountSupervision(element, {
        locale: o.locale,
        asOf: o.asOf,
        runNow: this.#records !== null,
        run: (request) => {
          const full = { ...request, options: o.supervision };
          // Files the person picked stay the source until others are picked or given.
          if (request.files) this.#files = request.files;
          else if (this.#files) full.files = this.#files;
          else full.records = this.#records ?? [];
          const started = performance.now();
          return runner(full).then((result) => {
            this.lastRun = { ...result.ms, total: performance.now() - started };
            return result;
          });
        },
      }),
    );
  }
  /** The records supervised (the host's); setting them supervises them. */
  get records() {
    return this.#records;
  }
  set records(list) {
    if (!Array.isArray(list)) throw dangjianError("bad_argument", "records must be an array of records or envelopes");
    this.#records = list;
    this.#files = null;
    this.#raw.run();
  }
  /**
   * Supervises record files (File or Blob objects with a `name`: .json,
   * .ndjson, .jsonl) — read in the worker, so a page that fetched a large
   * NDJSON export hands it over without parsing it itself.
   */
  setFiles(files) {
    const list = [...(files ?? [])];
    if (!list.every((f) => f && typeof f.text === "function" && typeof f.name === "string")) {
      throw dangjianError("bad_argument", "setFiles expects File objects (or Blobs with a name)");
    }
    this.#files = list;
    this.#raw.run();
  }
  /** Switches the language. */
  setLocale(locale) {
    this.#raw.setLocale(locale);
  }
  /** Supervises again as of `date`. */
  setAsOf(date) {
    this.#raw.setAsOf(date);
  }
  /** Removes the component. */
  destroy() {
    this.#raw.destroy();
    engine.pins = Math.max(0, engine.pins - 1);
  }
}

/**
 * Draws the supervision into `element`. `options`: `{ records?, locale?, asOf?,
 * supervision? (SupervisionOptions without as_of), worker?: false, workers? }`
 * (`workers`: how many Web Workers share a run, default the cores, 2 to 4).
 * Call after `await init()`.
 */
export function mountSupervision(element, options) {
  return new SupervisionHandle(element, options);
}

/** Defines <dj-supervision locale as-of workers> (after loading the engine). */
export async function defineElements() {
  await init();
  if (typeof customElements === "undefined" || customElements.get("dj-supervision")) return;
  customElements.define(
    "dj-supervision",
    class extends HTMLElement {
      #handle = null;
      #pending = null;
      connectedCallback() {
        if (this.#handle) return;
        this.#handle = mountSupervision(this, {
          locale: this.getAttribute("locale") ?? undefined,
          asOf: this.getAttribute("as-of") ?? undefined,
          workers: Number(this.getAttribute("workers")) || undefined,
          records: this.#pending ?? undefined,
        });
        this.#pending = null;
      }
      disconnectedCallback() {
        this.#handle?.destroy();
        this.#handle = null;
      }
      get records() {
        return this.#handle ? this.#handle.records : this.#pending;
      }
      set records(list) {
        if (this.#handle) this.#handle.records = list;
        else this.#pending = list;
      }
      get handle() {
        return this.#handle;
      }
    },
  );
}
