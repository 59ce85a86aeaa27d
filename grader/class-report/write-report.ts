// Writing a batch's class report: figures, charts and page, to report.html beside the scores.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BatchScores } from '../batch/scores.js';
import { distributionSpec, passShareSpec, renderSvg } from './charts.js';
import { classFigures } from './figures.js';
import { classReportPage } from './page.js';

/** The report's HTML for a batch's scores. */
export async function classReportHtml(scores: BatchScores): Promise<string> {
  const figures = classFigures(scores);
  const distributions = new Map<string, string>();
  for (const exercise of figures.exercises) distributions.set(exercise.exercise, await renderSvg(distributionSpec(exercise)));
  const passShare = await renderSvg(passShareSpec(figures.exercises));
  return classReportPage(scores, figures, { passShare, distributions });
}

/** Where the report goes: report.html in the folder of the JSON scores (else of the CSV, else the out dir). */
export function reportFile(files: { json?: string; csv?: string }, outDir = 'batch-results'): string {
  const beside = files.json ?? files.csv;
  return path.join(beside === undefined ? outDir : path.dirname(beside), 'report.html');
}

/** Writes the report for `scores` to `file`. */
export async function writeClassReport(scores: BatchScores, file: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, await classReportHtml(scores));
}
