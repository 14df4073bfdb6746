// The Vite example, built with the packed tarball and served by the xtask
// server (strict CSP): for every built-in form, the report the page shows must
// be the one Node gives through the same tarball.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { launch, open } from "./chromium.mjs";

const url = process.argv[2];
const consumer = process.env.NODE_CONSUMER;
if (!url || !consumer) {
  console.error("usage: NODE_CONSUMER=<node project with the tarball> node vite-check.mjs <url>");
  process.exit(2);
}
const node = await import(pathToFileURL(join(consumer, "node_modules/dangjian-forms/node.js")).href);
const options = { locale: "en", today: "2026-06-30" };

const browser = await launch();
let failed = 0;
try {
  const { page, errors, csp } = await open(browser, url);
  console.log(`opened ${url} (Content-Security-Policy: ${csp ?? "none"})`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 120_000 });
  await page.fill("#today", options.today);
  await page.selectOption("#locale", options.locale);
  for (const { id } of node.forms()) {
    await page.selectOption("#form", id);
    const shown = await page.textContent("#report");
    const form = node.compile(id);
    const expected = JSON.stringify(form.validate(form.emptyData(), options));
    form.free();
    const got = shown ? JSON.stringify(JSON.parse(shown)) : "(no report)";
    if (got === expected) {
      console.log(`ok    ${id}`);
    } else {
      failed++;
      console.log(`FAIL  ${id}: the page shows another report than Node\n    page ${got.slice(0, 300)}\n    node ${expected.slice(0, 300)}`);
    }
  }
  if (!csp) {
    failed++;
    console.log("FAIL  the page was served without a Content-Security-Policy");
  }
  for (const e of errors) {
    failed++;
    console.log(`FAIL  console: ${e}`);
  }
} finally {
  await browser.close();
}
process.exit(failed === 0 ? 0 : 1);
