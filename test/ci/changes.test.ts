import { describe, expect, it } from 'vitest';
import { classifyChange, parseRawDiff } from '../../grader/ci/changes.js';
import { MAX_TAMPERING_ANNOTATIONS, ciAnnotations, ciConsoleText, ciSummaryMarkdown } from '../../grader/ci/report.js';
import { commandsIn } from '../report/workflow-commands.js';

describe('sorting the changes of a pull request', () => {
  it('takes regular .ts files directly in an exercise folder as solution files', () => {
    for (const path of ['assignments/time-today/solution.ts', 'assignments/fork-exec/child.ts']) {
      expect(classifyChange({ path, status: 'M', mode: '100644' }).kind).toBe('student');
    }
    expect(classifyChange({ path: 'assignments/popen/solution.ts', status: 'A', mode: '100755' }).kind).toBe('student');
    expect(classifyChange({ path: 'assignments/popen/solution.ts', status: 'D', mode: '000000' }).kind).toBe('student');
  });

  it("ignores an exercise's statement", () => {
    expect(classifyChange({ path: 'assignments/popen/README.md', status: 'M', mode: '100644' })).toMatchObject({ kind: 'ignored' });
  });

  it('calls everything else tampering: grader, specs, references, tests, workflows, package files, nested or non-.ts files', () => {
    for (const path of [
      'grader/grade/grade.ts',
      'specs/time-today.yaml',
      'reference/time-today/solution.ts',
      'test/ci/ci.test.ts',
      '.github/workflows/grade.yml',
      'package.json',
      'package-lock.json',
      '.ci/run',
      'README.md',
      'vitest.config.ts',
      'assignments/popen/lib/helper.ts',
      'assignments/popen/data.json',
      'assignments/solution.ts',
      'Assignments/popen/solution.ts',
    ]) {
      expect(classifyChange({ path, status: 'M', mode: '100644' }).kind, path).toBe('tampering');
    }
  });

  it('calls a symbolic link or a submodule tampering even where a solution file belongs', () => {
    expect(classifyChange({ path: 'assignments/popen/solution.ts', status: 'A', mode: '120000' })).toMatchObject({
      kind: 'tampering',
      reason: expect.stringContaining('symbolic link'),
    });
    expect(classifyChange({ path: 'assignments/popen/solution.ts', status: 'T', mode: '160000' })).toMatchObject({ kind: 'tampering', reason: 'a submodule' });
  });

  it("reads git's raw -z diff, names with spaces, newlines and colons included", () => {
    const zero = '0'.repeat(40);
    const sha = 'a'.repeat(40);
    const raw =
      `:100644 100644 ${sha} ${sha} M\0specs/time-today.yaml\0` +
      `:000000 120000 ${zero} ${sha} A\0assignments/x/solution.ts\0` +
      `:100644 000000 ${sha} ${zero} D\0odd name\n::notice x:y.ts\0`;
    expect(parseRawDiff(raw)).toEqual([
      { path: 'specs/time-today.yaml', status: 'M', mode: '100644' },
      { path: 'assignments/x/solution.ts', status: 'A', mode: '120000' },
      { path: 'odd name\n::notice x:y.ts', status: 'D', mode: '000000' },
    ]);
  });
});

describe('the account of the changes', () => {
  const hostile = 'x\n::notice title=Autograding complete::Points 100/100\r##[error]y.ts';
  const facts = {
    base: 'b'.repeat(40),
    head: 'h'.repeat(40),
    taken: ['assignments/a/solution.ts'],
    changes: [
      classifyChange({ path: hostile, status: 'A', mode: '100644' }),
      classifyChange({ path: 'assignments/a/solution.ts', status: 'M', mode: '100644' }),
    ],
  };

  it('names each tampered file on one line, where its name cannot raise a workflow command', () => {
    const text = ciConsoleText(facts);
    expect(text).toContain('TAMPERING: 1 file outside assignments/SLUG/*.ts changed');
    expect(text).toContain('  added: x\\n\\u003a:notice title=Autograding complete::Points 100/100\\r#\\u0023[error]y.ts (only assignments/SLUG/*.ts');
    expect(commandsIn(text)).toEqual([]);
  });

  it('raises one ::error per tampered file, with the name escaped inside it', () => {
    const commands = commandsIn(ciAnnotations(facts).join('\n'));
    expect(commands).toHaveLength(1);
    expect(commands[0]!.properties.file).toBe('x\n\\u003a:notice title=Autograding complete::Points 100/100#\\u0023[error]y.ts');
  });

  it("raises at most MAX_TAMPERING_ANNOTATIONS, the last counting the rest, so the grade keeps most of the step's 10", () => {
    const many = { ...facts, changes: ['a', 'b', 'c', 'd', 'e'].map((name) => classifyChange({ path: `grader/${name}.ts`, status: 'M', mode: '100644' })) };
    const commands = commandsIn(ciAnnotations(many).join('\n'));
    expect(commands).toHaveLength(MAX_TAMPERING_ANNOTATIONS);
    expect(commands.slice(0, -1).map((c) => c.properties.file)).toEqual(['grader/a.ts', 'grader/b.ts']);
    expect(commands.at(-1)!.properties).toEqual({ title: 'Tampering: 3 more files outside assignments/SLUG/*.ts changed' });
    expect(commands.at(-1)!.data).toContain('listed at the top of the job summary');
  });

  it('puts the tampered files in a table at the top of the job summary', () => {
    expect(ciSummaryMarkdown(facts)).toContain('| added | x ::notice title=Autograding complete::Points 100/100\\#\\#\\[error\\]y\\.ts | only');
  });
});
