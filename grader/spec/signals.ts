// The signals a spec's `signal` step may send (POSIX names that exist on every platform the grader runs on).
export const STEP_SIGNALS = [
  'SIGUSR1',
  'SIGUSR2',
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGQUIT',
  'SIGALRM',
  'SIGCONT',
  'SIGSTOP',
  'SIGTSTP',
  'SIGKILL',
  'SIGPIPE',
  'SIGWINCH',
] as const;

/** A signal a `signal` step may send. */
export type StepSignal = (typeof STEP_SIGNALS)[number];

/** The placeholder a `signal` step's `to` holds: `{pid:NAME}`, bound by an earlier expect. */
export const SIGNAL_TARGET_PATTERN = '^\\{pid:[A-Za-z_][A-Za-z0-9_]*\\}$';

/**
 * A `signal` step's `to: "{pid:NAME}"` must name a pid bound by an earlier `expect` of the same
 * steps (the grader signals only a process whose pid the program printed); one message per such step.
 */
export function signalTargetProblems(steps: readonly object[]): Array<{ index: number; message: string }> {
  const problems: Array<{ index: number; message: string }> = [];
  const bound = new Set<string>();
  steps.forEach((raw, index) => {
    const step = raw as Record<string, unknown>;
    for (const key of ['expect', 'expectAll']) {
      const templates = typeof step[key] === 'string' ? [step[key]] : Array.isArray(step[key]) ? step[key] : [];
      for (const template of templates) {
        for (const found of String(template).matchAll(/\{pid:(\w+)\}/g)) bound.add(found[1]!);
      }
    }
    if (typeof step.signal !== 'string' || typeof step.to !== 'string') return;
    const name = /^\{pid:(\w+)\}$/.exec(step.to)?.[1];
    if (name !== undefined && name !== 'main' && !bound.has(name)) {
      problems.push({ index, message: `${step.to} is not bound by an earlier expect step: expect a line like "child {pid:${name}}" first` });
    }
  });
  return problems;
}
