// npm run check covers every language's references and known-bad variants: reference/SLUG/python/
// and reference/SLUG/python/wrong/NAME/, their expectations keyed python/NAME or, failing that, NAME.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCatalog, type CatalogCheck } from '../../grader/instructor/check.js';
import { put, tempRepo } from './temp-repo.js';

const REFERENCE = `import os
print(f"My cwd: {os.getcwd()}")
print(f"My script dir: {os.path.dirname(os.path.abspath(__file__))}")
`;
// The same bug as the TypeScript variant of this name: its mustReject entry applies.
const CWD_IS_SCRIPT_DIR = REFERENCE.replace('{os.getcwd()}', '{os.path.dirname(os.path.abspath(__file__))}');
// A bug of its own, with an expectation keyed python/NAME.
const SCRIPT_DIR_IS_CWD = REFERENCE.replace('{os.path.dirname(os.path.abspath(__file__))}', '{os.getcwd()}');

let repo: string;
let result: CatalogCheck;

beforeAll(async () => {
  repo = await tempRepo(['cwd-path'], 'check-languages-');
  // Only the Python programs of this test (the repository's own may be there too).
  await rm(path.join(repo, 'reference', 'cwd-path', 'python'), { recursive: true, force: true });
  await put(repo, 'reference/cwd-path/python/solution.py', REFERENCE);
  await put(repo, 'reference/cwd-path/python/wrong/cwd-is-script-dir/solution.py', CWD_IS_SCRIPT_DIR);
  await put(repo, 'reference/cwd-path/python/wrong/script-dir-is-cwd/solution.py', SCRIPT_DIR_IS_CWD);
  await put(repo, 'reference/cwd-path/python/wrong/unexpected/solution.py', SCRIPT_DIR_IS_CWD);
  const specFile = path.join(repo, 'specs', 'cwd-path.yaml');
  const spec = await readFile(specFile, 'utf8');
  await writeFile(
    specFile,
    `${spec.trimEnd()}\n  python/script-dir-is-cwd:\n    test: started from a subdirectory, it prints that directory and its own\n    check: lines\n  python/no-such-variant:\n    test: started from a subdirectory, it prints that directory and its own\n    check: lines\n`,
  );
  result = await checkCatalog({ root: repo, slugs: ['cwd-path'], jobs: 2 });
}, 300_000);

afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe('npm run check in both languages', () => {
  it("grades the Python reference and each Python variant by its own or its name's expectation", () => {
    const exercise = result.exercises[0]!;
    expect(exercise.referencePassed).toBe(true);
    const python = Object.fromEntries(exercise.variants.filter((v) => v.name.startsWith('python/')).map((v) => [v.name, v.rejection]));
    expect(python).toEqual({ 'python/cwd-is-script-dir': 'intended', 'python/script-dir-is-cwd': 'intended', 'python/unexpected': 'other-check' });
    expect(exercise.variants.filter((v) => !v.name.includes('/')).every((v) => v.rejection === 'intended')).toBe(true);
  });

  it('names a Python variant without an expectation, and an expectation without its variant', () => {
    const problems = result.problems.map((p) => p.message);
    expect(problems.some((p) => p.startsWith('reference/cwd-path/python/wrong/unexpected/ has no mustReject entry'))).toBe(true);
    expect(problems).toContain('mustReject names "python/no-such-variant", but reference/cwd-path/python/wrong/no-such-variant/ does not exist');
  });

  it('fails a Python reference that does not compile, naming the language', async () => {
    await put(repo, 'reference/cwd-path/python/solution.py', 'print("My cwd:"\n');
    const broken = await checkCatalog({ root: repo, slugs: ['cwd-path'], jobs: 2 });
    expect(broken.exercises[0]!.referencePassed).toBe(false);
    expect(broken.problems.map((p) => p.message).find((m) => m.startsWith('the Python reference does not pass every test'))).toContain('a Python syntax error');
  }, 300_000);

  it("checks one language only when asked (--language): another language's reference, variants and expectations are left alone", async () => {
    await put(repo, 'reference/cwd-path/python/solution.py', 'print("My cwd:"\n');
    const typescriptOnly = await checkCatalog({ root: repo, slugs: ['cwd-path'], jobs: 2, languages: ['typescript'] });
    const exercise = typescriptOnly.exercises[0]!;
    expect(exercise.referencePassed).toBe(true);
    expect(exercise.variants.length).toBeGreaterThan(0);
    expect(exercise.variants.filter((v) => v.name.startsWith('python/'))).toEqual([]);
    expect(typescriptOnly.problems.map((p) => p.message)).toEqual([]);
  }, 300_000);
});
