// `npm run grade -- --submissions DIR`: a whole class, to one CSV and one JSON of scores, and report.html beside them.
import { stat } from 'node:fs/promises';
import { gradeBatch } from '../batch/grade-batch.js';
import { batchProgress } from '../batch/progress.js';
import { parseShard, type Shard } from '../batch/students.js';
import { scoreFiles, writeScores } from '../batch/write-scores.js';
import { reportFile, writeClassReport } from '../class-report/write-report.js';
import { UsageError } from '../util/usage-error.js';
import type { CliEnvironment } from './command.js';

/** The grade command's options that batch grading reads. */
export interface BatchCommandOptions {
  submissions: string;
  slugs: string[];
  shard?: string | undefined;
  outDir?: string | undefined;
  csv?: string | undefined;
  json?: string | undefined;
  jobs?: number | undefined;
  seed?: number | undefined;
}

/** Grades every student folder of `--submissions DIR`; exit status 0 once the scores are written. */
export async function batchCommand(options: BatchCommandOptions, env: CliEnvironment): Promise<number> {
  let shard: Shard | undefined;
  if (options.shard !== undefined) {
    try {
      shard = parseShard(options.shard);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  const isDir = await stat(options.submissions).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) throw new UsageError(`--submissions ${options.submissions}: there is no such folder.`);
  const files = scoreFiles(options);
  const scores = await gradeBatch({
    root: env.root,
    submissionsDir: options.submissions,
    slugs: options.slugs,
    progress: batchProgress(process.stderr),
    ...(shard === undefined ? {} : { shard }),
    ...(options.jobs === undefined ? {} : { jobs: options.jobs }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  await writeScores(scores, files);
  const report = reportFile(files, options.outDir);
  await writeClassReport(scores, report);
  const where = [files.csv, files.json, report].filter((f) => f !== undefined).join(', ');
  process.stderr.write(`Scores of ${scores.students.length} students written to ${where}\n`);
  return 0;
}
