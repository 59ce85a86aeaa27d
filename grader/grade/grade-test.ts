import { randomInt } from 'node:crypto';
import { anyNeeds, needsOf, runCheck } from '../checks/index.js';
import { escapeForDisplay } from '../checks/display.js';
import { graderDoubt } from '../checks/doubt.js';
import { addPitfallHint } from '../hints/index.js';
import type { CheckContext } from '../checks/types.js';
import type { BuiltProgram } from '../build/types.js';
import { runTest } from '../run/index.js';
import { threadBaselines } from '../languages/thread-baselines.js';
import { languageOfRun } from '../languages/index.js';
import type { ProgramRun } from '../run/types.js';
import type { CheckResult, TestResult } from '../report/types.js';
import type { TestSpec } from '../spec/types.js';
import { shellQuote } from './shell-quote.js';
import { decidedChecks, endingVerdict } from './endings.js';
import { applySplitChecks, feedRerunInput } from './split-checks.js';
import { measurementError, shouldMeasureAgain } from './measurement-doubt.js';
import { gradeGenerated, withInput } from './grade-generated.js';

export interface TestGradingContext {
  slug: string;
  program: BuiltProgram;
  /** The reference solution, built on first use (for `reference` checks). */
  reference: () => Promise<BuiltProgram>;
  /** Replaces every test's seed (to replay a failure). */
  seed?: number;
}

const STDERR_TAIL_LINES = 12;

/** Runs one test (every trial, until one fails) and applies its checks. Never throws. */
export async function gradeTest(test: TestSpec, context: TestGradingContext): Promise<TestResult> {
  const started = Date.now();
  const baseSeed = context.seed ?? test.seed ?? randomInt(1, 2 ** 31 - 1);
  const needsSeed = test.trials > 1 || test.feed !== undefined || test.generate !== undefined || test.seed !== undefined || context.seed !== undefined;
  const result: TestResult = {
    name: test.name,
    status: 'passed',
    message: '',
    score: test.points,
    maxScore: test.points,
    hidden: test.hidden,
    checks: [],
    trials: test.trials,
    durationMs: 0,
    rerun: rerunCommand(context.slug, test),
  };
  if (needsSeed) result.seed = baseSeed;
  try {
    if (test.generate !== undefined) await gradeGeneratedInto(result, test, context, baseSeed);
    else
      for (let trial = 1; trial <= test.trials; trial++) {
        // Each trial its own seed (trial 1: the reported one), so that --seed replays every trial.
        const { checks, runs, attempts } = await runTrial(test, context, baseSeed + trial - 1);
        result.checks = checks;
        const failed = checks.find((c) => !c.passed && c.doubt === undefined);
        const doubted = checks.find((c) => c.doubt !== undefined);
        if (failed === undefined && doubted !== undefined) {
          result.status = 'error';
          result.score = 0;
          result.message = measurementError(doubted.doubt ?? '', attempts);
          if (test.trials > 1) result.failedTrial = trial;
          break;
        }
        if (failed) {
          result.status = 'failed';
          result.message = failed.message;
          result.score = 0;
          if (test.trials > 1) result.failedTrial = trial;
          const tail = stderrTail(runs);
          // A one-line stderr that a message already quotes need not be shown twice.
          const quoted = checks.some((c) => !c.passed && c.message.includes(tail ?? '\u0000'));
          if (tail && !quoted) result.stderrTail = tail;
          // One sentence on the likely pitfall (grader/hints/), before the first failed check's hint.
          result.checks = await addPitfallHint(test, runs, checks, context.program.sourceDir);
          break;
        }
      }
  } catch (error) {
    result.status = 'error';
    result.score = 0;
    result.message = `The grader could not run this test: ${error instanceof Error ? error.message : String(error)}`;
  }
  result.durationMs = Date.now() - started;
  return result;
}

/**
 * Runs one trial and applies its checks. While a check doubts the grader's own measurement, the
 * trial is run again, up to MEASUREMENT_ATTEMPTS times in all (same seed).
 */
async function runTrial(
  test: TestSpec,
  context: TestGradingContext,
  seed: number,
): Promise<{ checks: CheckResult[]; runs: Record<string, ProgramRun>; attempts: number }> {
  for (let attempt = 1; ; attempt++) {
    const testRun = await runTest(test, context.program, { seed });
    const { runs, workTree } = testRun;
    const checkContext: CheckContext = { test, run: runs.main!, runs, workTree };
    if (anyNeeds(test.checks, 'reference')) {
      checkContext.reference = (await runTest(test, await context.reference())).runs;
    }
    const checks = testRun.splits ? applySplitChecks(test, checkContext, testRun.splits, applyChecks) : applyChecks(test, checkContext);
    if (!shouldMeasureAgain(checks, attempt)) return { checks, runs, attempts: attempt };
  }
}

/** A test with `generate`: the program and the reference on each generated case (grade-generated.ts). */
async function gradeGeneratedInto(result: TestResult, test: TestSpec, context: TestGradingContext, seed: number): Promise<void> {
  const reference = await context.reference();
  const verdict = await gradeGenerated(test, seed, async (concrete) => {
    // One after the other: the machine may have only two cores.
    const mine = await runTest(concrete, context.program, { seed });
    // Checks that do not compare with the reference first: when one fails (a crash, a wrong exit
    // status, a starter), the reference need not run, which halves the cost of shrinking.
    const own = { ...concrete, checks: concrete.checks.filter((check) => needsOf(check).reference !== true) };
    const ownChecks = applyChecks(own, { test: own, run: mine.runs.main!, runs: mine.runs, workTree: mine.workTree });
    if (ownChecks.some((check) => !check.passed && check.doubt === undefined)) return { checks: ownChecks };
    const theirs = await runTest(concrete, reference, { seed });
    const broken = Object.values(theirs.runs).find((run) => run.ending !== 'exited');
    if (broken !== undefined)
      return {
        referenceProblem: `its process \`${broken.name}\` did not end by itself (${broken.ending}${broken.endingDetail ? `: ${broken.endingDetail}` : ''})`,
      };
    return { checks: applyChecks(concrete, { test: concrete, run: mine.runs.main!, runs: mine.runs, workTree: mine.workTree, reference: theirs.runs }) };
  });
  if (verdict.status === 'error') throw new Error(verdict.message);
  if (verdict.status === 'passed') {
    result.checks = [{ check: 'reference', passed: true, message: `Your program did as the reference solution on ${verdict.cases} generated inputs.` }];
    return;
  }
  result.checks = withInput(verdict, seed);
  result.status = 'failed';
  result.score = 0;
  result.message = result.checks.find((check) => !check.passed)?.message ?? '';
  result.rerun = rerunCommand(context.slug, verdict.test);
}

/** The run's language, and what the test's check kinds need measured besides the runs (outside the checks, which never start processes). */
function withMeasurements(test: TestSpec, context: CheckContext): CheckContext {
  const withLanguage = { ...context, language: languageOfRun(context.run) };
  return anyNeeds(test.checks, 'threadBaseline') ? { ...withLanguage, threadBaselines: threadBaselines(context.runs) } : withLanguage;
}

/** The ending of every process first; if one did not end by itself, its verdict is the result. */
function applyChecks(test: TestSpec, given: CheckContext): CheckResult[] {
  // Every process that did not end by itself, and the peers a stalled one waited for (endings.ts).
  const brokenEnding = endingVerdict(test, given.runs);
  if (brokenEnding) return [brokenEnding];
  const context = withMeasurements(test, given);
  // Decided early (one process failed its exit check, the others were stopped): that check is the verdict.
  const decided = decidedChecks(test, given.runs);
  const results = (decided?.checks ?? test.checks).map((spec) => {
    const outcome = runCheck(spec, context);
    const result: CheckResult = { check: spec.check, passed: outcome.passed, message: outcome.message };
    if (outcome.diff) result.diff = outcome.diff;
    if (outcome.hint) result.hint = outcome.hint;
    if (outcome.doubt !== undefined) result.doubt = outcome.doubt;
    return result;
  });
  if (decided === undefined) return results;
  const deciding = results.find((result) => !result.passed);
  if (deciding !== undefined) deciding.message += decided.note;
  else results.push({ check: 'ending', ...graderDoubt('it stopped a process of the test early, yet found no failed exit check to show why') });
  return results;
}

function stderrTail(runs: Record<string, ProgramRun>): string | undefined {
  const parts: string[] = [];
  for (const run of Object.values(runs)) {
    const lines = run.stderr.replace(/\n+$/, '').split('\n');
    if (lines.length === 1 && lines[0] === '') continue;
    const tail = lines.slice(-STDERR_TAIL_LINES).map((line) => escapeForDisplay(line, { quote: false }));
    const label = Object.keys(runs).length > 1 ? `[${run.name}] ` : '';
    const cut = lines.length > STDERR_TAIL_LINES ? `${label}(… ${lines.length - STDERR_TAIL_LINES} earlier lines)\n` : '';
    parts.push(cut + tail.map((line) => label + line).join('\n'));
  }
  return parts.length > 0 ? parts.join('\n') : undefined;
}

/** A command line that runs the test by hand, the way the grader does. */
function rerunCommand(slug: string, test: TestSpec): string {
  const env = Object.entries(test.env)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([name, value]) => `${name}=${shellQuote(value)}`);
  const command = ['npm', 'run', 'exercise', '--', slug, ...test.args.map(shellQuote)];
  const input = test.stdin !== undefined ? `printf '%s' ${shellQuote(test.stdin)} | ` : test.feed !== undefined ? feedRerunInput(test.feed) : '';
  return input + [...env, ...command].join(' ');
}
