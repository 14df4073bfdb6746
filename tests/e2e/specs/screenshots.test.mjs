// Screenshots of every form with its example record, in normal and in
// elder-friendly mode, and of the printed record: kept in tests/e2e/artifacts/
// for people to look at.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { stat } from "node:fs/promises";
import { launch, openPortal, loadExample, screenshot, stopSite } from "../lib/harness.mjs";

/** The columns do not overlap and nothing runs off the page. */
async function assertLayout(page, form) {
  const box = async (sel) => form.locator(sel).first().boundingBox();
  const [toc, main, aside] = [await box(".dj-toc"), await box(".dj-main"), await box(".dj-aside")];
  assert.ok(toc.x + toc.width <= main.x, `contents ${JSON.stringify(toc)} overlap the form ${JSON.stringify(main)}`);
  // The widest thing in the form column, sections and their contents included.
  const right = await form.evaluate((el) => {
    let max = 0;
    for (const n of el.shadowRoot.querySelectorAll(".dj-main > *, .dj-main .dj-field, .dj-main .dj-check-line")) {
      max = Math.max(max, n.getBoundingClientRect().right);
    }
    return max;
  });
  assert.ok(right <= main.x + main.width + 1, `the form's content reaches ${right}, past its column ending at ${main.x + main.width}`);
  if (aside && aside.width > 0) assert.ok(main.x + main.width <= aside.x, `form ${JSON.stringify(main)} overlaps the panels ${JSON.stringify(aside)}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
}

const FORMS = [
  ["checklist", "form-checklist"],
  ["minutes", "form-minutes"],
  ["review", "form-review"],
  ["points", "form-points"],
];

describe("screenshots", () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await stopSite();
  });

  for (const [tab, id] of FORMS) {
    it(`${tab}: normal and elder-friendly`, async () => {
      const { page, context, problems } = await openPortal(browser, tab);
      await loadExample(page, tab);
      const form = page.locator(`#${id}`);
      await assertLayout(page, form);
      const normalSize = await form.locator(".dj-title").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      assert.ok((await stat(await screenshot(page, `${tab}-normal`))).size > 10_000);
      await form.getByRole("button", { name: "大字模式" }).click();
      await form.locator(".dj-elder").waitFor();
      const elderSize = await form.locator(".dj-title").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      assert.ok(elderSize > normalSize * 1.2, `title ${normalSize}px → ${elderSize}px`);
      assert.equal(await form.getByRole("button", { name: "大字模式" }).getAttribute("aria-pressed"), "true");
      await assertLayout(page, form);
      await screenshot(page, `${tab}-elder`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  it("calendar: normal and elder-friendly", async () => {
    const { page, context, problems } = await openPortal(browser, "calendar");
    await page.locator("#calendar-2026 .dj-cal-met").first().waitFor();
    await screenshot(page, "calendar-normal");
    await page.evaluate(() => document.querySelector("#calendar-2026").setAttribute("elder", ""));
    await page.locator("#calendar-2026 .dj-elder").waitFor();
    await screenshot(page, "calendar-elder");
    assert.deepEqual(problems, []);
    await context.close();
  });

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
      await page.setViewportSize({ width: 794, height: 1123 });
      await screenshot(page, `${tab}-print`);
      await page.setViewportSize({ width: 1440, height: 900 });
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
