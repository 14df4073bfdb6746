// The engine's API, shared by the headless, node and full entries' declarations.
// (Types only: no DOM or Node types here, so every entry can use it.)
import type {
  ComplianceOptions,
  ComplianceReport,
  DangjianError,
  IdNumberDescription,
  IdNumberOptions,
  SlateOptions,
  SlateReport,
  SupervisedRecord,
  SupervisionOptions,
  SupervisionReport,
  Diagnostic,
  EngineInfo,
  FormInfo,
  LoadOptions,
  FormRecord,
  Json,
  Locale,
  Report,
  RuleOptions,
  SettingsList,
  Spec,
  ValidateOptions,
} from "./types.js";

/** The built-in forms. */
export function forms(): FormInfo[];

/**
 * Compiles a form: a built-in form id (see `forms()`), a spec object, or a spec
 * as JSON text. Throws a `DangjianError` — code `unknown_form`, `bad_argument`,
 * `bad_json` or `spec_invalid` (then `diagnostics` lists every mistake), and in
 * a browser `form_not_loaded` for a built-in form whose spec was not fetched yet
 * (see `loadForm`).
 */
export function compile(specOrId: string | Spec): Form;

/**
 * Fetches the spec of the built-in form `id` (`forms/<id>.json` next to the
 * entry) so that `compile(id)` finds it. The browser entries need it; in the
 * Node entry the specs are built in and it resolves at once. Rejects with
 * `unknown_form`, or `form_unavailable` when the file cannot be fetched or is
 * not that form's spec.
 */
export function loadForm(id: string, options?: LoadOptions): Promise<void>;

/** `loadForm` (for a built-in id) then `compile`: the one call a browser page needs. */
export function compileAsync(specOrId: string | Spec, options?: LoadOptions): Promise<Form>;

/** What the engine is doing: instances made, resets after traps, memory releases, memory now. */
export function engineInfo(): EngineInfo;

/** The engine's version. */
export function version(): string;

/** True when `error` was thrown by this package. */
export function isDangjianError(error: unknown): error is DangjianError;

/** A compiled form; immutable, validates any number of records. */
export class Form {
  private constructor();
  /** Releases the form's memory now instead of at garbage collection. */
  free(): void;
  /** The form's id. */
  readonly id: string;
  /** The form's version. */
  readonly version: string;
  /** Validates and scores one record: the same report as `dangjian validate`. */
  validate(data: FormRecord, options?: ValidateOptions): Report;
  /** JSON text in, the report as compact JSON text out: byte for byte the CLI's. */
  validateJson(json: string, options?: ValidateOptions): string;
  /**
   * Validates many records (an array or any iterable); the reports come back in
   * the same order. Each record is read and freed before the next, so the
   * engine's memory stays flat; the array of reports is the caller's.
   */
  validateMany(records: Iterable<FormRecord>, options?: ValidateOptions): Report[];
  /**
   * Validates records one at a time as they are asked for: a generator over any
   * iterable (or async iterable), for a million records in flat memory.
   */
  validateEach(records: Iterable<FormRecord>, options?: ValidateOptions): IterableIterator<Report>;
  validateEach(records: AsyncIterable<FormRecord>, options?: ValidateOptions): AsyncIterableIterator<Report>;
  /**
   * This form with some settings changed, e.g. `{ majority_strict: false }`; the
   * original is unchanged. Throws `spec_invalid` for unknown names, wrong types,
   * values outside a setting's range (`setting.out_of_range`) or not among its
   * options (`setting.not_an_option`); the diagnostics name the setting and its range.
   * Values that break one of the spec's `settings_checks` (e.g. an election quorum
   * of 9/5) throw the check's code (`settings.election_quorum`) at each setting it names.
   */
  withSettings(overrides: { [name: string]: Json }): Form;
  /** A record with every section and group present and defaults filled in. */
  emptyData(): FormRecord;
  /** The spec the form was compiled from. */
  spec(): Spec;
  /** The current value of every setting. */
  settings(): { [name: string]: Json };
  /**
   * Every setting as a row (texts in `locale`): what `dangjian settings` prints.
   * `current` (e.g. `form.withSettings(x).settings()`) gives the values shown
   * as `value`; the defaults are this form's.
   */
  describeSettings(options?: { locale?: Locale; current?: { [name: string]: Json } }): SettingsList;
  /** Warnings found when compiling the spec. */
  warnings(): Diagnostic[];
}

/**
 * Evaluates one JSONLogic expression on `data` as json-logic-js would, with the
 * engine's domain operators and `$settings`, `$today`, `$locale` — what
 * `dangjian rule` prints. Throws `invalid_rule` (unknown operator), `rule_failed`
 * (a domain operator refused its arguments) or `rule_budget` (with `limit`, `max`).
 */
export function evaluateRule(rule: Json | string, data?: Json, options?: RuleOptions): Json;

/** What a citizen ID number says (masked unless `reveal`), or why it is invalid. */
export function idNumber(number: string, options?: IdNumberOptions): IdNumberDescription;

/** The meeting calendar of one branch over a year or range: what was held, what is missing. */
export function annualCompliance(minutes: FormRecord[], options?: ComplianceOptions): ComplianceReport;

/** The checks of a slate of candidate-review records as a whole. */
export function reviewSlate(candidates: FormRecord[], options?: SlateOptions): SlateReport;

/**
 * Many branches' records summed up as of a date: each branch's figures (latest
 * checklist, meetings per type and period, rectification items, member points,
 * candidates' verdicts, the secretary's review), the ranking, who needs
 * attention and why, overdue items, distributions and monthly / quarterly totals.
 * In the Node entry and the browser's `dangjian-forms/supervision` entry only
 * (the headless and full browser modules leave it out: ~55 KB gzip).
 */
export function supervise(records: SupervisedRecord[], options: SupervisionOptions): SupervisionReport;
