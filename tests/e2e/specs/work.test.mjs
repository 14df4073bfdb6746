// Never lose work: no single click loses what was typed. Emptying the form,
// discarding a draft and removing a row with content can be undone; 导入数据
// reads back what 导出数据 wrote and refuses other files with a reason; the
// last records about to be lost are kept as earlier drafts; values an older
// version of the form had are shown, to be moved or dropped; another tab on the
// same draft is noticed; data that is not a record is refused with a notice.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { openPortal, labelled, loadExample, waitForForms, valueOf, ARTIFACTS, sharedBrowser } from "../lib/harness.mjs";

/** Writes `text` to a file under the artifacts folder and returns its path. */
async function file(name, text) {
  const dir = join(ARTIFACTS, "files");
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe("never lose work", () => {
  const browser = sharedBrowser();

  it("清空重填 can be undone, and what was there is kept among the earlier drafts", async () => {
    const { page, context, problems } = await openPortal(browser, "minutes");
    const form = page.locator("#form-minutes");
    await labelled(form, "会议主题").fill("11月支委会：研究年终总结");
    await form.locator(".dj-saved").getByText("草稿已自动保存").waitFor();
    await page.locator('#minutes [data-clear="form-minutes"]').click();
    const undo = form.getByTestId("undo");
    await undo.getByText("表单内容已被替换或清空").waitFor();
    assert.equal(await valueOf(labelled(form, "会议主题"), ""), "");
    await undo.getByRole("button", { name: "撤销" }).click();
    assert.equal(await valueOf(labelled(form, "会议主题"), "11月支委会：研究年终总结"), "11月支委会：研究年终总结");
    await undo.waitFor({ state: "detached" });
    // Emptied again and not undone: the record is still among the earlier drafts.
    await page.locator('#minutes [data-clear="form-minutes"]').click();
    await undo.waitFor();
    await form.getByRole("button", { name: "草稿记录" }).click();
    const history = form.getByTestId("history");
    const kept = history.locator("li").filter({ hasText: "11月支委会：研究年终总结" }).first();
    await kept.waitFor();
    await kept.getByRole("button", { name: "恢复" }).click();
    assert.equal(await valueOf(labelled(form, "会议主题"), "11月支委会：研究年终总结"), "11月支委会：研究年终总结");
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("removing a row with content can be undone; an empty row goes without asking", async () => {
    const { page, context, problems } = await openPortal(browser, "minutes");
    const form = page.locator("#form-minutes");
    await loadExample(page, "minutes");
    const list = form.locator("#dj-attendance-absentees");
    const rows = await list.locator("tbody tr").count();
    const second = await list.locator("#dj-attendance-absentees-1-name").inputValue();
    await list.getByRole("button", { name: /^删除 .* 2$/ }).click();
    assert.equal(await list.locator("tbody tr").count(), rows - 1);
    const undo = form.getByTestId("undo");
    await undo.getByText(/已删除 出席情况 › 请假、缺席人员及原因 第 2 行/).waitFor();
    assert.match(await form.getByTestId("live").textContent(), /已删除.*可以撤销/);
    await undo.getByRole("button", { name: "撤销" }).click();
    assert.equal(await list.locator("tbody tr").count(), rows);
    assert.equal(await valueOf(list.locator("#dj-attendance-absentees-1-name"), second), second);
    // A row added by mistake and removed at once leaves nothing to undo.
    await list.getByRole("button", { name: /添加/ }).click();
    await list.getByRole("button", { name: new RegExp(`^删除 .* ${rows + 1}$`) }).click();
    await page.waitForTimeout(200);
    assert.equal(await undo.count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("放弃草稿 can be taken back, and a draft not restored is kept when new typing replaces it", async () => {
    const { page, context, problems } = await openPortal(browser, "minutes");
    const form = page.locator("#form-minutes");
    await labelled(form, "会议主题").fill("第一份草稿");
    await form.locator(".dj-saved").getByText("草稿已自动保存").waitFor();
    await page.reload();
    await waitForForms(page);
    await form.getByTestId("draft-offer").getByRole("button", { name: "放弃草稿" }).click();
    const discarded = form.getByTestId("draft-discarded");
    await discarded.waitFor();
    await discarded.getByRole("button", { name: "撤销" }).click();
    await form.getByTestId("draft-offer").getByRole("button", { name: "恢复草稿" }).click();
    assert.equal(await valueOf(labelled(form, "会议主题"), "第一份草稿"), "第一份草稿");
    // A new record typed over a draft that was offered and not restored: the old one is kept.
    await page.reload();
    await waitForForms(page);
    await form.getByTestId("draft-offer").waitFor();
    await labelled(form, "地点").fill("村委会二楼会议室");
    await form.locator(".dj-saved").getByText("草稿已自动保存").waitFor();
    await form.getByRole("button", { name: "草稿记录" }).click();
    await form.getByTestId("history").locator("li").filter({ hasText: "第一份草稿" }).first().waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("imports what it exported, and refuses other files with a reason", async () => {
    const { page, context, problems } = await openPortal(browser, "minutes");
    const form = page.locator("#form-minutes");
    await loadExample(page, "minutes");
    const download = page.waitForEvent("download");
    await form.getByRole("button", { name: "导出数据" }).click();
    const exported = await readFile(await (await download).path(), "utf8");
    const original = await page.evaluate(() => document.querySelector("#form-minutes").data);
    await page.locator('#minutes [data-clear="form-minutes"]').click();
    assert.equal(await valueOf(labelled(form, "会议主题"), ""), "");
    await form.getByTestId("import-file").setInputFiles(await file("minutes.json", exported));
    await page.waitForFunction((topic) => document.querySelector("#form-minutes").data.meeting.topic === topic, original.meeting.topic);
    assert.deepEqual(await page.evaluate(() => document.querySelector("#form-minutes").data), original);
    await form.getByTestId("live").getByText("数据已导入").waitFor();
    // A record of another form.
    const checklist = await page.evaluate(async () => (await fetch("examples/branch-checklist.json")).json());
    await form.getByTestId("import-file").setInputFiles(await file("checklist.json", JSON.stringify(checklist)));
    await form.getByTestId("refused").getByText(/不是“党支部会议记录”的数据/).waitFor();
    assert.equal(await valueOf(labelled(form, "会议主题"), original.meeting.topic), original.meeting.topic, "nothing changed");
    // An envelope naming another form, text that is not JSON, JSON that is not a record.
    await form.getByTestId("import-file").setInputFiles(await file("other.json", JSON.stringify({ form: "branch-checklist", data: checklist })));
    await form.getByTestId("refused").getByText(/另一张表单的数据/).waitFor();
    await form.getByTestId("import-file").setInputFiles(await file("broken.json", '{"meeting": {"topic": '));
    await form.getByTestId("refused").getByText(/不是有效的 JSON 数据（第 1 行/).waitFor();
    await form.getByTestId("import-file").setInputFiles(await file("list.json", "[1, 2, 3]"));
    await form.getByTestId("refused").getByText(/不是一份记录（是一个列表）/).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("shows the values an older version of the form had, to move into a field or drop", async () => {
    const { page, context, problems } = await openPortal(browser, "minutes", {
      init: () => {
        if (!sessionStorage.getItem("seeded")) {
          sessionStorage.setItem("seeded", "1");
          localStorage.setItem("lishui:meeting-minutes", JSON.stringify({
            v: 1, form: "meeting-minutes", version: "2020.1", saved_at: "2026-01-02 10:00",
            data: { meeting: { topic: "按旧版表单填写", venue: "村委会二楼会议室", old_note: "旧栏目的备注" } },
          }));
        }
      },
    });
    const form = page.locator("#form-minutes");
    await form.getByTestId("draft-offer").getByRole("button", { name: "恢复草稿" }).click();
    const unknown = form.getByTestId("unknown-data");
    await unknown.waitFor();
    assert.match(await unknown.textContent(), /有 2 项内容在当前表单中没有对应的栏目/);
    assert.match(await unknown.textContent(), /村委会二楼会议室/);
    // The error list leads here: no error the person cannot reach.
    await form.getByRole("button", { name: "提交" }).click();
    const link = form.getByTestId("error-summary").locator('li[data-code="unknown_key"] button').first();
    await link.click();
    await page.waitForFunction(() => document.querySelector("#form-minutes").shadowRoot.activeElement?.id === "dj-unknown-h");
    // “venue” was renamed “place”: move it there; drop the note.
    const venue = unknown.locator("li").filter({ hasText: "村委会二楼会议室" });
    await venue.getByRole("combobox").selectOption({ label: "地点" });
    assert.equal(await valueOf(labelled(form, "地点"), "村委会二楼会议室"), "村委会二楼会议室");
    await unknown.locator("li").filter({ hasText: "旧栏目的备注" }).getByRole("button", { name: "删除" }).click();
    await unknown.waitFor({ state: "detached" });
    const codes = await page.evaluate(() => document.querySelector("#form-minutes").validate().issues.map((i) => i.code));
    assert.ok(!codes.includes("unknown_key"), codes.join(","));
    // Dropping can be undone.
    await form.getByTestId("undo").getByRole("button", { name: "撤销" }).click();
    await unknown.waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("notices another tab filling in the same draft, and keeps what it saved", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "zh-CN" });
    const first = await openPortal(browser, "minutes", { context });
    const second = await openPortal(browser, "minutes", { context });
    const a = first.page.locator("#form-minutes");
    const b = second.page.locator("#form-minutes");
    await labelled(a, "会议主题").fill("在第一个标签页填写");
    await a.locator(".dj-saved").getByText("草稿已自动保存").waitFor();
    await labelled(b, "会议主题").fill("在第二个标签页填写");
    const notice = a.getByTestId("other-tab");
    await notice.waitFor();
    assert.match(await notice.textContent(), /另一个窗口也在填写这张表/);
    await notice.getByRole("button", { name: "改用那边的内容" }).click();
    assert.equal(await valueOf(labelled(a, "会议主题"), "在第二个标签页填写"), "在第二个标签页填写");
    // What this tab had is kept, and can be taken back.
    await a.getByTestId("undo").getByRole("button", { name: "撤销" }).click();
    assert.equal(await valueOf(labelled(a, "会议主题"), "在第一个标签页填写"), "在第一个标签页填写");
    assert.deepEqual([...first.problems, ...second.problems], []);
    await context.close();
  });

  it("refuses data and drafts that are not a record, and typing still works", async () => {
    const { page, context, problems } = await openPortal(browser, "minutes", {
      init: () => {
        if (!sessionStorage.getItem("seeded")) {
          sessionStorage.setItem("seeded", "1");
          localStorage.setItem("lishui:meeting-minutes", JSON.stringify({ v: 1, form: "meeting-minutes", version: "2026.1", saved_at: "2026-01-02 10:00", data: [1, 2, 3] }));
        }
      },
    });
    const form = page.locator("#form-minutes");
    await form.getByTestId("draft-broken").getByText(/不是一份完整的记录（是一个列表）/).waitFor();
    assert.equal(await form.getByTestId("draft-offer").count(), 0);
    await labelled(form, "会议主题").fill("照常填写");
    await page.evaluate(() => (document.querySelector("#form-minutes").data = "just a string"));
    await form.getByTestId("refused").getByText(/不是一份记录（是一段文字）/).waitFor();
    assert.equal(await valueOf(labelled(form, "会议主题"), "照常填写"), "照常填写");
    await labelled(form, "地点").fill("党群服务中心");
    const data = await page.evaluate(() => document.querySelector("#form-minutes").data);
    assert.deepEqual([data.meeting.topic, data.meeting.place], ["照常填写", "党群服务中心"]);
    // mount() given a list starts empty and says so.
    const said = await page.evaluate(async () => {
      const m = await import(new URL("pkg/index.js", location.href));
      const host = document.createElement("div");
      document.querySelector("main").prepend(host);
      const h = m.mount(host, { form: "meeting-minutes", data: [1, 2, 3], draftKey: false });
      let text = "";
      for (let i = 0; i < 100 && !text; i++) {
        await new Promise((r) => setTimeout(r, 20));
        text = host.shadowRoot.querySelector('[data-testid="refused"]')?.textContent ?? "";
      }
      const data = h.getData();
      h.destroy();
      return { text, data: typeof data === "object" && !Array.isArray(data) };
    });
    assert.match(said.text, /不是一份记录/);
    assert.equal(said.data, true);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
