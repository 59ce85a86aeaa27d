import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownFence, markdownInline } from '../../grader/report/escape.js';
import { githubSummaryMarkdown, githubSummaryReporter } from '../../grader/report/github-summary.js';
import { SECRET, hostileSummary } from './hostile-summary.js';

/** Splits Markdown into text outside code fences and the fenced blocks' bodies (CommonMark backtick fences). */
function splitFences(markdown: string): { outside: string[]; fenced: string[] } {
  const outside: string[] = [];
  const fenced: string[] = [];
  let fence: string | undefined;
  let body: string[] = [];
  for (const line of markdown.split('\n')) {
    if (fence === undefined) {
      const open = /^(`{3,})[^`]*$/.exec(line);
      if (open) {
        fence = open[1]!;
        body = [];
      } else outside.push(line);
    } else if (new RegExp(`^\`{${fence.length},}\\s*$`).test(line)) {
      fenced.push(body.join('\n'));
      fence = undefined;
    } else body.push(line);
  }
  expect(fence).toBeUndefined();
  return { outside, fenced };
}

describe('the GitHub job summary', () => {
  it('has the total, a table row per exercise with status and points, and each failure under a heading', () => {
    const markdown = githubSummaryMarkdown(hostileSummary());
    expect(markdown).toContain('**3/9 points**: 1 of 4 exercises passed.');
    expect(markdown).toContain('| ❌ | time\\-today | Title of time\\-today | 1/5 | failed |');
    expect(markdown).toContain('| ✅ | env\\-list | Title of env\\-list | 2/2 | passed |');
    expect(markdown).toContain('| ➖ | popen | Title of popen | 0/1 | missing |');
    expect(markdown).toContain('| ⚠️ | cwd\\-path | Title of cwd\\-path | 0/1 | error |');
    expect(markdown).toContain('#### ❌ time\\-today: local date \\<b\\>\\|x\\|\\</b\\> (0/2)');
    expect(markdown).toContain('#### ➖ popen: no solution');
    expect(markdown).toContain('#### ⚠️ cwd\\-path: could not be graded');
  });

  it('keeps student text inside code fences, where it cannot become Markdown or HTML', () => {
    const { outside, fenced } = splitFences(githubSummaryMarkdown(hostileSummary()));
    const prose = outside.join('\n');
    expect(prose).not.toContain('<script');
    expect(prose).not.toContain('Points 100/100');
    expect(prose).not.toContain('Total 9/9');
    expect(fenced).toHaveLength(3);
    expect(fenced[0]).toContain('<script>alert(1)</script> # Total 9/9');
    expect(fenced[0]).toContain('Hint: Use the local date.');
    expect(fenced[1]).toBe('No solution found: assignments/popen/solution.ts does not exist.');
    expect(fenced[2]).toContain('solution.ts:3:7: ERROR:');
    expect(fenced.join('\n')).not.toMatch(/[\u0000\u0007\u001b\r\u202e]/);
  });

  it('shows only pass/fail for hidden tests', () => {
    const markdown = githubSummaryMarkdown(hostileSummary());
    expect(markdown).not.toContain(SECRET);
    expect(markdown).toContain('#### ❌ time\\-today: hidden edge case (0/2)\n\n*A hidden test: only whether it passed is shown.*');
    expect(githubSummaryMarkdown(hostileSummary(), true)).toContain(SECRET);
  });

  it('appends to the summary file (as to $GITHUB_STEP_SUMMARY), keeping what earlier steps wrote', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'summary-')), 'step-summary.md');
    await writeFile(file, '# Earlier step\n');
    await githubSummaryReporter({ file }).onEnd?.(hostileSummary());
    const text = await readFile(file, 'utf8');
    expect(text.startsWith('# Earlier step\n## Grading results')).toBe(true);
  });
});

describe('Markdown escaping', () => {
  it('makes a fence longer than any backtick run inside', () => {
    expect(markdownFence('a ```` b')).toBe('`````text\na ```` b\n`````');
  });

  it('escapes inline punctuation and joins lines', () => {
    expect(markdownInline('$x$ https://a.b/c, "d"')).toBe('\\$x\\$ https://a\\.b/c, "d"');
    expect(markdownInline('# <i>x</i> | [a](b)\n- c')).toBe('\\# \\<i\\>x\\</i\\> \\| \\[a\\]\\(b\\) \\- c');
  });
});
