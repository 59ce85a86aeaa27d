import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { version as esbuildVersion } from 'esbuild';

/** Folders of a solution that are not part of it (known-bad variants live in reference/SLUG/wrong/). */
const SKIPPED = new Set(['wrong', 'node_modules', '__pycache__']);
/** Every language's source files (the default: a hash that any language's build may share). */
const ANY_SOURCE = /\.(ts|mts|js|mjs|json|py|c|h|sh)$/;

/**
 * A hash of every source file below `dir` (names and contents; `sources` says which files are
 * sources; folders named in `skipped` are left out), the esbuild version and `salt`.
 */
export async function hashSources(dir: string, salt: string, sources: RegExp = ANY_SOURCE, skipped: ReadonlySet<string> = new Set()): Promise<string> {
  const hash = createHash('sha256').update(`${salt}|esbuild ${esbuildVersion}\0`);
  for (const file of await listSources(dir, '', { sources, skipped })) {
    hash.update(`${file}\0`);
    hash.update(await readFile(path.join(dir, file)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 24);
}

async function listSources(root: string, relative: string, only: { sources: RegExp; skipped: ReadonlySet<string> }): Promise<string[]> {
  const entries = await readdir(path.join(root, relative), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory() && !SKIPPED.has(entry.name) && !only.skipped.has(entry.name)) files.push(...(await listSources(root, child, only)));
    else if (entry.isFile() && only.sources.test(entry.name)) files.push(child);
  }
  return files.sort();
}
