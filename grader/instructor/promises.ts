// Every promise graded, every check announced. The promises are read from the statement
// (assignments/SLUG/README.md, its "Your program" and "How it is graded" sections: what a student
// is told to do and how it is checked), by the kinds of promise whose checks need more than the
// output's text: worker threads, a child process, no busy waiting, in parallel, in any order,
// timing, files left or removed, exit statuses and flags. Each check kind says which of them a
// check of its kind grades (`promisesGraded`, grader/checks/). A promise of the statement that no
// check grades is "unchecked"; a check whose kind of promise the statement never makes is
// "unannounced" (the student could not know).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisesGradedBy } from '../checks/index.js';
import type { StatementPromise } from '../checks/types.js';
import { loadSpec } from '../spec/load.js';
import type { CheckSpec, ExerciseSpec, TestSpec } from '../spec/types.js';

export type PromiseKind = StatementPromise | 'flag';

export type PromiseStatus = 'ok' | 'unchecked' | 'unannounced';

/** One row of the table: a promise (or a check) and whether the other side has it. */
export interface PromiseRow {
  slug: string;
  kind: PromiseKind;
  /** The value for exit statuses and flags (`2`, `--delay-ms`). */
  value?: string;
  /** The sentence of the statement that makes the promise (shortened). */
  says?: string;
  /** The tests whose checks grade it. */
  tests: string[];
  status: PromiseStatus;
}

interface KindRule {
  kind: Exclude<PromiseKind, 'exit status' | 'flag'>;
  /** A tolerance rather than a requirement (any order): checked when promised, never "unannounced". */
  tolerance?: boolean;
  /** A sentence of the statement that makes this promise. */
  statement: RegExp;
  /** Besides the checks whose kind grades it: what else in a test does (default nothing). */
  alsoGraded?: (check: CheckSpec, test: TestSpec) => boolean;
  /** What else in a test grades the promise when the statement makes it (it never makes the promise "unannounced"). */
  whenPromised?: (test: TestSpec) => boolean;
}

const RULES: readonly KindRule[] = [
  { kind: 'worker threads', statement: /worker threads?|\bWorkers?\b/ },
  // A line template that binds a descendant's pid sees the child process too.
  {
    kind: 'child process',
    statement: /child process|separate program|real (operating-system )?process/i,
    alsoGraded: (check) => JSON.stringify(check).includes('{pid:descendant}'),
  },
  { kind: 'no busy waiting', statement: /\bbusy\b|burn the processor|next to no CPU|spin(ning)? loop/i },
  { kind: 'in parallel', statement: /in parallel|at the same time|concurrently|\breached\b/i },
  // Interactive steps that expect lines in any order.
  {
    kind: 'in any order',
    tolerance: true,
    statement: /any order|either order|interleave/i,
    alsoGraded: (_check, test) => (test.steps ?? []).some((step) => 'expectAll' in step),
  },
  // Interactive steps that wait for a line before they give more input (or end it) grade that
  // output comes as the input does ("as soon as it is complete"), whatever the load.
  {
    kind: 'timing',
    statement: /\bsleep(s|ing)?\b|\bpause\b|as it is produced|on arrival|streamed|\bprints? [^.]*as soon as|within \d+ ?ms|\bafter (?:[A-Z]|\d+) ?ms\b/i,
    whenPromised: answersBeforeMoreInput,
  },
  { kind: 'files', statement: /\b(remains|still there|left behind|left in place|removes (the|it|every|both|all)|creates? (the|a|it))\b/i },
];

/** Does the test wait for a line of output before it sends more input or closes it? */
function answersBeforeMoreInput(test: TestSpec): boolean {
  const steps = test.steps ?? [];
  const firstExpect = steps.findIndex((step) => 'expect' in step || 'expectAll' in step);
  return firstExpect >= 0 && steps.slice(firstExpect + 1).some((step) => 'send' in step || 'close' in step);
}

/** Whether a check of a test grades the rule's promise: its kind says so, or the rule sees it otherwise. */
function grades(rule: KindRule, check: CheckSpec, test: TestSpec): boolean {
  return promisesGradedBy(check).some((graded) => graded.promise === rule.kind) || rule.alsoGraded?.(check, test) === true;
}

/** The part of a statement that promises: every section but the slide, its lesson, how Node differs and the example runs. */
export function promisingPart(statement: string): string {
  const sections = statement.split(/^(?=## )/m);
  return sections.filter((section) => /^## /.test(section) && !/^## (The slides?|What it teaches|How Node differs|Example)/.test(section)).join('\n');
}

/** The sentences (or list items) of a text, "not graded" ones left out: they promise nothing. */
function sentences(part: string): string[] {
  return part
    .replace(/```[^]*?```/g, (block) => block.replace(/\n/g, ' \u0000'))
    .split(/(?<=[.;:])\s+(?=[A-Z`(-])|\n\s*\n|\n(?=\s*[-*] )/)
    .map((s) =>
      s
        .replace(/\u0000/g, '\n')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((s) => s !== '' && !/not graded|is not checked|cannot be seen from outside/i.test(s));
}

function shorten(sentence: string): string {
  return sentence.length > 70 ? `${sentence.slice(0, 67)}...` : sentence;
}

/** Exit statuses a statement promises: "exit status 1", "exits 0", "status 2", "exit 1". */
function promisedStatuses(part: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const sentence of sentences(part)) {
    // "exit status 2", "exits 0", "exits with status 1", "status 1", "... else 1" after one of them.
    for (const match of sentence.matchAll(/\b(?:exit status|exits?(?: with status)?|status) (\d+)\b(?:[^.;]*?\b(?:else|or) (\d+)\b)?/gi)) {
      for (const code of [match[1], match[2]]) if (code !== undefined && !found.has(code)) found.set(code, sentence);
    }
  }
  return found;
}

/** Flags a statement names: `--name`. */
function promisedFlags(part: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const sentence of sentences(part))
    for (const match of sentence.matchAll(/(?<![\w-])(--[a-z][a-z0-9-]*)/g)) if (!found.has(match[1]!)) found.set(match[1]!, sentence);
  return found;
}

function testArgs(test: TestSpec): string[] {
  return [...test.args, ...test.processes.flatMap((peer) => peer.args)];
}

/** The promise table of one exercise: its statement's promises against its spec's checks. */
export function promiseRows(spec: ExerciseSpec, statement: string): PromiseRow[] {
  const part = promisingPart(statement);
  const rows: PromiseRow[] = [];
  const statementSentences = sentences(part);
  for (const rule of RULES) {
    const says = statementSentences.find((sentence) => rule.statement.test(sentence));
    const tests = spec.tests
      .filter((test) => test.checks.some((check) => grades(rule, check, test)) || (says !== undefined && rule.whenPromised?.(test) === true))
      .map((test) => test.name);
    if (says === undefined && tests.length === 0) continue;
    if (says === undefined && rule.tolerance) continue;
    const status: PromiseStatus = says === undefined ? 'unannounced' : tests.length === 0 ? 'unchecked' : 'ok';
    rows.push({ slug: spec.slug, kind: rule.kind, ...(says === undefined ? {} : { says: shorten(says) }), tests, status });
  }
  const statuses = promisedStatuses(part);
  const checkedStatuses = new Map<string, string[]>();
  for (const test of spec.tests) {
    for (const graded of test.checks.flatMap(promisesGradedBy)) {
      if (graded.promise !== 'exit status' || graded.value === undefined) continue;
      checkedStatuses.set(graded.value, [...(checkedStatuses.get(graded.value) ?? []), test.name]);
    }
  }
  for (const code of [...new Set([...statuses.keys(), ...checkedStatuses.keys()])].sort()) {
    // Status 0 on success is the convention of every exercise (the course's contract): announced.
    const says = statuses.get(code) ?? (code === '0' ? '(the convention: a program that succeeds exits 0)' : undefined);
    const tests = [...new Set(checkedStatuses.get(code) ?? [])];
    const status: PromiseStatus = says === undefined ? 'unannounced' : tests.length === 0 ? 'unchecked' : 'ok';
    rows.push({ slug: spec.slug, kind: 'exit status', value: code, ...(says === undefined ? {} : { says: shorten(says) }), tests, status });
  }
  const flags = promisedFlags(part);
  const used = new Map<string, string[]>();
  for (const test of spec.tests) {
    for (const arg of testArgs(test)) {
      const flag = /^(--[a-z][a-z0-9-]*)/.exec(arg)?.[1];
      if (flag !== undefined) used.set(flag, [...new Set([...(used.get(flag) ?? []), test.name])]);
    }
  }
  for (const flag of [...new Set([...flags.keys(), ...used.keys()])].sort()) {
    const says = flags.get(flag);
    const tests = used.get(flag) ?? [];
    const status: PromiseStatus = says === undefined ? 'unannounced' : tests.length === 0 ? 'unchecked' : 'ok';
    rows.push({ slug: spec.slug, kind: 'flag', value: flag, ...(says === undefined ? {} : { says: shorten(says) }), tests, status });
  }
  return rows;
}

/** One sentence per row that is not ok, for the problems list. */
export function promiseProblem(row: PromiseRow): string | undefined {
  const what = row.value === undefined ? row.kind : `${row.kind} ${row.value}`;
  if (row.status === 'unchecked') return `the statement promises ${what} ("${row.says ?? ''}") but no test checks it`;
  if (row.status === 'unannounced')
    return `tests check ${what} (${row.tests.map((t) => `"${t}"`).join(', ')}) but the statement's "Your program" and "How it is graded" never say so`;
  return undefined;
}

/** The table printed by `npm run check`: exercise, promise, status, the tests that grade it. */
export function promiseTable(rows: readonly PromiseRow[]): string {
  const lines = rows.map((row) => [
    row.slug,
    row.value === undefined ? row.kind : `${row.kind} ${row.value}`,
    row.status === 'ok' ? 'ok' : row.status.toUpperCase(),
    row.tests.length === 0 ? '-' : `${row.tests.length} test${row.tests.length === 1 ? '' : 's'}`,
  ]);
  const header = ['exercise', 'promise', 'status', 'checked by'];
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...lines.map(format)].join('\n');
}

/** The rows of the exercises named (their specs and statements under `root`). */
export async function catalogPromises(root: string, slugs: readonly string[]): Promise<PromiseRow[]> {
  const rows: PromiseRow[] = [];
  for (const slug of slugs) {
    const spec = await loadSpec(path.join(root, 'specs', `${slug}.yaml`));
    let statement = '';
    try {
      statement = await readFile(path.join(root, 'assignments', slug, 'README.md'), 'utf8');
    } catch {
      // No statement: every check is unannounced.
    }
    rows.push(...promiseRows(spec, statement));
  }
  return rows;
}
