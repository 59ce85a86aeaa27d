// The class report of a generated class of 40, opened in a real browser: charts, figures, sorting,
// details, and student text that must stay text. Screenshots go to test-output/class-report/.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import type { BatchScores, ExerciseScore } from '../../grader/batch/scores.js';
import { writeClassReport } from '../../grader/class-report/write-report.js';
import { chromiumAvailable, HOW_TO_INSTALL, launchChromium } from './chromium.js';
import { generatedBatch, HOSTILE_NAME, HOSTILE_OUTPUT, ROOT } from './generated-batch.js';

const OUTPUT = path.join(ROOT, 'test-output', 'class-report');
const available = chromiumAvailable();

let scores: BatchScores;
let page: Page;
let close: (() => Promise<void>) | undefined;
const requests: string[] = [];
const dialogs: string[] = [];
const consoleErrors: string[] = [];

function needsChromium(context: TestContext): void {
  if (!available) context.skip(HOW_TO_INSTALL);
}

/** Whether the exercise's tests ran (not missing, compiled): only then do its failures count for a test. */
function ran(e: ExerciseScore): boolean {
  return e.status !== 'missing' && !(e.status === 'error' && e.message !== undefined);
}

beforeAll(async () => {
  await mkdir(OUTPUT, { recursive: true });
  const generated = await generatedBatch({ students: 40 });
  await writeFile(path.join(OUTPUT, 'scores.json'), `${JSON.stringify(generated.scores, null, 2)}\n`);
  // The figures below are compared with the file as written, read back.
  scores = JSON.parse(await readFile(path.join(OUTPUT, 'scores.json'), 'utf8')) as BatchScores;
  await writeClassReport(scores, path.join(OUTPUT, 'report.html'));
  if (!available) return;
  const browser = await launchChromium();
  close = browser.close;
  page = await browser.context.newPage();
  page.on('request', (request) => void requests.push(request.url()));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(pathToFileURL(path.join(OUTPUT, 'report.html')).href);
});

afterAll(async () => {
  await close?.();
});

describe('the class report in Chromium', () => {
  it('draws every chart as SVG, with a bar per score and the students who got it', async (context) => {
    needsChromium(context);
    const cards = page.locator('section.card');
    await expect(cards.count()).resolves.toBe(scores.exercises.length);
    for (const [e, exercise] of scores.exercises.entries()) {
      const card = page.locator(`section.card[data-exercise="${exercise.exercise}"]`);
      const labels = await card.locator('svg .mark-rect path').evaluateAll((bars) => bars.map((b) => b.getAttribute('aria-label') ?? ''));
      // "points (of 7): 3; students: 5"
      const bars = labels.map((label) => {
        const match = /: ([\d.]+); students: (\d+)$/.exec(label);
        expect(match, label).not.toBeNull();
        return { points: Number(match![1]), students: Number(match![2]) };
      });
      expect(bars.length).toBeGreaterThanOrEqual(Math.floor(exercise.maxPoints) + 1);
      const results = scores.students.map((s) => s.exercises[e]!).filter((r) => r.status !== 'missing');
      for (const bar of bars) expect(bar.students, `${exercise.exercise}, ${bar.points} points`).toBe(results.filter((r) => r.points === bar.points).length);
      expect(bars.reduce((sum, b) => sum + b.students, 0)).toBe(results.length);
    }
    const passShareBars = page.locator('.chart[aria-label^="Share of the class"] svg .mark-rect path');
    await expect(passShareBars.count()).resolves.toBe(scores.exercises.length);
    // Drawn, not only present: the first card's chart has a size on screen.
    const box = await page.locator('section.card svg').first().boundingBox();
    expect(box!.width).toBeGreaterThan(100);
    expect(box!.height).toBeGreaterThan(50);
  });

  it('shows the figures of scores.json', async (context) => {
    needsChromium(context);
    await expect(page.locator('[data-figure="students"]').textContent()).resolves.toBe('40');
    await expect(page.locator('[data-figure="sandbox"]').textContent()).resolves.toBe(scores.sandbox.tier);
    await expect(page.locator('[data-figure="grader"]').textContent()).resolves.toBe(scores.graderVersion);
    await expect(page.locator('[data-figure="graded-at"]').textContent()).resolves.toMatch(/^2026-12-06 18:00:00 UTC/);
    for (const [e, exercise] of scores.exercises.entries()) {
      const results = scores.students.map((s) => s.exercises[e]!);
      const card = page.locator(`section.card[data-exercise="${exercise.exercise}"]`);
      const passed = results.filter((r) => r.status === 'passed').length;
      await expect(card.locator('[data-figure="passed"]').textContent()).resolves.toBe(String(passed));
      await expect(card.locator('[data-figure="pass-share"]').textContent()).resolves.toBe(`${Math.round((passed / 40) * 100)}%`);
      const missing = results.filter((r) => r.status === 'missing').length;
      if (missing > 0) await expect(card.locator('[data-figure="missing"]').textContent()).resolves.toBe(String(missing));
    }
    // The most failed tests: each count is the students whose solution ran the test and failed it.
    const rows = await page.locator('table.failed-tests tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        exercise: tr.getAttribute('data-exercise')!,
        test: tr.getAttribute('data-test')!,
        failed: Number(tr.querySelector('[data-figure="failed"]')!.textContent),
      })),
    );
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      const failed = scores.students
        .map((s) => s.exercises.find((x) => x.exercise === row.exercise)!)
        .filter((x) => ran(x) && x.tests.some((t) => t.name === row.test && t.status !== 'passed')).length;
      expect(row.failed, `${row.exercise}: ${row.test}`).toBe(failed);
    }
    expect(rows.map((r) => r.failed)).toEqual(rows.map((r) => r.failed).sort((a, b) => b - a));
    // The grid: one row per student, its total, each cell's points.
    const grid = await page.locator('#grid tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        total: Number(tr.getAttribute('data-total')),
        cells: Array.from(tr.querySelectorAll('td.cell')).map((td) => td.textContent.replace('R', '')),
      })),
    );
    expect(grid).toEqual(scores.students.map((s) => ({ total: s.points, cells: s.exercises.map((x) => (x.status === 'missing' ? '–' : String(x.points))) })));
    // Flagged: the first exercise (nearly everyone fails a test) and the second (a reference does).
    const flagged = await page.locator('#check-the-spec li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-exercise')));
    expect(flagged.slice(0, 2)).toEqual([scores.exercises[0]!.exercise, scores.exercises[1]!.exercise]);
    await page.screenshot({ path: path.join(OUTPUT, 'report.png') });
  });

  it('sorts the grid by total and by student', async (context) => {
    needsChromium(context);
    const totals = (): Promise<number[]> => page.locator('#grid tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-total'))));
    const names = (): Promise<string[]> => page.locator('#grid tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-student')!));
    const byName = scores.students.map((s) => s.student).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    await page.locator('button[data-sort="total"]').click();
    const ascending = scores.students.map((s) => s.points).sort((a, b) => a - b);
    await expect(totals()).resolves.toEqual(ascending);
    await page.locator('button[data-sort="total"]').click();
    await expect(totals()).resolves.toEqual([...ascending].reverse());
    await expect(page.locator('button[data-sort="total"]').locator('..').getAttribute('aria-sort')).resolves.toBe('descending');
    await page.locator('#students').scrollIntoViewIfNeeded();
    await page.locator('#grid').screenshot({ path: path.join(OUTPUT, 'grid-by-total.png') });
    await page.locator('button[data-sort="student"]').click();
    await expect(names()).resolves.toEqual(byName);
    await page.locator('button[data-sort="student"]').click();
    await expect(names()).resolves.toEqual([...byName].reverse());
    await page.locator('button[data-sort="student"]').click();
    await expect(names()).resolves.toEqual(byName);
  });

  it("opens a student's details from the grid, with the console text of the failed tests", async (context) => {
    needsChromium(context);
    // Student 5 handed in known-bad variants whose output is HOSTILE_OUTPUT: take their first failed exercise.
    const student = scores.students[5]!;
    const e = student.exercises.findIndex((x) => x.status === 'failed');
    const exercise = student.exercises[e]!;
    const details = page.locator(`details#s5-e${e}`);
    await expect(details.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
    await page.locator('#grid tbody tr[data-student="student-05"] td.cell a').nth(e).click();
    // The page's script opens it on the hashchange event, which follows the click as a task of its own.
    await expect.poll(() => details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(page.url()).toMatch(new RegExp(`#s5-e${e}$`));
    const failedTest = exercise.tests.find((t) => t.status !== 'passed')!;
    const text = await details.locator('pre.console').first().textContent();
    expect(text).toBe(failedTest.details);
    await expect(details.locator('pre.console').first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(OUTPUT, 'details.png') });
  });

  it('shows student text as text: no markup of theirs, no script run, nothing fetched', async (context) => {
    needsChromium(context);
    const row = page.locator('#grid tbody tr').filter({ hasText: HOSTILE_NAME });
    await expect(row.count()).resolves.toBe(1);
    await expect(row.locator('th').textContent()).resolves.toBe(HOSTILE_NAME);
    await expect(row.getAttribute('data-student')).resolves.toBe(HOSTILE_NAME);
    await expect(page.locator('#s3 h3').textContent()).resolves.toContain(HOSTILE_NAME);
    const consoles = await page.locator('#s5 pre.console').allTextContents();
    expect(consoles.some((text) => text.includes(HOSTILE_OUTPUT))).toBe(true);
    // No element came from student text: the page has no img at all, and one script, its own.
    await expect(page.locator('img').count()).resolves.toBe(0);
    await expect(page.locator('script').count()).resolves.toBe(1);
    expect(dialogs).toEqual([]);
    expect(consoleErrors).toEqual([]);
    // Only the page itself was loaded: everything else is inline.
    expect(requests.every((url) => url.startsWith('file:'))).toBe(true);
    expect(requests).toHaveLength(1);
  });
});
