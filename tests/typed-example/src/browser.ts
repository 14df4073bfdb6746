// A portal page: the headless entry, initialised asynchronously.
import init, { compile, compileAsync, forms, isDangjianError } from "dangjian-forms/headless";
import type { ChecklistValue, FormRecord, Issue, Report, Spec, ValidateOptions } from "dangjian-forms/headless";

export async function checkAll(record: FormRecord): Promise<Map<string, Report>> {
  await init();
  const options: ValidateOptions = { locale: "en", today: "2026-06-30" };
  const reports = new Map<string, Report>();
  for (const info of forms()) {
    // In a browser the built-in specs are fetched on demand.
    const form = await compileAsync(info.id);
    reports.set(info.title["zh-CN"], form.validate(record, options));
    form.free();
  }
  return reports;
}

export function errorsOf(report: Report): Issue[] {
  return report.issues.filter((issue) => issue.severity === "error");
}

export function grade(report: Report): string {
  const score = report.score;
  if (!score) return "unscored";
  const lost = score.items.flatMap((item) => item.lost.map((l) => `${item.path}: -${l.points} ${l.reason}`));
  return `${score.percent} ${score.grade?.title ?? ""} (${lost.length} reasons)`;
}

export function compileOwn(spec: Spec): string[] {
  try {
    compile(spec);
    return [];
  } catch (e) {
    if (isDangjianError(e) && e.code === "spec_invalid") {
      return (e.diagnostics ?? []).map((d) => `${d.path}: ${d.message_en}`);
    }
    throw e;
  }
}

const spec: Spec = {
  id: "demo",
  version: "1",
  title: { "zh-CN": "示例", en: "Demo" },
  sections: [
    {
      id: "s",
      items: [
        { id: "status", type: "checklist_item", score: { points: 5, deductions: [{ code: "late", title: "Late", points: 1 }] } },
        { id: "kind", type: "choice", options: [{ value: "a", title: "A", score: 2 }] },
      ],
    },
  ],
  scoring: { total: 5, bands: [{ id: "good", min: 90, title: "优秀", stars: 5 }] },
};
compileOwn(spec);

// Mistakes the declarations must catch:
// @ts-expect-error — a number is not a spec or a form id
compile(42);
// @ts-expect-error — only zh-CN and en exist
compile("x").validate({}, { locale: "fr" });
// @ts-expect-error — reports are not `any`: there is no `ok` field
export const notAField: boolean = compile("x").validate({}).ok;
// @ts-expect-error — a checklist status is one of met/partial/unmet/na
export const badStatus: ChecklistValue = { status: "done" };
// @ts-expect-error — validateJson takes text
compile("x").validateJson({});
// @ts-expect-error — a limit is a number
compile("x").validate({}, { limits: { maxRecordBytes: "8 MB" } });
export async function loadFormBadly(): Promise<void> {
  const { loadForm } = await import("dangjian-forms/headless");
  // @ts-expect-error — loadForm fetches by id
  await loadForm({ id: "x" });
}
