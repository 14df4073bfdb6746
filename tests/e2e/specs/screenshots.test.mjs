// Every form (and the compliance calendar) with its example record, looked at
// as people use it: at 1366, 1024 and 375 px, in Chinese and in English, in
// elder-friendly mode, and printed. The layout is checked at each, and a
// screenshot of each lands in tests/e2e/artifacts/ for people to look at.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { openPortal, loadExample, ARTIFACTS, sharedBrowser } from "../lib/harness.mjs";

const WIDTHS = [1366, 1024, 375];
const LOCALES = ["zh-CN", "en"];
const TABS = [
  ["checklist", "form-checklist"],
  ["minutes", "form-minutes"],
  ["review", "form-review"],
  ["points", "form-points"],
  ["secretary", "form-secretary"],
  ["decision", "form-decision"],
  ["rectification", "form-rectification"],
  ["calendar", "calendar-2026"],
];

/** A full-page screenshot (JPEG: quick to write, small to keep) under tests/e2e/artifacts/. */
async function shot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  // The whole page in one viewport, so sticky bars sit where they belong.
  await page.setViewportSize({ width: viewport.width, height: Math.min(height, 14000) });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.jpg`), type: "jpeg", quality: 70 });
  await page.setViewportSize(viewport);
}

/** Nothing runs off the page, and on a wide page the columns do not overlap. */
async function assertLayout(page, el, width, label) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${label}: the page scrolls sideways by ${overflow}px`);
  const layout = await el.evaluate((host) => {
    const root = host.shadowRoot;
    const box = (sel) => {
      const n = root.querySelector(sel);
      if (!n) return null;
      const r = n.getBoundingClientRect();
      return { x: r.x, right: r.right, width: r.width, display: getComputedStyle(n).display };
    };
    let widest = 0;
    for (const n of root.querySelectorAll(".dj-main .dj-field, .dj-main .dj-check-line, .dj-table-wrap")) widest = Math.max(widest, n.getBoundingClientRect().right);
    return { main: box(".dj-main"), toc: box(".dj-toc"), aside: box(".dj-aside-panels"), bar: box(".dj-aside-bar"), widest, thead: box(".dj-table thead") };
  });
  if (!layout.main) return layout; // the calendar
  assert.ok(layout.widest <= layout.main.right + 1, `${label}: the form's content reaches ${layout.widest}, past its column at ${layout.main.right}`);
  if (width >= 1366) {
    assert.ok(layout.toc.right <= layout.main.x, `${label}: contents overlap the form`);
    if (layout.aside && layout.aside.width > 0) assert.ok(layout.main.right <= layout.aside.x, `${label}: the form overlaps the panels`);
  } else if (layout.bar) {
    // 1024 px and narrower: the panels fold into the summary bar.
    assert.notEqual(layout.bar.display, "none", `${label}: the summary bar shows`);
  }
  if (width <= 375 && layout.thead) assert.equal(layout.thead.display, "none", `${label}: tables are stacked cards`);
  return layout;
}

describe("screenshots at every width, in both languages, elder-friendly and printed", () => {
  const browser = sharedBrowser();

  for (const [tab, id] of TABS) {
    it(`${tab}`, async () => {
      const { page, context, problems } = await openPortal(browser, tab);
      const el = page.locator(`#${id}`);
      if (tab === "calendar") await el.locator(".dj-cal-met").first().waitFor();
      else await loadExample(page, tab);
      for (const locale of LOCALES) {
        await el.evaluate((host, l) => host.setAttribute("locale", l), locale);
        await el.locator(`.dj[lang="${locale}"]`).waitFor();
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.waitForTimeout(150);
          await assertLayout(page, el, width, `${tab} ${width} ${locale}`);
          await shot(page, `${tab}-${width}-${locale}`);
        }
      }
      // Elder-friendly mode: everything it shows grows, panels included; long names get room.
      await el.evaluate((host) => host.setAttribute("locale", "zh-CN"));
      await el.locator('.dj[lang="zh-CN"]').waitFor();
      await page.setViewportSize({ width: 1366, height: 900 });
      const size = (sel) => el.locator(sel).first().evaluate((n) => parseFloat(getComputedStyle(n).fontSize));
      const panel = tab === "calendar" ? ".dj-cal-table th" : ".dj-panel-title, .dj-progress-label";
      const before = { title: await size(".dj-title"), panel: await size(panel) };
      if (tab === "calendar") await el.evaluate((host) => host.setAttribute("elder", ""));
      else await el.getByRole("button", { name: "大字模式" }).click();
      await el.locator(".dj-elder").waitFor();
      const after = { title: await size(".dj-title"), panel: await size(panel) };
      assert.ok(after.title > before.title * 1.2, `${tab} elder title ${before.title} → ${after.title}`);
      assert.ok(after.panel > before.panel * 1.2, `${tab} elder panels ${before.panel} → ${after.panel}`);
      await assertLayout(page, el, 1366, `${tab} elder`);
      await shot(page, `${tab}-elder`);
      if (tab !== "calendar") {
        await el.getByRole("button", { name: "大字模式" }).click();
        await el.locator(".dj-elder").waitFor({ state: "detached" });
      }
      // On paper: no required marks and no buttons; headings stay with what follows; the score with its lost points.
      await page.emulateMedia({ media: "print" });
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
      if (tab !== "calendar") {
        assert.equal(await el.locator(".dj-req").first().isVisible(), false, `${tab}: required marks print`);
        assert.equal(await el.locator(".dj-submit-bar").isVisible(), false);
        assert.equal(await el.locator(".dj-print-sign").isVisible(), true, `${tab}: signature lines`);
        const heading = await el.locator(".dj-section-title").first().evaluate((n) => getComputedStyle(n).breakAfter);
        assert.equal(heading, "avoid", `${tab}: a heading is kept with what follows`);
        const losses = el.locator(".dj-score .dj-losses li");
        for (let i = 0; i < (await losses.count()); i++) assert.equal(await losses.nth(i).isVisible(), true, `${tab}: lost point ${i + 1} prints`);
      }
      await shot(page, `${tab}-print`);
      await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
      await page.emulateMedia({ media: "screen" });
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  it("the printed records: A4 with signature lines, no buttons, whatever the portal's own styles", async () => {
    const { page, context, problems } = await openPortal(browser, "minutes");
    await loadExample(page, "minutes");
    await page.evaluate(() => (location.hash = "checklist"));
    await loadExample(page, "checklist");
    // The portal's style sheet (with its own print rules) goes: what prints is the component's doing.
    await page.evaluate(() => {
      for (const link of document.querySelectorAll('link[rel="stylesheet"], style')) link.remove();
      window.__printed = [];
      window.print = () => window.__printed.push(Date.now());
    });
    const printSheet = () =>
      page.evaluate(() =>
        [...document.adoptedStyleSheets, ...document.styleSheets]
          .flatMap((sheet) => [...sheet.cssRules])
          .some((rule) => rule.type === CSSRule.PAGE_RULE && /size: a4/i.test(rule.cssText)),
      );
    assert.equal(await printSheet(), false);
    for (const [tab, id] of [["checklist", "form-checklist"], ["minutes", "form-minutes"]]) {
      await page.evaluate((t) => (location.hash = t), tab);
      const form = page.locator(`#${id}`);
      await form.getByRole("button", { name: "打印" }).click();
      await page.waitForFunction((n) => window.__printed.length === n, tab === "checklist" ? 1 : 2);
      assert.equal(await printSheet(), true, "an A4 page rule in the document");
      // The browser announces the print: the time goes on the paper.
      await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
      const stamp = await form.getByTestId("print-stamp").textContent();
      assert.match(stamp, /^打印时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      await page.emulateMedia({ media: "print" });
      await form.locator(".dj-print-sign").waitFor();
      assert.equal(await form.locator(".dj-toolbar").isVisible(), false);
      assert.equal(await form.locator(".dj-submit-bar").isVisible(), false);
      for (const other of [".site-head", ".site-nav", ".site-foot", ".inbox", `#${tab} .tab-head`, ".notice-strip"]) {
        assert.equal(await page.locator(other).first().isVisible(), false, `${other} is printed`);
      }
      assert.equal(await form.isVisible(), true);
      if (tab === "minutes") {
        // A list drawn as a table prints its cells' values too.
        const cells = form.locator(".dj-table .dj-print-value");
        assert.equal(await cells.first().isVisible(), true, "table cells print their values");
        assert.match(await form.locator(".dj-table").first().innerText(), /杜永康/);
      }
      // After the print the page is as it was.
      await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
      assert.equal(await printSheet(), false);
      assert.equal(await page.locator(".site-head").isVisible(), true);
      await page.emulateMedia({ media: "screen" });
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
});
