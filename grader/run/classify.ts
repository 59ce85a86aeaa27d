// Why a run that ended by itself ended: its own choice, or a limit it ran into.
import type { Ending } from './types.js';

const MEMORY =
  /JavaScript heap out of memory|std::bad_alloc|Fatal process out of memory|Reached heap limit|Allocation failed|Fatal (?:javascript|process) OOM|Array buffer allocation failed|Cannot allocate memory|ENOMEM/i;
const PROCESSES = /\bspawn\b[^\n]*\bEAGAIN\b|fork: (?:Resource temporarily unavailable|retry)|Cannot fork|uv_thread_create|Resource temporarily unavailable/i;
const EXEC_FAILED = /^(?:\/bin\/)?sh: \d+: (?:exec: )?.*(?:not found|Permission denied)/m;

/** The first sign on stderr that a process could not be started for the cap on processes, if any. */
export function processCapEvidence(stderr: string): string | undefined {
  return PROCESSES.exec(stderr)?.[0];
}

/** What the supervisor and the files said about a run that was not stopped by the grader. */
export interface EndFacts {
  /** The supervisor reported the program's pid (it got as far as exec). */
  started: boolean;
  /** Shell status of the main process, if it ended. */
  status: number | undefined;
  stderr: string;
  /** stdout or stderr reached the cap. */
  hitOutputCap: boolean;
  /** Which stream reached it, and the cap (e.g. "stdout reached the cap of 8388608 bytes"). */
  outputCapDetail?: string;
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
  // The file-size rlimit (EFBIG) may stop the program before the grader sees the cap reached.
  if (facts.hitOutputCap) return facts.outputCapDetail === undefined ? { ending: 'output-limit' } : { ending: 'output-limit', detail: facts.outputCapDetail };
  if (facts.status !== 0 && facts.status !== undefined) {
    const memory = MEMORY.exec(facts.stderr);
    if (memory) return { ending: 'memory-limit', detail: memory[0] };
    const processes = PROCESSES.exec(facts.stderr);
    if (processes) return { ending: 'process-limit', detail: processes[0] };
  }
  return { ending: 'exited' };
}
