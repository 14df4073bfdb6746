// Embedding as a portal developer does it: mount() with callbacks and a handle,
// <dj-form> attributes, any spec object, themes through custom properties, and
// styles that cross the shadow boundary in neither direction.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, openPortal, loadExample, stopSite } from "../lib/harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const SAFETY_SPEC = JSON.parse(await readFile(resolve(here, "../../../examples/specs/village-safety-checklist.json"), "utf8"));

describe("embedding", () => {
  let browser;
  let session;
  before(async () => {
    browser = await launch();
    session = await openPortal(browser, "checklist");
  });
  after(async () => {
    await browser?.close();
    await stopSite();
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
