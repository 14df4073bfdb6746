// A portal page embedding the form components: mount(), the handle, the
// calendar, <dj-form> and its events. `@ts-expect-error` marks mistakes the
// declarations must catch.
import init, { defineElements, isDangjianError, mount, mountCalendar } from "dangjian-forms";
import { mountSettings } from "dangjian-forms/settings";
import type {
  CalendarHandle,
  DjFormAttributes,
  DjFormElement,
  FormChangeEvent,
  FormEventDetail,
  FormHandle,
  FormRecord,
  MountOptions,
  Report,
} from "dangjian-forms";

export async function embed(host: HTMLElement, saved: FormRecord | null): Promise<FormHandle> {
  await init();
  const options: MountOptions = {
    form: "branch-checklist",
    data: saved,
    locale: "zh-CN",
    readOnly: false,
    draftKey: "branch-2026",
    elder: false,
    today: "2026-11-22",
    onChange: (data, report) => console.log(Object.keys(data).length, report.valid),
    onSubmit: (data: FormRecord, report: Report) => {
      const total: number | undefined = report.score?.total;
      console.log(JSON.stringify(data), total);
    },
  };
  const handle = mount(host, options);
  const record: FormRecord = handle.getData();
  handle.setData(record);
  handle.setData(null);
  const report: Report = handle.validate();
  if (!report.valid) handle.setLocale("en");
  return handle;
}

export function ownSpec(host: Element): FormHandle | string {
  try {
    return mount(host, {
      form: { id: "mine", version: "1", title: "自查表", sections: [{ id: "s", items: [{ id: "x", type: "text", required: true }] }] },
      draftKey: false,
      today: null,
    });
  } catch (e) {
    if (isDangjianError(e) && e.code === "spec_invalid") return (e.diagnostics ?? []).map((d) => d.path).join(", ");
    throw e;
  }
}

export function calendar(host: Element, minutes: FormRecord[]): CalendarHandle {
  const handle = mountCalendar(host, { minutes, year: 2026, locale: "en", today: "2026-11-22", branch: "鹤峰村党支部", elder: true });
  handle.update({ minutes: [] });
  return handle;
}

export function tag(): DjFormElement {
  defineElements();
  const el = document.createElement("dj-form");
  const attributes: DjFormAttributes = { form: "meeting-minutes", locale: "en", "draft-key": "off" };
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.locale = "zh-CN";
  el.readOnly = true;
  el.data = { meeting: { type: "committee" } };
  const report: Report | null = el.validate();
  console.log(report?.counts.errors, el.form, el.draftKey);
  el.addEventListener("dj-change", (e) => {
    const detail: FormEventDetail = e.detail;
    console.log(detail.report.valid, detail.data);
  });
  document.addEventListener("dj-submit", (e: FormChangeEvent) => console.log(e.detail.report.form.id));
  const found = document.querySelector("dj-form");
  if (found) found.data = null;
  return el;
}

export function adapt(host: HTMLElement): void {
  // A county's variant through mount(), the calendar and the settings editor.
  const handle = mount(host, { form: "branch-checklist", settings: { grade_scheme: "words" }, hide: ["language", "print"] });
  const key: string | null = handle.draftKey;
  mountCalendar(host, { requirements: [], settings: { majority_strict: false }, minutesCheck: "off" });
  const editor = mountSettings(host, { form: "branch-checklist", locale: "en", onChange: (s, valid) => console.log(s, valid) });
  editor.setSettings({ grade_scheme: "words" });
  const spec = editor.getSpec();
  const el = document.createElement("dj-form");
  el.settings = editor.getSettings();
  if (spec) el.spec = spec;
  el.hide = ["elder"];
  const settingsEl = document.createElement("dj-settings");
  settingsEl.form = "meeting-minutes";
  document.addEventListener("dj-settings-change", (e) => console.log(e.detail.settings, e.detail.valid, key));
  // @ts-expect-error no such toolbar button
  mount(host, { form: "branch-checklist", hide: ["save"] });
}

export function mistakes(host: HTMLElement, handle: FormHandle, el: DjFormElement): void {
  // @ts-expect-error the form option is required
  mount(host, { locale: "en" });
  // @ts-expect-error no such locale
  mount(host, { form: "branch-checklist", locale: "fr" });
  // @ts-expect-error draftKey is a string or a boolean
  mount(host, { form: "branch-checklist", draftKey: 7 });
  // @ts-expect-error callbacks get the record and the report
  mount(host, { form: "branch-checklist", onChange: (data: FormRecord, report: string) => console.log(data, report) });
  // @ts-expect-error mount needs an element
  mount("#checklist", { form: "branch-checklist" });
  // @ts-expect-error no such method
  handle.submit();
  // @ts-expect-error a locale, not any string
  handle.setLocale("de");
  // @ts-expect-error the year is a number
  mountCalendar(host, { year: "2026" });
  // @ts-expect-error the event detail has no score of its own
  el.addEventListener("dj-submit", (e) => console.log(e.detail.score));
  // @ts-expect-error data is a record
  el.data = 5;
  // @ts-expect-error attributes are text: settings are written as JSON
  const attributes: DjFormAttributes = { form: "branch-checklist", settings: { grade_scheme: "words" } };
  console.log(attributes);
}
