// `node grader/launch.mjs merge`: the scores of every shard of a batch, merged into one CSV and JSON.
import { readFile } from 'node:fs/promises';
import { mergeScores } from '../batch/merge.js';
import { asBatchScores, type BatchScores } from '../batch/scores.js';
import { scoreFiles, writeScores } from '../batch/write-scores.js';
import { reportFile, writeClassReport } from '../class-report/write-report.js';
import { UsageError } from '../util/usage-error.js';
import { defineCommand } from './command.js';

const USAGE = `Usage: node grader/launch.mjs merge [--out-dir DIR | --csv FILE --json FILE] SHARD.json ...

Merges the JSON scores that \`npm run grade -- --submissions DIR --shard I/N --json FILE\` wrote
on each machine into one CSV and one JSON (default batch-results/scores.csv and scores.json),
and writes the class report, report.html, beside them.
Every shard of the split must be there, once; a student in two files is an error.`;

/** Merges shard results; exit status 0 when written, 2 when the files are not the shards of one batch. */
export const mergeCommand = defineCommand({
  usage: USAGE,
  options: { 'out-dir': { type: 'string' }, csv: { type: 'string' }, json: { type: 'string' } },
  positionals: { min: 1 },
  async run({ values, positionals }) {
    const parts: Array<{ source: string; scores: BatchScores }> = [];
    for (const source of positionals) {
      let value: unknown;
      try {
        value = JSON.parse(await readFile(source, 'utf8'));
      } catch (error) {
        throw new UsageError(`Cannot read ${source}: ${(error as Error).message}`);
      }
      try {
        parts.push({ source, scores: asBatchScores(value, source) });
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
    }
    let merged: BatchScores;
    try {
      merged = mergeScores(parts);
    } catch (error) {
      throw new UsageError(`Cannot merge: ${(error as Error).message}.`);
    }
    const files = scoreFiles({ outDir: values['out-dir'], csv: values.csv, json: values.json });
    await writeScores(merged, files);
    const report = reportFile(files, values['out-dir']);
    await writeClassReport(merged, report);
    const where = [files.csv, files.json, report].filter((f) => f !== undefined).join(', ');
    process.stderr.write(`Merged ${parts.length} files (${merged.students.length} students) into ${where}\n`);
    return 0;
  },
});
