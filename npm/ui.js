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

/**
 * What every handle shares: a component that `mountOn(api, element, options,
 * saved)` mounts on the live instance, once `load` (a promise, or null) has
 * settled; after an engine reset it is mounted again there with what
 * `rescue(old)` saved of the old one, and a notice. It pins the instance
 * while mounted, and lets go of it on destroy().
 */
class Mounted {
  raw = null;
  generation = 0;
  destroyed = false;
  loading = false;
  unsubscribe = null;
  ready;

  constructor(engine, element, options, what, mountOn, rescue) {
    this.engine = engine;
    this.element = element;
    this.options = copyOptions(options);
    /** "form" or "editor", for the messages of calls after destroy(). */
    this.what = what;
    this.mountOn = mountOn;
    this.rescue = rescue;
  }

  /** Mounts at once (`load` null) or when `load` has resolved; a failed load is shown in the element. */
  start(load) {
    if (load === null) {
      this.mount(undefined, false);
      this.ready = Promise.resolve();
      return;
    }
    this.loading = true;
    this.ready = load.then(
      () => {
        this.loading = false;
        if (!this.destroyed) this.mount(undefined, false);
      },
      (error) => {
        this.loading = false;
        showError(this.element, error);
        throw error;
      },
    );
    // The page may never look at `ready`; the error is shown in the element.
    this.ready.catch(() => {});
  }

  /** Mounts on the live instance with what was `saved` of the last one; `notice` tells the person of a reset. */
  mount(saved, notice) {
    this.raw = this.engine.run((api, generation) => {
      const raw = this.mountOn(api, this.element, this.options, saved);
      this.generation = generation;
      return raw;
    });
    if (!this.unsubscribe) {
      this.engine.pins += 1;
      this.unsubscribe = this.engine.onReset(() => this.recover());
    }
    if (notice) showNotice(this.element, this.options?.locale);
  }

  /** After a reset: the same component again on the new instance. */
  recover() {
    if (this.destroyed || this.loading || this.engine.current?.generation === this.generation) return;
    const old = this.raw;
    this.raw = null;
    let saved;
    try {
      saved = this.rescue(old);
    } catch (_) {
      saved = undefined;
    }
    this.mount(saved, true);
  }

  /** Calls `method` of the raw handle on the live instance (mounted again there first after a reset). */
  call(method, ...args) {
    if (this.destroyed) throw dangjianError("bad_argument", `this ${this.what} was removed (destroy())`);
    if (this.loading) throw dangjianError("form_not_loaded", "the form's spec is still being fetched: await handle.ready first");
    return this.engine.run((_, generation) => {
      if (this.generation !== generation) this.recover();
      return this.raw[method](...args);
    });
  }

  /** Lets go of the reset listener (with its pin) and of the raw handle, destroyed when its instance still lives. */
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    const { engine, unsubscribe, raw, generation } = this;
    this.unsubscribe = null;
    this.raw = null;
    if (unsubscribe) {
      unsubscribe();
      engine.pins -= 1;
    }
    engine.dispose(raw, generation, "destroy");
  }
}

/** The options with `key` set to `value` (a copy). */
function withOption(options, key, value) {
  return value === undefined ? options : { ...options, [key]: value };
}

/** A mounted form. */
export class FormHandle {
  #m;
  /** The draft key the mounted form uses (read back after a reset). */
  #draftKey = null;
  /** Resolves once the form is shown (at once unless a built-in spec is being fetched). */
  ready;

  constructor(token, engine, api, element, options) {
    if (token !== TOKEN) throw new TypeError("FormHandles are made by mount()");
    const m = new Mounted(
      engine,
      element,
      options,
      "form",
      (api, element, options, data) => {
        const raw = api.mount(element, withOption(options, "data", data));
        this.#draftKey = raw.draftKey ?? null;
        return raw;
      },
      // The person's record: from the old instance if it still answers, else the saved draft.
      (old) => {
        let data;
        try {
          data = old?.getData();
        } catch (_) {
          data = undefined;
        }
        return data === undefined ? savedDraft(this.#draftKey) : data;
      },
    );
    this.#m = m;
    const id = api.needsLoading(m.options?.form);
    m.start(id === null ? null : api.loadForm(id));
    this.ready = m.ready;
  }

  /** True while the spec of a built-in form is being fetched. */
  get loading() {
    return this.#m.loading;
  }

  /** The `localStorage` key of the form's draft (`null`: no drafts, or not shown yet). */
  get draftKey() {
    return this.#draftKey;
  }

  getData() {
    if (this.#m.loading) return this.#m.options?.data ?? null;
    return this.#m.call("getData");
  }

  setData(data) {
    if (this.#m.loading) {
      this.#m.options = { ...this.#m.options, data };
      return;
    }
    this.#m.call("setData", data);
  }

  validate() {
    return this.#m.call("validate");
  }

  setLocale(locale) {
    if (!this.#m.loading) this.#m.call("setLocale", locale);
    this.#m.options = { ...this.#m.options, locale };
  }

  destroy() {
    this.#m.destroy();
  }

  free() {
    this.destroy();
  }
}

/** A mounted compliance calendar. */
export class CalendarHandle {
  #m;
  /** Resolves once the calendar is shown. */
  ready;

  constructor(token, engine, api, element, options) {
    if (token !== TOKEN) throw new TypeError("CalendarHandles are made by mountCalendar()");
    const m = new Mounted(
      engine,
      element,
      options,
      "calendar",
      (api, element, options) => api.mountCalendar(element, options),
      () => undefined,
    );
    this.#m = m;
    // The calendar checks each record with the built-in meeting-minutes form.
    const id = api.needsLoading("meeting-minutes");
    m.start(id === null ? null : api.loadForm(id));
    this.ready = m.ready;
  }

  update(options) {
    const m = this.#m;
    const merged = { ...(m.options ?? {}), ...(copyOptions(options) ?? {}) };
    if (m.raw && !m.destroyed) m.call("update", options);
    m.options = merged;
  }

  destroy() {
    this.#m.destroy();
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
  #m;
  /** Resolves once the editor is shown (after the spec and its examples are fetched, in browsers). */
  ready;

  constructor(token, engine, api, where, element, options) {
    if (token !== TOKEN) throw new TypeError("SettingsHandles are made by mountSettings()");
    const m = new Mounted(
      engine,
      element,
      options,
      "editor",
      (api, element, options, settings) => api.mountSettings(element, withOption(options, "settings", settings)),
      // The settings being edited, from the old instance if it still answers.
      (old) => old?.getSettings(),
    );
    this.#m = m;
    const form = m.options?.form;
    const id = typeof form === "string" && !form.trimStart().startsWith("{") ? form : null;
    const toLoad = api.needsLoading(form);
    const examplesUrl = id !== null && m.options?.examples === undefined && where?.examples ? where.examples(id) : null;
    m.start(
      toLoad === null && examplesUrl === null
        ? null
        : Promise.all([toLoad === null ? null : api.loadForm(toLoad), examplesUrl === null ? null : fetchExamples(examplesUrl)]).then(
            ([, examples]) => {
              if (examples) m.options = { ...m.options, examples };
            },
          ),
    );
    this.ready = m.ready;
  }

  /** True while the spec or the examples are being fetched. */
  get loading() {
    return this.#m.loading;
  }

  getSettings() {
    if (this.#m.loading) return { ...(this.#m.options?.settings ?? {}) };
    return this.#m.call("getSettings");
  }

  setSettings(settings) {
    if (this.#m.loading) {
      this.#m.options = { ...this.#m.options, settings };
      return;
    }
    this.#m.call("setSettings", settings);
  }

  getSpec() {
    return this.#m.call("getSpec");
  }

  destroy() {
    this.#m.destroy();
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
