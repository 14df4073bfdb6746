// The custom elements <dj-form> and <dj-calendar>. The WebAssembly module calls
// defineElements(mountForm, mountCalendar) from its own defineElements(); the
// two functions are its mount() and mountCalendar().

const FORM_ATTRS = ["form", "locale", "read-only", "draft-key", "elder", "today"];
const CALENDAR_ATTRS = ["year", "locale", "today", "branch", "elder"];

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

function showError(el, e) {
  console.error(`<${el.localName}>:`, e);
  const root = el.shadowRoot ?? el.attachShadow({ mode: "open" });
  const box = document.createElement("p");
  box.setAttribute("role", "alert");
  box.style.cssText = "color:#a8071a;border:1px solid currentColor;padding:.75em 1em;border-radius:4px";
  box.textContent = `表单无法加载 / The form cannot be shown: ${e && e.message ? e.message : e}`;
  root.replaceChildren(box);
}

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

export function defineElements(mountForm, mountCalendar) {
  if (!customElements.get("dj-form")) {
    customElements.define(
      "dj-form",
      class DjForm extends HTMLElement {
        static observedAttributes = FORM_ATTRS;
        #handle = null;
        #data = undefined;

        connectedCallback() {
          this.#render();
        }
        disconnectedCallback() {
          if (this.#handle) {
            this.#data = this.#handle.getData();
            this.#handle.destroy();
            this.#handle = null;
          }
        }
        attributeChangedCallback(name, before, after) {
          if (before === after) return;
          if (!this.#handle) {
            // e.g. the form attribute set after the element was placed.
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
          this.#data = this.#handle.getData();
          this.#handle.destroy();
          this.#handle = null;
          this.#render();
        }
        #render() {
          // Nothing to show until the page says which form (it may set the attribute later).
          if (!this.isConnected || this.#handle || !this.getAttribute("form")) return;
          const draftKey = this.getAttribute("draft-key");
          const options = {
            form: this.getAttribute("form") ?? "",
            data: this.#data ?? inlineJson(this),
            locale: this.getAttribute("locale") ?? "zh-CN",
            readOnly: flag(this, "read-only") ?? false,
            elder: flag(this, "elder"),
            today: this.getAttribute("today") ?? undefined,
            draftKey: draftKey === "off" ? false : draftKey ?? undefined,
          };
          try {
            this.#handle = mountForm(this, options);
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
        /** The engine's report on the record; every message is shown in the form. */
        validate() {
          return this.#handle ? this.#handle.validate() : null;
        }
        // The attributes as properties.
        get form() {
          return this.getAttribute("form") ?? "";
        }
        set form(v) {
          this.setAttribute("form", v);
        }
        get locale() {
          return this.getAttribute("locale") ?? "zh-CN";
        }
        set locale(v) {
          this.setAttribute("locale", v);
        }
        get readOnly() {
          return flag(this, "read-only") ?? false;
        }
        set readOnly(v) {
          this.toggleAttribute("read-only", Boolean(v));
        }
        get draftKey() {
          return this.getAttribute("draft-key");
        }
        set draftKey(v) {
          if (v === null || v === undefined) this.removeAttribute("draft-key");
          else this.setAttribute("draft-key", v);
        }
        get elder() {
          return flag(this, "elder") ?? false;
        }
        set elder(v) {
          this.toggleAttribute("elder", Boolean(v));
        }
        get today() {
          return this.getAttribute("today");
        }
        set today(v) {
          if (v === null || v === undefined) this.removeAttribute("today");
          else this.setAttribute("today", v);
        }
      },
    );
  }
  if (!customElements.get("dj-calendar")) {
    customElements.define(
      "dj-calendar",
      class DjCalendar extends HTMLElement {
        static observedAttributes = CALENDAR_ATTRS;
        #handle = null;
        #minutes = undefined;

        connectedCallback() {
          if (this.#handle) return;
          try {
            this.#handle = mountCalendar(this, this.#options());
          } catch (e) {
            showError(this, e);
          }
        }
        disconnectedCallback() {
          this.#handle?.destroy();
          this.#handle = null;
        }
        attributeChangedCallback() {
          this.#handle?.update(this.#options());
        }
        #options() {
          const year = this.getAttribute("year");
          return {
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
      },
    );
  }
}
