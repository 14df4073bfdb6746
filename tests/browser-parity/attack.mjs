// The attack suite in headless Chromium: `cargo xtask test attack-browser`
// serves tests/attack/site with the unpacked package and the corpus under a
// strict CSP. The page runs the corpus through the headless entry; then, on
// the full entry, forms on the page live through an engine reset: each is
// shown again with what the person typed and a notice, and keeps working.
import { launch, open } from "./chromium.mjs";

const url = process.argv[2];
if (!url) {
  console.error("usage: node attack.mjs <url>");
  process.exit(2);
}

let failed = 0;
const ok = (name) => console.log(`ok    ${name}`);
const fail = (name, message) => {
  failed++;
  console.log(`FAIL  ${name}\n  ${message}`);
};
const expect = (condition, name, message) => (condition ? ok(name) : fail(name, message));

/** Makes the full engine trap: an exception thrown through the module by a hostile Proxy. */
function trapTheEngine() {
  const m = window.__main;
  const form = m.compile(window.__TINY);
  const hostile = new Proxy([{ s: {} }], {
    get(target, key, receiver) {
      if (key === "0") throw new Error("hostile element");
      return Reflect.get(target, key, receiver);
    },
  });
  try {
    form.validateMany(hostile);
    return "no error";
  } catch (e) {
    return e.code;
  }
}

const browser = await launch();
try {
  const { page, errors, csp } = await open(browser, url);
  console.log(`opened ${url} (Content-Security-Policy: ${csp ?? "none"})`);
  await page.waitForFunction(() => window.__attack !== undefined, null, { timeout: 300_000 });
  const attack = await page.evaluate(() => window.__attack);
  if (attack.error) fail("the page", attack.error);
  for (const r of attack.results ?? []) (r.ok ? ok(`headless: ${r.name}`) : fail(`headless: ${r.name}`, r.message));

  // A <dj-form> of a built-in form (its spec fetched on demand), typed into, then the engine traps.
  await page.evaluate(() => {
    const el = document.createElement("dj-form");
    el.id = "minutes";
    el.setAttribute("form", "meeting-minutes");
    el.setAttribute("locale", "en");
    el.setAttribute("today", "2026-11-20");
    el.setAttribute("draft-key", "attack-minutes");
    document.getElementById("components").append(el);
  });
  const minutes = page.locator("#minutes");
  await minutes.locator(".dj").waitFor();
  await minutes.getByLabel(/^Subject/).fill("Year-end review");
  const code = await page.evaluate(trapTheEngine);
  expect(code === "engine_reset", "a trap in the full engine is engine_reset", `got ${code}`);
  await minutes.locator(".dj-engine-reset").waitFor({ timeout: 10_000 });
  ok("<dj-form> is shown again with a notice");
  const kept = await minutes.getByLabel(/^Subject/).inputValue();
  expect(kept === "Year-end review", "<dj-form> keeps what the person typed", `the subject is “${kept}”`);
  await minutes.getByLabel(/^Subject/).fill("Typed after the reset");
  const report = await page.evaluate(() => document.getElementById("minutes").validate());
  expect(report && report.form.id === "meeting-minutes", "<dj-form> answers after the reset", JSON.stringify(report)?.slice(0, 200));
  const data = await page.evaluate(() => document.getElementById("minutes").data);
  expect(data?.meeting?.topic === "Typed after the reset", "<dj-form> edits after the reset reach its data", JSON.stringify(data)?.slice(0, 200));

  // mount(): the handle the page holds keeps working on the new engine.
  await page.evaluate(() => {
    const host = document.createElement("div");
    host.id = "mounted";
    document.getElementById("components").append(host);
    window.__handle = window.__main.mount(host, { form: window.__TINY, draftKey: false, locale: "en" });
    window.__handle.setData({ s: { name: "王五" } });
  });
  await page.locator("#mounted .dj").waitFor();
  // A trap reported to the page (one of the form's own event handlers trapping).
  await page.evaluate(() => {
    window.dispatchEvent(new ErrorEvent("error", { error: new WebAssembly.RuntimeError("unreachable"), message: "unreachable" }));
  });
  await page.locator("#mounted .dj-engine-reset").waitFor({ timeout: 10_000 });
  ok("a trap seen by the page resets the engine and mount() forms are shown again");
  const name = await page.evaluate(() => window.__handle.getData().s.name);
  expect(name === "王五", "the mount() handle keeps its record", `name is ${name}`);
  const valid = await page.evaluate(() => window.__handle.validate().valid);
  expect(valid === true, "the mount() handle validates on the new engine", `valid: ${valid}`);
  const info = await page.evaluate(() => window.__main.engineInfo());
  expect(info.resets === 2, "two resets counted", JSON.stringify(info));

  // The dispatched RuntimeError is reported by the page itself; nothing else may be.
  const unexpected = errors.filter((e) => !/unreachable|hostile element|dangjian-forms/.test(e));
  for (const e of unexpected) fail("console", e);
  if (!csp) fail("csp", "the page was served without a Content-Security-Policy");
} finally {
  await browser.close();
}
console.log(`attack suite in Chromium: ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
