// The page as text (the browser tests read it as a reader does: browser.test.ts).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SCORES_FORMAT, type BatchScores } from '../../grader/batch/scores.js';
import { classReportHtml } from '../../grader/class-report/write-report.js';
import { HOSTILE_NAME } from './generated-batch.js';

const older: BatchScores = {
  format: SCORES_FORMAT,
  exercises: [{ exercise: 'cwd-path', maxPoints: 3 }],
  students: [
    {
      student: HOSTILE_NAME,
      points: 1,
      maxPoints: 3,
      exercises: [
        {
          exercise: 'cwd-path',
          points: 1,
          maxPoints: 3,
          status: 'failed',
          tests: [{ name: 't', status: 'failed', points: 0, maxPoints: 2, message: 'Line 1 is `<b>`.' }],
        },
      ],
    },
  ],
  sandbox: { tier: 'fallback', reason: 'no bubblewrap', guarantees: [], missing: ['no network'] },
  durationMs: 1000,
};

describe('the page', () => {
  it("lets its own script run and no other: the policy's hash is the script's", async () => {
    const html = await classReportHtml(older);
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    expect(policy).toMatch(/^default-src 'none';/);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    expect(policy).toContain(`'sha256-${createHash('sha256').update(scripts[0]!).digest('base64')}'`);
  });

  it("reads an older grader's scores (no version, time, hints or details) and says what was not recorded", async () => {
    const html = await classReportHtml(older);
    expect(html).toContain('not recorded (an older grader)');
    expect(html).toContain('does not hold: no network');
    // Student text escaped, the message shown in place of the details it lacks.
    expect(html).not.toContain(HOSTILE_NAME);
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
    expect(html).toContain('Line 1 is `&lt;b>`.');
  });

  it('renders a class with no students', async () => {
    const html = await classReportHtml({ ...older, students: [] });
    expect(html).toContain('Every test that ran passed.');
    expect(html.match(/<svg /g)).toHaveLength(2);
  });
});
