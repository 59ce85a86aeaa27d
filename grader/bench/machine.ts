// A description of the machine a benchmark ran on (these machines are shared and noisy: the load
// average is part of the figures).
import os from 'node:os';

/** One line: cores, CPU model, memory, kernel, Node, and the load average. */
export function describeMachine(): string {
  const cpus = os.cpus();
  const memory = (os.totalmem() / 1024 ** 3).toFixed(1);
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${memory} GiB, ${os.type()} ${os.release()}, Node ${process.version}; load average ${load}`;
}
