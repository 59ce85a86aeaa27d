// Reading a run's output streams, and naming them in messages.

import type { ProgramRun } from '../run/types.js';
import { normaliseText, splitLines } from './normalise.js';
import { capitalise } from '../util/text.js';

/** An output stream of a run. */
export type Stream = 'stdout' | 'stderr';

/** The JSON-Schema fragment of the `stream` field shared by the output-reading checks. */
export const streamSchema = {
  enum: ['stdout', 'stderr'],
  default: 'stdout',
  description: 'Which output stream of the program to read: standard output (default) or standard error.',
} as const;

/** The normalised text of a stream. */
export function streamText(run: ProgramRun, stream: Stream = 'stdout'): string {
  return normaliseText(run[stream]);
}

/** The normalised lines of a stream. */
export function streamLines(run: ProgramRun, stream: Stream = 'stdout'): string[] {
  return splitLines(run[stream]);
}

/** The stream's name for a message: "stdout", or "stderr of process `writer`" for a further process. */
export function streamName(run: ProgramRun, stream: Stream = 'stdout'): string {
  return run.name === 'main' ? stream : `${stream} of process \`${run.name}\``;
}

/** Who printed it: "your program", or "process `writer`". */
export function programName(run: ProgramRun): string {
  return run.name === 'main' ? 'your program' : `process \`${run.name}\``;
}

/** "Line 3", or "Line 3 of stderr" when the stream is not the main program's stdout (index is 0-based). */
export function lineLabel(run: ProgramRun, stream: Stream, index: number): string {
  const name = streamName(run, stream);
  return name === 'stdout' ? `Line ${index + 1}` : `Line ${index + 1} of ${name}`;
}

/** The sentence for an empty stream, e.g. "Your program printed nothing on stdout." */
export function printedNothing(run: ProgramRun, stream: Stream = 'stdout'): string {
  const who = programName(run);
  return `${capitalise(who)} printed nothing on ${stream}.`;
}

/** A note to add when the output was cut at the size cap, else ''. */
export function truncationNote(run: ProgramRun): string {
  return run.truncated ? ' (The output was cut at the size limit, so its end is missing.)' : '';
}

/** A problem in a check's configuration as written in the spec (e.g. an invalid regex). */
export class CheckConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckConfigError';
  }
}

/** Compiles a regular expression from a spec, naming the field if it is invalid. */
export function compileRegExp(field: string, pattern: string, flags: string = ''): RegExp {
  try {
    return new RegExp(pattern, flags);
  } catch (error) {
    throw new CheckConfigError(`the spec's ${field} ${JSON.stringify(pattern)} is not a valid regular expression: ${(error as Error).message}`);
  }
}
