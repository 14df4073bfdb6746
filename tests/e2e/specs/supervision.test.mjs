// <dj-supervision> on the demo's supervision page: the example town loaded,
// sorted, filtered, opened branch by branch, exported as CSV — the very CSV
// `dangjian supervise --format csv` writes for the same files — picked as a
// folder, printed (print media), at 1366 and 375 px (a card per branch), by
// keyboard (filters, sort buttons, a branch opened and closed). The page's
// records are checked by two or more workers, one shard of the branches each.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, siteUrl, stopSite, screenshot } from "../lib/harness.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const TOWN = resolve(root, "examples/supervision/town");
const AS_OF = "2026-10-31";

/** `dangjian supervise` on the example town: `DANGJIAN_CLI` when set, else the CLI built by cargo. */
function cli(today, format) {
  const args = ["supervise", "examples/supervision/town", "--as-of", AS_OF, "--today", today, "--format", format];
  const [program, ...before] = process.env.DANGJIAN_CLI ? [process.env.DANGJIAN_CLI] : ["cargo", "run", "--quiet", "-p", "dangjian-cli", "--"];
  return execFileSync(
    program,
    [...before, ...args],
    { cwd: root, encoding: "utf8", maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "inherit"] },
  ).toString();
}

/** The CLI exits 1 when some branch needs attention: the output is what counts. */
function cliOutput(today, format) {
  try {
    return cli(today, format);
  } catch (e) {
    if (e.status === 1) return e.stdout.toString();
    throw e;
  }
}

async function open(browser, width) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "zh-CN", acceptDownloads: true });
  // window.print() would wait for a dialog: count the calls instead.
  await context.addInitScript(() => {
    window.__printed = 0;
    window.print = () => {
      window.__printed += 1;
    };
  });
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  const problems = [];
  page.on("console", (m) => m.type() === "error" && !/favicon/.test(m.text()) && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(`${await siteUrl()}supervision.html`);
  await page.locator("dj-supervision").locator(".dj-supervision").waitFor();
  return { page, context, problems };
}

/** Clicks "load the example town" and waits for the report to be drawn. */
async function loadTown(page) {
  const drawn = page.evaluate(
    () => new Promise((r) => document.querySelector("dj-supervision").addEventListener("dj-supervised", (e) => r(e.detail), { once: true })),
  );
  await page.locator("#load-town").click();
  return drawn;
}

const rowNames = (sv) => sv.locator("table.branches tbody tr th[scope=row] button").allTextContents();

describe("supervision page", () => {
  let browser;
  let session;
  let sv;
  let today;
  let report;
  before(async () => {
    browser = await launch();
    session = await open(browser, 1366);
    sv = session.page.locator("dj-supervision");
    today = await session.page.evaluate(() => {
      const d = new Date();
      const p = (n) => String(n).padStart(2, "0");
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
    });
    report = JSON.parse(cliOutput(today > AS_OF ? today : AS_OF, "json"));
  });
  after(async () => {
    await browser?.close();
    await stopSite();
  });

  it("loads the example town: every branch, counted as the command line counts", async () => {
    const detail = await loadTown(session.page);
    assert.equal(detail.branches, report.counts.branches);
    assert.equal(detail.attention, report.counts.needing_attention);
    assert.equal(await sv.locator("table.branches tbody tr").count(), report.branches.length);
    assert.equal(await sv.locator("table.heat tbody tr").count(), report.branches.length);
    assert.equal(await sv.locator("table.heat tbody tr").first().locator("td").count(), report.months.length);
    assert.ok((await sv.locator(".chart svg rect.bar").count()) > 0, "the charts are drawn");
    assert.equal(await sv.locator("table.overdue tbody tr").count(), Math.min(100, report.overdue.length));
    const run = await session.page.evaluate(() => document.querySelector("dj-supervision").handle.lastRun);
    assert.ok(run.workers >= 2, `the records are checked by ${run.workers} workers, one shard of the branches each`);
  });

  it("sorts by score both ways, and by keyboard", async () => {
    const scores = async () =>
      (await sv.locator("table.branches tbody tr td:nth-child(3)").allTextContents()).filter((t) => t !== "—").map(Number);
    await sv.locator("button.sort", { hasText: "得分" }).click();
    const down = await scores();
    assert.deepEqual(down, [...down].sort((a, b) => b - a));
    assert.equal(await sv.locator("th[aria-sort=descending] button", { hasText: "得分" }).count(), 1);
    await sv.locator("button.sort", { hasText: "得分" }).focus();
    await session.page.keyboard.press("Enter");
    const up = await scores();
    assert.deepEqual(up, [...up].sort((a, b) => a - b));
    assert.equal(await sv.locator("th[aria-sort=ascending]").count(), 1);
  });

  it("filters: attention only, by grade, by text", async () => {
    await sv.getByLabel("只看需关注").check();
    assert.equal(await sv.locator("table.branches tbody tr").count(), report.attention.length);
    assert.equal(await sv.locator("table.branches tbody tr:not(.attention)").count(), 0);
    await sv.getByLabel("只看需关注").uncheck();
    const b = report.branches[1];
    await sv.getByRole("searchbox").fill(b.code ?? b.name);
    assert.deepEqual(await rowNames(sv), [b.name]);
    await sv.getByRole("searchbox").fill("岗岭");
    const some = report.branches.filter((x) => x.name.includes("岗岭")).map((x) => x.name);
    assert.ok(some.length > 0);
    assert.deepEqual((await rowNames(sv)).sort(), some.sort());
    await sv.getByRole("searchbox").fill("");
    const grade = report.distributions.grades.find((g) => g.count > 0);
    if (grade) {
      await sv.getByLabel("等级").selectOption(grade.id);
      assert.equal(await sv.locator("table.branches tbody tr").count(), grade.count);
      await sv.getByLabel("等级").selectOption("");
    }
    assert.equal(await sv.locator("table.branches tbody tr").count(), report.branches.length);
  });

  it("opens a branch: reasons, meetings period by period, checklist losses, rectification", async () => {
    const b = report.branches.find((x) => x.attention.length > 0 && x.checklist && x.rectification.lists.length > 0) ?? report.branches[0];
    await sv.locator("table.branches tbody tr th button", { hasText: b.name }).click();
    const detail = sv.locator("section.detail");
    await detail.waitFor();
    const focused = await session.page.evaluate(() => document.querySelector("dj-supervision").shadowRoot.activeElement?.id);
    assert.equal(focused, "dj-sv-detail", "the focus moves to the branch");
    assert.equal(await detail.locator("ul.reasons li").count(), b.attention.length);
    assert.equal(await detail.locator("table.calendar tbody tr").count(), b.meetings.requirements.length);
    assert.equal(await detail.locator("table.losses tbody tr").count(), b.checklist?.losses.length ?? 0);
    assert.equal(await detail.locator("table.items").count(), b.rectification.lists.length);
    await screenshot(session.page, "supervision-1366-detail");
    await detail.getByRole("button", { name: "关闭" }).click();
    assert.equal(await sv.locator("section.detail").count(), 0);
  });

  it("works by keyboard: filters, sort buttons, a branch opened and closed", async () => {
    const { page } = session;
    const active = () =>
      page.evaluate(() => {
        const a = document.querySelector("dj-supervision").shadowRoot.activeElement;
        return a ? { tag: a.tagName, type: a.type ?? "", text: a.textContent.trim(), label: a.closest("label")?.textContent.trim() ?? "", id: a.id } : null;
      });
    /** Presses Tab (Shift+Tab when `back`) until the focused element matches `want`; fails after 80 presses. */
    const tabTo = async (want, what, back = false) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press(back ? "Shift+Tab" : "Tab");
        const a = await active();
        if (a && want(a)) return a;
      }
      assert.fail(`${what} is not reachable by Tab`);
    };
    await page.locator("body").click({ position: { x: 2, y: 2 } });
    await tabTo((a) => a.type === "checkbox" && a.label.includes("只看需关注"), "the attention filter");
    await page.keyboard.press("Space");
    assert.equal(await sv.locator("table.branches tbody tr").count(), report.attention.length);
    await page.keyboard.press("Space");
    assert.equal(await sv.locator("table.branches tbody tr").count(), report.branches.length);
    await tabTo((a) => a.tag === "SELECT" && a.label.includes("等级"), "the grade filter");
    await tabTo((a) => a.type === "search", "the search box");
    const b = report.branches[2];
    await page.keyboard.type(b.code ?? b.name);
    assert.deepEqual(await rowNames(sv), [b.name]);
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Backspace");
    assert.equal(await sv.locator("table.branches tbody tr").count(), report.branches.length);
    await tabTo((a) => a.tag === "BUTTON" && a.text.startsWith("支部"), "the sort button of the branch column");
    await page.keyboard.press("Enter");
    assert.equal(await sv.locator("th[aria-sort] button", { hasText: "支部" }).locator("xpath=..").getAttribute("aria-sort"), "ascending");
    const first = (await rowNames(sv))[0];
    await tabTo((a) => a.tag === "BUTTON" && a.text === first, "the first branch's name");
    await page.keyboard.press("Enter");
    await sv.locator("section.detail").waitFor();
    assert.equal((await active()).id, "dj-sv-detail", "the focus moves to the branch opened");
    await tabTo((a) => a.tag === "BUTTON" && a.text === "关闭", "the detail's close button");
    await page.keyboard.press("Enter");
    assert.equal(await sv.locator("section.detail").count(), 0);
  });

  it("exports the CSV of `dangjian supervise --format csv`", async () => {
    const expected = cliOutput(today > AS_OF ? today : AS_OF, "csv");
    const [download] = await Promise.all([session.page.waitForEvent("download"), sv.getByRole("button", { name: "导出 CSV" }).click()]);
    const got = await readFile(await download.path(), "utf8");
    assert.equal(got, expected);
    const [json] = await Promise.all([session.page.waitForEvent("download"), sv.getByRole("button", { name: "导出 JSON" }).click()]);
    assert.deepEqual(JSON.parse(await readFile(await json.path(), "utf8")), report);
  });

  it("prints the monthly and the quarterly sheet", async () => {
    const { page } = session;
    await sv.getByLabel("月份").selectOption({ index: 8 });
    await sv.getByRole("button", { name: "打印月度调度表" }).click();
    assert.equal(await page.evaluate(() => window.__printed), 1);
    await page.emulateMedia({ media: "print" });
    const monthly = sv.locator("section.sheet.monthly");
    assert.ok(await monthly.isVisible(), "the monthly sheet prints");
    assert.ok(!(await sv.locator("table.branches").isVisible()), "the screen's table does not");
    assert.match(await monthly.locator("h1").textContent(), /2026年9月.*月度调度表/);
    assert.equal(await monthly.locator("table.branches-sheet tbody tr").count(), report.branches.length);
    await screenshot(page, "supervision-print-monthly");
    await page.emulateMedia({ media: "screen" });
    await sv.getByRole("button", { name: "打印季度检查表" }).click();
    await page.emulateMedia({ media: "print" });
    assert.ok(await sv.locator("section.sheet.quarterly").isVisible());
    assert.equal(await sv.locator("section.sheet.monthly").count(), 0);
    await screenshot(page, "supervision-print-quarterly");
    await page.emulateMedia({ media: "screen" });
    await screenshot(page, "supervision-1366");
  });

  it("reads a folder the person picks, locally, with the same figures", async () => {
    const { page } = session;
    // Playwright's folder upload cannot read files under non-ASCII folder names here
    // (NotReadableError), so the branches' folders are copied under their codes: the
    // same files in the same order (each folder's name begins with its code).
    const folder = await mkdtemp(resolve(tmpdir(), "dj-town-"));
    for (const name of (await readdir(TOWN)).sort()) await cp(resolve(TOWN, name), resolve(folder, "town", name.split("-")[0]), { recursive: true });
    const drawn = page.evaluate(
      () => new Promise((r) => document.querySelector("dj-supervision").addEventListener("dj-supervised", (e) => r(e.detail), { once: true })),
    );
    await sv.locator("input[webkitdirectory]").setInputFiles(resolve(folder, "town"));
    const detail = await drawn;
    assert.equal(detail.records, report.counts.records);
    assert.equal(detail.branches, report.counts.branches);
    const expected = cliOutput(today > AS_OF ? today : AS_OF, "csv");
    const [download] = await Promise.all([page.waitForEvent("download"), sv.getByRole("button", { name: "导出 CSV" }).click()]);
    assert.equal(await readFile(await download.path(), "utf8"), expected);
    await rm(folder, { recursive: true, force: true });
  });

  it("fits 375 px and switches to English", async () => {
    const small = await open(browser, 375);
    const el = small.page.locator("dj-supervision");
    await loadTown(small.page);
    const overflow = await small.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow} px at 375 px`);
    // Each branch a card: the name on a line or two across the card, its figures labelled below.
    const card = await el.locator("table.branches tbody tr").first().evaluate((tr) => {
      const name = tr.querySelector("th[scope=row]");
      const lines = name.querySelector("button").getBoundingClientRect().height / parseFloat(getComputedStyle(name).lineHeight);
      const label = getComputedStyle(tr.querySelector("td[data-label]"), "::before").content;
      return { display: getComputedStyle(tr).display, width: tr.getBoundingClientRect().width, lines, label };
    });
    assert.notEqual(card.display, "table-row", "rows are cards at 375 px");
    assert.ok(card.width <= 375, `a card is ${card.width} px wide`);
    assert.ok(card.lines < 2.6, `the branch name takes ${card.lines.toFixed(1)} lines`);
    assert.match(card.label, /名次/);
    assert.ok(await el.locator("button.sort", { hasText: "得分" }).isVisible(), "the sort buttons stay");
    await screenshot(small.page, "supervision-375");
    const drawn = small.page.evaluate(
      () => new Promise((r) => document.querySelector("dj-supervision").addEventListener("dj-supervised", (e) => r(e.detail), { once: true })),
    );
    await el.getByRole("button", { name: "English" }).click();
    await drawn;
    assert.ok(await el.getByRole("button", { name: "Export CSV" }).isVisible());
    await screenshot(small.page, "supervision-375-en");
    assert.deepEqual(small.problems, []);
    await small.context.close();
  });

  it("logged no errors", () => {
    assert.deepEqual(session.problems, []);
  });
});
