// The components under a strict Content-Security-Policy that allows no inline
// styles: the score, attendance, tally and vote bars are drawn to their widths
// (not full), and the page reports no violation.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { siteUrl, sharedBrowser, screenshot } from "../lib/harness.mjs";

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

const PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>CSP</title>
<script type="module" src="csp-strict.js"></script></head>
<body><div id="checklist"></div><div id="minutes"></div></body></html>`;

/** The page's script: records violations, then mounts a scored checklist and minutes with votes and an election. */
function script(election) {
  return `
window.violations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.violations.push(e.effectiveDirective + " " + (e.blockedURI || "") + " " + (e.sample || "")));
const { init, mount } = await import("./pkg/index.js");
await init();
const example = async (id) => (await fetch("examples/" + id + ".json")).json();
const minutes = ${JSON.stringify(election)};
minutes.resolutions.votes = (await example("meeting-minutes")).resolutions.votes;
const checklist = mount(document.getElementById("checklist"), { form: "branch-checklist", data: await example("branch-checklist"), draftKey: false });
const meeting = mount(document.getElementById("minutes"), { form: "meeting-minutes", data: minutes, draftKey: false });
await Promise.all([checklist.ready, meeting.ready]);
window.handles = { checklist, meeting };
window.mounted = true;
`;
}

/** Each `[drawn, whole]` width pair of `selector` inside the form's shadow root, drawn as a share of its track. */
async function shares(page, host, selector, track) {
  return page.evaluate(
    ([host, selector, track]) =>
      [...document.getElementById(host).shadowRoot.querySelectorAll(selector)].map((el) => {
        const whole = el.closest(track).getBoundingClientRect().width;
        return whole > 0 ? el.getBoundingClientRect().width / whole : NaN;
      }),
    [host, selector, track],
  );
}

/** Waits until both forms are drawn, their bars shown and the page's height has stopped changing. */
async function settle(page) {
  await page.waitForFunction(() => window.mounted === true);
  await page.locator("#checklist .dj-bar-fill").first().waitFor();
  await page.locator("#minutes .dj-cand-bar").first().waitFor();
  await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(document.documentElement.scrollHeight)));
    let [last, same] = [await frame(), 0];
    while (same < 10) {
      const now = await frame();
      same = now === last ? same + 1 : 0;
      last = now;
    }
  });
}

const close = (got, want, what) => assert.ok(Math.abs(got - want) < 0.02, `${what}: drawn ${got.toFixed(3)}, should be ${want.toFixed(3)}`);

describe("under a strict Content-Security-Policy (no inline styles)", () => {
  const browser = sharedBrowser();

  it("draws every bar to its width and reports no violation", async () => {
    const election = JSON.parse(await readFile(resolve(root, "tests/vectors/meeting-minutes/election-20-expected-16-present.input.json"), "utf8")).data;
    const site = await siteUrl();
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "zh-CN", deviceScaleFactor: 1 });
    await context.route(`${site}csp-strict.html`, (r) =>
      r.fulfill({ status: 200, headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": STRICT }, body: PAGE }));
    await context.route(`${site}favicon.ico`, (r) => r.fulfill({ status: 204, body: "" }));
    await context.route(`${site}csp-none.html`, (r) =>
      r.fulfill({ status: 200, headers: { "Content-Type": "text/html; charset=utf-8" }, body: PAGE }));
    await context.route(`${site}csp-strict.js`, (r) =>
      r.fulfill({ status: 200, headers: { "Content-Type": "text/javascript; charset=utf-8" }, body: script(election) }));
    const page = await context.newPage();
    page.setDefaultTimeout(90_000);
    const problems = [];
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    await page.goto(`${site}csp-strict.html`);
    await settle(page);

    // Score bars: each section's share of its points.
    const percents = await page.evaluate(() => window.handles.checklist.validate().score.sections.map((s) => s.percent / 100));
    const bars = await shares(page, "checklist", ".dj-bar-fill", ".dj-bar");
    assert.equal(bars.length, percents.length);
    assert.ok(percents.some((p) => p < 0.95), "the example has a section short of full marks");
    bars.forEach((got, i) => close(got, percents[i], `score bar ${i + 1}`));
    // Attendance: 18 present, 4 on leave, of 22.
    const att = await shares(page, "minutes", ".dj-att-seg", ".dj-att-bar");
    close(att[0], 18 / 22, "present");
    close(att[1], 4 / 22, "on leave");
    // The motion's tally: 40 yes, 0 no, 1 abstaining.
    const [yes] = await shares(page, "minutes", ".dj-tally-yes", ".dj-tally-bar");
    close(yes, 40 / 41, "yes votes");
    // The candidates' bars: each one's votes of the most.
    const votes = election.election.candidates.map((c) => c.votes).sort((a, b) => b - a);
    const top = Math.max(votes[0], election.election.ballots_valid);
    const cands = await shares(page, "minutes", ".dj-cand-bar > span", ".dj-cand-bar");
    cands.forEach((got, i) => close(got, votes[i] / top, `candidate ${i + 1}`));
    // A section not drawn yet keeps its height without a style attribute.
    const kept = await page.evaluate(() =>
      [...document.querySelectorAll("#checklist, #minutes")].flatMap((h) => [...h.shadowRoot.querySelectorAll(".dj-ph")]).map((p) => p.getBoundingClientRect().height));
    assert.ok(kept.every((h) => h > 20), `placeholders: ${kept}`);
    await screenshot(page, "csp-strict-1366");
    // The same bars as on a page with no policy: the score bars pixel for pixel, the others'
    // widths (their screenshots differ by the sub-pixel place the page scrolls them to).
    const drawn = async (p) => ({
      shot: await p.locator("#checklist .dj-bars").first().screenshot({ animations: "disabled" }),
      widths: [
        ...(await shares(p, "minutes", ".dj-att-seg", ".dj-att-bar")),
        ...(await shares(p, "minutes", ".dj-tally-bar > span", ".dj-tally-bar")),
        ...(await shares(p, "minutes", ".dj-cand-bar > span", ".dj-cand-bar")),
      ],
    });
    const strict = await drawn(page);
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    await page.close();
    const open = await context.newPage();
    await open.goto(`${site}csp-none.html`);
    await settle(open);
    const plain = await drawn(open);
    assert.ok(strict.shot.equals(plain.shot), "the score bars look different under the policy");
    assert.equal(strict.widths.length, plain.widths.length);
    strict.widths.forEach((w, i) => close(w, plain.widths[i], `bar ${i + 1} against the page with no policy`));
    assert.equal(await open.evaluate(() => window.violations.length), 0);

    assert.deepEqual(problems.filter((p) => /Content Security Policy|Refused/.test(p)), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
