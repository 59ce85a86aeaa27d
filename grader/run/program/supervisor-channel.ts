// The supervisor's channel (fd 3): it reports the main process's pid as the program sees it, then
// its exit status. Ended (every message read) once every holder of its write end has gone.
import type { Readable } from 'node:stream';
import { parseSupervisorLine } from '../../sandbox/supervisor.js';

/** What the supervisor has reported so far. */
export interface SupervisorReports {
  /** The main process's pid as it sees itself, once reported. */
  mainPid(): number | undefined;
  /** The main process's shell-encoded exit status, once reported. */
  status(): number | undefined;
  /** ms after the start at which the status arrived. */
  mainEndedMs(): number | undefined;
  /** Resolves when the status arrives, or when `endMain` is called. */
  readonly mainEnded: Promise<void>;
  /** Resolve `mainEnded` without a status (the run is over). */
  endMain(): void;
  /** Resolves when the channel has ended or closed. */
  readonly closed: Promise<void>;
  /** True once the channel has ended (every message read). */
  ended(): boolean;
}

/** Reads the channel; `onPid` is told when the pid arrives. */
export function readSupervisorChannel(channel: Readable | null, t0: number, onPid: () => void): SupervisorReports {
  let mainPid: number | undefined;
  let status: number | undefined;
  let mainEndedMs: number | undefined;
  let ended = false;
  let endMain: () => void = () => undefined;
  const mainEnded = new Promise<void>((resolve) => (endMain = resolve));
  let pending = '';
  channel?.setEncoding('utf8');
  channel?.on('data', (chunk: string) => {
    pending += chunk;
    let newline: number;
    while ((newline = pending.indexOf('\n')) >= 0) {
      const message = parseSupervisorLine(pending.slice(0, newline));
      pending = pending.slice(newline + 1);
      if (message?.kind === 'pid') {
        mainPid = message.pid;
        onPid();
      } else if (message?.kind === 'status') {
        status = message.status;
        mainEndedMs = performance.now() - t0;
        endMain();
      }
    }
  });
  channel?.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => {
    const end = (): void => {
      ended = true;
      resolve();
    };
    if (channel === null) return end();
    channel.once('close', end);
    channel.once('end', end);
  });
  return { mainPid: () => mainPid, status: () => status, mainEndedMs: () => mainEndedMs, mainEnded, endMain: () => endMain(), closed, ended: () => ended };
}
