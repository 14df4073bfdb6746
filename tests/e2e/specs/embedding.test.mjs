// Embedding as a portal developer does it: mount() with callbacks and a handle,
// <dj-form> attributes, any spec object, themes through custom properties, and
// styles that cross the shadow boundary in neither direction.
import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openPortal, loadExample, sharedBrowser } from "../lib/harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const SAFETY_SPEC = JSON.parse(await readFile(resolve(here, "../../../examples/specs/village-safety-checklist.json"), "utf8"));

describe("embedding", () => {
  const browser = sharedBrowser();
  let session;
  before(async () => {
    session = await openPortal(browser, "checklist");
  });

  it("mount() renders into a shadow root and talks back through callbacks and the handle", async () => {
    const { page } = session;
    await page.evaluate(async () => {
      const m = await import(new URL("pkg/index.js", location.href));
      const host = document.createElement("div");
      host.id = "embed";
      document.querySelector("main").prepend(host);
      window.__changes = [];
      window.__handle = m.mount(host, {
        form: "meeting-minutes",
        locale: "en",
        draftKey: false,
        today: "2026-11-20",
        onChange: (data, report) => window.__changes.push({ topic: data.meeting.topic, valid: report.valid }),
      });
    });
    const embed = page.locator("#embed");
    await embed.locator(".dj").waitFor();
    assert.equal(await embed.locator(".dj").getAttribute("lang"), "en");
    assert.match(await embed.locator(".dj-title").textContent(), /minutes/i);

    await embed.getByLabel(/^Subject/).fill("Year-end review");
    const changes = await page.evaluate(() => window.__changes);
    assert.ok(changes.length > 0);
    assert.equal(changes.at(-1).topic, "Year-end review");
    assert.equal(changes.at(-1).valid, false);
    assert.equal(await page.evaluate(() => window.__handle.getData().meeting.topic), "Year-end review");

    await page.evaluate(() => window.__handle.setData({ meeting: { topic: "Set by the host" } }));
    await embed.locator('input[value="Set by the host"]').or(embed.getByLabel(/^Subject/)).first().waitFor();
    assert.equal(await embed.getByLabel(/^Subject/).inputValue(), "Set by the host");

    const report = await page.evaluate(() => window.__handle.validate());
    assert.equal(report.valid, false);
    assert.ok(report.issues.some((i) => i.code === "required"));
    await embed.getByTestId("error-summary").waitFor();

    await page.evaluate(() => {
      window.__handle.setLocale("zh-CN");
    });
    await embed.locator('.dj[lang="zh-CN"]').waitFor();

    await page.evaluate(() => window.__handle.destroy());
    assert.equal(await page.evaluate(() => document.querySelector("#embed").shadowRoot.childElementCount), 0);
  });

  it("renders any spec object, with its score", async () => {
    const { page } = session;
    await page.evaluate(async (spec) => {
      const m = await import(new URL("pkg/index.js", location.href));
      const host = document.createElement("section");
      host.id = "custom";
      document.querySelector("main").prepend(host);
      window.__custom = m.mount(host, { form: spec, draftKey: false });
    }, SAFETY_SPEC);
    const custom = page.locator("#custom");
    await custom.getByTestId("score-total").waitFor();
    await custom.locator('[data-for="dj-prevention-fire"] label[data-value="met"]').click();
    assert.ok(Number(await custom.getByTestId("score-total").textContent()) > 0);
    const error = await page.evaluate(async () => {
      const m = await import(new URL("pkg/index.js", location.href));
      try {
        m.mount(document.createElement("div"), { form: "no-such-form" });
        return null;
      } catch (e) {
        return { code: e.code, message: e.message };
      }
    });
    assert.equal(error.code, "unknown_form");
    assert.match(error.message, /branch-checklist/);
    await page.evaluate(() => window.__custom.destroy());
  });

  it("mount() throws the same coded errors as compile(), and takes a spec as JSON text", async () => {
    const { page } = session;
    const result = await page.evaluate(async (spec) => {
      const m = await import(new URL("pkg/index.js", location.href));
      const attempt = (element, options) => {
        try {
          const h = m.mount(element, options);
          h.destroy();
          return "mounted";
        } catch (e) {
          return { name: e.name, code: e.code, message: e.message, diagnostics: e.diagnostics, isOurs: m.isDangjianError(e) };
        }
      };
      const el = () => document.body.appendChild(document.createElement("div"));
      const cyclic = { meeting: {} };
      cyclic.meeting.self = cyclic;
      const bad = { id: "x", version: "1", title: "t", sections: [{ id: "s", items: [{ id: "n", type: "no_such_type" }] }] };
      let compileError = null;
      try {
        m.compile(bad);
      } catch (e) {
        compileError = { name: e.name, code: e.code, diagnostics: e.diagnostics };
      }
      let badJsonCode = null;
      try {
        m.compile("{ not json");
      } catch (e) {
        badJsonCode = e.code;
      }
      return {
        badJsonCode,
        unknown: attempt(el(), { form: "no-such-form" }),
        invalid: attempt(el(), { form: bad }),
        compileError,
        json: attempt(el(), { form: JSON.stringify(spec), draftKey: false }),
        badJson: attempt(el(), { form: "{ not json" }),
        cyclic: attempt(el(), { form: "meeting-minutes", data: cyclic, draftKey: false }),
        today: attempt(el(), { form: "meeting-minutes", today: "2026/11/20", draftKey: false }),
        locale: attempt(el(), { form: "meeting-minutes", locale: "fr", draftKey: false }),
        noForm: attempt(el(), { draftKey: false }),
        notElement: attempt("#checklist", { form: "meeting-minutes" }),
        callback: attempt(el(), { form: "meeting-minutes", onChange: "save()", draftKey: false }),
      };
    }, SAFETY_SPEC);
    assert.equal(result.unknown.name, "DangjianError");
    assert.equal(result.unknown.code, "unknown_form");
    assert.ok(result.unknown.isOurs);
    assert.equal(result.invalid.code, "spec_invalid");
    assert.equal(result.invalid.name, "DangjianError");
    assert.deepEqual(result.invalid.diagnostics, result.compileError.diagnostics);
    assert.ok(result.invalid.diagnostics.some((d) => d.path.includes("/sections/0/items/0")), JSON.stringify(result.invalid.diagnostics));
    assert.equal(result.json, "mounted");
    assert.equal(result.badJson.code, result.badJsonCode, "JSON text that does not parse: what compile() says");
    assert.equal(result.cyclic.code, "bad_argument");
    assert.match(result.cyclic.message, /options\.data/);
    assert.equal(result.today.code, "bad_options");
    assert.match(result.today.message, /today/);
    assert.equal(result.locale.code, "bad_options");
    assert.equal(result.noForm.code, "bad_options");
    assert.equal(result.notElement.code, "bad_argument");
    assert.equal(result.callback.code, "bad_options");
    assert.deepEqual(session.problems, []);
  });

  it("hides, disables and requires fields as the spec's conditions say", async () => {
    const { page } = session;
    const spec = {
      id: "car-form", version: "1", title: { "zh-CN": "车辆登记", en: "Car" },
      sections: [{ id: "s", title: "基本情况", items: [
        { id: "has_car", type: "boolean", title: "有无车辆", required: true },
        { id: "plate", type: "text", title: "车牌号", required: true, visible_if: { "==": [{ var: "s.has_car" }, true] } },
        { id: "why", type: "text", title: "无车原因", required: true, enabled_if: { "==": [{ var: "s.has_car" }, false] } },
        { id: "insurer", type: "text", title: "保险公司", required_if: { "==": [{ var: "s.has_car" }, true] } },
      ] }],
    };
    await page.evaluate(async (spec) => {
      const m = await import(new URL("pkg/index.js", location.href));
      const host = document.createElement("div");
      host.id = "cond";
      document.querySelector("main").prepend(host);
      window.__cond = m.mount(host, { form: spec, draftKey: false });
    }, spec);
    const form = page.locator("#cond");
    const plate = form.locator('[data-for="dj-s-plate"]');
    const why = form.locator("#dj-s-why");
    const insurer = form.locator('[data-for="dj-s-insurer"]');
    const total = async () => Number((await form.getByTestId("progress").locator(".dj-progress-num").textContent()).split("/")[1]);
    await form.locator(".dj").waitFor();
    assert.equal(await plate.count(), 0, "no plate without a car");
    assert.equal(await insurer.locator(".dj-req").count(), 0);

    await form.locator('[data-for="dj-s-has_car"] label[data-value="true"]').click();
    await plate.waitFor();
    await plate.locator(".dj-req").waitFor();
    await insurer.locator(".dj-req").waitFor();
    assert.equal(await why.isDisabled(), true, "with a car there is no reason to give");
    assert.equal(await form.locator('[data-for="dj-s-why"] .dj-req').count(), 0);
    assert.equal(await total(), 3, "has_car, plate and the insurer now that it is required; not the disabled reason");

    await form.locator('[data-for="dj-s-has_car"] label[data-value="false"]').click();
    await plate.waitFor({ state: "detached" });
    await form.locator('[data-for="dj-s-why"] .dj-req').waitFor();
    assert.equal(await why.isDisabled(), false);
    assert.equal(await insurer.locator(".dj-req").count(), 0);
    assert.equal(await total(), 2);
    await why.fill("步行上班");
    assert.equal(await why.inputValue(), "步行上班");
    await page.evaluate(() => window.__cond.destroy());
  });

  it("tells the host page about edits and submissions: dj-change, dj-submit and onSubmit", async () => {
    const { page } = session;
    const spec = { id: "sign-up", version: "1", title: "报名表", sections: [{ id: "s", title: "报名", items: [{ id: "name", type: "person_name", title: "姓名", required: true }] }] };
    await page.evaluate(async (spec) => {
      const m = await import(new URL("pkg/index.js", location.href));
      const host = document.createElement("div");
      host.id = "events";
      document.querySelector("main").prepend(host);
      window.__events = [];
      host.addEventListener("dj-change", (e) => window.__events.push({ type: e.type, composed: e.composed, bubbles: e.bubbles, name: e.detail.data.s.name, valid: e.detail.report.valid, form: e.detail.report.form.id, states: "states" in e.detail.report }));
      document.addEventListener("dj-submit", (e) => window.__events.push({ type: e.type, name: e.detail.data.s.name, valid: e.detail.report.valid }));
      window.__submitted = [];
      window.__h = m.mount(host, { form: spec, draftKey: false, onSubmit: (data, report) => window.__submitted.push({ name: data.s.name, valid: report.valid, errors: report.counts.errors }) });
    }, spec);
    const form = page.locator("#events");
    await form.getByLabel(/^姓名/).fill("张三");
    await page.waitForFunction(() => window.__events.some((e) => e.type === "dj-change" && e.name === "张三"));
    const change = (await page.evaluate(() => window.__events)).filter((e) => e.type === "dj-change").at(-1);
    assert.deepEqual(change, { type: "dj-change", composed: true, bubbles: true, name: "张三", valid: true, form: "sign-up", states: false });
    await form.getByRole("button", { name: "提交" }).click();
    await page.waitForFunction(() => window.__submitted.length > 0);
    assert.deepEqual(await page.evaluate(() => window.__submitted), [{ name: "张三", valid: true, errors: 0 }]);
    const submit = (await page.evaluate(() => window.__events)).filter((e) => e.type === "dj-submit");
    assert.deepEqual(submit, [{ type: "dj-submit", name: "张三", valid: true }]);
    // A record with errors is not submitted.
    await form.getByLabel(/^姓名/).fill("");
    await form.getByRole("button", { name: "提交" }).click();
    await form.getByTestId("error-summary").waitFor();
    assert.equal(await page.evaluate(() => window.__submitted.length), 1);
    await page.evaluate(() => window.__h.destroy());
  });

  it("keeps styles inside and takes its theme from custom properties", async () => {
    const { page } = session;
    await page.evaluate(() => {
      const style = document.createElement("style");
      style.textContent = `input, textarea, select { background: rgb(255, 0, 0) !important; }
        #form-checklist { --dj-primary: rgb(0, 0, 255); }`;
      document.head.append(style);
      const probe = document.createElement("p");
      probe.className = "dj-title dj-section-title";
      probe.id = "probe";
      probe.textContent = "probe";
      document.body.append(probe);
    });
    const form = page.locator("#form-checklist");
    const input = form.locator("input.dj-input").first();
    assert.equal(await input.evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(255, 255, 255)");
    const submit = form.getByRole("button", { name: "提交" });
    assert.equal(await submit.evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(0, 0, 255)");
    const probe = await page.locator("#probe").evaluate((el) => {
      const s = getComputedStyle(el);
      return { weight: s.fontWeight, background: s.backgroundImage };
    });
    assert.deepEqual(probe, { weight: "400", background: "none" });
  });

  it("<dj-form> follows its attributes: read-only and locale", async () => {
    const { page } = session;
    await page.evaluate(() => (location.hash = "minutes"));
    await loadExample(page, "minutes");
    const form = page.locator("#form-minutes");
    await page.evaluate(() => document.querySelector("#form-minutes").setAttribute("locale", "en"));
    await form.locator('.dj[lang="en"]').waitFor();
    assert.match(await form.locator(".dj-toc").textContent(), /Attendance/);
    await page.evaluate(() => document.querySelector("#form-minutes").setAttribute("read-only", ""));
    await form.locator(".dj-readonly").waitFor();
    assert.equal(await form.locator("input, textarea, select").count(), 0);
    assert.match(await form.locator(".dj-main").textContent(), /鹤峰村党群服务中心/);
    assert.equal(await form.getByRole("button", { name: /Submit|提交/ }).count(), 0);
    assert.deepEqual(session.problems, []);
  });
});
