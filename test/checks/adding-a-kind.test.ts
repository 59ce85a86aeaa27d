// "Adding a check kind" (docs/instructor-tools.md), followed for a made-up kind in a copy of the grader: only
// the kind's file and its registration are written (and specs/schema.json regenerated), and the
// kind is then in the schema, checked by the loader through its own `validate` and `needs`, and
// graded.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');
let copy = '';

const KIND_FILE = `// \`line-count\`: how many lines the program printed on stdout.
import type { CheckKind, CheckOutcome, ConfigOf, KindSchema } from './types.js';

const schema = {
  properties: { min: { type: 'integer', minimum: 0 }, max: { type: 'integer', minimum: 0 } },
} as const satisfies KindSchema;

export type LineCountConfig = ConfigOf<typeof schema>;

export const lineCountCheck: CheckKind<typeof schema> = {
  name: 'line-count',
  description: 'The program printed between min and max lines on stdout.',
  schema,
  needs: { observation: true },
  validate: ({ min, max }) => (min !== undefined && max !== undefined && min > max ? [{ path: ['max'], message: 'max must not be below min' }] : []),
  run(config, { run }): CheckOutcome {
    const count = run.stdout.split('\\n').filter((line) => line !== '').length;
    const passed = count >= (config.min ?? 0) && count <= (config.max ?? Infinity);
    return { passed, message: passed ? '' : \`Your program printed \${count} lines.\` };
  },
};
`;

function spec(check: string, observe: boolean): string {
  return `slug: hello\ntests:\n  - name: counts\n    points: 1\n    observe: ${observe}\n    checks:\n      - ${check}\n`;
}

async function grader(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(copy, 'grader', 'launch.mjs'), ...args], { cwd: copy });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(() => {
  copy = fs.mkdtempSync(path.join(tmpdir(), 'adding-a-kind-'));
  fs.cpSync(path.join(repo, 'grader'), path.join(copy, 'grader'), { recursive: true });
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.json']) fs.copyFileSync(path.join(repo, file), path.join(copy, file));
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(copy, 'node_modules'));
  fs.mkdirSync(path.join(copy, 'specs'));
  fs.mkdirSync(path.join(copy, 'assignments', 'hello'), { recursive: true });
  fs.writeFileSync(path.join(copy, 'assignments', 'hello', 'solution.ts'), 'console.log("one");\nconsole.log("two");\n');

  // Step 1: the kind's own file.
  fs.writeFileSync(path.join(copy, 'grader', 'checks', 'line-count.ts'), KIND_FILE);
  // Step 2: its registration.
  const index = path.join(copy, 'grader', 'checks', 'index.ts');
  const registry = fs.readFileSync(index, 'utf8');
  const registered = registry
    .replace("import { exitCheck } from './exit.js';", "import { exitCheck } from './exit.js';\nimport { lineCountCheck } from './line-count.js';")
    .replace(/(const allKinds[^=]*= \[)/, '$1\n  lineCountCheck,');
  expect(registered).not.toBe(registry);
  fs.writeFileSync(index, registered);
}, 60_000);

afterAll(() => {
  if (copy !== '') fs.rmSync(copy, { recursive: true, force: true });
});

describe('adding a check kind as docs/instructor-tools.md says', () => {
  it('puts it in the schema (step 3), and the loader and the grader ask the kind', async () => {
    expect((await grader(['schema'])).status).toBe(0);
    const schema = fs.readFileSync(path.join(copy, 'specs', 'schema.json'), 'utf8');
    expect(schema).toContain('"line-count"');

    fs.writeFileSync(path.join(copy, 'specs', 'hello.yaml'), spec('{ check: line-count, min: 2, max: 2 }', true));
    const passed = await grader(['grade', 'hello']);
    expect(passed.stdout).toContain('1/1');
    expect(passed.status).toBe(0);

    fs.writeFileSync(path.join(copy, 'specs', 'hello.yaml'), spec('{ check: line-count, min: 3 }', true));
    const failed = await grader(['grade', 'hello']);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('Your program printed 2 lines.');

    // Its validate, reported by the loader with the place in the spec.
    fs.writeFileSync(path.join(copy, 'specs', 'hello.yaml'), spec('{ check: line-count, min: 3, max: 1 }', true));
    const invalid = await grader(['grade', 'hello']);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toMatch(/hello\.yaml:7:\d+: .*max must not be below min/);

    // Its needs: observation.
    fs.writeFileSync(path.join(copy, 'specs', 'hello.yaml'), spec('{ check: line-count, min: 2 }', false));
    const unobserved = await grader(['grade', 'hello']);
    expect(unobserved.status).toBe(2);
    expect(unobserved.stderr).toContain('a line-count check needs observe: true in its test');
  }, 180_000);
});
