// The engine behind every entry of the package: one instance of the
// WebAssembly module at a time, and the API over it.
//
// A trap (WebAssembly.RuntimeError) or a stack overflow (RangeError) that
// escapes the module can leave it corrupt: its stack pointer is not restored,
// its locks stay taken. So any such error is fatal for that instance: it is
// retired (its finalizers disarmed, see crates/xtask/src/glue.rs), the call
// throws a DangjianError with code `engine_reset`, and the next call runs on a
// fresh instance of the same compiled module, made synchronously. A `Form`
// keeps the recipe it was made from (its spec, its settings) and is compiled
// again on the new instance the first time it is used there, so the caller's
// objects keep working. The same happens, silently, when a call leaves the
// module holding more than RELEASE_BYTES of memory (WebAssembly memory never
// shrinks; a new instance gives it back).
import { dangjianError, isDangjianError } from "./errors.js";

/** After a call that leaves the module this large, it is replaced (when no component pins it). */
const RELEASE_BYTES = 512 * 1024 * 1024;

/** Largest spec file `loadForm` accepts, in UTF-16 units (the engine's `max_spec_bytes`). */
const MAX_SPEC_UNITS = 4 * 1024 * 1024;

/** Only the package makes Forms. */
const TOKEN = Symbol("dangjian-forms");

/**
 * An error out of the module that means it can no longer be trusted: anything
 * but the engine's own DangjianErrors (which it returns, cleanly). A trap, a
 * stack overflow, or any exception thrown by JavaScript code the module was
 * calling (a hostile Proxy, say) unwinds the module's frames without
 * restoring its stack pointer or releasing what it was holding.
 */
function isTrap(error) {
  return !isDangjianError(error);
}

/** The position of the first lone surrogate in `text`, or -1. */
export function loneSurrogate(text) {
  if (typeof text.isWellFormed === "function" && text.isWellFormed()) return -1;
  const match = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text);
  if (!match) return -1;
  const unit = match[0].charCodeAt(0);
  return match.index + (unit >= 0xd800 && unit <= 0xdbff ? 0 : match[0].length - 1);
}

/** The error for text with a lone surrogate at `at` (the engine reads Unicode text only). */
function loneSurrogateError(code, what, text, at) {
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  const column = at - before.lastIndexOf("\n");
  const unit = text.charCodeAt(at).toString(16).toUpperCase();
  return dangjianError(
    code,
    `${what} is not valid Unicode text (line ${line}, column ${column}): a lone surrogate U+${unit}; ` +
      "the engine refuses it rather than replace it",
  );
}

/**
 * One engine: a compiled WebAssembly module and, at any time, at most one live
 * instance of it made by `createModule` (the factory form of the glue).
 */
export class Engine {
  constructor(createModule, name) {
    this.createModule = createModule;
    this.name = name;
    /** The compiled module, once `start` was called. */
    this.module = null;
    /** `{ api, exports, generation }` of the live instance. */
    this.current = null;
    /** The live instance must not be used again (it trapped, or holds too much memory). */
    this.broken = false;
    this.generation = 0;
    this.resets = 0;
    this.releases = 0;
    /** Spec texts fetched by `loadForm`, given again to every new instance. */
    this.specs = new Map();
    /** Components on the page: while any is mounted, memory is not released by replacement. */
    this.pins = 0;
    this.listeners = new Set();
  }

  /** Starts the engine with a compiled `WebAssembly.Module` (once). */
  start(module) {
    if (this.module) return;
    this.module = module;
    this.instance();
  }

  /** The live instance, made when there is none (or the last one was retired). */
  instance() {
    if (this.broken) this.retire();
    if (this.current) return this.current;
    if (!this.module) {
      throw dangjianError(
        "not_initialized",
        `${this.name}: the engine is not loaded yet: await init() first (or call initSync())`,
      );
    }
    const api = this.createModule();
    const exports = api.initSync({ module: this.module });
    for (const [id, text] of this.specs) api.provideForm(id, text);
    this.generation += 1;
    this.current = { api, exports, generation: this.generation };
    return this.current;
  }

  /** Disarms the live instance and forgets it; the next call makes a new one. */
  retire(reason = "reset") {
    const old = this.current;
    this.current = null;
    this.broken = false;
    if (old) {
      try {
        old.api.__kill();
      } catch (_) {
        // The old instance is gone either way.
      }
    }
    if (reason === "reset") {
      this.resets += 1;
      queueMicrotask(() => this.notify());
    } else {
      this.releases += 1;
    }
  }

  /** Tells the listeners (the components) that the instance was replaced after a trap. */
  notify() {
    if (this.listeners.size === 0) return;
    try {
      this.instance();
    } catch (e) {
      console.error(`${this.name}: the engine could not be restarted`, e);
      return;
    }
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (e) {
        console.error(`${this.name}: a component could not be shown again`, e);
      }
    }
  }

  /**
   * Runs `fn(api, generation)` on the live instance. A trap out of it retires
   * the instance and throws `engine_reset`; any other error passes through.
   */
  run(fn) {
    const current = this.instance();
    let result;
    try {
      result = fn(current.api, current.generation);
    } catch (error) {
      if (isTrap(error)) {
        // First a plain assignment, which cannot itself overflow the stack.
        this.broken = true;
        throw this.resetError(error);
      }
      throw error;
    }
    if (this.pins === 0 && current.exports.memory.buffer.byteLength > RELEASE_BYTES) {
      this.retire("release");
    }
    return result;
  }

  /** The error a caller sees when the instance broke under its call. */
  resetError(cause) {
    // Retired now if the stack allows it, else on the next call (`broken` stays set).
    if (this.broken) this.retire();
    return dangjianError(
      "engine_reset",
      `${this.name}: the engine stopped (${cause && cause.message ? cause.message : cause}) and was restarted; ` +
        "this call did not complete, the next one runs on a fresh engine (forms compiled before keep working)",
      { cause },
    );
  }

  /** What the engine is doing: instances made, resets, releases, memory now. */
  info() {
    const bytes = this.current ? this.current.exports.memory.buffer.byteLength : 0;
    return {
      ready: this.module !== null,
      generation: this.generation,
      resets: this.resets,
      releases: this.releases,
      memoryBytes: bytes,
    };
  }

  /**
   * Releases a handle the module made (`raw[method]()`: a form's `free`, a
   * component's `destroy`) when the instance it was made on (`generation`)
   * still lives; a retired instance's handles go with it.
   */
  dispose(raw, generation, method) {
    if (raw && this.current?.generation === generation && !this.broken) this.run(() => raw[method]());
  }

  /** Calls `listener` after every reset, once the new instance is up. Returns an unsubscribe function. */
  onReset(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** A compiled form: what `compile` returns. */
export class Form {
  #engine;
  #build;
  #raw;
  #generation;
  #freed = false;
  #id;
  #version;

  constructor(token, engine, build, raw, generation) {
    if (token !== TOKEN) throw new TypeError("Forms are made by compile(), not by new Form()");
    this.#engine = engine;
    this.#build = build;
    this.#raw = raw;
    this.#generation = generation;
    this.#id = raw.id;
    this.#version = raw.version;
  }

  /** The compiled form on the live instance (compiled again there after a reset). */
  #on(api, generation) {
    if (this.#freed) throw dangjianError("bad_argument", `the form “${this.#id}” was freed (form.free())`);
    if (this.#generation !== generation) {
      this.#raw = this.#build(api);
      this.#generation = generation;
    }
    return this.#raw;
  }

  #call(method, ...args) {
    return this.#engine.run((api, generation) => this.#on(api, generation)[method](...args));
  }

  /** The form's id. */
  get id() {
    return this.#id;
  }

  /** The form's version. */
  get version() {
    return this.#version;
  }

  validate(data, options) {
    return this.#call("validate", data, options);
  }

  validateJson(json, options) {
    if (typeof json === "string") {
      const at = loneSurrogate(json);
      if (at >= 0) throw loneSurrogateError("bad_json", "the record", json, at);
    }
    return this.#call("validateJson", json, options);
  }

  validateMany(records, options) {
    if (Array.isArray(records)) return this.#call("validateMany", records, options);
    return Array.from(this.validateEach(records, options));
  }

  validateEach(records, options) {
    if (records !== null && typeof records === "object" && typeof records[Symbol.asyncIterator] === "function") {
      return this.#eachAsync(records, options);
    }
    if (records === null || typeof records !== "object" || typeof records[Symbol.iterator] !== "function") {
      const kind = records === null ? "null" : Array.isArray(records) ? "an array" : `a ${typeof records}`;
      throw dangjianError("bad_argument", `validateEach expects an iterable of records (an array, a generator…), got ${kind}`);
    }
    return this.#each(records, options);
  }

  *#each(records, options) {
    for (const record of records) yield this.validate(record, options);
  }

  async *#eachAsync(records, options) {
    for await (const record of records) yield this.validate(record, options);
  }

  withSettings(overrides) {
    const engine = this.#engine;
    return engine.run((api, generation) => {
      const raw = this.#on(api, generation).withSettings(overrides);
      const text = JSON.stringify(overrides);
      const build = this.#build;
      const rebuild = (a) => {
        const parent = build(a);
        try {
          return parent.withSettings(JSON.parse(text));
        } finally {
          parent.free();
        }
      };
      return new Form(TOKEN, engine, rebuild, raw, generation);
    });
  }

  emptyData() {
    return this.#call("emptyData");
  }

  spec() {
    return this.#call("spec");
  }

  settings() {
    return this.#call("settings");
  }

  warnings() {
    return this.#call("warnings");
  }

  describeSettings(options) {
    return this.#call("describeSettings", options);
  }

  /** Releases the form's memory now instead of at garbage collection. */
  free() {
    if (this.#freed) return;
    this.#freed = true;
    const raw = this.#raw;
    this.#raw = null;
    this.#engine.dispose(raw, this.#generation, "free");
  }
}
if (typeof Symbol.dispose === "symbol") Form.prototype[Symbol.dispose] = Form.prototype.free;

/** `WebAssembly.Module` from what `init` accepts. */
async function compileFrom(source) {
  if (source instanceof WebAssembly.Module) return source;
  const isRequest = typeof Request === "function" && source instanceof Request;
  if (typeof source === "string" || source instanceof URL || isRequest) source = fetch(source);
  source = await source;
  if (typeof Response === "function" && source instanceof Response) {
    if (!source.ok) {
      throw dangjianError("bad_argument", `cannot load the engine: HTTP ${source.status} for ${source.url}`);
    }
    if (typeof WebAssembly.compileStreaming === "function") {
      try {
        return await WebAssembly.compileStreaming(source.clone());
      } catch (e) {
        if (source.headers.get("Content-Type") === "application/wasm") throw e;
        console.warn("dangjian-forms: the server does not send .wasm as application/wasm; compiling it the slower way", e);
      }
    }
    return WebAssembly.compile(await source.arrayBuffer());
  }
  return WebAssembly.compile(source);
}

/** The argument of `init` / `initSync` without its `{ module_or_path }` / `{ module }` wrapper. */
function unwrap(input, key) {
  if (input !== null && typeof input === "object" && Object.getPrototypeOf(input) === Object.prototype && key in input) {
    return input[key];
  }
  return input;
}

/**
 * The API of one entry over `engine`. `where.wasm()` is the URL of the .wasm
 * file, `where.form(id)` that of a built-in spec file.
 */
export function createApi(engine, where) {
  const pending = new Map();

  /** The live instance's exports (its `memory`, say), as wasm-bindgen's init returns them. */
  const exports = () => engine.instance().exports;

  async function init(input) {
    if (engine.module) return exports();
    let source = await unwrap(input, "module_or_path");
    if (source === undefined) source = where.wasm();
    engine.start(await compileFrom(source));
    return exports();
  }

  function initSync(input) {
    if (engine.module) return exports();
    const source = unwrap(input, "module");
    engine.start(source instanceof WebAssembly.Module ? source : new WebAssembly.Module(source));
    return exports();
  }

  const run = (name) => (...args) => engine.run((api) => api[name](...args));

  function compile(specOrId) {
    let input = specOrId;
    if (specOrId !== null && typeof specOrId === "object" && !Array.isArray(specOrId)) {
      try {
        // As text the spec is read once, and kept to compile again after a reset.
        input = JSON.stringify(specOrId) ?? specOrId;
      } catch (_) {
        input = specOrId; // the engine says what is wrong with it
      }
    }
    return engine.run((api, generation) => {
      const raw = api.compile(input);
      return new Form(TOKEN, engine, (a) => a.compile(input), raw, generation);
    });
  }

  async function fetchForm(id, options) {
    const url = options.url ?? where.form(id);
    const get = options.fetch ?? globalThis.fetch;
    let text;
    try {
      const response = await get(url);
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText ?? ""}`.trim());
      text = await response.text();
    } catch (e) {
      throw dangjianError(
        "form_unavailable",
        `the built-in form “${id}” could not be fetched from ${url}: ${e && e.message ? e.message : e}`,
        { cause: e, url: String(url) },
      );
    }
    if (text.length > MAX_SPEC_UNITS) {
      throw dangjianError("form_unavailable", `${url} is ${text.length} characters long: not the spec of “${id}”`, { url: String(url) });
    }
    engine.run((api) => api.provideForm(id, text));
    engine.specs.set(id, text);
  }

  async function loadForm(id, options = {}) {
    if (typeof id !== "string") {
      throw dangjianError("bad_argument", `loadForm expects a built-in form id (a string), got ${id === null ? "null" : typeof id}`);
    }
    const known = engine.run((api) => api.forms()).some((f) => f.id === id);
    if (!known) return void engine.run((api) => api.compile(id)); // throws unknown_form
    if (engine.run((api) => api.hasForm(id))) return undefined;
    if (!pending.has(id)) {
      const loading = fetchForm(id, options ?? {}).finally(() => pending.delete(id));
      pending.set(id, loading);
    }
    return pending.get(id);
  }

  async function compileAsync(specOrId, options) {
    if (typeof specOrId === "string" && !specOrId.trimStart().startsWith("{")) await loadForm(specOrId, options);
    return compile(specOrId);
  }

  /** The built-in form `id` when its spec still has to be fetched, else null. */
  function needsLoading(id) {
    if (typeof id !== "string" || id.trimStart().startsWith("{")) return null;
    const known = engine.run((api) => api.forms()).some((f) => f.id === id);
    return known && !engine.run((api) => api.hasForm(id)) ? id : null;
  }

  return {
    init,
    initSync,
    compile,
    compileAsync,
    loadForm,
    needsLoading,
    forms: run("forms"),
    version: run("version"),
    idNumber: run("idNumber"),
    annualCompliance: run("annualCompliance"),
    reviewSlate: run("reviewSlate"),
    supervise: run("supervise"),
    evaluateRule: run("evaluateRule"),
    engineInfo: () => engine.info(),
  };
}
