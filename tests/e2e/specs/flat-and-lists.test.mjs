// A portal's own spec with a field at the top level of the record and a list of plain
// values: the fields are drawn in an untitled section, the list as labelled inputs with
// add and remove buttons a keyboard reaches, and the record holds what was typed.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { sharedBrowser, openPortal, deepActive } from "../lib/harness.mjs";

const SPEC = {
  id: "flat-list",
  version: "1",
  title: "签到表",
  sections: [
    { id: "topic", type: "text", title: "会议主题" },
    { id: "attendees", type: "list", of: "person_name", title: "到会人员", unique: true, max_items: 3 },
    { id: "other", title: "其他", items: [{ id: "note", type: "text", title: "备注" }] },
  ],
};

describe("flat records and lists of plain values", () => {
  const browser = sharedBrowser();

  it("draws top-level fields and edits a list by keyboard", async () => {
    const { page, context, problems } = await openPortal(browser, "checklist");
    await page.evaluate(async (spec) => {
      const { mount } = await import("./pkg/index.js");
      const el = document.createElement("div");
      el.id = "flat-list";
      document.body.append(el);
      window.flatList = mount(el, { form: spec, draftKey: false, today: null });
      await window.flatList.ready;
    }, SPEC);
    const form = page.locator("#flat-list");
    // The top-level fields sit in an untitled section; the section keeps its numbered title.
    await form.locator(".dj-section-untitled").first().waitFor();
    assert.equal(await form.locator(".dj-section-title").count(), 1);
    await form.getByLabel("会议主题", { exact: true }).fill("集中学习");

    const add = form.getByRole("button", { name: "＋ 添加一项" });
    await add.focus();
    await page.keyboard.press("Enter");
    await form.getByLabel("到会人员 第 1 项", { exact: true }).waitFor();
    assert.match((await deepActive(page)).id, /-0$/, "focus goes to the new value");
    const first = form.getByLabel("到会人员 第 1 项", { exact: true });
    assert.equal(await first.getAttribute("aria-invalid"), "false", "a new empty value is not an error yet");
    await page.keyboard.type("张三");
    await add.focus();
    await page.keyboard.press("Enter");
    await form.getByLabel("到会人员 第 2 项", { exact: true }).waitFor();
    await page.keyboard.type("李四");
    await add.focus();
    await page.keyboard.press("Enter");
    await form.getByLabel("到会人员 第 3 项", { exact: true }).waitFor();
    await page.keyboard.type("张三");
    await page.keyboard.press("Tab");
    assert.ok(await add.isDisabled(), "no more than max_items values");

    let data = await page.evaluate(() => window.flatList.getData());
    assert.deepEqual(data.attendees, ["张三", "李四", "张三"]);
    assert.equal(data.topic, "集中学习");
    const report = await page.evaluate(() => window.flatList.validate());
    assert.deepEqual(
      report.issues.map((i) => [i.path, i.code]),
      [["/attendees/2", "duplicate_item"]],
    );

    // Remove the second value by keyboard: focus moves to the value now in its place.
    await form.getByRole("button", { name: "删除到会人员 第 2 项" }).focus();
    await page.keyboard.press("Enter");
    data = await page.evaluate(() => window.flatList.getData());
    assert.deepEqual(data.attendees, ["张三", "张三"]);
    assert.match((await deepActive(page)).id, /-1$/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
