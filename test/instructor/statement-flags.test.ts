// Each statement's "How it is graded" section names flags and values the grader uses: every
// `--flag value` (and bare `--flag`) written in a code span there must be in the args of some
// test of the exercise's spec, so that a changed spec cannot leave its statement behind.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../grader/spec/load.js';

const root = path.resolve(import.meta.dirname, '../..');

/** The text of the `## How it is graded` section (empty if there is none). */
function gradedSection(statement: string): string {
  const start = statement.search(/^## How it is graded$/m);
  if (start < 0) return '';
  const rest = statement.slice(start).split('\n').slice(1).join('\n');
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** `--flag value` pairs (value undefined for a bare flag) in the section's code spans. */
export function flagsNamed(section: string): Array<{ flag: string; value?: string }> {
  const found: Array<{ flag: string; value?: string }> = [];
  for (const [, span] of section.matchAll(/`([^`]+)`/g)) {
    const words = span!.trim().split(/\s+/);
    words.forEach((word, index) => {
      const flag = /^(--[a-z][a-z0-9-]*)(?:=(.*))?$/.exec(word);
      if (flag === null) return;
      const next = words[index + 1];
      const value = flag[2] ?? (next !== undefined && !next.startsWith('--') ? next : undefined);
      found.push(value === undefined ? { flag: flag[1]! } : { flag: flag[1]!, value });
    });
  }
  return found;
}

/** Whether some test's args give the flag (with this value, if any). */
function inArgs(argLists: readonly string[][], flag: string, value: string | undefined): boolean {
  return argLists.some((args) =>
    args.some((arg, index) =>
      value === undefined ? arg === flag || arg.startsWith(`${flag}=`) : (arg === flag && args[index + 1] === value) || arg === `${flag}=${value}`,
    ),
  );
}

const slugs = readdirSync(path.join(root, 'specs'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => name.slice(0, -5))
  .sort();

describe('the flags a statement says the grader uses are in its spec', () => {
  it('reads flags from a section', () => {
    expect(flagsNamed('With `--messages 10 --delay-ms 80` and `--burst`; `--base=-3`.')).toEqual([
      { flag: '--messages', value: '10' },
      { flag: '--delay-ms', value: '80' },
      { flag: '--burst' },
      { flag: '--base', value: '-3' },
    ]);
  });
  for (const slug of slugs) {
    it(slug, async () => {
      const spec = await loadSpec(path.join(root, 'specs', `${slug}.yaml`));
      const argLists = spec.tests.flatMap((test) => [test.args, ...test.processes.map((peer) => peer.args ?? [])]);
      const section = gradedSection(readFileSync(path.join(root, 'assignments', slug, 'README.md'), 'utf8'));
      const missing = flagsNamed(section)
        .filter(({ flag, value }) => !inArgs(argLists, flag, value))
        .map(({ flag, value }) => (value === undefined ? flag : `${flag} ${value}`));
      expect(missing, `assignments/${slug}/README.md ("How it is graded") names flags no test of specs/${slug}.yaml gives`).toEqual([]);
    });
  }
});
