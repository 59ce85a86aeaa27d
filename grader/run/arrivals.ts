// When each line of standard output reached the grader: the output file's size is sampled while
// the program runs, and each line's arrival is the first sample that holds the line's last byte.
import fs from 'node:fs';

/** How often the size of standard output is sampled while arrival times are wanted (ms). */
export const ARRIVAL_SAMPLE_MS = 4;

/** One sample: the file held `bytes` bytes `atMs` after the program was started, and fewer at the poll before (`sinceMs`). */
export interface SizeSample {
  bytes: number;
  atMs: number;
  /** When the size was last seen smaller: the bytes arrived after this. A stalled poller widens the gap. */
  sinceMs?: number;
}

/** When each line arrived: no later than `latestMs`, no earlier than `earliestMs` (ms after the start). */
export interface LineArrivals {
  latestMs: number[];
  earliestMs: number[];
}

/** Samples the size of an open output file until stopped; keeps only the samples where it grew. */
export class ArrivalLog {
  private readonly samples: SizeSample[] = [];
  private readonly timer: NodeJS.Timeout;
  private lastPollMs = 0;

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
    const now = performance.now() - this.startedAtMs;
    const last = this.samples[this.samples.length - 1];
    if (last === undefined ? bytes > 0 : bytes > last.bytes) this.samples.push({ bytes, atMs: now, sinceMs: this.lastPollMs });
    this.lastPollMs = now;
  }

  /** Stops sampling and gives each line of `raw` (the file's bytes as text) its arrival time. */
  stop(raw: string): LineArrivals {
    clearInterval(this.timer);
    this.sample();
    return lineArrivals(raw, this.samples);
  }
}

/**
 * The arrival time of each line of `text` (split after every "\n"; a last line without one counts):
 * no later than the first sample whose size covers the line's last byte (the last sample if none
 * does, e.g. after the output cap), no earlier than the poll before it.
 */
export function lineArrivals(text: string, samples: readonly SizeSample[]): LineArrivals {
  const times: number[] = [];
  const earliest: number[] = [];
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
    earliest.push(Math.round((samples[sample]?.sinceMs ?? at) * 10) / 10);
  }
  return { latestMs: times, earliestMs: earliest };
}
