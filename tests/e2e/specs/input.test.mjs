// Forgiving input: what a Chinese input method types in number, integer, ID
// number, mobile, credit-code, date and time fields — full-width digits and
// letters, spaces, 、 and － — is tidied as it is stored, and the person sees
// the tidied value. The engine stays strict: the record holds what it accepts.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPortal, labelled, stopSite } from "../lib/harness.mjs";

const SPEC = {
  id: "ime-form", version: "1", title: "输入法测试",
  sections: [{ id: "s", title: "基本情况", items: [
    { id: "count", type: "integer", title: "人数" },
    { id: "hours", type: "decimal", title: "学时" },
    { id: "id", type: "citizen_id", title: "身份证号码" },
    { id: "phone", type: "mobile", title: "手机号码" },
    { id: "code", type: "uscc", title: "统一社会信用代码" },
    { id: "day", type: "date", title: "日期" },
    { id: "at", type: "time", title: "时间" },
    { id: "when", type: "datetime", title: "日期时间" },
    { id: "note", type: "text", title: "备注" },
  ] }],
};

describe("forgiving input", () => {
  let browser;
  let session;
  before(async () => {
    browser = await launch();
    session = await openPortal(browser, "checklist");
    await session.page.evaluate(async (spec) => {
      const m = await import(new URL("pkg/index.js", location.href));
      const host = document.createElement("div");
      host.id = "ime";
      document.querySelector("main").prepend(host);
      window.__ime = m.mount(host, { form: spec, draftKey: false, today: "2026-11-20" });
    }, SPEC);
  });
  after(async () => {
    await browser?.close();
    await stopSite();
  });

  const record = () => session.page.evaluate(() => window.__ime.getData().s);
  const errorsAt = (name) =>
    session.page.evaluate((p) => window.__ime.validate().issues.filter((i) => i.path === p).map((i) => i.message), `/s/${name}`);

  /** Types `text` into the field labelled `label` as an input method commits it, then leaves the field. */
  async function type(label, text) {
    const input = labelled(session.page.locator("#ime"), label);
    await input.fill("");
    await input.pressSequentially(text);
    const live = await input.inputValue();
    await input.press("Tab");
    return { input, live, done: await input.inputValue() };
  }

  it("takes full-width digits in number fields and shows them half-width", async () => {
    const count = await type("人数", "３５");
    assert.equal(count.live, "35");
    const hours = await type("学时", "３２。５");
    assert.equal(hours.done, "32.5");
    const data = await record();
    assert.equal(data.count, 35);
    assert.equal(data.hours, 32.5);
    assert.deepEqual(await errorsAt("count"), []);
  });

  it("takes ID numbers with spaces, full-width digits and a small x", async () => {
    const id = await type("身份证号码", "１１０１０５ １９４９１２３１ ００２ｘ");
    assert.equal(id.done, "11010519491231002X");
    assert.equal((await record()).id, "11010519491231002X");
    assert.deepEqual(await errorsAt("id"), [], "a valid number once tidied");
  });

  it("takes mobile numbers and credit codes as people write them", async () => {
    assert.equal((await type("手机号码", "１３８－１２３４　５６７８")).done, "13812345678");
    assert.equal((await type("统一社会信用代码", "９１５１２０８１ｍａ６２ｋ０２６０ｅ")).done, "91512081MA62K0260E");
    const data = await record();
    assert.equal(data.phone, "13812345678");
    assert.equal(data.code, "91512081MA62K0260E");
    assert.deepEqual(await errorsAt("phone"), []);
    assert.deepEqual(await errorsAt("code"), []);
  });

  it("takes dates and times typed as digits alone, as on a number pad", async () => {
    assert.equal((await type("日期", "20261201")).done, "2026-12-01");
    assert.equal((await type("时间", "0930")).done, "09:30");
    assert.equal((await type("时间", "930")).done, "09:30");
    assert.equal((await record()).at, "09:30");
    assert.deepEqual(await errorsAt("at"), []);
  });

  it("takes dates and times typed with 、 －, full-width digits or 年月日", async () => {
    assert.equal((await type("日期", "２０２６－１１－２０")).done, "2026-11-20");
    assert.equal((await type("日期", "2026、1、5")).done, "2026-01-05");
    assert.equal((await type("日期", "2026年3月8日")).done, "2026-03-08");
    assert.equal((await type("时间", "１４：３０")).done, "14:30");
    assert.equal((await type("日期时间", "２０２６－１１－２０　９：３０")).done, "2026-11-20T09:30");
    const data = await record();
    assert.deepEqual([data.day, data.at, data.when], ["2026-03-08", "14:30", "2026-11-20T09:30"]);
    assert.deepEqual(await errorsAt("day"), []);
  });

  it("keeps text fields as typed, and leaves what is not a number to the engine", async () => {
    assert.equal((await type("备注", "１２３　ＡＢＣ")).done, "１２３　ＡＢＣ");
    await type("人数", "十二");
    assert.equal((await record()).count, "十二");
    assert.match((await errorsAt("count")).join(""), /整数|数字/);
  });

  it("does the same in the built-in forms: a count in the minutes, an ID number in the joint review", async () => {
    const { page } = session;
    await page.evaluate(() => (location.hash = "minutes"));
    const minutes = page.locator("#form-minutes");
    await labelled(minutes, "应到人数").pressSequentially("３５");
    assert.equal(await labelled(minutes, "应到人数").inputValue(), "35");
    assert.equal(await page.evaluate(() => document.querySelector("#form-minutes").data.attendance.expected), 35);
    await page.evaluate(() => (location.hash = "review"));
    const review = page.locator("#form-review");
    const id = labelled(review, "公民身份号码").first();
    await id.pressSequentially("4405 2418 8001 0100 14");
    await id.press("Tab");
    assert.equal(await id.inputValue(), "440524188001010014");
    assert.equal(await review.locator('[data-for="dj-candidate-citizen_id"] .dj-msg-error').count(), 0);
    assert.deepEqual(session.problems, []);
  });
});
