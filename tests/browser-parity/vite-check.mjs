// The Vite example, built with the packed tarball and served by the xtask
// server (strict CSP), driven as a person would: for every golden vector of a
// built-in form, the record goes into the page with the vector's language and
// date, and the reports must be the CLI's — the one the page shows (headless
// entry) and the one its <dj-form> gives (full entry).
import { loadVectors } from "../node/lib/vectors.mjs";
import { firstDifference } from "../node/lib/parity.mjs";
import { launch, open } from "./chromium.mjs";

const url = process.argv[2];
if (!url) {
  console.error("usage: node vite-check.mjs <url>");
  process.exit(2);
}
const all = loadVectors();
const vectors = [];
const skipped = [];
for (const v of all) {
  const input = JSON.parse(v.input);
  // The page offers the built-in forms with a language and a date; other vectors
  // (own specs, changed settings, compliance, slates) are covered by browser-parity.
  if (typeof input.form === "string" && !input.settings && typeof input.today === "string" && v.expected !== null) {
    vectors.push({ name: v.name, input, expected: JSON.stringify(JSON.parse(v.expected)) });
  } else {
    skipped.push(v.name);
  }
}
if (vectors.length === 0) {
  console.error("no golden vectors of built-in forms found: nothing to compare");
  process.exit(1);
}

const browser = await launch();
let failed = 0;
try {
  const { page, errors, csp } = await open(browser, url);
  console.log(`opened ${url} (Content-Security-Policy: ${csp ?? "none"})`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 120_000 });
  for (const v of vectors) {
    const { form, locale = "zh-CN", today, data } = v.input;
    if ((await page.inputValue("#form")) !== form) await page.selectOption("#form", form);
    await page.selectOption("#locale", locale);
    await page.fill("#today", today);
    await page.fill("#record", JSON.stringify(data));
    await page.click("#validate");
    const shown = await page.textContent("#report");
    const got = shown ? JSON.stringify(JSON.parse(shown)) : "(no report)";
    const problems = [];
    if (got !== v.expected) problems.push(`the page (headless entry): ${firstDifference(got, v.expected)}`);
    // The form view shows the same record once it has taken it; then ask it for its report.
    const full = await page.evaluate(async (record) => {
      const view = document.getElementById("view");
      const canonical = (x) =>
        x === null || typeof x !== "object"
          ? JSON.stringify(x)
          : Array.isArray(x)
            ? `[${x.map(canonical).join(",")}]`
            : `{${Object.keys(x).sort().map((k) => `${JSON.stringify(k)}:${canonical(x[k])}`).join(",")}}`;
      const want = canonical(record);
      for (let i = 0; i < 200 && !(view.data && canonical(view.data) === want); i++) await new Promise((r) => setTimeout(r, 25));
      const report = view.validate();
      return report ? JSON.stringify(report) : "(no report from <dj-form>)";
    }, data);
    if (full !== v.expected) problems.push(`<dj-form> (full entry): ${firstDifference(full, v.expected)}`);
    if (problems.length === 0) {
      console.log(`ok    ${v.name}`);
    } else {
      failed++;
      console.log(`FAIL  ${v.name}\n  ${problems.join("\n  ")}`);
    }
  }
  console.log(`${vectors.length} vectors of built-in forms through the Vite page, ${failed} failed (${skipped.length} others are browser-parity's)`);
  if (!csp) {
    failed++;
    console.log("FAIL  the page was served without a Content-Security-Policy");
  }
  for (const e of errors) {
    failed++;
    console.log(`FAIL  console: ${e}`);
  }
} finally {
  await browser.close();
}
process.exit(failed === 0 ? 0 : 1);
