// A long form (a 200-line checklist) opens with its first lines drawn and the
// rest behind placeholders that hold their titles; the rest is drawn when it
// is wanted — near the viewport, by the contents, the error list, the Print
// button — or while the browser is idle. Nothing of the form is ever missing
// for the keyboard, for find-in-page or on paper.
import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import { openPortal, deepActive, sharedBrowser } from "../lib/harness.mjs";

const SECTIONS = ["基本组织", "基本队伍", "基本活动", "基本制度", "基本保障"];

/** A checklist of 5 × 40 lines, every line worth 2 points. */
function longSpec() {
  return {
    id: "long-checklist",
    version: "1",
    title: "党支部工作检查表（200 项）",
    sections: SECTIONS.map((title, s) => ({
      id: `s${s + 1}`,
      title,
      items: Array.from({ length: 40 }, (_, i) => ({
        id: `item${i + 1}`,
        type: "checklist_item",
        title: `${title}第${i + 1}项检查内容`,
        required: true,
        evidence: { required_for: ["met", "partial"], min_length: 4 },
        score: { points: 2, partial: 0.5 },
      })),
    })),
    scoring: { total: 400, scale: 100, bands: [{ id: "pass", min: 60, title: "达标" }, { id: "fail", min: 0, max: 60, title: "不达标" }] },
  };
}

/** Mounts the long form into a new element `#long` at the top of the portal. */
async function mountLong(page, { fill = true, data = null } = {}) {
  await page.evaluate(
    async ([spec, fill, data]) => {
      const m = await import(new URL("pkg/index.js", location.href));
      // Without the filler the browser is never idle for the form: only what the person does draws lines.
      window.__idle ??= window.requestIdleCallback;
      window.requestIdleCallback = fill ? window.__idle : () => 0;
      document.querySelector("#long")?.remove();
      const host = document.createElement("div");
      host.id = "long";
      document.querySelector("main").prepend(host);
      window.__printed = 0;
      window.print = () => {
        window.__printed++;
        window.__linesAtPrint = host.shadowRoot.querySelectorAll(".dj-check-line").length;
        window.__placeholdersAtPrint = host.shadowRoot.querySelectorAll(".dj-ph").length;
      };
      window.__long = m.mount(host, { form: spec, data, draftKey: false, today: "2026-11-20" });
      // What the first frame holds: counted when it begins, before the tasks after it.
      window.__firstFrame = new Promise((resolve) =>
        requestAnimationFrame(() =>
          resolve({
            losses: host.shadowRoot.querySelectorAll(".dj-losses li").length,
            signatures: host.shadowRoot.querySelectorAll(".dj-print-sign").length,
          }),
        ),
      );
    },
    [longSpec(), fill, data],
  );
  const form = page.locator("#long");
  await form.locator(".dj-check-line").first().waitFor();
  return form;
}

const counts = (form) =>
  form.evaluate((el) => ({
    lines: el.shadowRoot.querySelectorAll(".dj-check-line").length,
    placeholders: el.shadowRoot.querySelectorAll(".dj-ph").length,
  }));

describe("a long form", () => {
  const browser = sharedBrowser();
  let session;
  before(async () => {
    session = await openPortal(browser, "checklist");
  });

  it("opens with its first lines, the rest held by placeholders that find-in-page can read", async () => {
    const form = await mountLong(session.page, { fill: false });
    const first = await counts(form);
    assert.ok(first.lines > 0 && first.lines < 40, `${first.lines} lines drawn at first`);
    assert.ok(first.placeholders >= 4, `${first.placeholders} placeholders`);
    // The text of a line far down is in the page already.
    const text = await form.evaluate((el) => el.shadowRoot.textContent);
    assert.match(text, /基本保障第40项检查内容/);
    // The score covers every line, drawn or not.
    assert.match(await form.getByTestId("score-total").textContent(), /^\d/);
    assert.match(await form.locator(".dj-score-todo").textContent(), /200/);
  });

  it("draws a section when the contents jump to it, and the lines coming into view", async () => {
    const { page } = session;
    const form = page.locator("#long");
    await form.locator(".dj-toc-link").nth(4).click();
    assert.equal((await deepActive(page)).tag, "h3");
    await form.locator('[data-for="dj-s5-item1"]').waitFor();
    // Scrolling down the last section draws its lines as they come near.
    for (let i = 0; i < 40; i++) {
      if ((await form.locator('[data-for="dj-s5-item40"].dj-check-line').count()) > 0) break;
      await page.mouse.wheel(0, 1500);
      await page.waitForTimeout(100);
    }
    await form.locator('[data-for="dj-s5-item40"].dj-check-line').waitFor();
  });

  it("moves focus from the error list to a line not drawn yet", async () => {
    const { page } = session;
    const form = await mountLong(page, { fill: false });
    await form.getByRole("button", { name: "提交" }).click();
    const summary = form.getByTestId("error-summary");
    await summary.waitFor();
    // The list names each place: the 5th line of the second section is far below, not drawn yet.
    assert.equal(await form.locator('[data-for="dj-s2-item5"].dj-check-line').count(), 0, "not drawn yet");
    await summary.getByRole("button", { name: "基本队伍第5项检查内容", exact: true }).click();
    await page.waitForFunction(() => {
      let el = document.activeElement;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      return el && el.name === "dj-s2-item5-status";
    });
  });

  it("can be gone through with the keyboard past the lines drawn at first", async () => {
    const { page } = session;
    const form = await mountLong(page, { fill: false });
    const drawn = (await counts(form)).lines;
    // Tab into the first line's results, then on from line to line.
    await form.locator('[data-for="dj-s1-item1"] input[type="radio"]').first().focus();
    const seen = new Set();
    for (let i = 0; i < 4 * (drawn + 6) && seen.size < drawn + 3; i++) {
      await page.keyboard.press("Tab");
      const el = await deepActive(page);
      if (el?.type === "radio" && el.name?.endsWith("-status")) seen.add(el.name);
    }
    assert.ok(seen.size >= drawn + 3, `Tab reached ${seen.size} lines, ${drawn} were drawn at first`);
  });

  it("prints every line, drawing the rest first", async () => {
    const { page } = session;
    const form = await mountLong(page, { fill: false });
    assert.ok((await counts(form)).placeholders > 0);
    await form.getByRole("button", { name: "打印" }).click();
    await page.waitForFunction(() => window.__printed === 1);
    assert.equal(await page.evaluate(() => window.__linesAtPrint), 200);
    assert.equal(await page.evaluate(() => window.__placeholdersAtPrint), 0);
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  });

  it("draws every line by itself once the browser is idle", async () => {
    const { page } = session;
    const form = await mountLong(page, { fill: true });
    await form.locator(".dj-ph").first().waitFor({ state: "detached" });
    assert.deepEqual(await counts(form), { lines: 200, placeholders: 0 });
    // And it answers like any line.
    await form.locator('[data-for="dj-s3-item25"] label[data-value="unmet"]').click();
    await form.locator('[data-for="dj-s3-item25"] .dj-item-earned').getByText("得 0 / 2 分").waitFor();
    await page.evaluate(() => window.__long.destroy());
  });

  it("draws what only paper and 'show all' show just after its first frame, and prints it all", async () => {
    const { page } = session;
    // Ten lines of the first section not met: ten items lost points.
    const s1 = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`item${i + 1}`, { status: "unmet" }]));
    const form = await mountLong(page, { fill: false, data: { s1 } });
    assert.deepEqual(await page.evaluate(() => window.__firstFrame), { losses: 6, signatures: 0 });
    const rows = form.locator(".dj-losses li");
    await page.waitForFunction(() => document.querySelector("#long").shadowRoot.querySelectorAll(".dj-losses li").length === 10);
    await form.getByTestId("print-stamp").waitFor({ state: "attached" });
    // The screen shows the first six until "show all"; paper shows all ten.
    const visible = async () => {
      let n = 0;
      for (let i = 0; i < (await rows.count()); i++) if (await rows.nth(i).isVisible()) n++;
      return n;
    };
    assert.equal(await visible(), 6);
    await page.emulateMedia({ media: "print" });
    assert.equal(await visible(), 10);
    assert.equal(await form.locator(".dj-print-sign").isVisible(), true);
    await page.emulateMedia({ media: "screen" });
    await form.getByRole("button", { name: "显示全部 10 项" }).click();
    assert.equal(await visible(), 10);
    await page.evaluate(() => window.__long.destroy());
  });

  it("made no console error", () => {
    assert.deepEqual(session.problems, []);
  });
});
