// The hostile corpus through the headless entry in Chromium (specs fetched
// from forms/ as any page fetches them), then the full entry left ready for
// the component scenarios tests/browser-parity/attack.mjs drives.
import init, * as headless from "./dangjian-forms/headless.js";
import initMain, * as main from "./dangjian-forms/index.js";
import { CASES, FETCHING_CASES, TINY, runCases } from "./corpus.mjs";

async function run() {
  await init();
  await initMain();
  main.defineElements();
  window.__main = main;
  window.__TINY = TINY;
  const env = { fetchSpec: (url) => fetch(url) };
  return { results: await runCases(headless, env, [...FETCHING_CASES, ...CASES]) };
}

run().then(
  (result) => {
    const failed = result.results.filter((r) => !r.ok).length;
    document.getElementById("out").textContent = `${result.results.length} cases, ${failed} failed`;
    window.__attack = result;
  },
  (error) => {
    document.getElementById("out").textContent = String(error);
    window.__attack = { error: String(error && error.stack ? error.stack : error) };
  },
);
