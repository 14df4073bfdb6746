// What every page of the portal must hold to: the strict Content Security
// Policy (no eval), no request beyond the page's own files, no console error,
// no serious or critical accessibility violation, and keyboard-only use.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { openPortal, loadExample, deepActive, siteUrl, sharedBrowser } from "../lib/harness.mjs";

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const TABS = ["checklist", "minutes", "review", "points", "secretary", "decision", "rectification", "calendar"];

/** Records CSP violations from the first script on. */
function watchCsp() {
  window.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
}

describe("site policy", () => {
  const browser = sharedBrowser();

  it("is served with script-src 'self' 'wasm-unsafe-eval' and runs under it", async () => {
    const base = await siteUrl();
    const response = await fetch(base);
    const csp = response.headers.get("content-security-policy") ?? "";
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(csp, /unsafe-eval'(?<!wasm-unsafe-eval')/);
    const { page, context, problems } = await openPortal(browser, "checklist", { init: watchCsp });
    for (const tab of TABS) {
      await page.goto(`${base}#${tab}`);
      if (tab !== "calendar") await loadExample(page, tab);
    }
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("asks for nothing beyond the page's own files", async () => {
    const { page, context, requests, base, problems } = await openPortal(browser, "checklist");
    for (const tab of TABS) {
      await page.evaluate((t) => (location.hash = t), tab);
      if (tab !== "calendar") await loadExample(page, tab);
    }
    // Exports are made in the page: a download, not a request.
    await page.evaluate(() => (location.hash = "points"));
    const download = page.waitForEvent("download");
    await page.locator("#form-points").getByRole("button", { name: "导出数据" }).click();
    const file = await download;
    assert.match(file.suggestedFilename(), /^member-points-\d{4}-\d{2}-\d{2}\.json$/);
    const foreign = requests.filter((url) => !url.startsWith(base) && !url.startsWith("blob:") && !url.startsWith("data:"));
    assert.deepEqual(foreign, []);
    assert.ok(requests.some((u) => u.endsWith(".wasm")), "the module was loaded");
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const [tab, elder] of TABS.flatMap((t) => [[t, false], [t, true]])) {
    it(`has no serious or critical accessibility violation: #${tab}${elder ? " in elder-friendly mode" : ""}`, async () => {
      // Elder-friendly mode as the person left it on their last visit.
      const init = elder ? () => localStorage.setItem("dangjian:elder", "true") : undefined;
      const { page, context } = await openPortal(browser, tab, { init });
      if (elder) await page.locator(`#${tab}`).locator(".dj-elder").first().waitFor();
      if (tab !== "calendar") await loadExample(page, tab);
      await page.evaluate(AXE);
      const result = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ["violations"] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
      });
      const bad = result.filter((v) => v.impact === "serious" || v.impact === "critical");
      assert.deepEqual(bad, [], JSON.stringify(bad, null, 1));
      await context.close();
    });
  }

  it("can be filled in with the keyboard alone", async () => {
    const { page, context, problems } = await openPortal(browser, "checklist");
    const form = page.locator("#form-checklist");
    // Tab from the top of the page to the first checklist line's result buttons.
    let reached = null;
    for (let i = 0; i < 120 && !reached; i++) {
      await page.keyboard.press("Tab");
      const el = await deepActive(page);
      if (el?.type === "radio" && el.name?.endsWith("-status")) reached = el;
    }
    assert.ok(reached, "a checklist result is reachable with Tab");
    await page.keyboard.press("Space");
    const line = form.locator(`[data-for="${reached.name.replace(/-status$/, "")}"]`);
    await line.locator('label.dj-on[data-value="met"]').waitFor();
    // Arrow keys move between the results of the same line.
    await page.keyboard.press("ArrowRight");
    await line.locator('label.dj-on[data-value="partial"]').waitFor();
    // The evidence box follows the results in tab order.
    await page.keyboard.press("Tab");
    const next = await deepActive(page);
    assert.equal(next.tag, "textarea");
    await page.keyboard.type("支委会记录本第3页");
    assert.equal(await line.locator("textarea").inputValue(), "支委会记录本第3页");
    // The contents jump to a section and focus its heading.
    await form.locator(".dj-toc-link").nth(3).focus();
    await page.keyboard.press("Enter");
    const heading = await deepActive(page);
    assert.equal(heading.tag, "h3");
    assert.deepEqual(problems, []);
    await context.close();
  });
});
