// dangjian-forms/supervision — the supervision of many branches' records:
// the engine's `supervise` and the <dj-supervision> component.
export * from "./types.js";
export { default, init, initSync, type InitInput } from "./headless.js";
export { forms, compile, compileAsync, loadForm, engineInfo, version, supervise, isDangjianError } from "./api.js";
import type { Locale, SupervisedRecord, SupervisionOptions } from "./types.js";

/** Options of `mountSupervision`. */
export interface MountSupervisionOptions {
  /** Records given by the page (else the person picks files or a folder). */
  records?: SupervisedRecord[];
  /** `zh-CN` (default) or `en`. */
  locale?: Locale;
  /** The as-of date, `YYYY-MM-DD` (default: today). */
  asOf?: string;
  /** The rest of the supervision's options (thresholds, period, form settings). */
  supervision?: Omit<SupervisionOptions, "as_of" | "locale">;
  /** `false`: supervise on the page instead of in Web Workers. */
  worker?: boolean;
  /**
   * How many Web Workers share a run, each checking one shard of the
   * branches (the report is the same, byte for byte): default the browser's
   * cores, 2 to 4; `1` runs the records unsplit.
   */
  workers?: number;
}

/** The number of workers a run uses for `workers` (see `MountSupervisionOptions.workers`). */
export declare function workerCount(wanted?: number): number;

/** A mounted supervision. */
export declare class SupervisionHandle {
  /** The page's records; setting them supervises them again. */
  records: SupervisedRecord[] | null;
  /** Supervises record files (.json, .ndjson, .jsonl), read in the worker. */
  setFiles(files: Iterable<File>): void;
  /** Timings of the last run, ms (engine start-up, reading and checking, the report's JSON, all). */
  readonly lastRun: { init: number; supervise: number; report: number; total: number; workers?: number } | null;
  /** Switches the language (and supervises again in it). */
  setLocale(locale: Locale): void;
  /** Supervises again as of `date` (`YYYY-MM-DD`). */
  setAsOf(date: string): void;
  /** Removes the component. */
  destroy(): void;
}

/** Draws the supervision into `element` (after `await init()`). */
export function mountSupervision(element: Element, options?: MountSupervisionOptions): SupervisionHandle;

/** Loads the engine and defines `<dj-supervision locale as-of workers>`; set `el.records` to supervise. */
export function defineElements(): Promise<void>;

/** `<dj-supervision>`. Fires `dj-supervised` (detail `{ branches, attention, records }`) when a report is drawn. */
export interface DjSupervisionElement extends HTMLElement {
  records: SupervisedRecord[] | null;
  readonly handle: SupervisionHandle | null;
}
