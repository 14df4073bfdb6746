// The form components of the full entry (`dangjian-forms`): mount(), mountCalendar(),
// defineElements(), the <dj-form> and <dj-calendar> elements and their events.
// Written by hand: the module's own declarations (wasm/full/dangjian.d.ts) type
// these as `any`.
import type { FormRecord, Json, Locale, Report, Requirement, Spec } from "./types.js";

/** A county's values of a form's settings: `{ name: value }`. */
export type SettingValues = { [name: string]: Json };

/** A toolbar button a page may hide. */
export type ToolbarButton = "language" | "elder" | "print" | "export" | "import" | "history";

/** The options of {@link mount}. */
export interface MountOptions {
  /** A built-in form id (e.g. `"branch-checklist"`), a spec object, or a spec as JSON text. */
  form: string | Spec;
  /**
   * A county's values of the form's settings, checked by the engine (`Form.withSettings`): an
   * unknown name, a value of another type or out of range throws `spec_invalid`.
   */
  settings?: SettingValues | null;
  /** Toolbar buttons to leave out (an array, or names separated by spaces). */
  hide?: ToolbarButton[] | string;
  /** The record to start from (default: the form's empty record). */
  data?: FormRecord | null;
  /** Language of the form and its messages (default `"zh-CN"`). */
  locale?: Locale;
  /** Show an approved record: nothing can be edited, no drafts are kept. */
  readOnly?: boolean;
  /**
   * The `localStorage` key of the draft (default `dangjian:draft:<form id>@<version>:<the element's
   * id, or its tag and position>`); `false` keeps no draft.
   */
  draftKey?: string | boolean;
  /** Start in elder-friendly mode (default: what the person chose last time). */
  elder?: boolean;
  /** The date the rules use for `$today`, `YYYY-MM-DD` (default: the browser's local date); `null` switches date limits off. */
  today?: string | null;
  /** Called after every edit by the person. */
  onChange?: (data: FormRecord, report: Report) => void;
  /** Called when the person submits a record without errors. */
  onSubmit?: (data: FormRecord, report: Report) => void;
}

/**
 * A mounted form. It lives through an engine reset: the form is shown again on
 * the fresh engine with the person's record and a notice.
 */
export declare class FormHandle {
  private constructor();
  /**
   * Resolves once the form is shown: at once, unless the spec of a built-in form
   * is being fetched first (browsers); rejects with `form_unavailable` when it
   * cannot be (the element then shows why).
   */
  readonly ready: Promise<void>;
  /** True while a built-in form's spec is being fetched (`validate()` throws `form_not_loaded` meanwhile). */
  readonly loading: boolean;
  /** The `localStorage` key of the form's draft (`null`: no drafts, or not shown yet). */
  readonly draftKey: string | null;
  /** The record as it stands. */
  getData(): FormRecord;
  /** Replaces the record (`null`: the empty record); the form shows it and checks it again. */
  setData(data: FormRecord | null): void;
  /** The engine's report on the record; every message is shown in the form. */
  validate(): Report;
  /** Switches the language. */
  setLocale(locale: Locale): void;
  /** Removes the form from the page. */
  destroy(): void;
  /** Releases the handle's memory (after `destroy()`). */
  free(): void;
}

/** The options of {@link mountCalendar} and {@link CalendarHandle.update}. */
export interface CalendarOptions {
  /** Meeting-minutes records of one branch. */
  minutes?: FormRecord[];
  /** The year shown (default: this year). */
  year?: number;
  /** Language (default `"zh-CN"`). */
  locale?: Locale;
  /** Periods not over by this date (`YYYY-MM-DD`, default today) show as in progress, not missing. */
  today?: string | null;
  /** The branch's name, shown in the title. */
  branch?: string;
  /** Elder-friendly mode. */
  elder?: boolean;
  /** A county's required frequencies (default: those of the branch work regulations). */
  requirements?: Requirement[] | null;
  /** Settings of the meeting-minutes form each record is checked with, e.g. `{ majority_strict: false }`. */
  settings?: SettingValues | null;
  /** `"exclude_invalid"` (default: minutes with errors are not a meeting held), `"count_invalid"` or `"off"`. */
  minutesCheck?: "exclude_invalid" | "count_invalid" | "off";
}

/** A mounted compliance calendar (it lives through an engine reset, as a form does). */
export declare class CalendarHandle {
  private constructor();
  /** Resolves once the calendar is shown (after the meeting-minutes spec is fetched, in browsers). */
  readonly ready: Promise<void>;
  /** Shows new minutes or options, merged over the current ones. */
  update(options: CalendarOptions): void;
  /** Removes the calendar from the page. */
  destroy(): void;
  /** Releases the handle's memory (after `destroy()`). */
  free(): void;
}

/**
 * Mounts a form into `element` (inside its shadow root). Throws a `DangjianError`:
 * `unknown_form`, `spec_invalid` (with `diagnostics`), `bad_json`, `bad_argument`
 * (not an element, data that is not JSON) or `bad_options`. A built-in form whose
 * spec is not loaded yet is fetched first: the handle comes back at once and the
 * form appears when `handle.ready` resolves.
 */
export function mount(element: Element, options: MountOptions): FormHandle;

/** Mounts the annual compliance calendar into `element`. Throws a `DangjianError` (`bad_options`, `bad_argument`). */
export function mountCalendar(element: Element, options?: CalendarOptions): CalendarHandle;

/** The detail of `dj-settings-change`. */
export interface SettingsChangeDetail {
  settings: SettingValues;
  valid: boolean;
}

/** `<dj-settings>` (after `defineElements()` of `dangjian-forms/settings`). */
export interface DjSettingsElement extends HTMLElement {
  /** A built-in form id; setting a spec object sets `spec`. */
  form: string | Spec;
  /** A spec object to edit. */
  spec: Spec | null;
  /** The changed settings; setting them replaces what the editor shows. */
  settings: SettingValues;
  /** The spec with the new values (`null` while a value is refused). */
  readonly variant: Spec | null;
}

/**
 * Makes `<dj-form>` and `<dj-calendar>` mount (once; later calls do nothing) — and `<dj-settings>`
 * when it is the `dangjian-forms/settings` entry's `defineElements`. Call after `init()`. The elements themselves are defined when the package is imported, and show a placeholder
 * of the form's frame until then.
 */
export function defineElements(): void;

/** The detail of `dj-change` and `dj-submit`: the record and the engine's report on it. */
export interface FormEventDetail {
  data: FormRecord;
  report: Report;
}

/** `dj-change`: after every edit by the person (bubbles, composed). */
export type FormChangeEvent = CustomEvent<FormEventDetail>;

/** `dj-submit`: the person submitted a record without errors (bubbles, composed). */
export type FormSubmitEvent = CustomEvent<FormEventDetail>;

/** The attributes of `<dj-form>`, as written in HTML. */
export interface DjFormAttributes {
  /** A built-in form id (or give `spec-src`). */
  form?: string;
  /** The URL of a spec JSON on the page's own origin. */
  "spec-src"?: string;
  /** The settings as JSON text, `{"grade_scheme": "words"}`. */
  settings?: string;
  /** Toolbar buttons to leave out, separated by spaces. */
  hide?: string;
  /** `zh-CN` (default) or `en`; changing it re-translates the form in place. */
  locale?: Locale;
  /** Present: show the record read-only. */
  "read-only"?: "" | "true" | "false";
  /** The draft's `localStorage` key; `off` keeps no draft. */
  "draft-key"?: string;
  /** Present: start in elder-friendly mode. */
  elder?: "" | "true" | "false";
  /** The date the rules use for `$today`, `YYYY-MM-DD`. */
  today?: string;
}

/** The attributes of `<dj-calendar>`, as written in HTML. */
export interface DjCalendarAttributes {
  year?: string;
  locale?: Locale;
  today?: string;
  branch?: string;
  elder?: "" | "true" | "false";
  /** Required frequencies as JSON text. */
  requirements?: string;
  /** Settings of the meeting-minutes form as JSON text. */
  settings?: string;
}

/** `<dj-form>` (after `defineElements()`). */
export interface DjFormElement extends HTMLElement {
  /** The record; setting it replaces what the form shows (`null` empties it). */
  data: FormRecord | null;
  /** The engine's report on the record (every message is shown), or `null` before the form is shown. */
  validate(): Report | null;
  /** The `form` attribute; setting a spec object sets `spec`. */
  form: string | Spec;
  /** A spec object shown instead of a built-in form (`null`: back to `form` / `spec-src`). */
  spec: Spec | null;
  /** A county's values of the form's settings (`null`: the form's own). */
  settings: SettingValues | null;
  /** The toolbar buttons left out. */
  hide: ToolbarButton[];
  /** The `locale` attribute. */
  locale: Locale;
  /** The `read-only` attribute. */
  readOnly: boolean;
  /** The `draft-key` attribute (`null` when absent). */
  draftKey: string | null;
  /** The `elder` attribute. */
  elder: boolean;
  /** The `today` attribute (`null` when absent). */
  today: string | null;
  addEventListener<K extends keyof DjFormElementEventMap>(
    type: K,
    listener: (this: DjFormElement, ev: DjFormElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof DjFormElementEventMap>(
    type: K,
    listener: (this: DjFormElement, ev: DjFormElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** The events of `<dj-form>` (and of any element `mount()` rendered into). */
export interface DjFormElementEventMap extends HTMLElementEventMap {
  "dj-change": FormChangeEvent;
  "dj-submit": FormSubmitEvent;
}

/** `<dj-calendar>` (after `defineElements()`). */
export interface DjCalendarElement extends HTMLElement {
  /** Meeting-minutes records of one branch. */
  minutes: FormRecord[];
  /** A county's required frequencies (`null`: the defaults). */
  requirements: Requirement[] | null;
  /** Settings of the meeting-minutes form (`null`: its own). */
  settings: SettingValues | null;
}

declare global {
  interface HTMLElementTagNameMap {
    "dj-form": DjFormElement;
    "dj-calendar": DjCalendarElement;
    "dj-settings": DjSettingsElement;
  }
  // The events bubble out of the shadow root, so a listener on `document` hears every form.
  interface DocumentEventMap {
    "dj-change": FormChangeEvent;
    "dj-submit": FormSubmitEvent;
    "dj-settings-change": CustomEvent<SettingsChangeDetail>;
  }
}
