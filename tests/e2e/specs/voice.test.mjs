// One voice: one vocabulary for checklist answers on buttons, reasons, panels
// and the CSV; weekday messages name the day; no English codes or ids in the
// Chinese interface; an unanswered question is 未作答, not a no; a checklist not
// fully answered shows 未完成（已答 N / M 项） instead of a grade and lists no
// unanswered item for rectification; English reads naturally.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { openPortal, labelled, choose, loadExample, scoreTotal, sharedBrowser } from "../lib/harness.mjs";

const TABS = ["checklist", "minutes", "review", "points", "secretary", "decision", "rectification", "calendar"];

describe("one voice", () => {
  const browser = sharedBrowser();

  it("says 达标 / 部分达标 / 未达标 on the buttons as the reasons and the rectification list do", async () => {
    const { page, context, problems } = await openPortal(browser, "checklist");
    const form = page.locator("#form-checklist");
    const line = form.locator('[data-for="dj-organisation-term"]');
    assert.deepEqual(await line.locator("label.dj-seg-opt").allTextContents(), ["达标", "部分达标", "未达标"]);
    await choose(form, "dj-organisation-term", "partial");
    await form.locator("#dj-organisation-term-evidence").fill("2023年换届选举批复文件");
    await line.locator(".dj-lost").getByText(/^−1 部分达标，得 1 分/).waitFor();
    await form.getByTestId("rectification").locator(".dj-badge", { hasText: "部分达标" }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("names the weekday of a 党建星期二 held on another day", async () => {
    const { page, context, problems } = await openPortal(browser, "minutes");
    const form = page.locator("#form-minutes");
    await labelled(form, "会议类型").selectOption({ label: "党建星期二" });
    const date = form.locator("#dj-meeting-date");
    await date.fill("2026-11-25");
    await date.press("Tab");
    const message = form.locator('[data-for="dj-meeting-date"] .dj-msg');
    await message.getByText("“党建星期二”应在星期二举行，本记录的日期是星期三").waitFor();
    assert.doesNotMatch(await message.textContent(), /第 \d 天/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("shows no English codes or ids in the Chinese interface", async () => {
    for (const tab of TABS) {
      const { page, context, problems } = await openPortal(browser, tab);
      const el = page.locator(`#${tab} dj-form, #${tab} dj-calendar`).first();
      if (tab !== "calendar") {
        await loadExample(page, tab);
        // The empty form's errors too.
        await page.locator(`#${tab} [data-clear]`).click();
        await el.getByRole("button", { name: "提交" }).click();
        await el.getByTestId("error-summary").waitFor();
      }
      const words = await el.evaluate((host) => {
        const text = host.shadowRoot.querySelector(".dj").innerText;
        return [...new Set(text.match(/[A-Za-z_][A-Za-z_0-9.-]{2,}/g) ?? [])];
      });
      // The language switch names the other language in its own words.
      assert.deepEqual(words.filter((w) => w !== "English"), [], `#${tab}`);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  it("an empty checklist is unfinished, not 一星; an unanswered question is not a no", async () => {
    const { page, context, problems } = await openPortal(browser, "checklist");
    const form = page.locator("#form-checklist");
    const grade = await form.getByTestId("grade").textContent();
    assert.match(grade, /^未完成（已答 0 \/ \d+ 项）$/);
    assert.doesNotMatch(grade, /星/);
    assert.match(await form.locator(".dj-score-todo").textContent(), /项未作答/);
    assert.match(await form.getByTestId("rectification").textContent(), /整改清单（0）/);
    // Filling in the profile with 设有支部委员会 unanswered does not lower the score.
    const before = await scoreTotal(form);
    await labelled(form, "正式党员").fill("8");
    await labelled(form, "书记").fill("陈建国");
    await page.waitForTimeout(200);
    assert.ok((await scoreTotal(form)) >= before, `score ${before} → ${await scoreTotal(form)}`);
    // One line answered: “已答 1”, and only answered lines that lost points are listed.
    await choose(form, "dj-systems-annual_plan", "unmet");
    await form.getByTestId("grade").getByText(/已答 1 \//).waitFor();
    const entries = await form.getByTestId("rectification").locator("li").allTextContents();
    assert.equal(entries.length, 1, entries.join(" | "));
    assert.match(entries[0], /年度工作计划.*未达标/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("reads naturally in English", async () => {
    const { page, context, problems } = await openPortal(browser, "checklist");
    const form = page.locator("#form-checklist");
    await loadExample(page, "checklist");
    await form.getByRole("button", { name: "English" }).click();
    await form.locator('.dj[lang="en"]').waitFor();
    const submit = form.getByRole("button", { name: "Submit" });
    assert.equal(await submit.evaluate((el) => getComputedStyle(el).letterSpacing), "normal");
    const losses = await form.locator(".dj-losses").innerText();
    assert.doesNotMatch(losses, /× \d+ points/);
    assert.match(losses, /found 1, 1 each; 1 deducted/);
    assert.deepEqual(await form.locator('[data-for="dj-organisation-term"] label.dj-seg-opt').allTextContents(), ["Met", "Partially met", "Not met"]);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
