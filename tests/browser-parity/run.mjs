// Browser parity: serves nothing itself — `cargo xtask test browser-parity`
// serves the static folder (the unpacked tarball + site/) with a strict CSP
// and passes its URL. Writes vectors.json into the folder, opens the page in
// headless Chromium, and fails on any difference from the CLI's reports.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadVectors } from "../node/lib/vectors.mjs";
import { launch, open } from "./chromium.mjs";

const url = process.argv[2];
const site = process.env.SITE_DIR;
if (!url || !site) {
  console.error("usage: SITE_DIR=<served folder> node run.mjs <url>");
  process.exit(2);
}
const vectors = loadVectors();
if (vectors.length === 0) {
  console.error(`no golden vectors found (DANGJIAN_VECTORS=${process.env.DANGJIAN_VECTORS ?? "unset"}): nothing to compare`);
  process.exit(1);
}
writeFileSync(join(site, "vectors.json"), JSON.stringify(vectors));

const browser = await launch();
let failed = 0;
try {
  const { page, errors, csp } = await open(browser, url);
  console.log(`opened ${url} (Content-Security-Policy: ${csp ?? "none"})`);
  await page.waitForFunction(() => window.__parity !== undefined, null, { timeout: 180_000 });
  const parity = await page.evaluate(() => window.__parity);
  if (parity.error) {
    console.error(`the page failed: ${parity.error}`);
    failed++;
  } else {
    for (const r of parity.results) {
      if (r.problems.length === 0) {
        console.log(`ok    ${r.name}`);
      } else {
        failed++;
        console.log(`FAIL  ${r.name}\n  ${r.problems.join("\n  ")}`);
      }
    }
    for (const problem of parity.entries) {
      failed++;
      console.log(`FAIL  ${problem}`);
    }
    if (parity.results.length !== 2 * vectors.length) {
      failed++;
      console.log(`FAIL  ${parity.results.length} results for ${vectors.length} vectors in two entries`);
    }
    console.log(`${parity.vectors} vectors through the headless and the full entry in headless Chromium, ${failed} failed`);
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
