// A server re-check: the Node entry, ready on import, and the domain checks.
import { annualCompliance, compile, engineInfo, idNumber, reviewSlate, version } from "dangjian-forms/node";
import type { ComplianceReport, DangjianError, EngineInfo, FormRecord, IdNumberDescription, SlateReport } from "dangjian-forms/node";

export function recheck(records: FormRecord[]): boolean[] {
  const form = compile("meeting-minutes");
  return form.validateMany(records, { today: null }).map((report) => report.valid);
}

/** A year of a county's records, one at a time, in flat memory. */
export function* recheckAll(records: Iterable<FormRecord>): Generator<boolean> {
  const form = compile("meeting-minutes");
  for (const report of form.validateEach(records, { today: null, detail: "summary", limits: { maxRecordBytes: 1 << 20 } })) {
    yield report.valid;
  }
}

export function memory(): number {
  const info: EngineInfo = engineInfo();
  return info.memoryBytes;
}

export function limitOf(error: DangjianError): string | undefined {
  return error.code === "too_large" ? error.limit : undefined;
}

export function recheckText(json: string): string {
  return compile("meeting-minutes").validateJson(json, { locale: "zh-CN" });
}

export function calendar(minutes: FormRecord[]): ComplianceReport {
  const report = annualCompliance(minutes, { year: 2026, locale: "en" });
  const missing: number = report.requirements.reduce((n, r) => n + r.missing, 0);
  return missing >= 0 ? report : report;
}

export function slate(candidates: FormRecord[]): SlateReport {
  const report = reviewSlate(candidates, { today: "2026-11-22", min_women: 2 });
  const women: number = report.summary.women;
  return women >= 0 ? report : report;
}

export function id(number: string): IdNumberDescription {
  const described = idNumber(number, { reveal: false });
  const gender: "male" | "female" | undefined = described.gender;
  return gender === undefined ? described : described;
}

export const engineVersion: string = version();

// @ts-expect-error — the thresholds are named, typed options
reviewSlate([], { min_women: "two" });
// @ts-expect-error — annualCompliance takes an array of records
annualCompliance({}, { year: 2026 });
