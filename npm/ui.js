// The components of the full entry — mount(), mountCalendar(),
// defineElements() — over the engine of engine.js.
//
// A handle outlives the module instance it was mounted on: when the engine is
// reset after a trap (a call out of the page's JavaScript, or a trap in one of
// the form's own event handlers, seen by the window's `error` event), every
// mounted form is mounted again on the fresh instance into the same element,
// with the person's record — read from the old instance if it still answers,
// else from the saved draft, else the record it was given — and a notice that
// tells the person what happened. In a browser a built-in form's spec may have
// to be fetched first: mount() then returns at once and shows the form when
// the spec has come (`handle.ready`).
import { dangjianError } from "./errors.js";

/** Only this module makes handles. */
const TOKEN = Symbol("dangjian-forms/ui");

/** The notice shown in a form mounted again after a reset. */
const NOTICE = {
  "zh-CN": "表单引擎出现故障，已自动重新启动；您填写的内容已保留，请核对后继续。",
  en: "The form engine failed and was restarted. What you entered has been kept; please check it and go on.",
};

/** Shows the reset notice at the top of the element's form. */
function showNotice(element, locale) {
  const root = element.shadowRoot ?? element.lastElementChild?.shadowRoot;
  if (!root || !element.ownerDocument) return;
  const box = element.ownerDocument.createElement("p");
  box.setAttribute("role", "status");
  // Styled by the components' own sheet (in the theme's colours).
  box.className = "dj-engine-reset";
  box.textContent = String(locale ?? "zh-CN").toLowerCase().startsWith("en") ? NOTICE.en : NOTICE["zh-CN"];
  root.prepend(box);
}

/** The record of the draft a form keeps under `key`, when there is one. */
function savedDraft(key) {
  if (!key || typeof localStorage === "undefined") return undefined;
  try {
    const draft = JSON.parse(localStorage.getItem(key) ?? "null");
    return draft && draft.v === 1 && draft.data !== undefined ? draft.data : undefined;
  } catch (_) {
    return undefined;
  }
}

/** A plain copy of an options object (its own properties), or `undefined`. */
function copyOptions(options) {
  return options !== null && typeof options === "object" && !Array.isArray(options) ? { ...options } : options;
}

/** Calls `onReset` after each engine reset for a mounted component, which pins the instance meanwhile; undone by release(). */
function hold(engine, onReset) {
  engine.pins += 1;
  return engine.onReset(onReset);
}

/**
 * Lets go of what a mounted component holds on `engine`: its reset listener
 * (`unsubscribe`, with the pin it took) and its raw handle, destroyed when the
 * instance it was mounted on (`generation`) still lives.
 */
function release(engine, unsubscribe, raw, generation) {
  if (unsubscribe) {
    unsubscribe();
    engine.pins -= 1;
  }
  if (raw && engine.current?.generation === generation && !engine.broken) {
    engine.run(() => raw.destroy());
  }
}

/** A mounted form. */
export class FormHandle {
  #engine;
  #element;
  #options;
  #raw = null;
  #generation = 0;
  #destroyed = false;
  #loading = false;
  /** The draft key the mounted form uses (read back after a reset). */
  #draftKey = null;
  #unsubscribe = null;
  /** Resolves once the form is shown (at once unless a built-in spec is being fetched). */
  ready;

  constructor(token, engine, api, element, options) {
    if (token !== TOKEN) throw new TypeError("FormHandles are made by mount()");
    this.#engine = engine;
    this.#element = element;
    this.#options = copyOptions(options);
    const id = api.needsLoading(this.#options?.form);
    if (id === null) {
      this.#mount(undefined, false);
      this.ready = Promise.resolve();
      return;
    }
    this.#loading = true;
    this.ready = api.loadForm(id).then(
      () => {
        this.#loading = false;
        if (!this.#destroyed) this.#mount(undefined, false);
      },
      (error) => {
        this.#loading = false;
        showError(element, error);
        throw error;
      },
    );
    // The page may never look at `ready`; the error is shown in the element.
    this.ready.catch(() => {});
  }

  /** True while the spec of a built-in form is being fetched. */
  get loading() {
    return this.#loading;
  }

  /** The `localStorage` key of the form's draft (`null`: no drafts, or not shown yet). */
  get draftKey() {
    return this.#draftKey;
  }

  /** Mounts on the live instance, with `data` when given; `notice` tells the person of a reset. */
  #mount(data, notice) {
    const options = data === undefined ? this.#options : { ...this.#options, data };
    this.#raw = this.#engine.run((api, generation) => {
      const raw = api.mount(this.#element, options);
      this.#generation = generation;
      return raw;
    });
    this.#draftKey = this.#raw.draftKey ?? null;
    if (!this.#unsubscribe) {
      this.#unsubscribe = hold(this.#engine, () => this.#recover());
    }
    if (notice) showNotice(this.#element, this.#options?.locale);
  }

  /** After a reset: the same form again on the new instance, with the person's record. */
  #recover() {
    if (this.#destroyed || this.#loading || this.#engine.current?.generation === this.#generation) return;
    const old = this.#raw;
    this.#raw = null;
    let data;
    try {
      data = old?.getData();
    } catch (_) {
      data = undefined;
    }
    if (data === undefined) data = savedDraft(this.#draftKey);
    this.#mount(data, true);
  }

  /** The raw handle on the live instance (mounted again there first after a reset). */
  #on(generation) {
    if (this.#destroyed) throw dangjianError("bad_argument", "this form was removed (destroy())");
    if (this.#generation !== generation) this.#recover();
    return this.#raw;
  }

  #call(method, ...args) {
    if (this.#loading) {
      throw dangjianError("form_not_loaded", "the form's spec is still being fetched: await handle.ready first");
    }
    return this.#engine.run((_, generation) => this.#on(generation)[method](...args));
  }

  getData() {
    if (this.#loading) return this.#options?.data ?? null;
    return this.#call("getData");
  }

  setData(data) {
    if (this.#loading) {
      this.#options = { ...this.#options, data };
      return;
    }
    this.#call("setData", data);
  }

  validate() {
    return this.#call("validate");
  }

  setLocale(locale) {
    if (this.#loading) {
      this.#options = { ...this.#options, locale };
      return;
    }
    this.#call("setLocale", locale);
    this.#options = { ...this.#options, locale };
  }

  destroy() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    const unsubscribe = this.#unsubscribe;
    const raw = this.#raw;
    this.#unsubscribe = null;
    this.#raw = null;
    release(this.#engine, unsubscribe, raw, this.#generation);
  }

  free() {
    this.destroy();
  }
}

/** A mounted compliance calendar. */
export class CalendarHandle {
  #engine;
  #element;
  #options;
  #raw = null;
  #generation = 0;
  #destroyed = false;
  #unsubscribe = null;
  /** Resolves once the calendar is shown. */
  ready;

  constructor(token, engine, api, element, options) {
    if (token !== TOKEN) throw new TypeError("CalendarHandles are made by mountCalendar()");
    this.#engine = engine;
    this.#element = element;
    this.#options = copyOptions(options);
    // The calendar checks each record with the built-in meeting-minutes form.
    const id = api.needsLoading("meeting-minutes");
    if (id === null) {
      this.#mount(false);
      this.ready = Promise.resolve();
      return;
    }
    this.ready = api.loadForm(id).then(
      () => {
        if (!this.#destroyed) this.#mount(false);
      },
      (error) => {
        showError(element, error);
        throw error;
      },
    );
    this.ready.catch(() => {});
  }

  #mount(notice) {
    this.#raw = this.#engine.run((api, generation) => {
      const raw = api.mountCalendar(this.#element, this.#options);
      this.#generation = generation;
      return raw;
    });
    if (!this.#unsubscribe) {
      this.#unsubscribe = hold(this.#engine, () => {
        if (!this.#destroyed && this.#raw && this.#engine.current?.generation !== this.#generation) this.#mount(true);
      });
    }
    if (notice) showNotice(this.#element, this.#options?.locale);
  }

  update(options) {
    const merged = { ...(this.#options ?? {}), ...(copyOptions(options) ?? {}) };
    if (this.#raw) {
      this.#engine.run((_, generation) => {
        if (this.#generation !== generation) this.#mount(true);
        return this.#raw.update(options);
      });
    }
    this.#options = merged;
  }

  destroy() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    const unsubscribe = this.#unsubscribe;
    const raw = this.#raw;
    this.#unsubscribe = null;
    this.#raw = null;
    release(this.#engine, unsubscribe, raw, this.#generation);
  }

  free() {
    this.destroy();
  }
}

/** The examples the settings editor previews with (`examples/<id>.json` of the package); null when missing. */
async function fetchExamples(url) {
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return await response.json();
  } catch (e) {
    console.warn(`dangjian-forms: no examples to preview with (${url}):`, e);
    return null;
  }
}

/** A mounted settings editor (it lives through an engine reset, as a form does). */
export class SettingsHandle {
  #engine;
  #element;
  #options;
  #raw = null;
  #generation = 0;
  #destroyed = false;
  #loading = false;
  #unsubscribe = null;
  /** Resolves once the editor is shown (after the spec and its examples are fetched, in browsers). */
  ready;

  constructor(token, engine, api, where, element, options) {
    if (token !== TOKEN) throw new TypeError("SettingsHandles are made by mountSettings()");
    this.#engine = engine;
    this.#element = element;
    this.#options = copyOptions(options);
    const form = this.#options?.form;
    const id = typeof form === "string" && !form.trimStart().startsWith("{") ? form : null;
    const toLoad = api.needsLoading(form);
    const examplesUrl = id !== null && this.#options?.examples === undefined && where?.examples ? where.examples(id) : null;
    if (toLoad === null && examplesUrl === null) {
      this.#mount(false);
      this.ready = Promise.resolve();
      return;
    }
    this.#loading = true;
    this.ready = Promise.all([toLoad === null ? null : api.loadForm(toLoad), examplesUrl === null ? null : fetchExamples(examplesUrl)]).then(
      ([, examples]) => {
        this.#loading = false;
        if (examples) this.#options = { ...this.#options, examples };
        if (!this.#destroyed) this.#mount(false);
      },
      (error) => {
        this.#loading = false;
        showError(element, error);
        throw error;
      },
    );
    this.ready.catch(() => {});
  }

  #mount(notice, settings) {
    const options = settings === undefined ? this.#options : { ...this.#options, settings };
    this.#raw = this.#engine.run((api, generation) => {
      const raw = api.mountSettings(this.#element, options);
      this.#generation = generation;
      return raw;
    });
    if (!this.#unsubscribe) {
      this.#unsubscribe = hold(this.#engine, () => this.#recover());
    }
    if (notice) showNotice(this.#element, this.#options?.locale);
  }

  #recover() {
    if (this.#destroyed || this.#loading || !this.#raw || this.#engine.current?.generation === this.#generation) return;
    let settings;
    try {
      settings = this.#raw.getSettings();
    } catch (_) {
      settings = undefined;
    }
    this.#raw = null;
    this.#mount(true, settings);
  }

  #call(method, ...args) {
    if (this.#destroyed) throw dangjianError("bad_argument", "this editor was removed (destroy())");
    if (this.#loading) throw dangjianError("form_not_loaded", "the form's spec is still being fetched: await handle.ready first");
    return this.#engine.run((_, generation) => {
      if (this.#generation !== generation) this.#recover();
      return this.#raw[method](...args);
    });
  }

  /** True while the spec or the examples are being fetched. */
  get loading() {
    return this.#loading;
  }

  getSettings() {
    if (this.#loading) return { ...(this.#options?.settings ?? {}) };
    return this.#call("getSettings");
  }

  setSettings(settings) {
    if (this.#loading) {
      this.#options = { ...this.#options, settings };
      return;
    }
    this.#call("setSettings", settings);
  }

  getSpec() {
    return this.#call("getSpec");
  }

  destroy() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    const unsubscribe = this.#unsubscribe;
    const raw = this.#raw;
    this.#unsubscribe = null;
    this.#raw = null;
    release(this.#engine, unsubscribe, raw, this.#generation);
  }

  free() {
    this.destroy();
  }
}

/** Shows why a form cannot be shown, in the element itself (as the elements do, when loaded). */
function showError(element, error) {
  const shared = globalThis[Symbol.for("dangjian-forms.elements")];
  if (shared?.showError && element?.ownerDocument) return shared.showError(element, error);
  console.error("dangjian-forms:", error);
  if (!element || !element.ownerDocument) return;
  const root = element.shadowRoot ?? element.attachShadow?.({ mode: "open" });
  if (!root) return;
  const box = element.ownerDocument.createElement("p");
  box.setAttribute("role", "alert");
  box.style.cssText = "border:1px solid currentColor;padding:.75em 1em;border-radius:4px";
  box.textContent = `表单无法加载 / The form cannot be shown: ${error && error.message ? error.message : error}`;
  root.replaceChildren(box);
}

/** True for an error out of a trapped module instance. */
function isTrap(error) {
  return (
    error instanceof WebAssembly.RuntimeError ||
    (error instanceof RangeError && /wasm/.test(String(error.stack ?? "")))
  );
}

/**
 * The component API of the full entry over `engine` and its `api` (engine.js).
 * With `where.settings` (the settings entry, whose module has the editor) it
 * has `mountSettings` too, and `where.examples(id)` is the URL of a built-in
 * form's examples (the editor's preview); else `mountSettings` is null.
 */
export function createUi(engine, api, where = {}) {
  // A trap inside one of the form's own event handlers reaches the page, not a call of ours.
  if (typeof window === "object" && window && typeof window.addEventListener === "function") {
    const onTrap = (error) => {
      if (!isTrap(error) || !engine.current) return;
      engine.broken = true;
      engine.retire();
    };
    window.addEventListener("error", (event) => onTrap(event.error));
    window.addEventListener("unhandledrejection", (event) => onTrap(event.reason));
  }

  function mount(element, options) {
    return new FormHandle(TOKEN, engine, api, element, options);
  }

  function mountCalendar(element, options) {
    return new CalendarHandle(TOKEN, engine, api, element, options);
  }

  // Only the settings entry's module has the settings editor (`where.settings`).
  const mountSettings = where.settings
    ? (element, options) => new SettingsHandle(TOKEN, engine, api, where, element, options)
    : null;

  function defineElements() {
    engine.run((raw) => raw.defineElements(mount, mountCalendar, mountSettings));
  }

  return { mount, mountCalendar, mountSettings, defineElements };
}
