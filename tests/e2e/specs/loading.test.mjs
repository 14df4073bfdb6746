// Visible while loading: <dj-form> shows its frame (title, 表单加载中…,
// progress) from the moment the tag is defined, before the WebAssembly module
// arrives, and the page's other controls keep working meanwhile. The site is
// served compressed and cacheable. And the demo has a tab for every form.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { openPortal, siteUrl, waitForForms, sharedBrowser } from "../lib/harness.mjs";

describe("visible while loading", () => {
  const browser = sharedBrowser();

  it("shows each form's frame before the module arrives, and the page answers meanwhile", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "zh-CN" });
    const page = await context.newPage();
    page.setDefaultTimeout(90_000);
    const problems = [];
    page.on("pageerror", (e) => problems.push(e.message));
    // Hold the module back until the placeholders have been looked at.
    let release;
    const held = new Promise((r) => (release = r));
    await page.route("**/*.wasm", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${await siteUrl()}#checklist`);
    const placeholder = page.locator("#form-checklist").getByTestId("placeholder");
    await placeholder.waitFor();
    assert.match(await placeholder.textContent(), /党支部标准化规范化建设评分表/);
    assert.match(await placeholder.textContent(), /表单加载中…/);
    assert.equal(await placeholder.getByRole("progressbar").count(), 1);
    assert.equal(await page.locator("#form-checklist").locator(".dj").count(), 0, "the form itself waits for the module");
    // The tabs and buttons work before the module is there.
    await page.locator('.site-nav a[data-tab="minutes"]').click();
    await page.locator("#minutes").waitFor({ state: "visible" });
    const minutes = page.locator("#form-minutes").getByTestId("placeholder");
    assert.match(await minutes.textContent(), /党支部会议记录/);
    await page.locator('#minutes [data-example]').click();
    await page.waitForFunction(() => document.querySelector("#form-minutes").data?.meeting?.topic);
    // A slow line says so.
    await page.waitForTimeout(4500);
    assert.match(await minutes.textContent(), /已等待 \d+ 秒/);
    release();
    await page.locator("#form-minutes .dj").waitFor();
    assert.equal(await page.locator("#form-minutes").getByTestId("placeholder").count(), 0);
    // What was given before the module came is what the form shows.
    const topic = await page.evaluate(() => document.querySelector("#form-minutes").data.meeting.topic);
    assert.equal(await page.locator("#form-minutes").getByLabel(/^会议主题/).inputValue(), topic);
    await waitForForms(page);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("is served compressed, with tags that let the browser keep the files", async () => {
    const base = await siteUrl();
    for (const path of ["pkg/wasm/full/dangjian_bg.wasm", "pkg/wasm/full/dangjian.js", "pkg/index.js", "css/portal.css", "index.html"]) {
      const first = await fetch(new URL(path, base), { headers: { "accept-encoding": "gzip" } });
      assert.equal(first.status, 200, path);
      assert.equal(first.headers.get("content-encoding"), "gzip", path);
      assert.match(first.headers.get("vary") ?? "", /Accept-Encoding/i, path);
      assert.match(first.headers.get("cache-control") ?? "", /no-cache/, path);
      const tag = first.headers.get("etag");
      assert.ok(tag, `${path} has an ETag`);
      await first.arrayBuffer();
      const again = await fetch(new URL(path, base), { headers: { "accept-encoding": "gzip", "if-none-match": tag } });
      assert.equal(again.status, 304, `${path} again`);
    }
    // The browser gets the module compressed, as application/wasm.
    const { page, context } = await openPortal(browser, "checklist", {
      init: () => {},
    });
    const sizes = await page.evaluate(() =>
      performance.getEntriesByType("resource").filter((r) => r.name.endsWith(".wasm")).map((r) => ({ sent: r.encodedBodySize, size: r.decodedBodySize })),
    );
    assert.equal(sizes.length, 1);
    assert.ok(sizes[0].sent < sizes[0].size / 2, `the module came compressed: ${JSON.stringify(sizes[0])}`);
    await context.close();
  });

  it("has a tab for every built-in form, the compliance calendar and the rectification list", async () => {
    const { page, context, problems } = await openPortal(browser, "checklist");
    const ids = await page.evaluate(async () => (await import(new URL("pkg/index.js", location.href))).forms().map((f) => f.id));
    assert.ok(ids.length >= 6, ids.join(","));
    for (const id of ids) {
      const el = page.locator(`dj-form[form="${id}"]`);
      assert.equal(await el.count(), 1, `a form for ${id}`);
      const tab = await el.evaluate((el) => el.closest(".tab").id);
      await page.locator(`.site-nav a[data-tab="${tab}"]`).click();
      await el.locator(".dj").waitFor();
      assert.equal(await el.isVisible(), true, id);
    }
    assert.ok(ids.includes("village-decision") && ids.includes("rectification-list"));
    await page.locator('.site-nav a[data-tab="calendar"]').click();
    await page.locator("#calendar-2026 .dj-cal-met").first().waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});
