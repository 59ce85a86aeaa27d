// A throwaway course repository: this grader, some of the catalog's exercises, node_modules linked.
import { cp, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import { main } from '../../grader/cli/main.js';
import { schemaText } from '../../grader/spec/schema-text.js';

export const here = path.resolve(import.meta.dirname, '../..');

/** Makes a repository with the grader, package.json, an up-to-date schema and the named exercises. */
export async function tempRepo(slugs: string[], prefix = 'course-'): Promise<string> {
  const repo = await mkdtemp(path.join(tmpdir(), prefix));
  await cp(path.join(here, 'grader'), path.join(repo, 'grader'), { recursive: true });
  await cp(path.join(here, 'package.json'), path.join(repo, 'package.json'));
  await mkdir(path.join(repo, 'specs'));
  await writeFile(path.join(repo, 'specs', 'schema.json'), schemaText());
  for (const slug of slugs) {
    await cp(path.join(here, 'specs', `${slug}.yaml`), path.join(repo, 'specs', `${slug}.yaml`));
    await cp(path.join(here, 'assignments', slug), path.join(repo, 'assignments', slug), { recursive: true });
    await cp(path.join(here, 'reference', slug), path.join(repo, 'reference', slug), { recursive: true });
    // Its recorded mutation runs and equivalent mutants, TypeScript's and Python's (`npm run check` reports the scores).
    for (const file of [`${slug}.results.json`, `${slug}.equivalent.yaml`, `${slug}.python.results.json`, `${slug}.python.equivalent.yaml`]) {
      await cp(path.join(here, 'specs', 'mutation', file), path.join(repo, 'specs', 'mutation', file)).catch(() => undefined);
    }
  }
  await symlink(path.join(here, 'node_modules'), path.join(repo, 'node_modules'), 'dir');
  return repo;
}

/** Writes a file of the repository, making its folders. */
export async function put(repo: string, file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
  await writeFile(path.join(repo, file), text);
}

/** Runs a grader command in-process on `repo`, capturing what it prints. */
export async function capture(argv: string[], repo: string): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const status = await main(argv, { root: repo });
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
