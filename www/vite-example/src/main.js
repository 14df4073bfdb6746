// Validate the built-in forms in the browser with dangjian-forms, bundled by Vite:
// the headless entry checks the record typed as JSON, and the full entry shows
// the same record as the form a clerk fills in (<dj-form>).
import init, { compile, forms, isDangjianError, loadForm } from "dangjian-forms/headless";
import initComponents, { defineElements } from "dangjian-forms";

const $ = (id) => document.getElementById(id);

// Vite emits both .wasm files as assets and rewrites their URLs.
await Promise.all([init(), initComponents()]);
defineElements();
// The page offers every built-in form: fetch their specs (forms/<id>.json) once.
await Promise.all(forms().map((f) => loadForm(f.id)));

for (const f of forms()) $("form").add(new Option(`${f.title["zh-CN"]} (${f.id})`, f.id));
$("today").value = new Date().toISOString().slice(0, 10);

/** Puts the chosen form's empty record into the editor. */
function loadEmptyRecord() {
  const form = compile($("form").value);
  $("record").value = JSON.stringify(form.emptyData(), null, 2);
  form.free();
}

/** Shows the record in the form view, in the chosen form, language and date. */
function showForm(record) {
  const view = $("view");
  if (view.getAttribute("form") !== $("form").value) view.setAttribute("form", $("form").value);
  if (view.getAttribute("locale") !== $("locale").value) view.setAttribute("locale", $("locale").value);
  const today = $("today").value;
  if (today && view.getAttribute("today") !== today) view.setAttribute("today", today);
  view.data = record;
}

/** Validates the record in the editor and shows the report (and, unless it came from there, the form). */
function validate({ fromForm = false } = {}) {
  const form = compile($("form").value);
  try {
    const options = { locale: $("locale").value, today: $("today").value || null };
    const record = JSON.parse($("record").value);
    const report = form.validate(record, options);
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
    if (!fromForm) showForm(record);
  } catch (e) {
    $("status").textContent = isDangjianError(e) ? `${e.code}: ${e.message}` : `not JSON: ${e.message}`;
    $("issues").replaceChildren();
    $("report").textContent = "";
  } finally {
    form.free();
  }
}

// What the person types into the form goes back into the editor.
$("view").addEventListener("dj-change", (e) => {
  $("record").value = JSON.stringify(e.detail.data, null, 2);
  validate({ fromForm: true });
});
$("form").addEventListener("change", () => {
  loadEmptyRecord();
  validate();
});
$("locale").addEventListener("change", () => validate());
$("check").addEventListener("submit", (event) => {
  event.preventDefault();
  validate();
});
loadEmptyRecord();
validate();
document.body.dataset.ready = "true";
