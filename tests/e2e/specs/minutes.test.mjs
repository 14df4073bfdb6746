// Meeting minutes, filled in as a branch's recorder would: the attendance
// panel shows the quorum as the numbers go in, the first agenda item is marked
// 第一议题, and every motion shows its tally.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPortal, labelled, stopSite } from "../lib/harness.mjs";

describe("meeting minutes", () => {
  let browser;
  let session;
  let form;
  before(async () => {
    browser = await launch();
    session = await openPortal(browser, "minutes");
    form = session.page.locator("#form-minutes");
  });
  after(async () => {
    await browser?.close();
    await stopSite();
  });

  it("shows the quorum of a general meeting as the attendance is filled in", async () => {
    const verdict = form.getByTestId("quorum-verdict");
    assert.match(await verdict.textContent(), /请填写/);
    await labelled(form, "会议类型").selectOption({ label: "支部党员大会" });
    await labelled(form, "应到人数").fill("10");
    await labelled(form, "实到人数").fill("5");
    await labelled(form, "请假人数").fill("3");
    await labelled(form, "缺席人数").fill("2");
    await labelled(form, "有表决权的应到人数（正式党员）").fill("10");
    await labelled(form, "有表决权的实到人数").fill("5");
    await assert.doesNotReject(verdict.getByText("未达到法定人数").waitFor());
    assert.match(await form.getByTestId("quorum").textContent(), /半数/);

    await labelled(form, "实到人数").fill("6");
    await labelled(form, "缺席人数").fill("1");
    await labelled(form, "有表决权的实到人数").fill("6");
    await form.getByTestId("quorum").getByText("未达到法定人数").waitFor({ state: "detached" });
  });

  it("marks the first agenda item and flags it when it is not theory study", async () => {
    await labelled(form, "会议类型").selectOption({ label: "支部委员会" });
    const agenda = form.locator("#dj-agenda-items");
    await agenda.getByRole("button", { name: /添加议题/ }).click();
    const kind = agenda.locator("#dj-agenda-items-0-kind");
    await kind.selectOption({ label: "党务工作" });
    const badge = form.getByTestId("first-topic");
    await assert.doesNotReject(badge.getByText("应为理论学习").waitFor());
    await kind.selectOption({ label: "理论学习（第一议题）" });
    await badge.getByText("应为理论学习").waitFor({ state: "detached" });
    assert.equal((await badge.textContent()).trim(), "第一议题");

    // A second item moved to the top takes over the first place.
    await agenda.getByRole("button", { name: /添加议题/ }).click();
    await agenda.locator("#dj-agenda-items-1-kind").selectOption({ label: "基层治理" });
    await agenda.getByRole("button", { name: "上移 议题 2" }).click();
    await assert.doesNotReject(badge.getByText("应为理论学习").waitFor());
    assert.equal(await agenda.locator("#dj-agenda-items-1-kind").inputValue(), "theory_study");
  });

  it("tallies each vote", async () => {
    const votes = form.locator("#dj-resolutions-votes");
    await votes.getByRole("button", { name: /添加表决事项/ }).click();
    await votes.locator("#dj-resolutions-votes-0-yes").fill("5");
    await votes.locator("#dj-resolutions-votes-0-no").fill("1");
    await votes.locator("#dj-resolutions-votes-0-abstain").fill("0");
    assert.equal((await form.getByTestId("vote-tally").locator(".dj-tally-nums").textContent()).trim(), "5 / 1 / 0");
  });

  it("announces a new error and ties it to its field", async () => {
    const present = labelled(form, "实到人数");
    await present.fill("十二");
    await assert.doesNotReject(form.getByTestId("live").getByText(/.+/).waitFor());
    const said = await form.getByTestId("live").textContent();
    assert.equal(await present.getAttribute("aria-invalid"), "true");
    const described = (await present.getAttribute("aria-describedby")).split(" ");
    const messages = await form.locator(`#${described.at(-1)}`).textContent();
    assert.ok(messages.length > 0 && said.includes(messages.replace(/^✕/, "").trim().slice(0, 6)), `${said} / ${messages}`);
    await present.fill("6");
    assert.equal(await present.getAttribute("aria-invalid"), "false");
  });

  it("made no console error", () => {
    assert.deepEqual(session.problems, []);
  });
});
