// Shared set-up of the end-to-end specs: the site, the browser, and a page
// that records every console error, page error and request it makes.
import { before, after } from "node:test";
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
 * The browser of the tests of the describe() it is called in: launched before
 * them (before the hooks registered after this call); closed, and the site
 * stopped, after them. What it returns stands for that browser where the specs
 * use one: `newContext()` (openPortal's and their own contexts).
 */
export function sharedBrowser() {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await stopSite();
  });
  return { newContext: (options) => browser.newContext(options) };
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
  // Two cores shared with compilers: be patient rather than flaky.
  page.setDefaultTimeout(90_000);
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
  // The whole page in one viewport, so sticky bars sit where they belong.
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.min(height, 16000) });
  await page.screenshot({ path });
  await page.setViewportSize(viewport);
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

/** A field of `form` by its visible label (the required mark is read as "（必填）"). */
export function labelled(form, label) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return form.getByLabel(new RegExp(`^${escaped}\\s*(（必填）)?$`));
}

/** Clicks the option `value` of the radio group or checklist line whose DOM id is `id`. */
export function choose(form, id, value) {
  return form.locator(`[data-for="${id}"] label[data-value="${value}"]`).first().click();
}

/** The element that has keyboard focus, looking inside shadow roots. */
export function deepActive(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el ? { tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute("name"), type: el.getAttribute("type"), text: el.textContent.trim().slice(0, 40) } : null;
  });
}

/** Loads the example record of the open tab through the portal's button, and waits until the form holds it. */
export async function loadExample(page, tab) {
  const example = await page.locator(`#${tab} [data-example]`).getAttribute("data-example");
  const expected = await page.evaluate(async (name) => (await fetch(`examples/${name}.json`)).json(), example);
  await page.locator(`#${tab} [data-example]`).click();
  // (An empty record already holds defaults, so wait for the example itself.)
  await page.waitForFunction(
    ([tab, expected]) => {
      const data = document.querySelector(`#${tab} dj-form`)?.data;
      const same = (want, got) =>
        want === null || typeof want !== "object"
          ? want === got
          : got !== null && typeof got === "object" && Object.keys(want).every((k) => same(want[k], got[k]));
      return data != null && same(expected, data);
    },
    [tab, expected],
  );
}

/**
 * Where the element with keyboard focus sits: its box, the viewport height, and
 * the top of the form's sticky submit bar and the bottom of its sticky summary
 * bar when they are stuck to the screen's edges (what covers a place).
 */
export function focusPlacement(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    let host = null;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) {
      host = el;
      el = el.shadowRoot.activeElement;
    }
    if (!el || !host) return null;
    const frame = el.closest("[data-for], tr, .dj-row, section") ?? el;
    const r = frame.getBoundingClientRect();
    const h = innerHeight;
    let top = 0;
    let bottom = h;
    for (const bar of host.shadowRoot.querySelectorAll(".dj-sticky-top, .dj-submit-bar")) {
      const b = bar.getBoundingClientRect();
      if (b.height <= 0 || b.bottom <= 0 || b.top >= h) continue;
      if (bar.classList.contains("dj-submit-bar")) {
        if (b.bottom >= h - 1) bottom = Math.min(bottom, b.top);
      } else if (b.top <= 1) top = Math.max(top, b.bottom);
    }
    return { id: el.id, name: el.getAttribute("name"), tag: el.tagName.toLowerCase(), top: r.top, bottom: r.bottom, height: r.height, free: { top, bottom }, viewport: h };
  });
}

/** Asserts that the focused place is on screen, clear of the form's sticky bars. */
export async function assertFocusInView(page, label = "") {
  const p = await focusPlacement(page);
  if (!p) throw new Error(`${label}: nothing focused inside a form`);
  const fits = p.height <= p.free.bottom - p.free.top;
  const ok = fits ? p.top >= p.free.top - 1 && p.bottom <= p.free.bottom + 1 : p.top >= p.free.top - 1 && p.top < p.free.bottom;
  if (!ok) throw new Error(`${label}: the focused place ${JSON.stringify(p)} is not clear of the sticky bars`);
  return p;
}

/** Waits until the focused element inside the forms is `name` (an input's name) or `id`. */
export function waitForFocus(page, { name, id }) {
  return page.waitForFunction(
    ([name, id]) => {
      let el = document.activeElement;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      return el && ((name && el.getAttribute("name") === name) || (id && el.id === id));
    },
    [name, id],
  );
}

/**
 * The value of the input `locator` once it is `want` (the form draws after the
 * event that changed it: on a busy machine a moment later), or what it is after
 * `timeout` ms, for the assertion to report.
 */
export async function valueOf(locator, want, timeout = 10_000) {
  const end = Date.now() + timeout;
  let got = await locator.inputValue();
  while (got !== want && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    got = await locator.inputValue();
  }
  return got;
}
