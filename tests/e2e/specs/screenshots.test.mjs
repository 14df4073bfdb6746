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

  it("the printed records: A4 with signature lines, no buttons", async () => {
    const { page, context } = await openPortal(browser, "minutes");
    await loadExample(page, "minutes");
    await page.evaluate(() => (location.hash = "checklist"));
    await loadExample(page, "checklist");
    await page.emulateMedia({ media: "print" });
    const form = page.locator("#form-checklist");
    await form.locator(".dj-print-sign").waitFor();
    assert.equal(await form.locator(".dj-toolbar").isVisible(), false);
    assert.equal(await form.locator(".dj-submit-bar").isVisible(), false);
    assert.equal(await page.locator(".site-head").isVisible(), false);
    await page.setViewportSize({ width: 794, height: 1123 });
    await screenshot(page, "checklist-print");
    await page.evaluate(() => (location.hash = "minutes"));
    await page.locator("#form-minutes .dj-print-sign").waitFor();
    await screenshot(page, "minutes-print");
    await context.close();
  });
});
