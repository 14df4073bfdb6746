// Errors a person can act on: every entry of the error list and of the panels
// names its place (section › field, or the row of a list), entries are grouped
// by section with counts, identical messages are merged with their places
// listed, and every place is a link that draws, scrolls clear of the sticky
// bars, focuses and announces its target — also on a 4× slower CPU, on a
// narrow page with the summary bar, and while the layout is still moving.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  openPortal, labelled, loadExample, assertFocusInView, waitForFocus, sharedBrowser,
} from "../lib/harness.mjs";

describe("errors a person can act on", () => {
  const browser = sharedBrowser();

  it("groups the error list by section, names each row of a list, merges identical messages", async () => {
    const { page, context, problems } = await openPortal(browser, "minutes");
    const form = page.locator("#form-minutes");
    await labelled(form, "会议类型").selectOption({ label: "支部委员会" });
    const absentees = form.locator("#dj-attendance-absentees");
    for (let i = 0; i < 3; i++) await absentees.getByRole("button", { name: /添加/ }).click();
    await form.getByRole("button", { name: "提交" }).click();
    const summary = form.getByTestId("error-summary");
    await summary.waitFor();
    // One group per section, in the form's order, each with its count.
    const groups = await summary.locator(".dj-summary-group h4").allTextContents();
    assert.ok(groups.length >= 2, groups.join(" / "));
    assert.match(groups[0], /^会议基本情况（\d+ 处）$/);
    assert.ok(groups.some((g) => /^出席情况（\d+ 处）$/.test(g)), groups.join(" / "));
    const total = Number((await summary.locator("h3").textContent()).match(/\d+/)[0]);
    const counted = groups.reduce((n, g) => n + Number(g.match(/（(\d+) 处）/)[1]), 0);
    assert.equal(counted, total, "the groups' counts add up to the total");
    // “此项为必填项” once per section, its places listed.
    const attendance = summary.locator(".dj-summary-group").filter({ hasText: "出席情况（" });
    const required = attendance.locator("li").filter({ hasText: /^此项为必填项/ });
    assert.equal(await required.count(), 1, await attendance.innerText());
    const places = await required.getByRole("button").allTextContents();
    assert.ok(places.length >= 3, places.join("、"));
    // A row of a list is named with its number.
    assert.ok(places.includes("请假、缺席人员及原因 第 3 行 › 原因"), places.join("、"));
    // No line reads as a bare message.
    for (const li of await summary.locator("li").all()) {
      assert.ok((await li.getByRole("button").count()) > 0, `${await li.textContent()} names no place`);
    }
    // The link goes to the field, in view, and says so.
    await required.getByRole("button", { name: "请假、缺席人员及原因 第 3 行 › 原因" }).click();
    await waitForFocus(page, { id: "dj-attendance-absentees-2-reason" });
    await assertFocusInView(page, "absentee row 3");
    await form.getByTestId("live").getByText("已转到：出席情况 › 请假、缺席人员及原因 第 3 行 › 原因").waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("goes from a lost point and a rectification item to the line, clear of the sticky submit bar", async () => {
    const { page, context, problems } = await openPortal(browser, "checklist", {
      contextOptions: { viewport: { width: 1366, height: 768 } },
    });
    const form = page.locator("#form-checklist");
    await loadExample(page, "checklist");
    await page.evaluate(() => window.scrollTo(0, 0));
    // 年终总结 sits far below 基本活动: the page moves about 3,000 px and lays out sections on the way.
    await form.locator(".dj-losses").getByRole("button", { name: "年终总结" }).click();
    await waitForFocus(page, { name: "dj-systems-year_end_summary-status" });
    await page.waitForTimeout(800);
    await assertFocusInView(page, "年终总结 from the lost points");
    await form.getByTestId("rectification").getByRole("button", { name: "台账资料" }).click();
    await waitForFocus(page, { name: "dj-systems-ledgers-status" });
    await page.waitForTimeout(800);
    await assertFocusInView(page, "台账资料 from the rectification list");
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("merges the joint review's identical reasons and names their places", async () => {
    const { page, context, problems } = await openPortal(browser, "review");
    const verdict = page.locator("#form-review").getByTestId("verdict");
    await verdict.getByText(/需更正的信息（\d+ 处）/).waitFor();
    const heading = await verdict.getByText(/需更正的信息/).textContent();
    const blocking = Number(heading.match(/\d+/)[0]);
    const lines = verdict.locator(".dj-panel-msgs").last().locator("li");
    assert.ok(blocking >= 10, heading);
    assert.ok((await lines.count()) < blocking / 2, `${await lines.count()} lines for ${blocking} reasons`);
    const required = lines.filter({ hasText: /^此项为必填项/ });
    assert.equal(await required.count(), 1);
    assert.match(await required.textContent(), /候选人基本情况 › 姓名/);
    await required.getByRole("button", { name: "候选人基本情况 › 姓名" }).click();
    await waitForFocus(page, { id: "dj-candidate-name" });
    await assertFocusInView(page, "姓名 from the verdict");
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("on a narrow page, a link in the summary bar folds it away and lands below it", async () => {
    const { page, context, problems } = await openPortal(browser, "checklist", {
      contextOptions: { viewport: { width: 1024, height: 768 } },
    });
    const form = page.locator("#form-checklist");
    await loadExample(page, "checklist");
    const bar = form.getByTestId("summary-bar");
    assert.match(await bar.textContent(), /94 分.*五星/);
    // Down the page the bar stays on screen.
    await page.evaluate(() => window.scrollTo(0, 2500));
    await page.waitForTimeout(200);
    const top = await bar.evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(Math.abs(top) <= 2, `the summary bar is at ${top}px`);
    await bar.click();
    assert.equal(await bar.getAttribute("aria-expanded"), "true");
    await form.locator(".dj-aside-panels .dj-losses").getByRole("button", { name: "后备干部储备" }).click();
    await waitForFocus(page, { name: "dj-team-reserve_cadres-status" });
    assert.equal(await bar.getAttribute("aria-expanded"), "false");
    await page.waitForTimeout(800);
    await assertFocusInView(page, "后备干部储备 below the summary bar");
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("on a 4× slower CPU, jumps from the error list to the last field of the longest form and stays there", async () => {
    const { page, context, problems } = await openPortal(browser, "checklist", {
      contextOptions: { viewport: { width: 1366, height: 768 } },
    });
    const form = page.locator("#form-checklist");
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await form.getByRole("button", { name: "提交" }).click();
    const summary = form.getByTestId("error-summary");
    await summary.waitFor();
    // The last place the list names: 一票否决事项 at the very end of the form.
    const last = summary.locator(".dj-summary-group").last().getByRole("button").last();
    const name = await last.textContent();
    await last.click();
    await page.waitForFunction(() => {
      let el = document.activeElement;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      return el && el.tagName !== "BUTTON";
    });
    // Sections laid out on the way move the page for a while: the place is kept in view.
    await page.waitForTimeout(2500);
    await assertFocusInView(page, `${name} on a slow CPU`);
    await form.getByTestId("live").getByText(`已转到：`, { exact: false }).waitFor();
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    assert.deepEqual(problems, []);
    await context.close();
  });
});
