// The `signal` step: send a signal to a process of a running program, found on the host by the
// pid the grader started (the main process) or by a pid the program printed (a child of it).
import type { Bindings } from '../checks/template.js';
import type { StepSignal } from '../spec/signals.js';

/** Whether the signal was sent, and if not, why (a clause for the step's failure). */
export type SignalOutcome = { sent: true } | { sent: false; reason: string };

/** A process of the run on the host, with its pid as the program sees it (inside a PID namespace, another number). */
export interface RunProcess {
  hostPid: number;
  ownPid: number;
}

export { innerPid } from '../sandbox/sweep.js';

/**
 * Sends `signal` to the process of the run whose own pid is `ownPid`. Only processes of the run
 * are candidates: a pid the program printed can never make the grader signal anything else.
 */
export function signalRunProcess(signal: StepSignal, ownPid: number, processes: readonly RunProcess[], whose: string): SignalOutcome {
  const target = processes.find((p) => p.ownPid === ownPid);
  if (target === undefined) return { sent: false, reason: `no process of your program with pid ${ownPid} (${whose}) was running` };
  try {
    process.kill(target.hostPid, signal);
    return { sent: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ESRCH') return { sent: false, reason: `the process with pid ${ownPid} (${whose}) had already ended` };
    return { sent: false, reason: `the grader could not signal the process with pid ${ownPid} (${whose}): ${code ?? (error as Error).message}` };
  }
}

/** Sends a signal to the main process, or to the run's process whose own pid is `ownPid` (`label` says where that pid came from). */
export type SendSignal = (signal: StepSignal, ownPid?: number, label?: string) => SignalOutcome;

/**
 * Plays a `signal` step: to the process the grader started, or (`to: "{pid:NAME}"`) to the
 * process whose pid an earlier `expect` bound to NAME.
 */
export function signalStep(send: SendSignal, step: { signal: StepSignal; to?: string }, bindings: Bindings): SignalOutcome {
  const name = step.to === undefined ? 'main' : /^\{pid:(\w+)\}$/.exec(step.to)?.[1];
  if (name === 'main') return send(step.signal);
  const bound = name === undefined ? undefined : bindings.get(name);
  if (bound === undefined || bound.type !== 'pid') return { sent: false, reason: `no earlier expect step bound ${step.to}` };
  return send(step.signal, Number(bound.value), `the pid ${step.to} your program printed`);
}
