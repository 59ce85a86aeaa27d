// The tiny /bin/sh supervisor that is the program's parent in every tier.
//
// It sets the rlimits, starts the program through a second sh that reports its own pid on fd 3
// and then execs the program (so the reported pid is the program's, and the program runs in the
// foreground: no /dev/null stdin, no ignored SIGINT as for `cmd &`), reports the status on fd 3,
// and in a PID namespace waits until every other process has gone: bwrap's init kills the whole
// namespace as soon as its direct child exits, and children may legitimately outlive the program.
// The wait polls with a shell glob so that it spawns nothing but `sleep`.
import { constants } from 'node:os';
import type { ResolvedLimits } from './types.js';

/** The umask of every run unless its test sets one. */
export const DEFAULT_UMASK = 0o022;

/** The supervisor's script, for `/bin/sh -c SCRIPT sh PROGRAM ARGS...`. */
export function supervisorScript(limits: ResolvedLimits, waitForNamespace: boolean): string {
  const fileBlocks = Math.max(1, Math.ceil(limits.outputBytes / 512));
  const dataKib = Math.max(1, Math.floor(limits.dataMb * 1024));
  const processes = Math.max(1, Math.floor(limits.processes));
  const umask = ((limits.umask ?? DEFAULT_UMASK) & 0o777).toString(8).padStart(3, '0');
  const lines = [
    'ulimit -c 0',
    // Modes of the files a program creates depend on it: never inherit the grading machine's.
    `umask ${umask}`,
    // dash calls the process limit -p, bash and others -u (bash's -p is the pipe size).
    `ulimit -u ${processes} 2>/dev/null || ulimit -p ${processes} || echo "limit processes" >&3`,
    `ulimit -f ${fileBlocks} || echo "limit file" >&3`,
    `ulimit -d ${dataKib} || echo "limit data" >&3`,
    `/bin/sh -c 'echo "pid $$" >&3; exec "$@" 3>&-' sh "$@"`,
    'st=$?',
    'echo "status $st" >&3',
    'exec 3>&-',
  ];
  if (waitForNamespace) {
    // pid 1 is bwrap's init, pid 2 this shell.
    lines.push('while :; do set -- /proc/[0-9]*; [ $# -le 2 ] && break; sleep 0.01; done');
  }
  lines.push('exit $st');
  return lines.join('\n');
}

/** A message the supervisor sent on fd 3. */
export type SupervisorMessage = { kind: 'pid'; pid: number } | { kind: 'status'; status: number } | { kind: 'limit'; limit: string };

/** Parse one line the supervisor wrote to fd 3. */
export function parseSupervisorLine(line: string): SupervisorMessage | undefined {
  const [word, value] = line.trim().split(/\s+/, 2);
  if (value === undefined) return undefined;
  if (word === 'pid' && /^\d+$/.test(value)) return { kind: 'pid', pid: Number(value) };
  if (word === 'status' && /^\d+$/.test(value)) return { kind: 'status', status: Number(value) };
  if (word === 'limit') return { kind: 'limit', limit: value };
  return undefined;
}

/** Decode a shell status: above 128 means killed by signal (status - 128). */
export function decodeShellStatus(status: number): { exitCode: number | null; signal: string | null } {
  if (status > 128 && status < 128 + 65) {
    const number = status - 128;
    const name = Object.entries(constants.signals).find(([, n]) => n === number)?.[0];
    if (name !== undefined) return { exitCode: null, signal: name };
  }
  return { exitCode: status, signal: null };
}
