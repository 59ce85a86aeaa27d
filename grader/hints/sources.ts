// Reads a solution's source files for the pitfall recognisers (cheap: top-level .ts files only).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const MAX_BYTES = 256 * 1024;

/** The top-level `.ts` files of a solution folder (name → text, each cut at 256 KiB); {} when unreadable. */
export async function readSources(dir: string): Promise<Record<string, string>> {
  const sources: Record<string, string> = {};
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const text = await readFile(path.join(dir, entry.name), 'utf8').catch(() => undefined);
    if (text !== undefined) sources[entry.name] = text.slice(0, MAX_BYTES);
  }
  return sources;
}
