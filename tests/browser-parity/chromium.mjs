// Headless Chromium from the system (Debian's /usr/bin/chromium), never a downloaded one.
import { chromium } from "playwright-core";

/** Launches the browser with the flags it needs on a closed network, as root. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Opens `url`, collecting console errors and page errors (CSP violations included). */
export async function open(browser, url) {
  const page = await browser.newPage();
  const errors = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  const response = await page.goto(url);
  const csp = response?.headers()["content-security-policy"];
  return { page, errors, csp };
}
