// Broken input from instructors and students: each gets a clear message, and no stack trace.
// Specs: malformed YAML, a schema violation (field, line, column), an unknown slug, a reference
// that fails its own spec (`npm run check`, and `npm run grade -- --solutions reference`).
// Solutions: missing, not compiling, throwing at start-up.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture, put, tempRepo } from '../instructor/temp-repo.js';
import { availableTiers, cleanUp, expectHeld, gradeThreat, onlyTest, plantSecrets, removeSecrets, warmUp } from './harness.js';

/** The strongest tier this machine has (the messages are the same in both). */
const tier = (await availableTiers())[0] ?? 'weak';
/** A line of a JavaScript stack trace. */
const STACK = /^\s+at .+/m;

describe('broken specs', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await tempRepo([]);
    await put(repo, 'assignments/broken/solution.ts', 'console.log("the answer");\n');
  });
  const specFile = (): string => path.relative(process.cwd(), path.join(repo, 'specs', 'broken.yaml'));

  it('malformed YAML: exit 2, the file, line and column, what is wrong', async () => {
    await put(repo, 'specs/broken.yaml', 'slug: broken\ntests:\n  - name: "unclosed\n    points: 1\n');
    const { status, stdout, stderr } = await capture(['grade', 'broken'], repo);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`A spec is not valid:\n${specFile()}:5:1: YAML syntax: Missing closing "quote\n`);
  });

  it('a schema violation: exit 2, the field, its line and column', async () => {
    await put(repo, 'specs/broken.yaml', 'slug: broken\ntests:\n  - name: one\n    points: two\n    checks:\n      - check: exit\n');
    const { status, stderr } = await capture(['grade', 'broken'], repo);
    expect(status).toBe(2);
    expect(stderr).toBe(`A spec is not valid:\n${specFile()}:4:13: tests[0].points must be number\n`);
  });

  it('an unknown exercise: exit 2, the known ones listed', async () => {
    await put(repo, 'specs/broken.yaml', 'slug: broken\ntests:\n  - name: one\n    checks:\n      - check: exit\n');
    const { status, stderr } = await capture(['grade', 'no-such-exercise'], repo);
    expect(status).toBe(2);
    expect(stderr).toBe('No exercise named "no-such-exercise". Known exercises: broken.\n');
  });

  it('a reference that fails its own spec: npm run check names the test and why; grading it says the same', async () => {
    await put(
      repo,
      'specs/broken.yaml',
      'slug: broken\ntests:\n  - name: prints the answer\n    checks:\n      - check: output\n        equals: "the answer"\n',
    );
    await put(repo, 'reference/broken/solution.ts', 'console.log("an answer");\n');
    const check = await capture(['check', 'broken'], repo);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('BAD broken');
    expect(check.stdout).toContain(
      '- broken: the reference does not pass every test:\n    prints the answer: [output] The stdout is not what was expected: line 1 should be `the answer`, but it was `an answer`.\n',
    );
    const graded = await capture(['grade', 'broken', '--solutions', 'reference'], repo);
    expect(graded.status).toBe(1);
    expect(graded.stdout).toContain('The stdout is not what was expected: line 1 should be `the answer`, but it was `an answer`.');
    for (const text of [check.stdout, check.stderr, graded.stdout, graded.stderr]) expect(text).not.toMatch(STACK);
  });
});

describe('broken solutions', () => {
  beforeAll(async () => {
    plantSecrets();
    await warmUp();
  });
  afterAll(removeSecrets);
  const checks = [{ check: 'exit' }, { check: 'output', equals: 'the answer' }];

  it('a missing solution: "missing", the file it looked for, nothing run', async () => {
    const graded = await gradeThreat('no-such-submission', tier, [{ name: 'prints the answer', timeoutMs: 3000, checks }]);
    try {
      expect(graded.status).toBe(1);
      const exercise = graded.json.exercises[0];
      expect(exercise?.status).toBe('missing');
      expect(exercise?.message).toBe('No solution found: test/hostile/submissions/no-such-submission/solution.ts does not exist (nor solution.py).');
      expect(onlyTest(graded).message).toBe('not run: the solution is missing');
      expect(graded.log).not.toMatch(STACK);
    } finally {
      cleanUp(graded);
    }
  });

  it("a solution that does not compile: the compiler's message at the student's line and column", async () => {
    const graded = await gradeThreat('does-not-compile', tier, [{ name: 'prints the answer', timeoutMs: 3000, checks }]);
    try {
      const exercise = graded.json.exercises[0];
      expect(exercise?.status).toBe('error');
      expect(exercise?.message).toMatch(
        /^Your code does not compile:\ntest\/hostile\/submissions\/does-not-compile\/solution\.ts:4:7: error: The symbol "greeting" has already been declared\n4 \| const greeting = 'hello again';\n/,
      );
      expect(onlyTest(graded).message).toBe('not run: the solution does not compile');
      expect(graded.log).toContain('solution.ts:4:7: error: The symbol "greeting" has already been declared');
      expect(graded.log).not.toMatch(STACK);
    } finally {
      cleanUp(graded);
    }
  });

  it("a solution that throws at start-up: the error quoted, and where in the student's .ts file", async () => {
    const graded = await gradeThreat('throws-at-start', tier, [{ name: 'prints the answer', timeoutMs: 3000, checks }]);
    try {
      const test = onlyTest(graded);
      expect(test.message).toBe(
        "Your program should exit with status 0, but it exited with status 1. It printed on stderr: `SyntaxError: Expected property name or '}' in JSON at position 1`.",
      );
      expect(test.checks[0]?.hint).toMatch(/uncaught exception/);
      // The trace names the student's file and lines (7: JSON.parse, 11: the call), not the built .js.
      expect(test.stderrTail).toContain('at parseSettings (test/hostile/submissions/throws-at-start/solution.ts:7:25)');
      expect(test.stderrTail).toContain('at test/hostile/submissions/throws-at-start/solution.ts:11:18');
      expect(graded.log).not.toMatch(/solution\.js/);
      expectHeld(graded, 3000);
    } finally {
      cleanUp(graded);
    }
  });
});
