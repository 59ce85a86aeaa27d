import { mkdtemp, readFile, writeFile, mkdir, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildSolution } from '../../grader/build/build.js';

async function solutionFolder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'solution-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

describe('building a solution', () => {
  it('builds every .ts file to a .js of the same name that runs under plain node', async () => {
    const source = await solutionFolder({
      'solution.ts': `import { execFileSync } from 'node:child_process';
import { greet } from './lib/greet.js';
const child = new URL('./child.js', import.meta.url);
const out: string = execFileSync(process.execPath, [child.pathname], { encoding: 'utf8' });
console.log(greet('main') + ' ' + out.trim());`,
      'child.ts': `const n: number = 42; console.log('child ' + n);`,
      'lib/greet.ts': `export const greet = (who: string): string => 'hello ' + who;`,
    });
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'cache-'));
    const result = await buildSolution(source, { cacheDir });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect((await readdir(result.program.dir)).sort()).toEqual(['child.js', 'package.json', 'solution.js']);
    expect(JSON.parse(await readFile(path.join(result.program.dir, 'package.json'), 'utf8'))).toEqual({ type: 'module' });
    const output = execFileSync(process.execPath, [path.join(result.program.dir, 'solution.js')], { encoding: 'utf8' });
    expect(output).toBe('hello main child 42\n');
  });

  it('reuses the cached build of unchanged sources and rebuilds changed ones', async () => {
    const source = await solutionFolder({ 'solution.ts': 'console.log(1);' });
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'cache-'));
    const first = await buildSolution(source, { cacheDir });
    const second = await buildSolution(source, { cacheDir });
    expect(first.ok && !first.cached).toBe(true);
    expect(second.ok && second.cached).toBe(true);
    await writeFile(path.join(source, 'solution.ts'), 'console.log(2);');
    const third = await buildSolution(source, { cacheDir });
    expect(third.ok && !third.cached).toBe(true);
    if (first.ok && third.ok) expect(third.program.dir).not.toBe(first.program.dir);
  });

  it('ignores the known-bad variants in wrong/ when hashing', async () => {
    const source = await solutionFolder({ 'solution.ts': 'console.log(1);', 'wrong/bug/solution.ts': 'console.log(0);' });
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'cache-'));
    const first = await buildSolution(source, { cacheDir });
    await writeFile(path.join(source, 'wrong/bug/solution.ts'), 'console.log(-1);');
    const second = await buildSolution(source, { cacheDir });
    expect(second.ok && second.cached).toBe(true);
    if (first.ok && second.ok) expect(second.program.dir).toBe(first.program.dir);
  });

  it('reports a compile error at its file, line and column, with the line itself', async () => {
    const source = await solutionFolder({ 'solution.ts': 'const a = 1;\nconst b = ;\n' });
    const result = await buildSolution(source, { cacheDir: await mkdtemp(path.join(tmpdir(), 'cache-')) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ line: 2, column: 11 });
    expect(result.errors[0]?.file).toMatch(/solution\.ts$/);
    expect(result.message).toMatch(/solution\.ts:2:11: error: Unexpected ";"/);
    expect(result.message).toContain('2 | const b = ;');
  });
});
