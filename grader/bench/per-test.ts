// `npm run bench -- --per-test`: the wall and CPU time of each test of each exercise, graded one
// test at a time on the references, sorted by cost. CPU time is the cgroup's (the grader and the
// whole program tree, bwrap's namespace inits included) when the grading runs under runAccounted,
// else the grader's own plus the children it reaped (an undercount, said so in the output).
import { readFileSync } from 'node:fs';
import { grade } from '../grade/grade.js';
import { TaskPool } from '../grade/pool.js';
import { isCostly } from '../grade/test-cost.js';
import type { ExerciseSpec } from '../spec/types.js';
import { loadSpecs } from '../grade/grade.js';
import type { Exclusivity } from '../grade/pool.js';
import { ownCpuNs } from './accounting.js';

const CLOCK_TICKS_PER_SECOND = 100;

export interface TestCost {
  slug: string;
  test: string;
  trials: number;
  exclusive: Exclusivity;
  costly: boolean;
  passed: boolean;
  wallMs: number;
  cpuMs: number;
}

export interface PerTestReport {
  /** 'cgroup': the whole tree's CPU; 'reaped': the grader's own and the children it waited for. */
  cpuSource: 'cgroup' | 'reaped';
  tests: TestCost[];
}

/** CPU ms so far: the cgroup's when this process runs in its own, else own + reaped children. */
function cpuNow(): { ms: number; source: PerTestReport['cpuSource'] } {
  const group = ownCpuNs();
  if (group !== undefined) return { ms: group / 1e6, source: 'cgroup' };
  const own = process.resourceUsage();
  let children = 0;
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    children = ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    // not Linux: own CPU only
  }
  return { ms: (own.userCPUTime + own.systemCPUTime) / 1000 + children, source: 'reaped' };
}

/**
 * Grades the references of `slugs` (all when empty) with one test at a time, so that the CPU
 * used between a test's start and its result is that test's (the reference's build for generated
 * tests included, done once per exercise).
 */
export async function measurePerTest(root: string, slugs: string[]): Promise<PerTestReport> {
  const specs: ExerciseSpec[] = await loadSpecs(root, slugs);
  const starts = new Map<string, { wallMs: number; cpuMs: number }>();
  const tests: TestCost[] = [];
  let source: PerTestReport['cpuSource'] = 'reaped';
  const key = (slug: string, name: string): string => `${slug}\u0000${name}`;
  await grade({
    root,
    slugs: [],
    specs,
    solutionsDir: 'reference',
    pool: new TaskPool(1),
    reporters: [
      {
        onTestStart(slug, name) {
          const cpu = cpuNow();
          source = cpu.source;
          starts.set(key(slug, name), { wallMs: performance.now(), cpuMs: cpu.ms });
        },
        onTestResult(slug, result) {
          const start = starts.get(key(slug, result.name));
          const spec = specs.find((s) => s.slug === slug)?.tests.find((t) => t.name === result.name);
          if (start === undefined || spec === undefined) return;
          tests.push({
            slug,
            test: result.name,
            trials: spec.trials,
            exclusive: spec.exclusive,
            costly: isCostly(spec),
            passed: result.status === 'passed',
            wallMs: performance.now() - start.wallMs,
            cpuMs: cpuNow().ms - start.cpuMs,
          });
        },
      },
    ],
  });
  return { cpuSource: source, tests: tests.sort((a, b) => b.cpuMs - a.cpuMs) };
}

/** The table, costliest first, with each exercise's totals after it. */
export function perTestTable(report: PerTestReport): string[] {
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`.padStart(8);
  const lines = [
    `Per test, one test at a time on the references, costliest CPU first (CPU: ${report.cpuSource === 'cgroup' ? 'grader and the whole program tree, cgroup' : 'grader and the children it reaped (cgroup accounting unavailable: an undercount)'}):`,
    `  ${'CPU'.padStart(8)} ${'wall'.padStart(8)}  kind            exercise: test`,
  ];
  for (const t of report.tests) {
    const kind = [t.costly ? 'costly' : 'cheap', t.trials > 1 ? `x${t.trials}` : '', t.exclusive === true ? 'excl' : t.exclusive === 'one-core' ? 'excl-1' : '']
      .filter(Boolean)
      .join(' ');
    lines.push(`  ${seconds(t.cpuMs)} ${seconds(t.wallMs)}  ${kind.padEnd(15)} ${t.slug}: ${t.test}${t.passed ? '' : '   (did NOT pass)'}`);
  }
  const bySlug = new Map<string, { cpuMs: number; wallMs: number }>();
  for (const t of report.tests) {
    const sum = bySlug.get(t.slug) ?? { cpuMs: 0, wallMs: 0 };
    bySlug.set(t.slug, { cpuMs: sum.cpuMs + t.cpuMs, wallMs: sum.wallMs + t.wallMs });
  }
  lines.push('', 'Per exercise (sums of its tests, one at a time):');
  for (const [slug, sum] of [...bySlug].sort((a, b) => b[1].cpuMs - a[1].cpuMs)) lines.push(`  ${seconds(sum.cpuMs)} ${seconds(sum.wallMs)}  ${slug}`);
  const total = report.tests.reduce((s, t) => ({ cpuMs: s.cpuMs + t.cpuMs, wallMs: s.wallMs + t.wallMs }), { cpuMs: 0, wallMs: 0 });
  lines.push(`  ${seconds(total.cpuMs)} ${seconds(total.wallMs)}  all ${report.tests.length} tests`);
  return lines;
}
