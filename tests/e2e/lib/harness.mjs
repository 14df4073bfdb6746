// Shared set-up of the end-to-end specs: the site, the browser, and a page
// that records every console error, page error and request it makes.
import { chromium } from "playwright-core";
import { mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = resolve(here, "..", "artifacts");

/** The browser's own chatter that is not the page's doing. */
const BROWSER_NOISE = [/^Failed to load resource: net::ERR_ABORTED.*favicon/];

let site = null;

/** The URL of the demo site: the xtask's server, or one started here. */
export async function siteUrl() {
  if (process.env.DANGJIAN_SITE_URL) return process.env.DANGJIAN_SITE_URL;
  if (!site) {
    const root = process.env.DANGJIAN_SITE ?? resolve(here, "../../../target/site");
    site = await serve(root);
  }
  return site.url;
}

/** Stops the server started here, if any. */
export async function stopSite() {
  if (site) await site.close();
  site = null;
}

/** Debian's Chromium, headless, kept off the network. */
export function launch() {
  return chromium.launch({
    env: { ...process.env, LANG: "zh_CN.UTF-8", LANGUAGE: "zh_CN:zh" },
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--font-render-hinting=none",
      "--lang=zh-CN",
    ],
  });
}

/**
 * Opens the portal at `#tab` in a fresh context. Returns `{ page, context, problems, requests }`:
 * `problems` collects console errors and uncaught exceptions, `requests` every URL asked for.
 */
export async function openPortal(browser, tab, options = {}) {
  const base = await siteUrl();
  const context = options.context ?? (await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: "zh-CN",
    deviceScaleFactor: 1,
    ...options.contextOptions,
  }));
  if (options.init) await context.addInitScript(options.init);
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && !BROWSER_NOISE.some((re) => re.test(msg.text()))) problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("request", (req) => requests.push(req.url()));
  await page.goto(`${base}#${tab}`);
  await waitForForms(page);
  return { page, context, problems, requests, base };
}

/** Waits until every form and calendar on the page has rendered. */
export async function waitForForms(page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll("dj-form, dj-calendar")].every((el) => el.shadowRoot?.querySelector(".dj")),
  );
}

/** Saves a full-page screenshot under tests/e2e/artifacts/. */
export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The input inside `form` labelled `label` (Playwright pierces open shadow roots). */
export function field(form, label) {
  return form.getByLabel(label, { exact: true });
}

/** Text of the live score total of `form`. */
export async function scoreTotal(form) {
  return Number(await form.getByTestId("score-total").textContent());
}
