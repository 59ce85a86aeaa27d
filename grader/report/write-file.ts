import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes (or appends) a report file, creating its folder. */
export async function writeReport(file: string, text: string, append = false): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await (append ? appendFile(file, text) : writeFile(file, text));
}
