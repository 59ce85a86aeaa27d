// How much the one-core claim of exclusive tests saves: the references of some exercises graded
// with every one-core test holding the whole machine (as all exclusive tests did before) and as
// the specs say, alternated; wall time and the place-time the pool left idle while tests waited.
// `npm run bench -- --packing [--runs N] [SLUG ...]`.
import { availableParallelism } from 'node:os';
import { grade, loadSpecs } from '../grade/grade.js';
import type { ExerciseSpec } from '../spec/types.js';
import { median } from '../util/statistics.js';
import { RecordingPool } from './recording-pool.js';

export interface PackingRun {
  wallMs: number;
  idlePlaceMs: number;
  passed: boolean;
}

export interface PackingReport {
  oneCoreTests: number;
  wholeMachine: PackingRun[];
  oneCore: PackingRun[];
}

/** The specs with every one-core test made whole-machine (the scheduling before one-core existed). */
export function asWholeMachine(specs: readonly ExerciseSpec[]): ExerciseSpec[] {
  return specs.map((spec) => ({ ...spec, tests: spec.tests.map((t) => (t.exclusive === 'one-core' ? { ...t, exclusive: true } : t)) }));
}

async function gradeOnce(root: string, specs: ExerciseSpec[]): Promise<PackingRun> {
  const pool = new RecordingPool(availableParallelism());
  const started = performance.now();
  const summary = await grade({ root, slugs: [], specs, solutionsDir: 'reference', reporters: [], pool });
  return { wallMs: performance.now() - started, idlePlaceMs: pool.check().idlePlaceMs, passed: summary.exercises.every((e) => e.status === 'passed') };
}

export async function measurePacking(root: string, slugs: string[], runs: number): Promise<PackingReport> {
  const specs = await loadSpecs(root, slugs);
  const before = asWholeMachine(specs);
  const report: PackingReport = {
    oneCoreTests: specs.flatMap((s) => s.tests).filter((t) => t.exclusive === 'one-core').length,
    wholeMachine: [],
    oneCore: [],
  };
  for (let i = 0; i < runs; i++) {
    report.wholeMachine.push(await gradeOnce(root, before));
    report.oneCore.push(await gradeOnce(root, specs));
  }
  return report;
}

export function packingLines(report: PackingReport): string[] {
  const line = (label: string, runs: PackingRun[]): string => {
    const failed = runs.filter((r) => !r.passed).length;
    return `  ${label.padEnd(32)} wall median ${(median(runs.map((r) => r.wallMs)) / 1000).toFixed(1)} s, places idle while tests waited: median ${(median(runs.map((r) => r.idlePlaceMs)) / 1000).toFixed(1)} place-s${failed > 0 ? `, ${failed} gradings NOT all passed` : ''}`;
  };
  return [
    `${report.oneCoreTests} one-core tests; ${report.oneCore.length} alternated gradings of each:`,
    line('one-core tests hold the machine', report.wholeMachine),
    line('one-core tests take one place', report.oneCore),
  ];
}
