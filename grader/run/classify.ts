// Why a run that ended by itself ended: its own choice, or a limit it ran into.
import type { Ending } from './types.js';

const MEMORY = /JavaScript heap out of memory|std::bad_alloc|Fatal process out of memory|Reached heap limit|Allocation failed|Fatal (?:javascript|process) OOM|Array buffer allocation failed|Cannot allocate memory|ENOMEM/i;
const PROCESSES = /\bspawn\b[^\n]*\bEAGAIN\b|fork: (?:Resource temporarily unavailable|retry)|Cannot fork|uv_thread_create|Resource temporarily unavailable/i;
const EXEC_FAILED = /^(?:\/bin\/)?sh: \d+: (?:exec: )?.*(?:not found|Permission denied)/m;

/** What the supervisor and the files said about a run that was not stopped by the grader. */
export interface EndFacts {
  /** The supervisor reported the program's pid (it got as far as exec). */
  started: boolean;
  /** Shell status of the main process, if it ended. */
  status: number | undefined;
  stderr: string;
  /** stdout or stderr reached the cap. */
  hitOutputCap: boolean;
}

/** The ending of a run that ended without the grader stopping it, with detail when useful. */
export function classifyEnding(facts: EndFacts): { ending: Ending; detail?: string } {
  const firstLine = (facts.stderr.trim().split('\n')[0] ?? '').slice(0, 300);
  if (!facts.started) {
    return { ending: 'start-failure', detail: firstLine || 'the sandbox did not start the program' };
  }
  if ((facts.status === 126 || facts.status === 127) && EXEC_FAILED.test(facts.stderr)) {
    return { ending: 'start-failure', detail: firstLine };
  }
  if (facts.hitOutputCap) return { ending: 'output-limit' };
  if (facts.status !== 0 && facts.status !== undefined) {
    const memory = MEMORY.exec(facts.stderr);
    if (memory) return { ending: 'memory-limit', detail: memory[0] };
    const processes = PROCESSES.exec(facts.stderr);
    if (processes) return { ending: 'process-limit', detail: processes[0] };
  }
  return { ending: 'exited' };
}
