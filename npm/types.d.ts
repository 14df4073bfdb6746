// The shapes that cross dangjian-forms' API: specs, records, reports, errors.
// They follow the engine's JSON (docs/spec.md and docs/report.md in the repository).

/** A language of messages and titles. */
export type Locale = "zh-CN" | "en";

/** A text in a spec: one string for both languages, or one per language. */
export type Text = string | { "zh-CN"?: string; en?: string };

/** Any JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSONLogic expression, e.g. `{ ">=": [{ "var": "meeting.present" }, 3] }`. */
export type Logic = Json;

// ---------------------------------------------------------------- specs

/** The field types of a spec node. */
export type FieldType =
  | "group"
  | "text"
  | "textarea"
  | "integer"
  | "decimal"
  | "date"
  | "time"
  | "datetime"
  | "boolean"
  | "choice"
  | "multi_choice"
  | "checklist_item"
  | "person_name"
  | "citizen_id"
  | "mobile"
  | "email"
  | "url"
  | "uscc"
  | "file"
  | "signature"
  | "list";

/** A whole form: what `compile` accepts and `form.spec()` returns. */
export interface Spec {
  $schema?: string;
  /** Stable identifier: letters, digits, `-` and `_`. */
  id: string;
  version: string;
  title: Text;
  description?: Text;
  /** Named thresholds rules read as `{"var": "$settings.NAME"}`. */
  settings?: { [name: string]: Setting };
  /** The top-level nodes, in order: sections (plain groups) and, beside them, fields and repeated groups read at the record's top level (`/name`). */
  sections: SpecNode[];
  /** Cross-field rules over the whole record. */
  rules?: Rule[];
  scoring?: Scoring;
  /** Wording overrides by issue code. */
  messages?: { [code: string]: Text };
  /** Values computed after validation, reported under `report.outcomes`. */
  outcomes?: Outcome[];
}

/**
 * A named value of the report, computed once the record is validated and scored.
 * Its expression also reads `$valid`, `$errors`, `$error_codes` and `$score`.
 */
export interface Outcome {
  id: string;
  title?: Text;
  value: Logic;
  source?: string;
}

/** The kind of value a setting holds (absent: read from its default). */
export type SettingType =
  | "integer" | "number" | "boolean" | "text" | "date"
  | "weekday" | "month" | "choice" | "list" | "object";

/** One named setting of a form: its default and what an editor needs to show and check it. */
export interface Setting {
  /** The default value. */
  value: Json;
  title?: Text;
  /** A longer explanation: what changes when the value changes. */
  help?: Text;
  type?: SettingType;
  /** What the value is counted in, e.g. `{"zh-CN": "年", en: "years"}`. */
  unit?: Text;
  /** Range allowed, both ends included (for a list or object, of every number in it). */
  min?: number;
  max?: number;
  /** Allowed values with their labels (a choice's value, or each element of a list). */
  options?: { value: Json; title?: Text }[];
  /** The heading an editor shows the setting under. */
  group?: Text;
  /** Where the default comes from. */
  source?: string;
}

/** One row of a settings list (`form.describeSettings()`, `dangjian settings`); texts in one locale. */
export interface SettingRow {
  name: string;
  /** The current value. */
  value: Json;
  /** The spec's value. */
  default: Json;
  /** Declared, or read from the default. */
  type?: SettingType;
  title?: string;
  help?: string;
  unit?: string;
  /** The range, both ends included (a weekday's 1–7, a month's 1–12 filled in). */
  min?: number;
  max?: number;
  options?: { value: Json; title?: string }[];
  group?: string;
  source?: string;
}

/** A form's settings, in name order. */
export interface SettingsList {
  form: string;
  version: string;
  settings: SettingRow[];
}

/** A section, group or field. */
export interface SpecNode {
  id: string;
  /** Default `"group"`. */
  type?: FieldType;
  title?: Text;
  help?: Text;
  placeholder?: Text;
  required?: boolean;
  required_if?: Logic;
  visible_if?: Logic;
  enabled_if?: Logic;
  /** Children of a group. */
  items?: SpecNode[];
  /** Makes a group a list of sub-records. */
  repeat?: { min?: number; max?: number };
  min_length?: number;
  max_length?: number;
  min?: number;
  max?: number;
  step?: number;
  /** `YYYY-MM-DD` or `"$today"`. */
  earliest?: string;
  /** `YYYY-MM-DD` or `"$today"`. */
  latest?: string;
  pattern?: string;
  one_of?: Json[];
  options?: ChoiceOption[];
  min_count?: number;
  max_count?: number;
  /** A `list`'s value type (a plain type; default `"text"`); the node's item properties apply to each value. */
  of?: FieldType;
  /** Fewest values of a `list`. */
  min_items?: number;
  /** Most values of a `list`. */
  max_items?: number;
  /** A `list`'s values must differ. */
  unique?: boolean;
  evidence?: { required_for?: ChecklistStatus[]; min_length?: number };
  /** Default true. */
  allow_na?: boolean;
  score?: ItemScore;
  rules?: Rule[];
  messages?: { [code: string]: Text };
  default?: Json;
  ui?: Json;
  source?: string;
}

/** An option of a choice or multiple-choice field. */
export interface ChoiceOption {
  value: string;
  title?: Text;
  score?: number;
  /** On a scored choice: this answer takes the item out of the denominator. */
  na?: boolean;
}

/** A cross-field rule. */
export interface Rule {
  code: string;
  when?: Logic;
  assert: Logic;
  /** Relative JSON Pointer of the issue from the rule's scope. */
  path?: string;
  severity?: Severity;
  /** With `{param}` placeholders. */
  message: Text;
  params?: { [name: string]: Logic };
  source?: string;
}

/** How an item scores. */
export interface ItemScore {
  points?: number;
  /** Share of the points for `partial` (default 0.5). */
  partial?: number;
  per_unit?: number;
  deductions?: Deduction[];
  floor?: number;
  veto?: { on: Json[]; grade?: string };
}

/** Points taken off per occurrence. */
export interface Deduction {
  code: string;
  title: Text;
  points: number;
  count?: Logic;
  max_count?: number;
}

/** Form-level scoring. */
/** A grade band: `min ≤ total < max`. */
export interface Band {
  id: string;
  /** A score, or `{setting: NAME}` for the value of a number setting. */
  min: number | { setting: string };
  max?: number | { setting: string };
  title: Text;
  stars?: number;
}

/** How a form is scored. */
export interface Scoring {
  total?: number;
  /** Default 100. */
  scale?: number;
  bands?: Band[];
  /** Alternative band sets by name (e.g. stars and words), instead of `bands`. */
  band_sets?: { [name: string]: Band[] };
  /** The set in use: a name of `band_sets`, or `"$settings.NAME"` to let a setting choose. */
  band_set?: string;
  veto?: { id: string; when: Logic; title: Text; grade?: string }[];
  bonus?: { id: string; title: Text; points: number; count: Logic; cap?: number }[];
  bonus_cap?: number;
}

// ---------------------------------------------------------------- records

/** The status of a checklist item. */
export type ChecklistStatus = "met" | "partial" | "unmet" | "na";

/** The value of a `checklist_item` field. */
export interface ChecklistValue {
  status: ChecklistStatus;
  evidence?: string;
  remark?: string;
  /** Occurrences per deduction code. */
  deductions?: { [code: string]: number };
}

/** The value of a `file` field: a reference, not the file. */
export interface FileRef {
  name: string;
  size?: number;
  sha256?: string;
}

/** The value of a `signature` field. */
export interface SignatureValue {
  name: string;
  /** `YYYY-MM-DD`. */
  date: string;
}

/** A value in a record: a field's value, a group, or a repeated group's list. */
export type FieldValue =
  | null
  | string
  | number
  | boolean
  | string[]
  | ChecklistValue
  | FileRef
  | SignatureValue
  | GroupRecord
  | GroupRecord[];

/** A group's values, keyed by the ids of its items. */
export interface GroupRecord {
  [itemId: string]: FieldValue | undefined;
}

/** A record: `{ section_id: { field_id: value, … }, … }`. */
export interface FormRecord {
  [sectionId: string]: GroupRecord | undefined;
}

// ---------------------------------------------------------------- reports

/** Error or warning. */
export type Severity = "error" | "warning";

/** What `form.validate` returns — the same JSON as `dangjian validate`. */
export interface Report {
  /** Shape version (1). */
  report_version: number;
  form: { id: string; version: string };
  locale: Locale;
  /** No issue of severity error. */
  valid: boolean;
  counts: { errors: number; warnings: number };
  /** In form order, then rules in spec order. */
  issues: Issue[];
  /** For scored forms. */
  score?: ScoreReport;
  /** The values of the spec's `outcomes` (e.g. a review verdict), when it declares some. */
  outcomes?: { [id: string]: Json };
  /** Hidden, disabled and conditionally required nodes; only with `{ states: true }`. */
  states?: NodeStates;
}

/** The state of a record's conditional nodes, as JSON Pointers into the record. */
export interface NodeStates {
  /** Hidden by `visible_if` (descendants of a hidden node are not listed). */
  hidden: string[];
  /** Visible but disabled by `enabled_if`. */
  disabled: string[];
  /** Visible, enabled and required because their `required_if` holds. */
  required: string[];
}

/** One problem in a record. */
export interface Issue {
  /** JSON Pointer into the record, e.g. `/meeting/attendees/2/name`. */
  path: string;
  /** Stable code, e.g. `required`, `max_length`, `minutes.quorum`. */
  code: string;
  severity: Severity;
  /** In the report's locale. */
  message: string;
  params: { [name: string]: Json };
}

/** The score of a record. */
export interface ScoreReport {
  earned: number;
  possible: number;
  /** earned ÷ possible × scale. */
  percent: number;
  bonus: number;
  /** percent + bonus. */
  total: number;
  grade?: { id: string; title: string; stars?: number };
  vetoes: { id: string; title: string; path?: string }[];
  sections: { id: string; title: string; earned: number; possible: number; percent: number }[];
  items: ItemScoreReport[];
  bonuses: { id: string; title: string; points: number }[];
}

/** How one item scored. */
export interface ItemScoreReport {
  path: string;
  section: string;
  title: string;
  status: "met" | "partial" | "unmet" | "na" | "answered" | "unanswered" | "hidden";
  applicable: boolean;
  points: number;
  earned: number;
  /** Why points were lost, one entry per reason. */
  lost: { code: string; points: number; reason: string }[];
}

/** A mistake in a spec, with its JSON Pointer inside the spec. */
export interface Diagnostic {
  path: string;
  code: string;
  severity: Severity;
  message_zh: string;
  message_en: string;
  params: { [name: string]: Json };
}

// ---------------------------------------------------------------- API

/** Options of `validate`, `validateJson` and `validateMany`. */
export interface ValidateOptions {
  /** Language of messages (default "zh-CN"). */
  locale?: Locale;
  /**
   * Today's date `YYYY-MM-DD` for `$today` and date limits. Default: the
   * current date in China Standard Time, as the CLI does; `null` skips them.
   */
  today?: string | null;
  /** Also report which nodes are hidden, disabled or conditionally required (`report.states`). */
  states?: boolean;
  /**
   * "full" (default): `score.items` lists every scored item with the reason each
   * point was lost. "summary": without `score.items`, for bulk re-checks where
   * only the verdict, the issues and the totals matter.
   */
  detail?: "full" | "summary";
  /** Budgets of the record, each with a safe default (see {@link Limits}). */
  limits?: Limits;
}

/**
 * Budgets of one record, checked before the work they bound. A record beyond
 * `maxRecordBytes` or `maxValues` is refused unread (`too_large`); the others
 * become issues in the report. Each is a whole number ≥ 1.
 */
export interface Limits {
  /** Largest record as JSON text, in bytes of UTF-8 (default 8 MiB). */
  maxRecordBytes?: number;
  /** Most JSON values in one record, keys not counted (default 500,000). */
  maxValues?: number;
  /** Most entries in any list (default 10,000; more is a `too_many` issue). */
  maxItems?: number;
  /** Longest text value, in characters (default 100,000; longer is `too_long`). */
  maxStringChars?: number;
  /** Longest object key, in characters (default 256). */
  maxKeyChars?: number;
  /** Most issues reported (default 1,000; the rest are summed up in one `too_many`). */
  maxIssues?: number;
  /** Longest text an issue's message and params echo, in characters (default 1,000; cut with `…`). */
  maxParamChars?: number;
  /** Most steps one evaluation of a rule may take (default 1,000,000); past it the rule is a `rule_budget` issue. */
  maxRuleSteps?: number;
  /** Deepest nesting one evaluation of a rule may reach (default 64). */
  maxRuleDepth?: number;
  /** Most list elements and characters one evaluation of a rule may build (`merge`, `map`, `filter`, `cat`, …; default 1,000,000). */
  maxRuleSize?: number;
}

/** Options of `evaluateRule`. */
export interface RuleOptions {
  /** `$today` (`YYYY-MM-DD`); absent: today's date in China; `null`: none. */
  today?: string | null;
  /** `$locale`. */
  locale?: "zh-CN" | "en";
  /** `$settings`: named settings. */
  settings?: { [name: string]: Json };
  /** The rule budget (`maxRuleSteps`, `maxRuleDepth`, `maxRuleSize`, `maxItems`). */
  limits?: Limits;
}

/** Where `loadForm` (and `compileAsync`) get a built-in spec. */
export interface LoadOptions {
  /** The spec file's URL (default: `forms/<id>.json` next to the package's entry). */
  url?: string | URL;
  /** The fetch to use (default `globalThis.fetch`): e.g. one that reads files in Node. */
  fetch?: (url: string | URL) => Promise<Response>;
}

/** What `engineInfo()` says of the engine behind an entry. */
export interface EngineInfo {
  /** `init()` (or `initSync()`) has run. */
  ready: boolean;
  /** How many instances of the module were made (1 until the first reset or release). */
  generation: number;
  /** Instances retired because a call broke them (each threw `engine_reset`). */
  resets: number;
  /** Instances replaced, silently, to give back memory after a call left over 512 MiB. */
  releases: number;
  /** Bytes of WebAssembly memory the live instance holds. */
  memoryBytes: number;
}

/** A row of `forms()`. */
export interface FormInfo {
  id: string;
  version: string;
  title: { "zh-CN": string; en: string };
}

/** Codes of the errors the package throws. */
export type ErrorCode =
  | "bad_argument"
  | "bad_json"
  | "bad_options"
  | "unknown_form"
  | "spec_invalid"
  | "too_large"
  | "out_of_memory"
  | "form_not_loaded"
  | "form_unavailable"
  | "invalid_rule"
  | "rule_failed"
  | "rule_budget"
  | "engine_reset"
  | "not_initialized"
  | "internal";

/** What the package throws: an `Error` with a stable code. */
export interface DangjianError extends Error {
  name: "DangjianError";
  code: ErrorCode;
  /** For `spec_invalid`: every mistake in the spec. */
  diagnostics?: Diagnostic[];
  /** For `too_large` and `rule_budget`: the budget exceeded, e.g. `"max_record_bytes"`. */
  limit?: string;
  /** For `too_large` and `rule_budget`: the budget's value. */
  max?: number;
  /** For an error about one record of a list (`validateMany`): its index. */
  index?: number;
  /** For `form_unavailable`: the URL the spec was fetched from. */
  url?: string;
}

// ---------------------------------------------------------------- domain checks

/** Options of `idNumber`. */
export interface IdNumberOptions {
  locale?: Locale;
  /** Rules out birth dates after it; default: today in China, `null` for no limit. */
  today?: string | null;
  /** Show the whole number instead of the masked one. */
  reveal?: boolean;
}

/** What a citizen ID number (GB 11643) tells. */
export interface IdNumberDescription {
  valid: boolean;
  /** Masked (e.g. `110105********002X`) unless revealed. */
  number: string;
  masked: boolean;
  /** The full 18-character number when valid and revealed. */
  normalized?: string;
  /** `YYYY-MM-DD`. */
  birth_date?: string;
  gender?: "male" | "female";
  province?: { code: string; name: string };
  /** A 15-digit number was upgraded to 18 characters. */
  legacy_upgraded: boolean;
  /** Why the number is invalid (empty when valid). */
  problems: { code: string; message: string; params: { [name: string]: Json } }[];
}

/** How often a requirement repeats. */
export type Period = "week" | "month" | "quarter" | "half_year" | "year";

/** A required meeting frequency. */
export interface Requirement {
  id: string;
  title: Text;
  period: Period;
  min: number;
  enabled?: boolean;
  /** A record counts when one of these matches it. */
  counts: { type: string; fields?: { [pointer: string]: Json } }[];
  source?: string;
}

/** Options of `annualCompliance`: a year, or a range `from`–`to`. */
export interface ComplianceOptions {
  year?: number;
  from?: string;
  to?: string;
  /** Periods holding it are "open", later ones "future"; never read from a clock. */
  today?: string;
  locale?: Locale;
  /** Default: the frequencies of the branch work regulations. */
  requirements?: Requirement[];
  /**
   * Whether each record is validated with the meeting-minutes form first:
   * "exclude_invalid" (default: minutes with errors are not a meeting held),
   * "count_invalid" (counted, but listed and warned about) or "off".
   */
  minutes_check?: "exclude_invalid" | "count_invalid" | "off";
  /** Settings of the meeting-minutes form for that check, e.g. `{ majority_strict: false }`. */
  minutes_settings?: { [name: string]: Json };
}

/** A record that matched a requirement but has errors. */
export interface InvalidRecord {
  /** Index of the record in the input. */
  record: number;
  date: string;
  /** Number of error issues. */
  errors: number;
  codes: string[];
}

/** What `annualCompliance` returns. */
export interface ComplianceReport {
  report_version: number;
  from: string;
  to: string;
  locale: Locale;
  compliant: boolean;
  counts: {
    records: number;
    in_range: number;
    outside_range: number;
    unreadable: number;
    /** Records in range that have errors. */
    invalid_records: number;
    periods_judged: number;
    periods_met: number;
    periods_missing: number;
    errors: number;
    warnings: number;
  };
  requirements: {
    id: string;
    title: string;
    period: Period;
    min: number;
    frequency: string;
    held: number;
    /** Matching records with errors. */
    invalid: number;
    missing: number;
    periods: {
      key: string;
      label: string;
      from: string;
      to: string;
      held: number;
      dates: string[];
      records: number[];
      /** Present when some matching records have errors. */
      invalid?: InvalidRecord[];
      status: "met" | "missing" | "open" | "future" | "partial";
    }[];
  }[];
  issues: Issue[];
}

/** Options of `reviewSlate`: every threshold has a default. */
export interface SlateOptions {
  today?: string;
  election_date?: string;
  locale?: Locale;
  village_committee_min?: number;
  village_committee_max?: number;
  branch_committee_min?: number;
  branch_committee_max?: number;
  min_women?: number;
  close_relations?: string[];
  relatives_rule_on_branch_committee?: boolean;
  young_max_age?: number;
  min_young?: number;
  senior_high_min_percent?: number;
  min_college?: number;
  max_average_age?: number;
  secretary_max_age?: number;
  expect_one_shoulder?: boolean;
  min_cross_appointment_percent?: number | null;
  require_deputies?: boolean;
  previous_term?: { average_age?: number; senior_high_percent?: number; college_percent?: number } | null;
  education_levels?: string[];
  senior_high_level?: string;
  college_level?: string;
  exclude_not_nominated?: boolean;
  /** Settings of the candidate-review form for the verdicts. */
  review_settings?: { [name: string]: Json } | null;
}

/** What `reviewSlate` returns. */
export interface SlateReport {
  report_version: number;
  locale: Locale;
  valid: boolean;
  counts: { errors: number; warnings: number };
  /** Paths point into the list of candidates. */
  issues: Issue[];
  /** The figures the checks were made on. */
  summary: SlateSummary;
}

/** The composition of the proposed committees. */
export interface SlateSummary {
  /** The day ages are counted to. */
  reference_date: string | null;
  candidates: number;
  /** Indexes of candidates left out (建议不予提名). */
  excluded: number[];
  village_committee: number;
  branch_committee: number;
  /** Distinct members of the two committees. */
  members: number;
  village_committee_women: number;
  women: number;
  young: number;
  senior_high: number;
  senior_high_percent: number;
  college: number;
  college_percent: number;
  average_age: number | null;
  secretary_age: number | null;
  /** The secretary also stands for director (一肩挑). */
  one_shoulder: boolean | null;
  cross_appointed: number;
  cross_appointment_percent: number;
  age_down: boolean | null;
  education_up: boolean | null;
}

// ---------------------------------------------------------------- supervision

/** When a branch needs attention: each reason a setting (0, false or null turns it off). */
export interface AttentionSettings {
  /** The latest checklist scored below this (default 60). */
  score_below: number;
  /** The latest checklist hit an automatic fail (default true). */
  vetoed: boolean;
  /** No checklist in the period (default true). */
  no_checklist: boolean;
  /** At least this many weekly meetings missing (default 0: never). */
  missing_weekly: number;
  /** At least this many monthly meetings missing (default 1). */
  missing_monthly: number;
  /** At least this many quarterly meetings missing (default 1). */
  missing_quarterly: number;
  /** At least this many half-yearly or yearly meetings missing (default 1). */
  missing_yearly: number;
  /** At least this many rectification items overdue (default 1). */
  overdue_rectifications: number;
  /** The secretary's review graded this or lower (default "average"). */
  secretary_grade_at_most: "good" | "fairly_good" | "average" | "poor" | null;
  /** At least this many records with errors (default 1). */
  invalid_records: number;
}

/** Options of `supervise`. */
export interface SupervisionOptions {
  /** The day the report looks from (counted whole); records dated after it are not counted. */
  as_of: string;
  /** Today, for the records' own checks (no date in the future); default: the as-of date. */
  today?: string;
  /** The calendar year supervised (default: the as-of date's year). */
  year?: number;
  from?: string;
  to?: string;
  locale?: Locale;
  /** Any of the attention thresholds; the others keep their defaults. */
  attention?: Partial<AttentionSettings>;
  /** Settings of the built-in forms, by form id: `{ "meeting-minutes": { majority_strict: false } }`. */
  form_settings?: { [form: string]: { [name: string]: Json } };
  /** The meeting frequencies (default: the branch work regulations'). */
  requirements?: Requirement[];
  minutes_check?: "exclude_invalid" | "count_invalid" | "off";
}

/** A record for `supervise`: bare, or in an envelope naming its form and where it came from. */
export type SupervisedRecord = FormRecord | { form?: string; source?: string; data: FormRecord };

/** A period of the supervised year with where it stands on the as-of date. */
export interface PeriodHead {
  key: string;
  label: string;
  from: string;
  to: string;
  state: "closed" | "open" | "future";
}

/** Where a compliance period stands. */
export type PeriodStatus = "met" | "missing" | "open" | "future" | "partial";

/** How many have a number of stars (0: below one star). */
export interface StarCount {
  stars: number;
  count: number;
}

/** Everything supervised about one branch. */
export interface BranchReport {
  /** `code:<code>`, else `name:<name>`. */
  key: string;
  name: string;
  code?: string;
  other_names?: string[];
  records: {
    counted: number;
    invalid: number;
    by_form: { [form: string]: { records: number; counted: number; invalid: number; outside: number } };
  };
  checklist?: {
    record: number;
    source: string;
    assessed_on?: string;
    score: number;
    bonus: number;
    grade?: { id: string; title: string; stars?: number };
    vetoes: { id: string; title: string; path?: string }[];
    /** Every item that lost points, most first. */
    losses: { path: string; section: string; item: string; status: string; points: number; lost: number; reasons: string }[];
    /** Every checklist of the period, oldest first. */
    history: { record: number; assessed_on?: string; score: number; grade?: string; stars?: number; vetoed: boolean }[];
  };
  meetings: {
    minutes: number;
    invalid: number;
    due: number;
    met: number;
    missing: number;
    /** Each requirement with its periods (by key; `records` index the supervised records). */
    requirements: {
      id: string;
      title: string;
      period: Period;
      min: number;
      held: number;
      invalid: number;
      missing: number;
      periods: { key: string; status: PeriodStatus; held: number; dates: string[]; records: number[]; invalid?: InvalidRecord[] }[];
    }[];
    /** One row per kind of period: the cells of a heat map. */
    calendar: {
      period: Period;
      requirements: string[];
      cells: { key: string; status: PeriodStatus; met: number; missing: string[]; minutes: number; invalid: number }[];
    }[];
    /** Meetings off their fixed day or usual months (warnings). */
    issues: Issue[];
  };
  rectification: {
    open: number;
    overdue: number;
    closed: number;
    closed_late: number;
    no_deadline: number;
    lists: {
      record: number;
      source: string;
      from_form: string;
      created_on: string;
      items: {
        seq: number;
        item: string;
        section: string;
        points_lost: number;
        owner: string;
        deadline?: string;
        closed_on?: string;
        status: "open" | "overdue" | "closed";
        days_late?: number;
      }[];
    }[];
  };
  points?: {
    records: number;
    members: number;
    average: number;
    lowest: number;
    highest: number;
    stars: StarCount[];
    vetoed: number;
    period_end?: string;
  };
  reviews?: {
    candidates: number;
    pass: number;
    pending: number;
    not_nominated: number;
    verdicts: { record: number; source: string; name: string; status: "pass" | "pending" | "not_nominated"; title: string; summary: string }[];
  };
  secretary_review?: {
    record: number;
    source: string;
    secretary: string;
    year?: number;
    held_on?: string;
    composite?: number;
    grade?: "good" | "fairly_good" | "average" | "poor";
    grade_title?: string;
    caps: string[];
    recorded_grade?: "good" | "fairly_good" | "average" | "poor";
    reviews: number;
  };
  /** Records with errors: listed, not counted. */
  invalid: { record: number; source: string; form: string; date?: string; errors: number; codes: string[] }[];
  /** Why the branch needs attention (paths into this branch report). */
  attention: Issue[];
}

/** Every branch together over one month or quarter. */
export interface PeriodTotal {
  key: string;
  label: string;
  state: "closed" | "open" | "future";
  branches: number;
  met: number;
  missing: number;
  requirements: { id: string; title: string; period: Period; held: number; met: number; missing: number; branches_missing: number }[];
  minutes: number;
  invalid_minutes: number;
  checklists: number;
  average_score?: number;
  vetoed: number;
  rectification: { due: number; closed: number; overdue_at_end: number };
}

/** What `supervise` returns. */
export interface SupervisionReport {
  report_version: number;
  as_of: string;
  from: string;
  to: string;
  locale: Locale;
  attention_settings: AttentionSettings;
  counts: {
    records: number;
    counted: number;
    invalid: number;
    outside: number;
    unreadable: number;
    unrecognised: number;
    unassigned: number;
    unchecked: number;
    branches: number;
    needing_attention: number;
    by_form: { [form: string]: { records: number; counted: number; invalid: number; outside: number } };
  };
  months: PeriodHead[];
  quarters: PeriodHead[];
  /** By key. */
  branches: BranchReport[];
  ranking: { rank: number; branch: string; name: string; score: number; grade?: string; stars?: number; vetoed: boolean }[];
  attention: { branch: string; name: string; reasons: string[] }[];
  overdue: { branch: string; name: string; record: number; source: string; seq: number; item: string; owner: string; deadline: string; days_late: number }[];
  distributions: {
    scores: { from: number; to: number; count: number }[];
    stars: StarCount[];
    grades: { id: string; title: string; count: number }[];
    unscored: number;
    secretary_grades: { id: string; title: string; count: number }[];
    member_stars: StarCount[];
  };
  totals: { months: PeriodTotal[]; quarters: PeriodTotal[] };
  /** Problems with the options and with records that could not be counted. */
  issues: Issue[];
}
