// Drafts and submission: what is typed survives a reload, a submitted record
// reaches the host page and clears the draft, and a browser that refuses
// storage is told about it without losing what was typed.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { openPortal, labelled, loadExample, waitForForms, sharedBrowser } from "../lib/harness.mjs";

/** Waits until keyboard focus is on a field of the form (not the page, not a button). */
function waitForFieldFocus(page) {
  return page.waitForFunction(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el && ["INPUT", "SELECT", "TEXTAREA"].includes(el.tagName) && el.closest(".dj-main") !== null;
  }, null, { timeout: 10_000 });
}

describe("drafts and submission", () => {
  const browser = sharedBrowser();

  it("offers the draft back after a reload, and forgets it when discarded", async () => {
    const { page, context, problems } = await openPortal(browser, "minutes");
    const form = page.locator("#form-minutes");
    await labelled(form, "会议主题").fill("11月支委会：研究年终总结");
    await labelled(form, "地点").fill("鹤峰村党群服务中心");
    await form.locator(".dj-saved").getByText("草稿已自动保存").waitFor();

    await page.reload();
    await waitForForms(page);
    const offer = form.getByTestId("draft-offer");
    await offer.waitFor();
    assert.equal(await labelled(form, "会议主题").inputValue(), "");
    await offer.getByRole("button", { name: "恢复草稿" }).click();
    assert.equal(await labelled(form, "会议主题").inputValue(), "11月支委会：研究年终总结");
    assert.equal(await labelled(form, "地点").inputValue(), "鹤峰村党群服务中心");
    // The notice and its button go: focus lands on the form's first field, not on the page.
    await waitForFieldFocus(page);

    await page.reload();
    await waitForForms(page);
    await offer.getByRole("button", { name: "放弃草稿" }).click();
    await offer.waitFor({ state: "detached" });
    await waitForFieldFocus(page);
    await page.reload();
    await waitForForms(page);
    await page.waitForTimeout(300);
    assert.equal(await offer.count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("counts a restored draft as an edit: the host hears dj-change and the draft is saved again", async () => {
    const { page, context, problems } = await openPortal(browser, "minutes");
    const form = page.locator("#form-minutes");
    await labelled(form, "会议主题").fill("12月支委会：研究明年计划");
    await form.locator(".dj-saved").getByText("草稿已自动保存").waitFor();
    await page.reload();
    await waitForForms(page);
    await page.evaluate(() => {
      window.__changes = [];
      document.addEventListener("dj-change", (e) => window.__changes.push(e.detail.data.meeting.topic));
      localStorage.removeItem("lishui:meeting-minutes");
    });
    await form.getByTestId("draft-offer").getByRole("button", { name: "恢复草稿" }).click();
    await page.waitForFunction(() => window.__changes.length > 0);
    assert.deepEqual(await page.evaluate(() => window.__changes), ["12月支委会：研究明年计划"]);
    await form.locator(".dj-saved").getByText("草稿已自动保存").waitFor();
    const saved = JSON.parse(await page.evaluate(() => localStorage.getItem("lishui:meeting-minutes")));
    assert.equal(saved.data.meeting.topic, "12月支委会：研究明年计划");
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("offers a draft saved under another version of the form, with a warning", async () => {
    const { page, context, problems } = await openPortal(browser, "minutes", {
      init: () => {
        if (!sessionStorage.getItem("seeded")) {
          sessionStorage.setItem("seeded", "1");
          localStorage.setItem("lishui:meeting-minutes", JSON.stringify({
            v: 1, form: "meeting-minutes", version: "2020.1", saved_at: "2026-01-02 10:00",
            data: { meeting: { topic: "按旧版表单填写的草稿" } },
          }));
        }
      },
    });
    const form = page.locator("#form-minutes");
    const offer = form.getByTestId("draft-offer");
    await offer.waitFor();
    const warning = await offer.getByTestId("draft-version").textContent();
    assert.match(warning, /2020\.1/);
    const current = await page.evaluate(() => document.querySelector("#form-minutes").validate().form.version);
    assert.ok(warning.includes(current), `${warning} names the current version ${current}`);
    await offer.getByRole("button", { name: "恢复草稿" }).click();
    assert.equal(await labelled(form, "会议主题").inputValue(), "按旧版表单填写的草稿");
    // Saved again under the current version.
    await form.locator(".dj-saved").getByText("草稿已自动保存").waitFor();
    const saved = JSON.parse(await page.evaluate(() => localStorage.getItem("lishui:meeting-minutes")));
    assert.equal(saved.version, current);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("will not submit with errors: lists them and moves focus to the list", async () => {
    const { page, context, problems } = await openPortal(browser, "points");
    const form = page.locator("#form-points");
    await form.getByRole("button", { name: "提交" }).click();
    const summary = form.getByTestId("error-summary");
    await summary.waitFor();
    assert.match(await summary.textContent(), /处需要修改/);
    const focused = await page.evaluate(() => document.querySelector("#form-points").shadowRoot.activeElement?.dataset.testid);
    assert.equal(focused, "error-summary");
    assert.match(await form.getByTestId("live").textContent(), /处需要修改/);
    assert.equal(await page.locator("#inbox li").count(), 0);
    // Each entry of the list moves focus to its field.
    await summary.getByRole("button").first().click();
    const id = await page.evaluate(() => document.querySelector("#form-points").shadowRoot.activeElement?.id);
    assert.ok(id && id.startsWith("dj-"), `focus on ${id}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("hands a valid record to the host page and clears the draft", async () => {
    const { page, context, problems } = await openPortal(browser, "points");
    const form = page.locator("#form-points");
    await loadExample(page, "points");
    await labelled(form, "参加活动日天数").fill("9");
    await form.locator(".dj-saved").getByText("草稿已自动保存").waitFor();
    assert.ok(await page.evaluate(() => localStorage.getItem("lishui:member-points")));

    const received = page.evaluate(
      () => new Promise((resolve) => document.addEventListener("dj-submit", (e) => resolve(e.detail), { once: true })),
    );
    await page.setViewportSize({ width: 1024, height: 700 });
    await form.getByRole("button", { name: "提交" }).click();
    const detail = await received;
    assert.equal(detail.report.form.id, "member-points");
    assert.equal(detail.report.valid, true);
    assert.equal(detail.data.commitments.activity_days, 9);
    await page.locator('#inbox li[data-form="member-points"]').waitFor();
    await form.getByTestId("submitted").waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem("lishui:member-points")), null);
    // The confirmation has focus and is on screen; the bar no longer speaks of a draft.
    await page.waitForFunction(() => document.querySelector("#form-points").shadowRoot.activeElement?.dataset.testid === "submitted");
    const box = await form.getByTestId("submitted").boundingBox();
    assert.ok(box.y >= -1 && box.y + box.height <= 701, `the confirmation at ${JSON.stringify(box)}`);
    assert.match(await form.locator(".dj-saved").textContent(), /^已提交 /);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("tells the person when the browser refuses storage, and keeps what was typed", async () => {
    const { page, context, problems } = await openPortal(browser, "checklist", {
      init: () => {
        Object.defineProperty(window, "localStorage", {
          configurable: true,
          get() {
            throw new DOMException("The operation is insecure.", "SecurityError");
          },
        });
      },
    });
    const form = page.locator("#form-checklist");
    await labelled(form, "党组织名称").fill("中共里水镇鹤峰村支部委员会");
    await form.getByTestId("storage-problem").waitFor();
    assert.match(await form.getByTestId("storage-problem").textContent(), /无法自动保存/);
    assert.equal(await labelled(form, "党组织名称").inputValue(), "中共里水镇鹤峰村支部委员会");
    const data = await page.evaluate(() => document.querySelector("#form-checklist").data);
    assert.equal(data.profile.branch_name, "中共里水镇鹤峰村支部委员会");
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("tells the person when storage is full", async () => {
    const { page, context, problems } = await openPortal(browser, "checklist", {
      init: () => {
        Storage.prototype.setItem = function () {
          throw new DOMException("Quota exceeded", "QuotaExceededError");
        };
      },
    });
    const form = page.locator("#form-checklist");
    await labelled(form, "党组织名称").fill("一支部");
    await form.getByTestId("storage-problem").getByText("存储空间已满").waitFor();
    assert.equal(await labelled(form, "党组织名称").inputValue(), "一支部");
    assert.deepEqual(problems, []);
    await context.close();
  });
});
