// Validate the built-in forms in the browser with dangjian-forms, bundled by Vite.
import init, { compile, forms, isDangjianError } from "dangjian-forms/headless";

const $ = (id) => document.getElementById(id);

await init(); // Vite emits the .wasm as an asset and rewrites its URL.

for (const f of forms()) $("form").add(new Option(`${f.title["zh-CN"]} (${f.id})`, f.id));
$("today").value = new Date().toISOString().slice(0, 10);

/** Puts the chosen form's empty record into the editor. */
function loadEmptyRecord() {
  const form = compile($("form").value);
  $("record").value = JSON.stringify(form.emptyData(), null, 2);
  form.free();
}

/** Validates the record in the editor and shows the report. */
function validate() {
  const form = compile($("form").value);
  try {
    const options = { locale: $("locale").value, today: $("today").value || null };
    const report = form.validate(JSON.parse($("record").value), options);
    const score = report.score ? ` · ${report.score.percent} / 100 ${report.score.grade?.title ?? ""}` : "";
    $("status").textContent = `${report.valid ? "✔ valid" : "✘ invalid"} · ${report.counts.errors} errors, ${report.counts.warnings} warnings${score}`;
    $("issues").replaceChildren(
      ...report.issues.map((issue) => {
        const li = document.createElement("li");
        li.className = issue.severity;
        li.textContent = `${issue.path || "/"} — ${issue.message} [${issue.code}]`;
        return li;
      }),
    );
    $("report").textContent = JSON.stringify(report, null, 2);
  } catch (e) {
    $("status").textContent = isDangjianError(e) ? `${e.code}: ${e.message}` : `not JSON: ${e.message}`;
    $("issues").replaceChildren();
    $("report").textContent = "";
  } finally {
    form.free();
  }
}

$("form").addEventListener("change", () => {
  loadEmptyRecord();
  validate();
});
$("locale").addEventListener("change", validate);
$("check").addEventListener("submit", (event) => {
  event.preventDefault();
  validate();
});
loadEmptyRecord();
validate();
document.body.dataset.ready = "true";
