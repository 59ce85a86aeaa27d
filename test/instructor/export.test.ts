// The export round trip: the students' repository grades the references (copied in as student
// solutions) with full marks, and the starters with the same failures as this repository.
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grade, listSpecSlugs, loadSpecs } from '../../grader/grade/grade.js';
import { exportRepository } from '../../grader/instructor/export.js';
import type { GradeSummary } from '../../grader/report/types.js';
import { loadSpec } from '../../grader/spec/load.js';
import type { ExerciseSpec } from '../../grader/spec/types.js';
import { capture, here, put, tempRepo } from './temp-repo.js';

const temps: string[] = [];
afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** Exports `root` to a new directory, with node_modules linked so that it can grade. */
async function exported(root: string): Promise<string> {
  const dest = path.join(await tempDir('export-'), 'students-repo');
  await exportRepository(root, dest);
  await symlink(path.join(here, 'node_modules'), path.join(dest, 'node_modules'), 'dir');
  return dest;
}

/** Copies each reference's own files (not its known-bad variants) into DIR/SLUG/, as a student would have them. */
async function referencesAsStudents(root: string, slugs: string[]): Promise<string> {
  const dir = await tempDir('students-');
  for (const slug of slugs) {
    await mkdir(path.join(dir, slug));
    for (const entry of await readdir(path.join(root, 'reference', slug), { withFileTypes: true })) {
      if (entry.isFile()) await cp(path.join(root, 'reference', slug, entry.name), path.join(dir, slug, entry.name));
    }
  }
  return dir;
}

/** "slug: test" for every test that did not pass, hidden tests left out. */
function failures(summary: GradeSummary): string[] {
  return summary.exercises.flatMap((e) => e.tests.filter((t) => t.status !== 'passed' && !t.hidden).map((t) => `${e.slug}: ${t.name}`)).sort();
}

function fullMarks(summary: GradeSummary): void {
  const notFull = summary.exercises.filter((e) => e.status !== 'passed' || e.score !== e.maxScore);
  expect(
    notFull.map(
      (e) =>
        `${e.slug}: ${e.message ?? ''} ${e.tests
          .filter((t) => t.status !== 'passed')
          .map((t) => `${t.name}: ${t.message}`)
          .join('; ')}`,
    ),
  ).toEqual([]);
  expect(summary.score).toBe(summary.maxScore);
}

/**
 * The exported specs cut down to the tests that the export changed (a reference check turned into
 * recorded expectations, ...): a test it left as it was is the very test graded in this repository
 * (test/catalog/ grades every reference and starter against it), and grading the whole catalog
 * twice more took over vitest's two minutes on a loaded machine. Hidden and generated tests are
 * gone from the exported specs, so they are not graded here.
 */
function changedTests(exportedSpecs: ExerciseSpec[], originals: ExerciseSpec[]): ExerciseSpec[] {
  return exportedSpecs
    .map((spec) => {
      const original = originals.find((o) => o.slug === spec.slug);
      const tests = spec.tests.filter(
        (test) =>
          !isDeepStrictEqual(
            test,
            original?.tests.find((t) => t.name === test.name),
          ),
      );
      return { ...spec, tests };
    })
    .filter((spec) => spec.tests.length > 0);
}

describe('npm run export on the catalog', () => {
  let dest: string;
  let slugs: string[];
  /** The exported specs, only the tests the export changed (each original test name with its original spec here: `hereSpecs`). */
  let changed: ExerciseSpec[];
  let hereSpecs: ExerciseSpec[];
  beforeAll(async () => {
    dest = await exported(here);
    slugs = await listSpecSlugs(path.join(dest, 'specs'));
    const originals = await loadSpecs(here, slugs);
    changed = changedTests(await loadSpecs(dest, slugs), originals);
    hereSpecs = changed.map((spec) => {
      const original = originals.find((o) => o.slug === spec.slug)!;
      return { ...original, tests: original.tests.filter((t) => spec.tests.some((c) => c.name === t.name)) };
    });
  });

  it('leaves out references, known-bad variants, the test suite, drafts, hidden tests and mustReject', async () => {
    expect(slugs).toEqual(await listSpecSlugs(path.join(here, 'specs')));
    for (const gone of ['reference', 'test', '.ci', 'specs/drafts']) expect(existsSync(path.join(dest, gone)), gone).toBe(false);
    for (const slug of slugs) {
      const text = await readFile(path.join(dest, 'specs', `${slug}.yaml`), 'utf8');
      expect(text).not.toMatch(/^mustReject:/m);
      expect(text).not.toMatch(/check: reference\b/);
      const spec = await loadSpec(path.join(dest, 'specs', `${slug}.yaml`));
      expect(spec.tests.some((t) => t.hidden)).toBe(false);
      expect(spec.tests.some((t) => t.generate !== undefined)).toBe(false);
      expect(existsSync(path.join(dest, 'assignments', slug, 'README.md'))).toBe(true);
    }
    const scripts = JSON.parse(await readFile(path.join(dest, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.grade).toBeDefined();
    expect(scripts.check).toBeUndefined();
  });

  it("gives students a README of their own: the students' part of ours, nothing of the instructors'", async () => {
    const readme = await readFile(path.join(dest, 'README.md'), 'utf8');
    expect(readme).toContain('## The three commands');
    expect(readme).toContain('npm run grade -- SLUG');
    expect(readme).toContain('## What the sandbox means for you');
    expect(readme).not.toContain('## For instructors');
    expect(readme).not.toContain('npm test');
    expect(readme).not.toMatch(/\]\(docs\//);
    expect(existsSync(path.join(dest, 'docs'))).toBe(false);
  });

  it('changes the tests that compare with the reference, and only those', () => {
    // Every exercise with a reference check has changed tests; an exercise without one may have none.
    expect(changed.length).toBeGreaterThan(0);
    for (const spec of changed) {
      const original = hereSpecs.find((o) => o.slug === spec.slug)!;
      for (const test of spec.tests) {
        const before = original.tests.find((t) => t.name === test.name);
        expect(before, `${spec.slug}: ${test.name} is a test of the original`).toBeDefined();
        expect(JSON.stringify(before?.checks), `${spec.slug}: ${test.name}`).toMatch(/"check":"reference"/);
      }
    }
  });

  it('grades the references, copied in as student solutions, with full marks on the tests it changed', async () => {
    const summary = await grade({ root: dest, slugs: [], specs: changed, solutionsDir: await referencesAsStudents(here, slugs), reporters: [] });
    expect(summary.exercises.map((e) => e.slug)).toEqual(changed.map((spec) => spec.slug));
    fullMarks(summary);
  });

  it('grades the starters with the same failures as this repository on the tests it changed', async () => {
    const there = await grade({ root: dest, slugs: [], specs: changed, reporters: [] });
    const hereToo = await grade({ root: here, slugs: [], specs: hereSpecs, reporters: [] });
    expect(failures(there).length).toBeGreaterThan(0);
    // Generated tests compare with the reference, which students do not get: they are left out.
    const exported = new Set(there.exercises.flatMap((e) => e.tests.map((t) => `${e.slug}: ${t.name}`)));
    expect(failures(there)).toEqual(failures(hereToo).filter((failure) => exported.has(failure)));
  });
});

const GREET_SPEC = `# yaml-language-server: $schema=./schema.json
slug: greet
title: Greet by name
tests:
  - name: greets Ada as the reference does
    points: 2
    args: [Ada]
    checks:
      - check: exit
      - check: reference

  - name: a hidden greeting
    hidden: true
    args: [Eve]
    checks:
      - check: reference

  - name: greets with its pid
    args: [Bob, --pid]
    checks:
      - check: reference
        mask:
          - { pattern: '(?<=pid )\\d+', replace: '<pid>' }

mustReject:
  rude:
    test: greets Ada as the reference does
    check: reference
`;
const REFERENCE = `const [name, flag] = process.argv.slice(2);
console.log(flag === '--pid' ? \`Hello, \${name} (pid \${process.pid})!\` : \`Hello, \${name}!\`);
console.log('Have a nice day.');
`;

describe('npm run export records what the reference prints', () => {
  let repo: string;
  let dest: string;
  beforeAll(async () => {
    repo = await tempRepo([], 'export-greet-');
    temps.push(repo);
    await put(repo, 'specs/greet.yaml', GREET_SPEC);
    await put(repo, 'reference/greet/solution.ts', REFERENCE);
    await put(repo, 'reference/greet/wrong/rude/solution.ts', 'console.log("Go away.");\n');
    await put(repo, 'assignments/greet/README.md', '# greet\n');
    await put(repo, 'assignments/greet/solution.ts', 'console.error("not implemented yet");\nprocess.exitCode = 1;\n');
    const status = await capture(['export', path.join(repo, 'out')], repo);
    expect(status.stdout).toContain('greet: 2 tests; 1 hidden test removed, 2 reference checks recorded, mustReject removed');
    expect(status.status).toBe(0);
    dest = path.join(repo, 'out');
    await symlink(path.join(here, 'node_modules'), path.join(dest, 'node_modules'), 'dir');
  });

  it('turns reference checks into output and match checks, without the hidden test', async () => {
    const spec = await loadSpec(path.join(dest, 'specs', 'greet.yaml'));
    expect(spec.tests.map((t) => t.name)).toEqual(['greets Ada as the reference does', 'greets with its pid']);
    expect(spec.tests[0]!.checks[1]).toMatchObject({ check: 'output', equals: 'Hello, Ada!\nHave a nice day.' });
    expect(spec.tests[1]!.checks[0]).toMatchObject({ check: 'match' });
    expect(existsSync(path.join(dest, 'reference'))).toBe(false);
    expect(existsSync(path.join(dest, 'out'))).toBe(false);
  });

  it('grades the reference as a student solution with full marks, the hidden test gone from the total', async () => {
    const summary = await grade({ root: dest, slugs: [], solutionsDir: await referencesAsStudents(repo, ['greet']), reporters: [] });
    fullMarks(summary);
    expect(summary.maxScore).toBe(3);
  });

  it('fails a wrong solution and the starter on the recorded expectations, as the original spec does', async () => {
    const students = await tempDir('greet-wrong-');
    await put(students, 'greet/solution.ts', 'console.log(`Hello, ${process.argv[2]} (pid 1)!`);\n');
    const wrong = await grade({ root: dest, slugs: [], solutionsDir: students, reporters: [] });
    const original = await grade({ root: repo, slugs: [], solutionsDir: students, reporters: [] });
    expect(failures(wrong)).toEqual(['greet: greets Ada as the reference does', 'greet: greets with its pid']);
    expect(failures(wrong)).toEqual(failures(original));
    expect(wrong.exercises[0]!.tests[0]!.message).toContain('line 1 should be `Hello, Ada!`');
    const starters = await grade({ root: dest, slugs: [], reporters: [] });
    expect(failures(starters)).toEqual(failures(await grade({ root: repo, slugs: [], reporters: [] })));
  });

  it('refuses a reference whose output varies without a mask, and a target that is not empty', async () => {
    const clock = await tempRepo([], 'export-clock-');
    temps.push(clock);
    await put(clock, 'specs/clock.yaml', 'slug: clock\ntests:\n  - name: prints the time\n    checks:\n      - check: reference\n');
    await put(clock, 'reference/clock/solution.ts', 'console.log(process.hrtime.bigint());\n');
    await put(clock, 'assignments/clock/solution.ts', '\n');
    const varies = await capture(['export', path.join(clock, 'out')], clock);
    expect(varies.status).toBe(2);
    expect(varies.stderr).toContain('differs from one run to the next, so it cannot be recorded; add a mask');
    expect(existsSync(path.join(clock, 'out'))).toBe(false);
    const notEmpty = await capture(['export', path.join(clock, 'specs')], clock);
    expect(notEmpty.status).toBe(2);
    expect(notEmpty.stderr).toContain('is not empty');
  });
});
