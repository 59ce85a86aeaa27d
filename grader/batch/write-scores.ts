// Writing a batch's scores: the CSV and the JSON, to the files chosen on the command line.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { scoresCsv, type BatchScores } from './scores.js';

/** Where a batch's results go: --out-dir DIR (DIR/scores.csv, DIR/scores.json) or --csv/--json. */
export interface ScoreFiles {
  csv?: string;
  json?: string;
}

/** The files for --out-dir, --csv and --json (--csv/--json win over --out-dir's names; default out dir `batch-results`). */
export function scoreFiles(options: { outDir?: string | undefined; csv?: string | undefined; json?: string | undefined }): ScoreFiles {
  if (options.csv === undefined && options.json === undefined) {
    const dir = options.outDir ?? 'batch-results';
    return { csv: path.join(dir, 'scores.csv'), json: path.join(dir, 'scores.json') };
  }
  const files: ScoreFiles = {};
  if (options.csv !== undefined) files.csv = path.resolve(options.outDir ?? '.', options.csv);
  if (options.json !== undefined) files.json = path.resolve(options.outDir ?? '.', options.json);
  return files;
}

async function write(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, text);
}

/** Writes the chosen files. */
export async function writeScores(scores: BatchScores, files: ScoreFiles): Promise<void> {
  if (files.csv !== undefined) await write(files.csv, scoresCsv(scores));
  if (files.json !== undefined) await write(files.json, `${JSON.stringify(scores, null, 2)}\n`);
}
