// The branch standardization checklist, filled in as a branch secretary would:
// one click per item, evidence typed in, the score and grade following along.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { launch, openPortal, labelled, choose, scoreTotal, stopSite } from "../lib/harness.mjs";

describe("branch checklist", () => {
  let browser;
  let session;
  let form;
  before(async () => {
    browser = await launch();
    session = await openPortal(browser, "checklist");
    form = session.page.locator("#form-checklist");
  });
  after(async () => {
    await browser?.close();
    await stopSite();
  });

  it("prints a line not assessed yet with its results to tick and a line for the evidence", async () => {
    const { page } = session;
    await page.emulateMedia({ media: "print" });
    try {
      const blank = form.locator('[data-for="dj-organisation-term"] .dj-print-blank');
      assert.equal(await blank.isVisible(), true, "the empty line prints its results");
      const boxes = await blank.locator(".dj-print-box").allInnerTexts();
      assert.deepEqual(boxes.slice(0, 3), ["☐ 达标", "☐ 部分达标", "☐ 未达标"]);
      assert.match(await blank.locator(".dj-print-write").innerText(), /佐证：/);
      assert.ok((await blank.locator(".dj-print-write .dj-line").boundingBox()).width > 40, "a line to write the evidence on");
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });

  it("scores every click and asks for evidence where the item needs it", async () => {
    const before = await scoreTotal(form);
    await choose(form, "dj-organisation-term", "met");
    await assert.doesNotReject(form.locator('[data-for="dj-organisation-term"] .dj-msg-error').first().waitFor());
    const afterMet = await scoreTotal(form);
    assert.ok(afterMet > before, `score ${before} → ${afterMet} after 按期换届 met`);

    await form.locator("#dj-organisation-term-evidence").fill("2023年换届选举批复文件及选举结果报告");
    await form.locator('[data-for="dj-organisation-term"] .dj-msg-error').waitFor({ state: "detached" });
    assert.equal(await form.locator("#dj-organisation-term-evidence").getAttribute("aria-invalid"), "false");
  });

  it("reaches a star grade when every item is met, and lists a miss for rectification", async () => {
    await labelled(form, "党组织名称").fill("中共里水镇鹤峰村支部委员会");
    const groups = form.locator(".dj-status");
    const n = await groups.count();
    assert.ok(n >= 30, `${n} checklist lines`);
    for (let i = 0; i < n; i++) await groups.nth(i).locator('label[data-value="met"]').click();
    await choose(form, "dj-team-secretary_quality", "good");
    const full = await scoreTotal(form);
    assert.ok(full >= 85, `all met gives ${full}`);
    assert.match(await form.getByTestId("grade").textContent(), /星/);

    await choose(form, "dj-systems-annual_plan", "unmet");
    const lower = await scoreTotal(form);
    assert.ok(lower < full, `unmet annual plan: ${full} → ${lower}`);
    const rectification = form.getByTestId("rectification");
    await assert.doesNotReject(rectification.getByText("年度工作计划").waitFor());
    assert.match(await form.locator(".dj-losses").textContent(), /年度工作计划/);

    // The rectification list leaves as a CSV file made in the page.
    const download = session.page.waitForEvent("download");
    await form.getByRole("button", { name: "导出整改清单" }).click();
    const file = await download;
    const csv = await readFile(await file.path(), "utf8");
    assert.ok(csv.startsWith("\ufeff序号,类别,所属部分,问题项目"), csv.slice(0, 40));
    assert.match(csv, /年度工作计划/);
    // Every cell in the form's language: the kind and the finding are words, not codes.
    const row = csv.split("\r\n").find((line) => line.includes("年度工作计划")).split(",");
    assert.equal(row[1], "评分项目", row.join(","));
    assert.equal(row[4], "未达标", row.join(","));
    const codes = ["item", "veto", "unmet", "partial", "deducted", "shortfall", "unanswered"];
    for (const line of csv.split("\r\n").slice(1).filter(Boolean)) {
      const cells = line.split(",");
      assert.ok(!codes.includes(cells[1]) && !codes.includes(cells[4]), line);
    }
  });

  it("shows an automatic fail and forces the lowest grade", async () => {
    await choose(form, "dj-veto-serious_violation", "true");
    await form.locator(".dj-veto").waitFor();
    assert.match(await form.getByTestId("grade").textContent(), /一星/);
    await choose(form, "dj-veto-serious_violation", "false");
    await form.locator(".dj-veto").waitFor({ state: "detached" });
    assert.doesNotMatch(await form.getByTestId("grade").textContent(), /一星/);
  });

  it("folds its columns in elder-friendly mode when the larger text would not fit beside them", async () => {
    const { page } = session;
    const columns = () =>
      form.evaluate((host) => {
        const root = host.shadowRoot;
        const body = root.querySelector(".dj-body");
        const main = root.querySelector(".dj-main").getBoundingClientRect();
        const dj = root.querySelector(".dj").getBoundingClientRect();
        const saved = root.querySelector(".dj-saved");
        return {
          columns: getComputedStyle(body).gridTemplateColumns.split(" ").length,
          main: { x: main.x, width: main.width },
          dj: { x: dj.x, width: dj.width },
          savedLines: saved.textContent ? Math.round(saved.getBoundingClientRect().height / parseFloat(getComputedStyle(saved).lineHeight)) : 0,
        };
      });
    await form.locator("#dj-organisation-term-evidence").fill("2023年换届选举批复文件");
    await form.locator(".dj-saved", { hasText: "草稿已自动保存" }).waitFor();
    await form.getByRole("button", { name: "大字模式" }).click();
    await form.locator(".dj-elder").waitFor();
    // The choice is remembered for every form on the site, as JSON text.
    assert.equal(await page.evaluate(() => localStorage.getItem("dangjian:elder")), "true");
    try {
      for (const [width, most, least] of [[375, 1, 300], [1024, 2, 600], [1600, 3, 600]]) {
        await page.setViewportSize({ width, height: 900 });
        await page.waitForTimeout(150);
        const got = await columns();
        const label = `${width}px elder: ${JSON.stringify(got)}`;
        assert.ok(got.columns <= most, label);
        assert.ok(got.main.width >= least, label);
        assert.ok(got.main.x >= got.dj.x, label);
        assert.ok(got.savedLines <= 1, label);
      }
    } finally {
      await form.getByRole("button", { name: "大字模式" }).click();
      await form.locator(".dj-elder").waitFor({ state: "detached" });
      await page.setViewportSize({ width: 1440, height: 900 });
    }
    assert.equal(await page.evaluate(() => localStorage.getItem("dangjian:elder")), "false");
  });

  it("made no console error", () => {
    assert.deepEqual(session.problems, []);
  });
});
