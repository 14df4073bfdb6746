// dangjian-forms/settings — the full entry plus the settings editor
// <dj-settings> / mountSettings(), for the people who adapt a form to their
// county (not part of the clerk's download, the main entry).
export * from "./index.js";
export { default } from "./index.js";
import type { FormRecord, Locale, Spec } from "./types.js";
import type { SettingValues } from "./ui.js";

/** A record the settings editor previews with: a bare record, or `{ name?, today?, data }`. */
export type SettingsExample = FormRecord | { name?: string; today?: string; data: FormRecord };

/** The options of {@link mountSettings}. */
export interface SettingsOptions {
  /** A built-in form id, a spec object, or a spec as JSON text. */
  form: string | Spec;
  /** The values to start from (`{ name: value }`; a file exported earlier). */
  settings?: SettingValues | null;
  /** Language (default `"zh-CN"`); the editor has its own 中文 / English button. */
  locale?: Locale;
  /** The date the rules use for examples without their own (`YYYY-MM-DD`, default today). */
  today?: string;
  /**
   * The records the preview re-checks (default for a built-in form: the package's
   * `examples/<id>.json`, its example record and golden vectors).
   */
  examples?: SettingsExample[] | { form: string; examples: unknown[] };
  /** Called after every change: the changed settings, and whether the engine accepts them. */
  onChange?: (settings: SettingValues, valid: boolean) => void;
}

/** A mounted settings editor. */
export declare class SettingsHandle {
  private constructor();
  /** Resolves once the editor is shown (after the spec and its examples are fetched, in browsers). */
  readonly ready: Promise<void>;
  /** True while the spec or the examples are being fetched. */
  readonly loading: boolean;
  /** The changed settings, `{ name: value }` — what `<dj-form settings>` and `mount({ settings })` take. */
  getSettings(): SettingValues;
  /** Replaces the changed settings (`null`: every setting back to its default). */
  setSettings(settings: SettingValues | null): void;
  /** The spec with the new values, or `null` while the engine refuses them. */
  getSpec(): Spec | null;
  /** Removes the editor from the page. */
  destroy(): void;
  /** Releases the handle's memory (after `destroy()`). */
  free(): void;
}

/**
 * Mounts the settings editor of a form into `element`: each setting with its title, help,
 * source, default and range, changed values highlighted and resettable, the effect previewed
 * on the form's example records, export of the settings or the whole spec and loading them back.
 */
export function mountSettings(element: Element, options: SettingsOptions): SettingsHandle;
