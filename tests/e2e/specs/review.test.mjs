// The candidate joint review: the card masks the ID number, and the verdict
// follows the departments' answers — 待审 while one is outstanding,
// 建议不予提名 as soon as one flags a negative-list item.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPortal, labelled, choose, loadExample, stopSite } from "../lib/harness.mjs";

describe("candidate joint review", () => {
  let browser;
  let session;
  let form;
  before(async () => {
    browser = await launch();
    session = await openPortal(browser, "review");
    form = session.page.locator("#form-review");
  });
  after(async () => {
    await browser?.close();
    await stopSite();
  });

  const status = () => form.getByTestId("verdict-title").getAttribute("data-status");

  it("masks the ID number on the candidate card and waits for the departments", async () => {
    await labelled(form, "姓名").first().fill("陈丽华");
    await labelled(form, "公民身份号码").first().fill("440524188001010014");
    assert.equal((await form.getByTestId("masked-id").textContent()).trim(), "4405**********0014");
    assert.doesNotMatch(await form.getByTestId("candidate-card").textContent(), /440524188001010014/);
    assert.equal(await status(), "pending");
    assert.match(await form.getByTestId("verdict-title").textContent(), /待审/);
  });

  it("passes when every department answers clear, and not when one flags an item", async () => {
    await loadExample(session.page, "review");
    await form.getByTestId("verdict-title").and(form.locator('[data-status="pass"]')).waitFor();
    assert.match(await form.getByTestId("department-matrix").textContent(), /无问题/);

    await choose(form, "dj-review-departments-0-result", "pending");
    await form.locator('[data-testid="verdict-title"][data-status="pending"]').waitFor();

    await choose(form, "dj-review-departments-0-result", "flag");
    const findings = form.locator("#dj-review-departments-0-findings");
    await findings.getByRole("button", { name: /添加/ }).click();
    await form.locator("#dj-review-departments-0-findings-0-item").selectOption("2");
    await form.locator("#dj-review-departments-0-findings-0-note").fill("2019年因寻衅滋事被判处有期徒刑一年");
    await form.locator('[data-testid="verdict-title"][data-status="not_nominated"]').waitFor();
    assert.match(await form.getByTestId("verdict-title").textContent(), /建议不予提名/);
    assert.match(await form.getByTestId("verdict").textContent(), /第2项|刑事/);
    assert.match(await form.getByTestId("department-matrix").textContent(), /发现问题|有问题/);
  });

  it("made no console error", () => {
    assert.deepEqual(session.problems, []);
  });
});
