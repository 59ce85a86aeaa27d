// Reads a solution's source files for the pitfall recognisers (cheap: top-level files of its language only).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const MAX_BYTES = 256 * 1024;

/** The top-level `.ts` (or `extension`) files of a solution folder (name → text, each cut at 256 KiB); {} when unreadable. */
export async function readSources(dir: string, extension = '.ts'): Promise<Record<string, string>> {
  const sources: Record<string, string> = {};
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith(extension)) continue;
    const text = await readFile(path.join(dir, entry.name), 'utf8').catch(() => undefined);
    if (text !== undefined) sources[entry.name] = text.slice(0, MAX_BYTES);
  }
  return sources;
}
