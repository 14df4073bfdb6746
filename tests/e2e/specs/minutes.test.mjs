// Meeting minutes, filled in as a branch's recorder would: the attendance
// panel shows the quorum as the numbers go in, the first agenda item is marked
// 第一议题, and every motion shows its tally.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPortal, labelled, choose, stopSite, assertFocusInView } from "../lib/harness.mjs";

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

  it("prints an empty choice with its options, each with a box to tick by pen", async () => {
    const { page } = session;
    await page.emulateMedia({ media: "print" });
    try {
      const fieldOf = async (label) => form.locator(`[data-for="${await labelled(form, label).getAttribute("id")}"]`);
      const type = (await fieldOf("会议类型")).locator(".dj-print-blank");
      assert.equal(await type.isVisible(), true, "the empty select prints its options");
      const boxes = await type.locator(".dj-print-box").allInnerTexts();
      assert.ok(boxes.length >= 2, `options on paper: ${boxes}`);
      assert.ok(boxes.every((b) => b.startsWith("☐")), `each with a box: ${boxes}`);
      assert.ok(boxes.some((b) => b.includes("支部党员大会")), `the options' titles: ${boxes}`);
      // An empty text field keeps its line to write on.
      const line = await (await fieldOf("应到人数")).locator(".dj-print-value").evaluate((n) => getComputedStyle(n).borderBottomStyle);
      assert.equal(line, "solid");
      // A list with no rows prints its columns over empty rows to fill by pen, not "暂无记录".
      const absentees = form.locator("#dj-attendance-absentees");
      const rows = absentees.locator(".dj-print-rows");
      assert.equal(await rows.isVisible(), true, "an empty list prints rows to fill in");
      assert.equal(await rows.locator("tbody tr").count(), 3);
      assert.deepEqual((await rows.locator("th").allInnerTexts()).map((t) => t.trim()), ["序号", "姓名", "类别", "原因"]);
      assert.ok((await rows.locator("tbody td").nth(1).boundingBox()).height > 20, "room to write in a row");
      assert.equal(await absentees.locator(".dj-empty").isVisible(), false);
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
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
    // The number present is not drawn in the red of an error.
    const [r, g, b] = (await form.locator(".dj-att-present").evaluate((n) => getComputedStyle(n).color)).match(/\d+/g).map(Number);
    assert.ok(!(r > 150 && g < 110 && b < 110), `实到 in rgb(${r}, ${g}, ${b})`);
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

  it("shows only the sections of the meeting type: the election of a general meeting that holds one", async () => {
    const type = labelled(form, "会议类型");
    const toc = form.locator(".dj-toc");
    await type.selectOption({ label: "支部委员会" });
    await form.locator("#dj-election").waitFor({ state: "detached" });
    assert.equal(await form.locator("#dj-meeting-includes_election").count(), 0, "the election question belongs to general meetings");
    assert.equal(await form.locator("#dj-lecture").count(), 0, "a committee meeting has no party lecture");
    assert.doesNotMatch(await toc.textContent(), /选举/);
    assert.match(await toc.textContent(), /决议与表决/);

    await type.selectOption({ label: "支部党员大会" });
    await form.locator('[data-for="dj-meeting-includes_election"]').waitFor();
    assert.equal(await form.locator("#dj-election").count(), 0, "no election until the meeting holds one");
    await choose(form, "dj-meeting-includes_election", "true");
    await form.locator("#dj-election").waitFor();
    assert.match(await toc.textContent(), /选举/);
    // Progress counts the election's required fields only now that it shows.
    const progress = await form.getByTestId("progress").locator(".dj-progress-num").textContent();
    await choose(form, "dj-meeting-includes_election", "false");
    await form.locator("#dj-election").waitFor({ state: "detached" });
    const without = await form.getByTestId("progress").locator(".dj-progress-num").textContent();
    const total = (t) => Number(t.split("/")[1]);
    assert.ok(total(progress) > total(without), `progress ${progress} with the election, ${without} without`);
  });

  it("marks a field required when its condition holds", async () => {
    const votes = form.locator("#dj-resolutions-votes");
    const subject = form.locator('[data-for="dj-resolutions-votes-0-subject"]');
    await subject.waitFor();
    assert.equal(await votes.count(), 1);
    await choose(form, "dj-resolutions-votes-0-kind", "ordinary");
    await subject.locator(".dj-req").waitFor({ state: "detached" });
    assert.equal(await subject.locator("input").getAttribute("aria-required"), "false");
    await choose(form, "dj-resolutions-votes-0-kind", "admission");
    await subject.locator(".dj-req").waitFor();
    assert.equal(await subject.locator("input").getAttribute("aria-required"), "true");
    assert.match(await subject.locator("label").textContent(), /（必填）/);
  });

  it("counts the election and marks the elected, with the verdict of the election rules", async () => {
    await labelled(form, "会议类型").selectOption({ label: "支部党员大会" });
    await choose(form, "dj-meeting-includes_election", "true");
    const election = form.locator("#dj-election");
    await election.waitFor();
    const candidates = form.locator("#dj-election-candidates");
    for (const [i, [name, votes, elected]] of [["王芳", 31, true], ["李强", 40, true], ["赵敏", 12, false]].entries()) {
      await candidates.getByRole("button", { name: /添加/ }).click();
      await candidates.locator(`#dj-election-candidates-${i}-name`).fill(name);
      await candidates.locator(`#dj-election-candidates-${i}-votes`).fill(String(votes));
      await choose(form, `dj-election-candidates-${i}-elected`, String(elected));
    }
    const results = form.getByTestId("election");
    await results.waitFor();
    // Most votes first, whatever order they were written in.
    const names = await results.locator(".dj-cand-name").allTextContents();
    assert.deepEqual(names, ["李强", "王芳", "赵敏"]);
    assert.deepEqual(await results.locator(".dj-cand-votes").allTextContents(), ["40 票", "31 票", "12 票"]);
    assert.equal(await results.locator("li.dj-elected").count(), 2);
    assert.match(await results.locator("li").last().textContent(), /赵敏/);
    assert.doesNotMatch(await results.locator("li").last().textContent(), /当选/);
    // The ballots are not filled in yet: the election rules do not pass.
    assert.match(await results.locator(".dj-verdict").textContent(), /处问题/);
  });

  it("keeps the 第一议题 on whichever item is first", async () => {
    await labelled(form, "会议类型").selectOption({ label: "支部委员会" });
    const agenda = form.locator("#dj-agenda-items");
    const rows = agenda.locator(".dj-row");
    const n = await rows.count();
    assert.ok(n >= 2, `${n} agenda items`);
    const badgeRow = async () => {
      const all = await rows.evaluateAll((els) => els.map((el) => Boolean(el.querySelector('[data-testid="first-topic"]'))));
      return all.indexOf(true);
    };
    assert.equal(await badgeRow(), 0);
    assert.equal(await agenda.getByTestId("first-topic").count(), 1);
    const second = await agenda.locator("#dj-agenda-items-1-kind").inputValue();
    await agenda.getByRole("button", { name: "上移 议题 2" }).click();
    await assert.doesNotReject(async () => {
      for (let i = 0; i < 50 && (await agenda.locator("#dj-agenda-items-0-kind").inputValue()) !== second; i++) await form.page().waitForTimeout(50);
    });
    assert.equal(await agenda.locator("#dj-agenda-items-0-kind").inputValue(), second);
    assert.equal(await badgeRow(), 0, "the badge stays on the first item");
    assert.equal(await agenda.getByTestId("first-topic").count(), 1);
  });

  it("moves focus from an add button to the new row's first field, on screen", async () => {
    const { page } = session;
    await page.setViewportSize({ width: 1024, height: 700 });
    try {
      for (const [list, name] of [["#dj-attendance-absentees", /添加请假/], ["#dj-agenda-items", /添加议题/]]) {
        const rows = form.locator(list);
        const add = rows.getByRole("button", { name });
        const before = await rows.locator(".dj-row, tbody tr[id]").count();
        await add.focus();
        await page.keyboard.press("Enter");
        const prefix = `${list.slice(1)}-${before}-`;
        await page.waitForFunction((prefix) => {
          const el = document.querySelector("#form-minutes").shadowRoot.activeElement;
          return el && el.id.startsWith(prefix) && ["INPUT", "SELECT", "TEXTAREA"].includes(el.tagName);
        }, prefix, { timeout: 10_000 });
        await assertFocusInView(page, `${list}: the new row`);
      }
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it("keeps the control reached by Tab clear of the sticky submit bar", async () => {
    const { page } = session;
    await page.setViewportSize({ width: 1024, height: 600 });
    try {
      await page.evaluate(() => window.scrollTo(0, 0));
      await labelled(form, "会议主题").focus();
      const covered = [];
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press("Tab");
        const p = await page.evaluate(() => {
          const root = document.querySelector("#form-minutes").shadowRoot;
          const el = root.activeElement;
          if (!el || !el.closest(".dj-main") || el.closest(".dj-submit-bar")) return null;
          const r = el.getBoundingClientRect();
          const bar = root.querySelector(".dj-submit-bar").getBoundingClientRect();
          const stuck = bar.bottom >= innerHeight - 1 && bar.top < innerHeight;
          return { id: el.id || el.textContent.trim().slice(0, 20), bottom: r.bottom, top: r.top, bar: stuck ? bar.top : innerHeight };
        });
        if (p && p.bottom > p.bar + 1) covered.push(p);
      }
      assert.deepEqual(covered, [], "controls under the submit bar");
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it("made no console error", () => {
    assert.deepEqual(session.problems, []);
  });
});
