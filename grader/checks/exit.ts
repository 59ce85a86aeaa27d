// `exit`: how the process ended (an exit status, or a signal).

import type { TestSpec } from '../spec/types.js';
import type { CheckKind, CheckOutcome, ConfigOf, KindSchema } from './types.js';
import { quote } from './display.js';
import { programName, streamLines } from './streams.js';
import { capitalise } from '../util/text.js';

function ending(exitCode: number | null, signal: string | null): string {
  if (signal !== null) return `was killed by signal ${signal}`;
  if (exitCode !== null) return `exited with status ${exitCode}`;
  return 'did not exit by itself';
}

// The first line of stderr that names an error, to show why a program failed.
function errorLine(stderr: readonly string[]): string | undefined {
  return stderr.find((line) => /\b[A-Za-z]*Error\b|\berror\b/i.test(line)) ?? stderr[0];
}

/** The signals the test's steps send to the program itself (not to a process it named), with their step numbers. */
function signalsSentToMain(test: TestSpec): Array<{ signal: string; step: number }> {
  return (test.steps ?? []).flatMap((step, index) => ('signal' in step && step.to === undefined ? [{ signal: step.signal, step: index + 1 }] : []));
}

const schema = {
  properties: {
    code: { type: 'integer', minimum: 0, maximum: 255, default: 0, description: 'Expected exit status (default 0).' },
    signal: {
      type: 'string',
      pattern: '^SIG[A-Z0-9]+$',
      description: 'Expected signal that ended the process instead, e.g. SIGSEGV or SIGTERM (do not combine with code).',
    },
  },
} as const satisfies KindSchema;

/** Configuration of an `exit` check: what its schema accepts. */
export type ExitConfig = ConfigOf<typeof schema>;

/** True when a process that ended with this status or signal is what the check expects. */
export function endedAsExpected(config: ExitConfig, ended: { exitCode: number | null; signal: string | null }): boolean {
  if (config.signal !== undefined) return ended.signal === config.signal;
  return ended.signal === null && ended.exitCode === (config.code ?? 0);
}

/** Passes when the process ended with the given exit status (default 0) or signal. */
export const exitCheck: CheckKind<typeof schema> = {
  name: 'exit',
  description: 'The process ended with this exit status (default 0), or was killed by this signal.',
  schema,
  readsOutput: false,
  promisesGraded: ({ code, signal }) => (signal !== undefined ? [] : [{ promise: 'exit status', value: String(code ?? 0) }]),
  run(config, { run, test }): CheckOutcome {
    const who = programName(run);
    const actual = ending(run.exitCode, run.signal);
    if (config.signal !== undefined) {
      if (endedAsExpected(config, run)) return { passed: true, message: `${who} was killed by signal ${config.signal}, as expected.` };
      return {
        passed: false,
        message: `${capitalise(who)} should be killed by signal ${config.signal}, but it ${actual}.`,
        hint: 'Check that the program really raises or receives that signal and does not catch it.',
      };
    }
    const code = config.code ?? 0;
    if (endedAsExpected(config, run)) return { passed: true, message: `${who} exited with status ${code}, as expected.` };
    const outcome: CheckOutcome = { passed: false, message: `${capitalise(who)} should exit with status ${code}, but it ${actual}.` };
    const problem = run.exitCode !== null && run.exitCode !== 0 ? errorLine(streamLines(run, 'stderr')) : undefined;
    if (problem !== undefined) outcome.message += ` It printed on stderr: ${quote(problem)}.`;
    const threw = /^\s+at .+[:(]\d+/m.test(run.stderr) || /^(Uncaught )?[A-Za-z]*Error\b/m.test(run.stderr);
    if (code === 0 && run.exitCode === 1 && threw) {
      outcome.hint = 'An uncaught exception (or an unhandled promise rejection) ends a Node program with status 1; read the error on stderr.';
    } else if (code !== 0 && run.exitCode === 0) {
      outcome.hint = `Set the status explicitly, e.g. process.exitCode = ${code} (or process.exit(${code})), on that path.`;
    } else if (run.signal !== null) {
      const sentByTest = run.name === 'main' ? signalsSentToMain(test).find((sent) => sent.signal === run.signal) : undefined;
      outcome.hint =
        sentByTest !== undefined
          ? `The test sent ${run.signal} to your program (step ${sentByTest.step}) and it ended by it: handle the signal (process.on('${run.signal}', ...)) and do what the statement asks, then exit with status ${code}.`
          : 'Something sent the program a signal (or it crashed); check that it does not kill itself or its own process group.';
    }
    return outcome;
  },
};
