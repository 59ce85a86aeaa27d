// When each line of standard output reached the grader: the output file's size is sampled while
// the program runs, and each line's arrival is the first sample that holds the line's last byte.
import fs from 'node:fs';

/** How often the size of standard output is sampled while arrival times are wanted (ms). */
export const ARRIVAL_SAMPLE_MS = 4;

/** One sample: the file held `bytes` bytes `atMs` after the program was started. */
export interface SizeSample {
  bytes: number;
  atMs: number;
}

/** Samples the size of an open output file until stopped; keeps only the samples where it grew. */
export class ArrivalLog {
  private readonly samples: SizeSample[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly fd: number,
    private readonly startedAtMs: number,
  ) {
    this.timer = setInterval(() => this.sample(), ARRIVAL_SAMPLE_MS).unref();
  }

  /** Takes one sample now (also called once more at the end, so that the last lines have a time). */
  sample(): void {
    let bytes: number;
    try {
      bytes = fs.fstatSync(this.fd).size;
    } catch {
      return;
    }
    const last = this.samples[this.samples.length - 1];
    if (last === undefined ? bytes > 0 : bytes > last.bytes) this.samples.push({ bytes, atMs: performance.now() - this.startedAtMs });
  }

  /** Stops sampling and gives each line of `raw` (the file's bytes as text) its arrival time. */
  stop(raw: string): number[] {
    clearInterval(this.timer);
    this.sample();
    return lineArrivals(raw, this.samples);
  }
}

/**
 * The arrival time of each line of `text` (split after every "\n"; a last line without one counts):
 * the first sample whose size covers the line's last byte (the last sample if none does, e.g.
 * after the output cap).
 */
export function lineArrivals(text: string, samples: readonly SizeSample[]): number[] {
  const times: number[] = [];
  let offset = 0;
  let sample = 0;
  const pieces = text.split('\n');
  if (pieces[pieces.length - 1] === '') pieces.pop();
  for (const [index, piece] of pieces.entries()) {
    offset += Buffer.byteLength(piece) + (index < pieces.length - 1 || text.endsWith('\n') ? 1 : 0);
    while (sample < samples.length - 1 && samples[sample]!.bytes < offset) sample++;
    const at = samples[sample]?.atMs;
    if (at === undefined) break;
    times.push(Math.round(at * 10) / 10);
  }
  return times;
}
