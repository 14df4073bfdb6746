// The annual compliance calendar, read cell by cell against the minutes it is
// given: a month with a committee meeting on record is held (with the count),
// a month over without one is missing, the current month is in progress and
// later months are not yet due.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPortal, stopSite } from "../lib/harness.mjs";

const TODAY = "2026-08-10";
const THIS_MONTH = 8;

/** Committee meetings per month (1–12) in `minutes` held by TODAY, as the branch rules count them
 * (a record dated after today is not a meeting held). */
function committeesPerMonth(minutes) {
  const counts = new Array(13).fill(0);
  for (const m of minutes) {
    const type = m.meeting?.type;
    const counted = type === "committee" || (type === "org_life" && m.meeting?.held_as === "committee");
    const date = m.meeting?.date ?? "";
    if (counted && date.startsWith("2026-") && date <= TODAY) counts[Number(date.slice(5, 7))]++;
  }
  return counts;
}

describe("compliance calendar", () => {
  let browser;
  let session;
  before(async () => {
    browser = await launch();
    session = await openPortal(browser, "calendar");
  });
  after(async () => {
    await browser?.close();
    await stopSite();
  });

  it("shows each month of the committee row as the minutes say", async () => {
    const { page } = session;
    const calendar = page.locator("#calendar-2026");
    await calendar.locator(".dj-cal-met").first().waitFor();
    await page.evaluate((today) => document.querySelector("#calendar-2026").setAttribute("today", today), TODAY);
    const minutes = await page.evaluate(async () => (await fetch("examples/minutes-2026.json")).json());
    const counts = committeesPerMonth(minutes);
    assert.ok(counts.some((n) => n > 0), "the example year has committee meetings");
    const row = calendar.locator("tbody tr").filter({ has: page.locator('th[scope="row"]', { hasText: "支部委员会会议" }) });
    // (The month of TODAY has no committee meeting on record: it shows in progress once TODAY applies.)
    assert.equal(counts[THIS_MONTH], 0);
    await row.locator(".dj-cal-open").waitFor();
    const cells = await row.locator("td.dj-cal-cell").evaluateAll((tds) =>
      tds.map((td) => ({ span: td.colSpan, cls: td.className, held: td.querySelector(".dj-cal-held")?.textContent ?? "", sr: td.querySelector(".dj-sr")?.textContent ?? "" })),
    );
    assert.equal(cells.length, 12, "one cell per month");
    let sawMissing = false;
    for (let month = 1; month <= 12; month++) {
      const cell = cells[month - 1];
      assert.equal(cell.span, 1);
      const n = counts[month];
      const want = n > 0 ? "dj-cal-met" : month < THIS_MONTH ? "dj-cal-missing" : month === THIS_MONTH ? "dj-cal-open" : "dj-cal-future";
      sawMissing ||= want === "dj-cal-missing";
      assert.ok(cell.cls.includes(want), `month ${month}: ${n} committee meeting(s) on record, cell ${cell.cls}`);
      assert.equal(cell.held, n > 0 ? String(n) : "", `month ${month}: held count`);
      assert.match(cell.sr, n > 0 ? /已开展/ : month < THIS_MONTH ? /缺失/ : /进行中|未到期/);
    }
    // The verdict follows: any missing period makes the year not compliant.
    const verdict = await calendar.getByTestId("calendar-verdict").textContent();
    if (sawMissing) assert.match(verdict, /存在缺失/);
  });

  it("counts a meeting added later", async () => {
    const { page } = session;
    const calendar = page.locator("#calendar-2026");
    const minutes = await page.evaluate(async () => (await fetch("examples/minutes-2026.json")).json());
    const counts = committeesPerMonth(minutes);
    const empty = counts.findIndex((n, m) => m >= 1 && m < THIS_MONTH && n === 0);
    if (empty < 1) return; // every month already held: nothing to add
    const month = String(empty).padStart(2, "0");
    await page.evaluate(
      ([minutes, month]) => {
        document.querySelector("#calendar-2026").minutes = [...minutes, { meeting: { type: "committee", date: `2026-${month}-20` } }];
      },
      [minutes, month],
    );
    const row = calendar.locator("tbody tr").filter({ has: page.locator('th[scope="row"]', { hasText: "支部委员会会议" }) });
    await row.locator("td.dj-cal-cell").nth(empty - 1).and(page.locator(".dj-cal-met")).waitFor();
    assert.equal(await row.locator("td.dj-cal-cell").nth(empty - 1).locator(".dj-cal-held").textContent(), "1");
  });

  it("made no console error", () => {
    assert.deepEqual(session.problems, []);
  });
});
