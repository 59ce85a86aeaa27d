// `files`: the work directory after the run (every process ended): what exists, its type, mode,
// content, link target, and whether a directory is empty. Reads CheckContext.workTree (lstat
// only: links are not followed, FIFOs not opened).

import type { FixtureSpec } from '../spec/types.js';
import type { CheckKind, CheckOutcome, ConfigOf, WorkTreeEntry, KindSchema } from './types.js';
import { quote } from './display.js';

type EntryType = WorkTreeEntry['type'];

const TYPE_NAMES: Record<EntryType, string> = {
  file: 'a regular file',
  dir: 'a directory',
  symlink: 'a symbolic link',
  fifo: 'a FIFO',
  other: 'a special file',
};

/** Most entries listed when a directory should be empty. */
const MAX_LISTED = 6;

function normalisePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
}

function octal(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(3, '0');
}

/** The fixture the test made at this path, if any. */
function fixtureAt(fixtures: readonly FixtureSpec[], path: string): FixtureSpec | undefined {
  return fixtures.find((fixture) => normalisePath(fixture.path) === path);
}

function problemsOf(expectation: FileExpectation, tree: Readonly<Record<string, WorkTreeEntry>>, fixtures: readonly FixtureSpec[]): string[] {
  const path = normalisePath(expectation.path);
  const shown = quote(path);
  const entry = tree[path];
  const fixture = fixtureAt(fixtures, path);
  if (expectation.exists === false) {
    if (entry === undefined) return [];
    return [`${shown} should not exist after the run, but it is there (${TYPE_NAMES[entry.type]}).`];
  }
  if (entry === undefined) {
    if (fixture !== undefined) {
      return [
        `${shown} should still be there, but it is gone: your program removed (or replaced) ${(fixture.type ?? 'file') === 'dir' ? 'a directory' : 'a file'} it did not make.`,
      ];
    }
    const wanted = expectation.type === undefined ? '' : ` (${TYPE_NAMES[expectation.type]})`;
    return [`${shown} should exist after the run${wanted}, but it does not.`];
  }
  const problems: string[] = [];
  if (expectation.type !== undefined && entry.type !== expectation.type) {
    problems.push(`${shown} should be ${TYPE_NAMES[expectation.type]}, but it is ${TYPE_NAMES[entry.type]}.`);
  }
  if (expectation.mode !== undefined) {
    const wanted = parseInt(expectation.mode, 8) & 0o7777;
    if ((entry.mode & 0o7777) !== wanted) problems.push(`${shown} should have mode ${octal(wanted)}, but it has ${octal(entry.mode)}.`);
  }
  if (expectation.content !== undefined && entry.type === 'file') {
    if (entry.content === undefined) {
      problems.push(`${shown} should contain ${quote(expectation.content)}, but it is too large (${entry.size} bytes) to be read back.`);
    } else if (entry.content !== expectation.content) {
      const changed = fixture !== undefined && (fixture.content ?? '') === expectation.content;
      problems.push(
        changed
          ? `${shown} was changed: its content should be ${quote(expectation.content)}, it is ${entry.content === '' ? 'empty' : quote(entry.content)}.`
          : `${shown} should contain ${quote(expectation.content)}, but it contains ${entry.content === '' ? 'nothing' : quote(entry.content)}.`,
      );
    }
  }
  if (expectation.target !== undefined && entry.type === 'symlink' && entry.target !== expectation.target) {
    problems.push(`${shown} should point to ${quote(expectation.target)}, but it points to ${quote(entry.target ?? '')}.`);
  }
  if (expectation.empty === true && entry.type === 'dir') {
    const inside = Object.keys(tree)
      .filter((other) => other.startsWith(`${path}/`) || (path === '' && other !== ''))
      .sort();
    if (inside.length > 0) {
      const listed = inside
        .slice(0, MAX_LISTED)
        .map((other) => quote(other))
        .join(', ');
      const more = inside.length > MAX_LISTED ? ` and ${inside.length - MAX_LISTED} more` : '';
      const madeDirs = inside.some((other) => tree[other]?.type === 'dir' && fixtureAt(fixtures, other) === undefined);
      problems.push(
        `${shown} should be empty after the run, but it holds: ${listed}${more}${madeDirs ? ' — remove the directories you made' : ' — remove what you made'}.`,
      );
    }
  }
  return problems;
}

const schema = {
  properties: {
    expect: {
      type: 'array',
      minItems: 1,
      description: 'What must hold for each path, relative to the work directory.',
      items: {
        type: 'object',
        properties: {
          path: { type: 'string', minLength: 1, description: 'Path relative to the work directory.' },
          exists: { type: 'boolean', default: true, description: 'false: the path must not exist after the run.' },
          type: { enum: ['file', 'dir', 'symlink', 'fifo', 'other'], description: 'Kind of entry, from lstat (links are not followed).' },
          mode: { type: 'string', pattern: '^0?[0-7]{3,4}$', description: 'Permission bits in octal, e.g. "0640".' },
          content: { type: 'string', description: 'Exact content of a regular file (UTF-8).' },
          target: { type: 'string', description: 'Target of a symbolic link.' },
          empty: { const: true, description: 'A directory with nothing in it.' },
        },
        required: ['path'],
        additionalProperties: false,
      },
    },
  },
  required: ['expect'],
} as const satisfies KindSchema;

/** Configuration of a `files` check: what its schema accepts. */
export type FilesConfig = ConfigOf<typeof schema>;
/** One expectation on a path of the work directory. */
export type FileExpectation = FilesConfig['expect'][number];

/** Passes when every expectation on the work directory holds after the run. */
export const filesCheck: CheckKind<typeof schema> = {
  name: 'files',
  description: 'The work directory after the run: entries that must exist (with a type, mode, content, link target, or empty) or must not.',
  schema,
  promisesGraded: () => [{ promise: 'files' }],
  run(config, { workTree, test }): CheckOutcome {
    if (workTree === undefined) throw new Error('the work directory was not recorded for this run');
    const problems = config.expect.flatMap((expectation) => problemsOf(expectation, workTree, test.files));
    if (problems.length === 0) {
      return {
        passed: true,
        message: `The work directory is as expected after the run (${config.expect.length} path${config.expect.length === 1 ? '' : 's'} checked).`,
      };
    }
    return { passed: false, message: problems.join(' ') };
  },
};
