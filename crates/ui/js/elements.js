// The custom elements <dj-form>, <dj-calendar> and <dj-settings> (mounted
// once the settings entry, dangjian-forms/settings, has loaded).
//
// They are defined as soon as this file is loaded — before the WebAssembly
// module has arrived — and show a placeholder of the form's frame (its title,
// "表单加载中…", a progress bar) drawn with this file's light JS and CSS alone.
// The module's defineElements() calls defineElements(mountForm, mountCalendar)
// here: from then on every element mounts the real form, the one on screen
// first and hidden ones (other tabs) while the browser is idle, so a slow
// machine shows the form being filled before it has built the others.

const FORM_ATTRS = ["form", "spec-src", "settings", "locale", "read-only", "draft-key", "elder", "today", "hide"];
const CALENDAR_ATTRS = ["year", "locale", "today", "branch", "elder", "settings", "requirements"];
const SETTINGS_ATTRS = ["form", "settings", "locale", "today"];

// Attributes any element may carry: not warned about.
const GLOBAL_ATTRS = new Set([
  "id", "class", "style", "slot", "part", "title", "lang", "dir", "hidden", "tabindex", "role",
  "translate", "inert", "is", "exportparts", "nonce", "accesskey", "autofocus", "draggable",
  "spellcheck", "contenteditable", "enterkeyhint", "inputmode", "popover",
]);
const warned = new WeakSet();

/** Warns (once per element) of attributes the element does not know, naming the known ones. */
function warnUnknownAttributes(el, known) {
  if (warned.has(el)) return;
  warned.add(el);
  const unknown = el
    .getAttributeNames()
    .filter((n) => !known.includes(n) && !GLOBAL_ATTRS.has(n) && !/^(aria|data)-/.test(n) && !/^on/.test(n));
  if (unknown.length) {
    console.warn(
      `<${el.localName}> ignores the unknown attribute(s) ${unknown.map((n) => `“${n}”`).join(", ")}; ` +
        `the known attributes are: ${known.join(", ")}`,
      el,
    );
  }
}

/** A JSON attribute (`settings`, `requirements`): the value, or undefined with a console error. */
function jsonAttribute(el, name) {
  const text = el.getAttribute(name);
  if (text === null || text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    console.error(`<${el.localName}>: the ${name} attribute is not valid JSON:`, e, el);
    return undefined;
  }
}

// The built-in forms' titles, for the placeholder (the module is not here yet
// to read the spec). A test in crates/ui keeps them equal to the specs' titles.
// BUILTIN-TITLES-START
const TITLES = {
  "branch-checklist": ["党支部标准化规范化建设评分表", "Party branch standardization checklist"],
  "candidate-review": ["村“两委”换届候选人资格联审表", "Village committee election: candidate qualification joint review"],
  "meeting-minutes": ["党支部会议记录", "Party branch meeting minutes"],
  "member-points": ["党员积分管理和评星定级", "Member points and star rating"],
  "rectification-list": ["党支部标准化建设问题整改清单", "Rectification list of a branch standardization check"],
  "secretary-review": ["党组织书记抓基层党建工作述职评议表", "Annual review of a party secretary's party-building work"],
  "village-decision": ["村级重大事项“四议两公开”决策记录", "Village decision record: four deliberations, two disclosures"],
};
// BUILTIN-TITLES-END

// Shared by every copy of this file on the page (a module re-created after a
// fault loads it again): the mount functions and the elements waiting for them.
const shared = (globalThis[Symbol.for("dangjian-forms.elements")] ??= {
  mountForm: null,
  mountCalendar: null,
  mountSettings: null,
  waiting: new Set(),
});
// The package's handles show their errors (a built-in spec that cannot be fetched) the same way.
shared.showError ??= (el, e) => showError(el, e);

/** Initial JSON given inline: <script type="application/json"> inside the element. */
function inlineJson(el) {
  const script = el.querySelector(':scope > script[type="application/json"]');
  if (!script) return undefined;
  try {
    return JSON.parse(script.textContent);
  } catch (e) {
    console.error("dj: the inline JSON of", el, "is not valid JSON:", e);
    return undefined;
  }
}

function flag(el, name) {
  if (!el.hasAttribute(name)) return undefined;
  const v = el.getAttribute(name);
  return v !== "false" && v !== "0" && v !== "off";
}

/**
 * The properties of `<dj-form>` that mirror an attribute, one line each: the
 * property, the attribute, and how it reads — `Boolean`: a flag (`flag()`,
 * set by `toggleAttribute`); a string: the attribute's text, that string when
 * absent; `null`: the attribute's text or `null`, removed when set to `null`
 * or `undefined`.
 */
const FORM_MIRRORS = [
  ["locale", "locale", "zh-CN"],
  ["readOnly", "read-only", Boolean],
  ["draftKey", "draft-key", null],
  ["elder", "elder", Boolean],
  ["today", "today", null],
];

/** Defines on `cls` the properties of `table` (see FORM_MIRRORS), each mirroring its attribute. */
function mirrorAttributes(cls, table) {
  for (const [property, attribute, kind] of table) {
    const get =
      kind === Boolean
        ? function () {
            return flag(this, attribute) ?? false;
          }
        : function () {
            return this.getAttribute(attribute) ?? kind;
          };
    const set =
      kind === Boolean
        ? function (v) {
            this.toggleAttribute(attribute, Boolean(v));
          }
        : function (v) {
            if (kind === null && (v === null || v === undefined)) this.removeAttribute(attribute);
            else this.setAttribute(attribute, v);
          };
    Object.defineProperty(cls.prototype, property, { get, set, configurable: true });
  }
}

/**
 * Why a form cannot be shown: every detail to the developer (the console — for
 * a spec, each diagnostic with its JSON Pointer), a short notice to the clerk.
 */
function showError(el, e) {
  const code = e && e.code;
  if (code === "spec_invalid" && Array.isArray(e.diagnostics)) {
    console.error(`<${el.localName}>: the form's spec or settings have ${e.diagnostics.length} mistake(s):`, e);
    for (const d of e.diagnostics) {
      const words = d.message && typeof d.message === "object" ? d.message.en : d.message;
      console.error(`  ${d.severity ?? "error"} ${d.path || "/"} [${d.code}] ${words ?? ""}`);
    }
  } else {
    console.error(`<${el.localName}>:`, e);
  }
  stopPlaceholder(el);
  const root = el.shadowRoot ?? el.attachShadow({ mode: "open" });
  adoptPlaceholderCss(root);
  const box = document.createElement("p");
  box.setAttribute("role", "alert");
  box.className = "err";
  box.setAttribute("part", "error");
  box.dataset.testid = "form-error";
  box.textContent = clerkNotice(code, e);
  root.replaceChildren(box);
}

/** The clerk's words for a failure: what happened and whom to ask, no internals. */
function clerkNotice(code, e) {
  switch (code) {
    case "spec_invalid":
    case "bad_json":
      return "表单定义有误，暂时无法填写，请联系网站管理员。 / This form's definition has mistakes; please tell the site's administrator.";
    case "unknown_form":
      return "找不到这张表单，请联系网站管理员。 / There is no such form; please tell the site's administrator.";
    case "form_unavailable":
      return "表单未能下载，请检查网络后刷新页面。 / The form could not be downloaded; check the network and reload the page.";
    default:
      return `表单无法加载 / The form cannot be shown: ${e && e.message ? e.message : e}`;
  }
}

// ---- The placeholder ------------------------------------------------------

// The theme's defaults, written here only: build.rs puts them on the :host
// block of styles/ui.css, and the placeholder and the error notice are drawn
// with them too (in the portal's colours) before the module arrives.
// --dj-font names the Chinese typeface of each system, the one found first on
// it: PingFang SC (macOS), Microsoft YaHei (Windows), Noto Sans CJK SC, Source
// Han Sans SC or WenQuanYi Micro Hei (Linux desktops, UOS, Kylin), then
// Hiragino Sans GB (macOS before 10.11, which lacks PingFang). A family
// missing is asked for once per page (a round trip to the browser process on
// Linux and Windows), so the order keeps few misses before the family found;
// a machine with one of them alone gets the same face in any order.
// THEME-START
const THEME = `
  --dj-primary: #c8161d;
  --dj-primary-dark: #9e0f14;
  --dj-primary-soft: #fdf1f0;
  --dj-accent: #c7921f;
  --dj-text: #1f1f1f;
  --dj-muted: #595959;
  --dj-border: #d9d9d9;
  --dj-border-strong: #8c8c8c;
  --dj-bg: #ffffff;
  --dj-bg-soft: #f7f7f7;
  --dj-ok: #237804;
  --dj-ok-soft: #f0f9eb;
  --dj-warn: #a55a00;
  --dj-warn-soft: #fff7e6;
  --dj-bad: #b3151b;
  --dj-bad-soft: #fff1f0;
  --dj-info-soft: #f2f6fc;
  --dj-focus: #0958d9;
  --dj-primary-light: #d8352a;
  --dj-on-primary: #ffffff;
  --dj-on-primary-faint: rgba(255, 255, 255, .12);
  --dj-on-primary-hover: rgba(255, 255, 255, .24);
  --dj-on-primary-line: rgba(255, 255, 255, .7);
  --dj-ok-line: #95de64;
  --dj-warn-line: #ffc069;
  --dj-warn-strong: #d48806;
  --dj-bad-line: #ffa39e;
  --dj-info: #1d39c4;
  --dj-info-line: #adc6ff;
  --dj-track: #e8e8e8;
  --dj-leave: #faad14;
  --dj-neutral: #bfbfbf;
  --dj-changed: #fffbe6;
  --dj-shadow: rgba(0, 0, 0, .1);
  --dj-shadow-strong: rgba(0, 0, 0, .25);
  --dj-focus-ring: rgba(9, 88, 217, .25);
  --dj-print-ink: #000000;
  --dj-print-line: #777777;
  --dj-print-muted: #555555;
  --dj-radius: 6px;
  --dj-font-size: 15px;
  --dj-font: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Hiragino Sans GB", system-ui, sans-serif;
`;
// THEME-END

const PLACEHOLDER_CSS = `
:host {${THEME}  display: block; }
.ph { font: var(--dj-font-size)/1.6 var(--dj-font);
  color: var(--dj-text); background: var(--dj-bg); border: 1px solid var(--dj-border); border-radius: var(--dj-radius); overflow: hidden; min-height: 420px; }
.head { padding: 18px 24px 16px; color: var(--dj-on-primary); background: linear-gradient(100deg, var(--dj-primary-dark), var(--dj-primary) 60%, var(--dj-primary-light)); border-bottom: 4px solid var(--dj-accent); }
.title { margin: 0; font-size: 1.45em; font-weight: 700; line-height: 1.35; }
.state { margin: 6px 0 0; font-size: .88em; }
.bar { display: block; width: 100%; height: 6px; margin-top: 10px; border-radius: 3px; background: var(--dj-on-primary-faint); overflow: hidden; }
.bar i { display: block; width: 30%; height: 100%; background: var(--dj-on-primary); border-radius: 3px; animation: slide 1.4s ease-in-out infinite; }
@keyframes slide { from { transform: translateX(-100%); } to { transform: translateX(340%); } }
@media (prefers-reduced-motion: reduce) { .bar i { animation: none; width: 100%; opacity: .6; } }
.body { display: grid; grid-template-columns: 170px minmax(0, 1fr); gap: 20px; padding: 20px 24px; }
.col, .main { display: grid; gap: 12px; align-content: start; }
.b { display: block; height: 14px; border-radius: 4px; background: var(--dj-bg-soft); }
.b.t { height: 22px; width: 45%; background: var(--dj-primary-soft); }
.box { display: grid; gap: 10px; padding: 16px; border: 1px solid var(--dj-border); border-radius: 6px; }
@media (max-width: 720px) { .body { grid-template-columns: minmax(0, 1fr); } .col { display: none; } }
.err { margin: 0; padding: .75em 1em; color: var(--dj-bad); background: var(--dj-bad-soft); border: 1px solid currentColor; border-radius: var(--dj-radius); font: var(--dj-font-size)/1.6 var(--dj-font); }
`;

let placeholderSheet;
function adoptPlaceholderCss(root) {
  try {
    placeholderSheet ??= new CSSStyleSheet();
    placeholderSheet.replaceSync(PLACEHOLDER_CSS);
    root.adoptedStyleSheets = [placeholderSheet];
    return;
  } catch {
    // Browsers without constructed style sheets: a <style> element.
  }
  const style = document.createElement("style");
  style.textContent = PLACEHOLDER_CSS;
  root.append(style);
}

function make(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

const timers = new WeakMap();

function stopPlaceholder(el) {
  clearInterval(timers.get(el));
  timers.delete(el);
}

/** The form's frame while the module loads: title, "表单加载中…", progress. */
function showPlaceholder(el, calendar) {
  if (timers.has(el)) return;
  const en = (el.getAttribute("locale") ?? "").toLowerCase().startsWith("en");
  const root = el.shadowRoot ?? el.attachShadow({ mode: "open" });
  adoptPlaceholderCss(root);
  const known = TITLES[el.getAttribute("form") ?? ""];
  const title = calendar
    ? en ? "Meetings held this year" : "年度组织生活落实情况"
    : known ? known[en ? 1 : 0] : en ? "Form" : "表单";
  const loading = en ? "Loading the form…" : "表单加载中…";
  const frame = make("div", "ph");
  frame.setAttribute("role", "status");
  frame.setAttribute("aria-live", "polite");
  frame.setAttribute("aria-busy", "true");
  frame.dataset.testid = "placeholder";
  const head = make("div", "head");
  const state = make("p", "state", loading);
  const bar = make("span", "bar");
  bar.setAttribute("role", "progressbar");
  bar.setAttribute("aria-label", loading);
  bar.append(make("i"));
  head.append(make("h2", "title", title), state, bar);
  const body = make("div", "body");
  const col = make("div", "col");
  const main = make("div", "main");
  for (let i = 0; i < 5; i++) col.append(make("span", "b"));
  for (let i = 0; i < 2; i++) {
    const box = make("div", "box");
    box.append(make("span", "b t"), make("span", "b"), make("span", "b"), make("span", "b"));
    main.append(box);
  }
  body.append(col, main);
  frame.append(head, body);
  root.replaceChildren(frame);
  // A slow line: say that it is still coming, and for how long.
  const started = Date.now();
  timers.set(
    el,
    setInterval(() => {
      // The form has taken the placeholder's place.
      if (!frame.isConnected) return stopPlaceholder(el);
      const s = Math.round((Date.now() - started) / 1000);
      if (s < 4) return;
      state.textContent = en
        ? `${loading} ${s} s — a slow connection; it is still coming.${s >= 30 ? " If nothing appears, check the network and reload." : ""}`
        : `${loading}已等待 ${s} 秒，网络较慢，请稍候。${s >= 30 ? "如长时间没有显示，请检查网络后刷新页面。" : ""}`;
    }, 1000),
  );
}

// ---- Mounting: the form on screen first, hidden ones while idle -----------

function visible(el) {
  if (typeof el.checkVisibility === "function") return el.checkVisibility();
  return el.getClientRects().length > 0;
}

const idleQueue = [];
let idleScheduled = false;
function whenIdle(fn) {
  if (typeof requestIdleCallback === "function") requestIdleCallback(fn, { timeout: 1500 });
  else setTimeout(fn, 200);
}
function mountLater(el) {
  if (!idleQueue.includes(el)) idleQueue.push(el);
  if (idleScheduled) return;
  idleScheduled = true;
  whenIdle(function next() {
    const el = idleQueue.shift();
    el?.mountNow();
    if (idleQueue.length) whenIdle(next);
    else idleScheduled = false;
  });
}
const seen = typeof IntersectionObserver === "function"
  ? new IntersectionObserver((entries) => {
      for (const entry of entries) if (entry.isIntersecting) entry.target.mountNow();
    })
  : null;

/**
 * The detail of a dj-change / dj-submit event: `data` and `report` are made into
 * JavaScript objects when first read (a listener that does not read them costs
 * nothing), then kept.
 */
export function lazyDetail(data, report) {
  let d, r, hasD = false, hasR = false;
  return {
    get data() {
      if (!hasD) {
        d = data();
        hasD = true;
      }
      return d;
    },
    get report() {
      if (!hasR) {
        r = report();
        hasR = true;
      }
      return r;
    },
  };
}

/**
 * The element classes, made only where there is a DOM (the package is also
 * imported in Node, where HTMLElement does not exist).
 */
function elementClasses() {
  class DjForm extends HTMLElement {
    static observedAttributes = FORM_ATTRS;
    #handle = null;
    #data = undefined;
    /** A spec object given as the `spec` property (or `form = object`). */
    #spec = undefined;
    /** Settings given as the `settings` property. */
    #settings = undefined;
    /** Toolbar buttons hidden through the `hide` property. */
    #hide = undefined;
    /** The spec fetched from `spec-src`: `{ url, spec }`, or `{ url, pending }` while it comes. */
    #fetched = null;

    connectedCallback() {
      warnUnknownAttributes(this, FORM_ATTRS);
      this.#render();
    }
    disconnectedCallback() {
      shared.waiting.delete(this);
      seen?.unobserve(this);
      stopPlaceholder(this);
      if (this.#handle) {
        this.#data = this.#handle.getData();
        this.#handle.destroy();
        this.#handle = null;
      }
    }
    attributeChangedCallback(name, before, after) {
      if (before === after) return;
      if (name === "spec-src") this.#fetched = null;
      if (!this.#handle) {
        // e.g. the form attribute set after the element was placed.
        if (!shared.mountForm) stopPlaceholder(this);
        this.#render();
        return;
      }
      if (name === "locale") {
        try {
          this.#handle.setLocale(after || "zh-CN");
        } catch (e) {
          console.error(e);
        }
        return;
      }
      this.#remount();
    }
    /** Shows the form again with new options, keeping the person's record. */
    #remount() {
      if (this.#handle) {
        this.#data = this.#handle.getData();
        this.#handle.destroy();
        this.#handle = null;
      }
      if (!shared.mountForm) stopPlaceholder(this);
      this.#render();
    }
    /** True once the page has said which form: a spec object, `spec-src` or a built-in id. */
    #hasForm() {
      return Boolean(this.#spec || this.getAttribute("spec-src") || this.getAttribute("form"));
    }
    /**
     * The `form` option: the spec object, the spec fetched from `spec-src`, or
     * the built-in id; `undefined` while `spec-src` is on its way (fetched here).
     */
    #formOption() {
      if (this.#spec) return this.#spec;
      const src = this.getAttribute("spec-src");
      if (!src) return this.getAttribute("form") ?? "";
      if (this.#fetched?.url === src) return this.#fetched.spec;
      this.#fetchSpec(src);
      return undefined;
    }
    /** Fetches the spec of `spec-src` (the page's own origin only), then mounts. */
    #fetchSpec(src) {
      const fetched = { url: src, spec: undefined };
      this.#fetched = fetched;
      const failed = (code, message, cause) => {
        if (this.#fetched !== fetched) return;
        const error = Object.assign(new Error(message), { name: "DangjianError", code, cause });
        showError(this, error);
      };
      let url;
      try {
        url = new URL(src, document.baseURI);
      } catch (e) {
        return failed("bad_argument", `spec-src “${src}” is not a URL`, e);
      }
      if (url.origin !== location.origin) {
        return failed("bad_argument", `spec-src must be on this page's origin (${location.origin}), not ${url.origin}`);
      }
      fetch(url, { credentials: "same-origin" })
        .then((response) => {
          if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { code: "form_unavailable" });
          return response.text();
        })
        .then((text) => {
          let spec;
          try {
            spec = JSON.parse(text);
          } catch (e) {
            return failed("bad_json", `spec-src ${url}: not JSON: ${e.message}`, e);
          }
          if (this.#fetched !== fetched) return;
          fetched.spec = spec;
          this.#render();
        })
        .catch((e) => failed(e.code ?? "form_unavailable", `spec-src ${url} could not be fetched: ${e.message}`, e));
    }
    /** Shows the placeholder, or mounts now (on screen) or soon (hidden). */
    #render() {
      // Nothing to show until the page says which form (it may set the attribute later).
      if (!this.isConnected || this.#handle || !this.#hasForm()) return;
      if (!shared.mountForm) {
        showPlaceholder(this, false);
        shared.waiting.add(this);
        return;
      }
      if (visible(this)) {
        this.mountNow();
      } else {
        showPlaceholder(this, false);
        seen?.observe(this);
        mountLater(this);
      }
    }
    /** Mounts the form now if it is not mounted yet (the module must be ready). */
    mountNow() {
      seen?.unobserve(this);
      if (!this.isConnected || this.#handle || !shared.mountForm || !this.#hasForm()) return;
      // (The placeholder stays until the form replaces it: a built-in spec may still be on its way.)
      const form = this.#formOption();
      if (form === undefined) {
        showPlaceholder(this, false);
        return;
      }
      const draftKey = this.getAttribute("draft-key");
      const settings = this.#settings ?? jsonAttribute(this, "settings");
      const hide = this.#hide ?? this.getAttribute("hide") ?? undefined;
      const options = {
        form,
        ...(settings === undefined || settings === null ? {} : { settings }),
        ...(hide === undefined ? {} : { hide }),
        data: this.#data ?? inlineJson(this),
        locale: this.getAttribute("locale") ?? "zh-CN",
        readOnly: flag(this, "read-only") ?? false,
        elder: flag(this, "elder"),
        today: this.getAttribute("today") ?? undefined,
        draftKey: draftKey === "off" ? false : draftKey ?? undefined,
      };
      try {
        this.#handle = shared.mountForm(this, options);
        this.#data = undefined;
      } catch (e) {
        showError(this, e);
      }
    }
    /** The record (a plain object). Setting it replaces what the form shows. */
    get data() {
      return this.#handle ? this.#handle.getData() : this.#data;
    }
    set data(value) {
      if (this.#handle) this.#handle.setData(value);
      else this.#data = value;
    }
    /** The engine's report on the record; every message is shown in the form (null before the form is shown). */
    validate() {
      this.mountNow();
      // `loading`: a package's handle may be waiting for a built-in spec to be fetched.
      return this.#handle && !this.#handle.loading ? this.#handle.validate() : null;
    }
    /** A spec object to show instead of a built-in form (`null`: back to `form` / `spec-src`). */
    get spec() {
      return this.#spec ?? (this.#fetched?.spec || null);
    }
    set spec(v) {
      if (v !== null && v !== undefined && (typeof v !== "object" || Array.isArray(v))) {
        console.error("<dj-form>: spec must be a spec object; for a built-in form set `form` to its id", v);
        return;
      }
      this.#spec = v ?? undefined;
      this.#remount();
    }
    /** A county's settings, `{ name: value }` (`null`: the form's own). */
    get settings() {
      return this.#settings ?? jsonAttribute(this, "settings") ?? null;
    }
    set settings(v) {
      this.#settings = v ?? undefined;
      this.#remount();
    }
    /** Toolbar buttons hidden: `["language", "elder", "print", "export", "import", "history"]`. */
    get hide() {
      return this.#hide ?? (this.getAttribute("hide") ?? "").split(/[\s,]+/).filter(Boolean);
    }
    set hide(v) {
      this.#hide = v ?? undefined;
      this.#remount();
    }
    // The attributes as properties.
    get form() {
      return this.#spec ?? this.getAttribute("form") ?? "";
    }
    set form(v) {
      // A spec object is a spec, not an id.
      if (v !== null && typeof v === "object") {
        this.spec = v;
        return;
      }
      this.#spec = undefined;
      this.setAttribute("form", v);
    }
  }
  mirrorAttributes(DjForm, FORM_MIRRORS);

  class DjCalendar extends HTMLElement {
    static observedAttributes = CALENDAR_ATTRS;
    #handle = null;
    #minutes = undefined;
    #requirements = undefined;
    #settings = undefined;

    connectedCallback() {
      warnUnknownAttributes(this, CALENDAR_ATTRS);
      this.mountNow();
    }
    disconnectedCallback() {
      shared.waiting.delete(this);
      stopPlaceholder(this);
      this.#handle?.destroy();
      this.#handle = null;
    }
    attributeChangedCallback() {
      this.#handle?.update(this.#options());
    }
    /** Mounts the calendar once the module is ready (a placeholder until then). */
    mountNow() {
      if (!this.isConnected || this.#handle) return;
      if (!shared.mountCalendar) {
        showPlaceholder(this, true);
        shared.waiting.add(this);
        return;
      }
      try {
        this.#handle = shared.mountCalendar(this, this.#options());
      } catch (e) {
        showError(this, e);
      }
    }
    #options() {
      const year = this.getAttribute("year");
      const requirements = this.#requirements ?? jsonAttribute(this, "requirements");
      const settings = this.#settings ?? jsonAttribute(this, "settings");
      return {
        ...(requirements ? { requirements } : {}),
        ...(settings ? { settings } : {}),
        minutes: this.#minutes ?? inlineJson(this) ?? [],
        year: year ? Number(year) : undefined,
        locale: this.getAttribute("locale") ?? "zh-CN",
        today: this.getAttribute("today") ?? undefined,
        branch: this.getAttribute("branch") ?? "",
        elder: flag(this, "elder"),
      };
    }
    /** Meeting-minutes records of one branch. */
    get minutes() {
      return this.#minutes ?? [];
    }
    set minutes(list) {
      this.#minutes = list;
      this.#handle?.update({ minutes: list });
    }
    /** A county's required frequencies (the objects `annualCompliance` takes); `null`: the defaults. */
    get requirements() {
      return this.#requirements ?? jsonAttribute(this, "requirements") ?? null;
    }
    set requirements(list) {
      this.#requirements = list ?? undefined;
      this.#handle?.update({ requirements: list ?? null });
    }
    /** Settings of the meeting-minutes form the records are checked with; `null`: the form's own. */
    get settings() {
      return this.#settings ?? jsonAttribute(this, "settings") ?? null;
    }
    set settings(value) {
      this.#settings = value ?? undefined;
      this.#handle?.update({ settings: value ?? null });
    }
  }

  class DjSettings extends HTMLElement {
    static observedAttributes = SETTINGS_ATTRS;
    #handle = null;
    #spec = undefined;
    #settings = undefined;

    connectedCallback() {
      warnUnknownAttributes(this, SETTINGS_ATTRS);
      this.mountNow();
    }
    disconnectedCallback() {
      shared.waiting.delete(this);
      stopPlaceholder(this);
      this.#remember();
      this.#handle?.destroy();
      this.#handle = null;
    }
    attributeChangedCallback(name, before, after) {
      if (before === after || !this.#handle) return;
      this.#remember();
      this.#handle.destroy();
      this.#handle = null;
      this.mountNow();
    }
    /** Keeps the changed settings across a new mount. */
    #remember() {
      if (!this.#handle) return;
      try {
        this.#settings = this.#handle.getSettings();
      } catch (_) {
        // Still loading: what was given stays.
      }
    }
    /** Mounts the editor once the module is ready (a placeholder until then). */
    mountNow() {
      const form = this.#spec ?? this.getAttribute("form");
      if (!this.isConnected || this.#handle || !form) return;
      if (!shared.mountSettings) {
        showPlaceholder(this, false);
        shared.waiting.add(this);
        return;
      }
      const settings = this.#settings ?? jsonAttribute(this, "settings");
      const options = {
        form,
        locale: this.getAttribute("locale") ?? "zh-CN",
        ...(settings ? { settings } : {}),
        ...(this.getAttribute("today") ? { today: this.getAttribute("today") } : {}),
      };
      try {
        this.#handle = shared.mountSettings(this, options);
      } catch (e) {
        showError(this, e);
      }
    }
    /** The changed settings, `{ name: value }`. */
    get settings() {
      if (this.#handle) {
        try {
          return this.#handle.getSettings();
        } catch (_) {
          // Still loading.
        }
      }
      return this.#settings ?? jsonAttribute(this, "settings") ?? {};
    }
    set settings(value) {
      this.#settings = value ?? undefined;
      if (this.#handle) this.#handle.setSettings(value ?? null);
    }
    /** The spec with the new values (`null` while a value is refused or before it is shown). */
    get variant() {
      try {
        return this.#handle ? this.#handle.getSpec() : null;
      } catch (_) {
        return null;
      }
    }
    /** A spec object to edit instead of a built-in form. */
    get spec() {
      return this.#spec ?? null;
    }
    set spec(v) {
      this.#spec = v ?? undefined;
      this.#handle?.destroy();
      this.#handle = null;
      this.mountNow();
    }
    get form() {
      return this.#spec ?? this.getAttribute("form") ?? "";
    }
    set form(v) {
      if (v !== null && typeof v === "object") {
        this.spec = v;
        return;
      }
      this.#spec = undefined;
      this.setAttribute("form", v);
    }
  }

  return { DjForm, DjCalendar, DjSettings };
}

function register() {
  if (typeof customElements === "undefined" || typeof HTMLElement === "undefined") return;
  if (customElements.get("dj-form") && customElements.get("dj-calendar") && customElements.get("dj-settings")) return;
  const { DjForm, DjCalendar, DjSettings } = elementClasses();
  if (!customElements.get("dj-form")) customElements.define("dj-form", DjForm);
  if (!customElements.get("dj-calendar")) customElements.define("dj-calendar", DjCalendar);
  if (!customElements.get("dj-settings")) customElements.define("dj-settings", DjSettings);
}

// Defined on load: the placeholders show before the module arrives.
register();

/** Called by the module's defineElements(): the elements come alive. */
export function defineElements(mountForm, mountCalendar, mountSettings) {
  // A module without one (the full entry has no settings editor) leaves the
  // one another module gave (the settings entry's) in place.
  if (typeof mountForm === "function") shared.mountForm = mountForm;
  if (typeof mountCalendar === "function") shared.mountCalendar = mountCalendar;
  if (typeof mountSettings === "function") shared.mountSettings = mountSettings;
  register();
  const waiting = [...shared.waiting];
  shared.waiting.clear();
  // The ones on screen first; the others while the browser is idle.
  for (const el of waiting) if (visible(el)) el.mountNow();
  for (const el of waiting) {
    if (visible(el)) continue;
    if (el.localName === "dj-form") {
      seen?.observe(el);
      mountLater(el);
    } else {
      el.mountNow();
    }
  }
}
