// `npm run report -- scores.json`: the class report (report.html) from a batch's existing scores.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { asBatchScores, type BatchScores } from '../batch/scores.js';
import { writeClassReport } from '../class-report/write-report.js';
import { UsageError } from '../util/usage-error.js';
import { defineCommand } from './command.js';

const USAGE = `Usage: npm run report -- SCORES.json [--output FILE]

Writes the class report of a batch, one HTML file that opens offline: per exercise the scores
and the share that passed, the tests most students failed and why, a students × exercises grid
linking to each student's failures, and the tests that point at the spec. SCORES.json is what
\`npm run grade -- --submissions DIR\` or \`merge\` wrote (they write the report too).

  --output FILE   where to write it (default: report.html beside SCORES.json)`;

/** Exit status 0 when written, 2 when the file is not batch scores. */
export const reportCommand = defineCommand({
  usage: USAGE,
  options: { output: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals }) {
    const source = positionals[0]!;
    let scores: BatchScores;
    try {
      scores = asBatchScores(JSON.parse(await readFile(source, 'utf8')), source);
    } catch (error) {
      throw new UsageError(`Cannot read ${source}: ${(error as Error).message}`);
    }
    const file = values.output ?? path.join(path.dirname(source), 'report.html');
    await writeClassReport(scores, file);
    process.stderr.write(`Class report of ${scores.students.length} students written to ${file}\n`);
    return 0;
  },
});
