import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { version as esbuildVersion } from 'esbuild';

/** Folders of a solution that are not part of it (known-bad variants live in reference/SLUG/wrong/). */
const SKIPPED = new Set(['wrong', 'node_modules']);
const SOURCE = /\.(ts|mts|js|mjs|json)$/;

/** A hash of every source file below `dir` (names and contents), the esbuild version and `salt`. */
export async function hashSources(dir: string, salt: string): Promise<string> {
  const hash = createHash('sha256').update(`${salt}|esbuild ${esbuildVersion}\0`);
  for (const file of await listSources(dir, '')) {
    hash.update(`${file}\0`);
    hash.update(await readFile(path.join(dir, file)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 24);
}

async function listSources(root: string, relative: string): Promise<string[]> {
  const entries = await readdir(path.join(root, relative), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory() && !SKIPPED.has(entry.name)) files.push(...(await listSources(root, child)));
    else if (entry.isFile() && SOURCE.test(entry.name)) files.push(child);
  }
  return files.sort();
}
