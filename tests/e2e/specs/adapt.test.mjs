// Adapting the components without code: a county's spec and settings through
// the tag, the settings editor and its preview, a blue portal theme done with
// properties and parts alone, and the page's mistakes said in the console.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { openPortal, siteUrl, screenshot, waitForForms, sharedBrowser } from "../lib/harness.mjs";

/** Opens a page of the demo site (not the portal's tabs), recording console errors and warnings. */
async function openPage(browser, path, width = 1366) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "zh-CN", deviceScaleFactor: 1, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(90_000);
  const problems = [];
  const warnings = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(msg.text());
    if (msg.type() === "warning") warnings.push(msg.text());
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  await page.goto(`${await siteUrl()}${path}`);
  return { page, context, problems, warnings };
}

/** Colours (`rgb(r, g, b)`) in a computed style value. */
function rgbs(text) {
  return [...text.matchAll(/rgba?\((\d+), (\d+), (\d+)/g)].map((m) => m.slice(1, 4).map(Number));
}
const reddish = ([r, g, b]) => r > 150 && g < 110 && b < 110;
const bluish = ([r, g, b]) => b > 150 && b > r + 60;

describe("adapting without code", () => {
  const browser = sharedBrowser();

  it("takes a spec object, spec-src and settings; two forms of one type keep two drafts", async () => {
    const { page, context, problems } = await openPortal(browser, "checklist");
    const result = await page.evaluate(async () => {
      const spec = await (await fetch("specs/village-safety-checklist.json")).json();
      const host = document.querySelector("main");
      const byObject = document.createElement("dj-form");
      byObject.id = "by-object";
      byObject.form = spec; // a spec object, not an id
      const bySrc = document.createElement("dj-form");
      bySrc.id = "by-src";
      bySrc.setAttribute("spec-src", "specs/village-safety-checklist.json");
      const words = document.createElement("dj-form");
      words.id = "words";
      words.setAttribute("form", "branch-checklist");
      words.setAttribute("settings", JSON.stringify({ grade_scheme: "words" }));
      host.append(byObject, bySrc, words);
      return spec.title["zh-CN"] ?? spec.title;
    });
    await page.waitForFunction(() =>
      ["by-object", "by-src", "words"].every((id) => document.getElementById(id).shadowRoot?.querySelector(".dj")),
    );
    for (const id of ["by-object", "by-src"]) {
      const title = await page.locator(`#${id}`).locator(".dj-title").textContent();
      assert.equal(title, result, id);
    }
    // The county's grade scheme: the example record is graded in words.
    const example = await (await fetch(`${await siteUrl()}examples/branch-checklist.json`)).json();
    const grade = await page.evaluate((record) => {
      const el = document.getElementById("words");
      el.data = record;
      return el.validate().score.grade.title;
    }, example);
    assert.ok(["优秀", "良好", "达标", "不达标"].includes(grade), grade);
    // Two forms of one type on one page: two draft keys (form id, version, place).
    const keys = await page.evaluate(async () => {
      const { mount } = await import("./pkg/index.js");
      const [a, b] = [document.createElement("div"), document.createElement("div")];
      b.id = "second-minutes";
      document.body.append(a, b);
      const handles = [mount(a, { form: "meeting-minutes" }), mount(b, { form: "meeting-minutes" })];
      await Promise.all(handles.map((h) => h.ready));
      return handles.map((h) => h.draftKey);
    });
    assert.equal(new Set(keys).size, 2, keys.join());
    assert.match(keys[0], /^dangjian:draft:meeting-minutes@[^:]+:div-\d+$/);
    assert.match(keys[1], /^dangjian:draft:meeting-minutes@[^:]+:#second-minutes$/);
    // A draft kept under the old default key (the form id alone) is moved to the element's key
    // when that one holds none: written there first, then the old key removed.
    const moved = await page.evaluate(async () => {
      const { mount } = await import("./pkg/index.js");
      const old = "dangjian:draft:meeting-minutes";
      const draft = { v: 1, form: "meeting-minutes", version: "2026.1", saved_at: "2026-11-20 10:00", data: { topic: "旧草稿" } };
      localStorage.setItem(old, JSON.stringify(draft));
      localStorage.setItem(`${old}:history`, JSON.stringify([{ ...draft, kept: "replaced" }]));
      const el = document.createElement("div");
      el.id = "legacy-minutes";
      document.body.append(el);
      const handle = mount(el, { form: "meeting-minutes" });
      await handle.ready;
      const now = JSON.parse(localStorage.getItem(handle.draftKey) ?? "null");
      const history = JSON.parse(localStorage.getItem(`${handle.draftKey}:history`) ?? "[]");
      return { key: handle.draftKey, data: now?.data, old: localStorage.getItem(old), history: history.length, oldHistory: localStorage.getItem(`${old}:history`) };
    });
    assert.match(moved.key, /:#legacy-minutes$/);
    assert.deepEqual(moved.data, { topic: "旧草稿" });
    assert.equal(moved.old, null);
    assert.equal(moved.history, 1);
    assert.equal(moved.oldHistory, null);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("shows a county's meeting frequencies in the calendar, from the minutes form's settings", async () => {
    const { page, context, problems } = await openPortal(browser, "calendar");
    const calendar = page.locator("#calendar-2026");
    await calendar.locator(".dj-cal-met").first().waitFor();
    const rows = () => calendar.locator(".dj-cal-table tbody th[scope=row]").allTextContents();
    assert.ok(!(await rows()).includes("党建星期二联合活动"));
    await page.evaluate(() => {
      document.getElementById("calendar-2026").settings = { frequency_party_tuesday: "week" };
    });
    await calendar.locator(".dj-cal-table tbody th[scope=row]", { hasText: "党建星期二联合活动" }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("says the page's mistakes in the console, and shows the clerk a short notice", async () => {
    const { page, context, problems, warnings } = await openPage(browser, "theme-blue.html");
    await waitForForms(page);
    await page.evaluate(() => {
      const bad = document.createElement("dj-form");
      bad.id = "bad";
      bad.setAttribute("frm", "typo");
      bad.spec = { id: "broken", version: "1", title: "坏表单", sections: [{ id: "s", fields: "not a list" }] };
      document.querySelector("main").append(bad);
    });
    const notice = page.locator("#bad").getByTestId("form-error");
    await notice.waitFor();
    const text = await notice.textContent();
    assert.match(text, /表单定义有误/);
    assert.ok(!text.includes("[object Object]"), text);
    assert.ok(problems.some((p) => /mistake/.test(p)), problems.join("\n"));
    assert.ok(warnings.some((w) => w.includes("“frm”") && w.includes("spec-src")), warnings.join("\n"));
    await context.close();
  });

  it("themes the form blue with properties and parts only", async () => {
    const { page, context, problems } = await openPage(browser, "theme-blue.html");
    await waitForForms(page);
    const form = page.locator("#blue-checklist");
    await form.getByTestId("score-total").waitFor();
    await page.waitForFunction(() => document.getElementById("blue-checklist").shadowRoot.querySelector(".dj-bar-fill"));
    const colours = await form.evaluate((host) => {
      const root = host.shadowRoot;
      const style = (sel, prop) => getComputedStyle(root.querySelector(sel))[prop];
      return {
        header: style(".dj-head", "backgroundImage"),
        bar: style(".dj-bar-fill", "backgroundImage"),
        total: style(".dj-score-total", "color"),
        tools: [...root.querySelectorAll(".dj-tool")].map((b) => b.dataset.tool ?? b.textContent),
      };
    });
    for (const [what, value] of [["header", colours.header], ["score bar", colours.bar]]) {
      const found = rgbs(value);
      assert.ok(found.length >= 2, `${what}: ${value}`);
      assert.ok(found.every(bluish), `${what} is blue: ${value}`);
      assert.ok(!found.some(reddish), `${what} has no red: ${value}`);
    }
    assert.ok(bluish(rgbs(colours.total)[0]), colours.total);
    assert.ok(!colours.tools.includes("language") && !colours.tools.includes("elder"), colours.tools.join());
    await screenshot(page, "theme-blue-1366");
    await page.setViewportSize({ width: 375, height: 800 });
    await screenshot(page, "theme-blue-375");
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("edits settings: a grade cut-off changes an example's grade, and the variant is exported", async () => {
    const { page, context, problems } = await openPage(browser, "settings.html");
    const editor = page.locator("#settings");
    await editor.getByTestId("settings-editor").waitFor();
    await editor.getByTestId("preview-count").waitFor();
    assert.match(await editor.getByTestId("preview-count").textContent(), /，0 份/);
    // Five stars from 98 instead of 90: the example record (a five-star checklist) falls to four.
    const row = editor.locator('[data-setting="grade_stars_five_min"]');
    const input = row.locator("input");
    await input.fill("98");
    await input.press("Tab");
    await row.locator(".dj-set-badge").waitFor();
    const changed = editor.locator('.dj-set-changes li[data-example="examples/branch-checklist.json"]');
    await changed.waitFor();
    assert.match(await changed.locator(".dj-set-before").textContent(), /五星/);
    assert.match(await changed.locator(".dj-set-after").textContent(), /四星/);
    // Out of range: the engine's message, no export.
    await input.fill("150");
    await input.press("Tab");
    await row.locator(".dj-msg-error").waitFor();
    assert.ok(await editor.getByRole("button", { name: "导出设置" }).isDisabled());
    await input.fill("98");
    await input.press("Tab");
    await page.waitForFunction(() => !document.querySelector("#settings").shadowRoot.querySelector(".dj-set-row .dj-msg-error"));
    await screenshot(page, "settings-1366");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      editor.getByRole("button", { name: "导出设置" }).click(),
    ]);
    const exported = JSON.parse(await readFile(await download.path(), "utf8"));
    assert.deepEqual(exported, { grade_stars_five_min: 98 });
    const snippet = await editor.getByTestId("embed-snippet").inputValue();
    assert.equal(snippet, `<dj-form form="branch-checklist" settings='{"grade_stars_five_min":98}'></dj-form>`);
    // Reset: back to the default, nothing changes.
    await row.getByRole("button", { name: "恢复默认" }).click();
    assert.equal(await input.inputValue(), "90");
    await page.setViewportSize({ width: 375, height: 800 });
    await screenshot(page, "settings-375");
    // One column: a setting far down the list changed, its effect on the examples is in sight.
    await input.fill("98");
    await input.press("Tab");
    await changed.waitFor();
    const count = await editor.getByTestId("preview-count").boundingBox();
    assert.ok(count && count.y >= 0 && count.y + count.height <= 800, `the preview is out of sight: ${JSON.stringify(count)}`);
    // …and the controls reached by Tab are scrolled clear of it, not left behind it.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      const [bottom, panelTop] = await editor.evaluate((el) => {
        const a = el.shadowRoot.activeElement;
        const inMain = a && !a.closest(".dj-set-aside");
        return [inMain ? a.getBoundingClientRect().bottom : 0, el.shadowRoot.querySelector(".dj-set-aside").getBoundingClientRect().top];
      });
      if (bottom <= 0) continue; // focus in the panels themselves, or outside the editor
      assert.ok(bottom <= panelTop + 1, `Tab ${i + 1}: the focused control (bottom ${bottom}) is behind the panels (top ${panelTop})`);
    }
    await screenshot(page, "settings-375-changed");
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("refuses settings that break a check between them: a quorum of 9/5, in Chinese and English", async () => {
    const { page, context, problems } = await openPage(browser, "settings.html");
    await page.selectOption("#settings-form", "meeting-minutes");
    const editor = page.locator("#settings");
    await editor.locator('[data-setting="election_quorum_num"]').waitFor();
    const num = editor.locator('[data-setting="election_quorum_num"]');
    const den = editor.locator('[data-setting="election_quorum_den"]');
    const exportButton = (name) => editor.getByRole("button", { name });
    /** Types a value into a setting's input with the keyboard, then leaves it with Tab. */
    const type = async (row, text) => {
      await row.locator("input").focus();
      await page.keyboard.press("Control+A");
      await page.keyboard.type(text);
      await page.keyboard.press("Tab");
    };
    await type(num, "9");
    await type(den, "5");
    // The check's message beside both settings it names, and nothing can be exported.
    for (const row of [num, den]) {
      await row.locator(".dj-msg-error").waitFor();
      assert.match(await row.locator(".dj-msg-error").first().textContent(), /选举到会比例 9\/5 不能大于 1/);
    }
    assert.ok(await exportButton("导出设置").isDisabled());
    assert.ok(await exportButton("导出整张表单").isDisabled());
    await num.scrollIntoViewIfNeeded();
    await screenshot(page, "settings-quorum-refused-1366");
    // The same message in English.
    await editor.locator('[data-tool="language"]').focus();
    await page.keyboard.press("Enter");
    await num.locator(".dj-msg-error", { hasText: "cannot be above 1" }).waitFor();
    for (const row of [num, den]) {
      assert.match(await row.locator(".dj-msg-error").first().textContent(), /The election quorum 9\/5 cannot be above 1/);
    }
    assert.ok(await exportButton("Export settings").isDisabled());
    // Fixed (4/5 again): the messages go and the settings can be exported.
    await type(num, "4");
    await page.waitForFunction(() => !document.querySelector("#settings").shadowRoot.querySelector(".dj-set-row .dj-msg-error"));
    await type(num, "3");
    await page.waitForFunction(() => !document.querySelector("#settings").shadowRoot.querySelector(".dj-set-row .dj-msg-error"));
    assert.ok(!(await exportButton("Export settings").isDisabled()));
    assert.deepEqual(problems, []);
    await context.close();
  });
});
