// `timing`: lines of standard output reach the grader when the statement promises: after a pause
// (a sleep before the line, not after it), or soon (output streamed as it comes, not collected and
// printed at the end). Read from the grader's own clock: when each line arrived in the output file.

import type { CheckKind, CheckOutcome, ConfigOf, KindSchema } from './types.js';
import { quote, plural } from './display.js';
import { formatDuration } from './elapsed.js';
import { lineLabel, streamLines } from './streams.js';
import { isBindingPlaceholder, matchLine, NO_BINDINGS, parseTemplate, templateEnvironment, type LineTemplate, type TemplateEnvironment } from './template.js';
import type { ProgramRun } from '../run/types.js';
import { graderDoubt } from './doubt.js';

/** How one kind of line is timed. */
export interface TimingRule {
  /** Template of the lines this rule times; a `{type:name}` placeholder names a field of the line (as in `records`). */
  line: string;
  /**
   * Templates of the line it is timed from: the latest earlier line that matches one of them and
   * has the same values in the fields both name. Absent: from the start of the program.
   */
  after?: string | string[];
  /** The line comes at least this long after (less `slackMs`): a pause before it. */
  minMs?: number;
  /** The line comes at most this long after (plus `slackMs`): printed as soon as it is ready. */
  maxMs?: number;
}

/** Default slack: a reliability run under CPU burners saw the grader note a line up to ~60 ms late. */
export const DEFAULT_TIMING_SLACK_MS = 100;

/**
 * How wide the grader's window on one measured gap may be before its reading of the output counts
 * as stalled: it polls the output's size every 4 ms, so an unloaded window is ~10 ms wide; a
 * window of 50 ms or more means the grader itself was held up while the lines arrived.
 */
export const STALLED_READING_MS = 50;

/** A measured gap against a rule's bounds: within them, outside them, or the grader cannot tell. */
export type GapVerdict = 'within' | 'outside' | 'unsure';

/**
 * Judges a gap the grader knows only within [shortestMs, longestMs] (its polls of the output).
 * Outside only when every reading in the window is outside the bound (with slack); within when
 * every reading is within; in between, the slack decides for the program when the window is as
 * narrow as the polls make it, and the grader cannot tell when its reading stalled (a wide window):
 * its doubt (a retry, then its error), never a pass or a failure it did not measure.
 */
export function judgeGap(
  shortestMs: number,
  longestMs: number,
  bounds: { minMs?: number | undefined; maxMs?: number | undefined },
  slackMs: number,
): GapVerdict {
  const stalled = longestMs - shortestMs >= STALLED_READING_MS;
  let verdict: GapVerdict = 'within';
  if (bounds.minMs !== undefined) {
    const least = bounds.minMs - slackMs;
    if (longestMs < least) return 'outside';
    if (shortestMs < least && stalled) verdict = 'unsure';
  }
  if (bounds.maxMs !== undefined) {
    const most = bounds.maxMs + slackMs;
    if (shortestMs > most) return 'outside';
    if (longestMs > most && stalled) verdict = 'unsure';
  }
  return verdict;
}

interface ParsedRule {
  rule: TimingRule;
  line: LineTemplate;
  after: LineTemplate[];
}

/** The named fields a line gives a template (undefined when it does not match). */
function fieldsOf(template: LineTemplate, line: string, index: number, environment: TemplateEnvironment): Map<string, string> | undefined {
  const match = matchLine(template, line, NO_BINDINGS, environment, { line: index, template: 0 });
  if (!match.matched) return undefined;
  const fields = new Map<string, string>();
  for (const { placeholder, value } of match.captures) if (isBindingPlaceholder(placeholder)) fields.set(placeholder.name, value);
  return fields;
}

function agree(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  for (const [name, value] of a) if (b.has(name) && b.get(name) !== value) return false;
  return true;
}

/** The index of the line a timed line is measured from: -1 for the start, undefined when none fits. */
function anchorOf(
  rule: ParsedRule,
  fields: ReadonlyMap<string, string>,
  lines: readonly string[],
  index: number,
  environment: TemplateEnvironment,
): number | undefined {
  if (rule.after.length === 0) return -1;
  for (let earlier = index - 1; earlier >= 0; earlier--) {
    for (const template of rule.after) {
      const found = fieldsOf(template, lines[earlier] ?? '', earlier, environment);
      if (found !== undefined && agree(fields, found)) return earlier;
    }
  }
  return undefined;
}

function describeAnchor(run: ProgramRun, lines: readonly string[], anchor: number): string {
  return anchor < 0 ? 'the start of the program' : `${lineLabel(run, 'stdout', anchor).toLowerCase()} ${quote(lines[anchor] ?? '')}`;
}

const PAUSE_ADVICE =
  'pause before printing the line (await the timer, then print), not after it; and print each line the moment it is ready rather than collecting the output to print at the end';
const SOON_ADVICE = 'print each line as soon as it is ready (let output go straight through), rather than collecting it and printing it at the end';

const schema = {
  properties: {
    rules: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        properties: {
          line: { type: 'string', description: 'Template of the lines this rule times; {type:name} names a field of the line.' },
          after: {
            oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }],
            description:
              'Template(s) of the line it is timed from: the latest earlier line matching one, with equal shared fields. Absent: the start of the program.',
          },
          minMs: { type: 'number', minimum: 0, description: 'At least this long after it (less slackMs): a pause before the line.' },
          maxMs: { type: 'number', minimum: 0, description: 'At most this long after it (plus slackMs): printed as soon as ready.' },
        },
        required: ['line'],
        additionalProperties: false,
      },
      description: 'How lines are timed, each rule applying to every line its template matches.',
    },
    slackMs: {
      type: 'number',
      minimum: 0,
      default: DEFAULT_TIMING_SLACK_MS,
      description: "How far the grader's view of one line's arrival may be off (default 100).",
    },
  },
  required: ['rules'],
} as const satisfies KindSchema;

/** Configuration of a `timing` check: what its schema accepts. */
export type TimingConfig = ConfigOf<typeof schema>;

/** Passes when every line a rule times came within its bounds of the line it is timed from. */
export const timingCheck: CheckKind<typeof schema> = {
  name: 'timing',
  description:
    'Lines of stdout reach the grader when promised: after a pause (sleep before the line), or soon (streamed, not collected and printed at the end).',
  schema,
  promisesGraded: () => [{ promise: 'timing' }],
  run(config, { run }): CheckOutcome {
    const arrivals = run.lineArrivalsMs;
    if (arrivals === undefined) {
      return {
        passed: false,
        message: 'The grader did not record when the lines arrived, so their timing could not be checked; this is a grader problem, not yours.',
      };
    }
    const slack = config.slackMs ?? DEFAULT_TIMING_SLACK_MS;
    const lines = streamLines(run, 'stdout');
    const environment = templateEnvironment(run);
    const rules: ParsedRule[] = config.rules.map((rule) => ({
      rule,
      line: parseTemplate(rule.line),
      after: (rule.after === undefined ? [] : Array.isArray(rule.after) ? rule.after : [rule.after]).map(parseTemplate),
    }));
    let timed = 0;
    let unsure: string | undefined;
    for (const rule of rules) {
      let matchedAny = false;
      for (const [index, line] of lines.entries()) {
        const fields = fieldsOf(rule.line, line, index, environment);
        if (fields === undefined) continue;
        matchedAny = true;
        const anchor = anchorOf(rule, fields, lines, index, environment);
        const label = lineLabel(run, 'stdout', index);
        if (anchor === undefined) {
          const before = rule.after.map((t) => quote(t.source)).join(' or ');
          return { passed: false, message: `${label} ${quote(line)} should come after a line like ${before}, but none came before it.` };
        }
        const latest = (i: number): number | undefined => (i < 0 ? 0 : arrivals[i]);
        const earliest = (i: number): number | undefined => (i < 0 ? 0 : (run.lineEarliestMs?.[i] ?? arrivals[i]));
        const [atLatest, atEarliest, fromLatest, fromEarliest] = [latest(index), earliest(index), latest(anchor), earliest(anchor)];
        if (atLatest === undefined || atEarliest === undefined || fromLatest === undefined || fromEarliest === undefined) continue;
        // Each arrival is known within the grader's polls; where the grader itself stalled, the
        // window is wide: a line that may or may not be in time is its doubt, never a verdict.
        const longestGap = atLatest - fromEarliest;
        const shortestGap = atEarliest - fromLatest;
        timed++;
        const { minMs, maxMs } = rule.rule;
        const verdict = judgeGap(shortestGap, longestGap, rule.rule, slack);
        if (verdict === 'unsure') {
          unsure ??= `its reading of your output stalled: ${label.toLowerCase()} ${quote(line)} came between ${formatDuration(Math.max(0, shortestGap))} and ${formatDuration(longestGap)} after ${describeAnchor(run, lines, anchor)} as far as it can tell, and ${minMs !== undefined ? `at least ${formatDuration(minMs)}` : `at most ${formatDuration(maxMs ?? 0)}`} is expected`;
          continue;
        }
        if (verdict === 'outside' && minMs !== undefined && longestGap < minMs - slack) {
          return {
            passed: false,
            message: `${label} ${quote(line)} came ${formatDuration(Math.max(0, longestGap))} after ${describeAnchor(run, lines, anchor)}, but it should come at least ${formatDuration(minMs)} after it (the pause before it).`,
            hint: `The timing is part of the exercise: ${PAUSE_ADVICE}.`,
          };
        }
        if (verdict === 'outside' && maxMs !== undefined && shortestGap > maxMs + slack) {
          return {
            passed: false,
            message: `${label} ${quote(line)} came ${formatDuration(shortestGap)} after ${describeAnchor(run, lines, anchor)}, but it should come within ${formatDuration(maxMs)} of it.`,
            hint: `The timing is part of the exercise: ${SOON_ADVICE}.`,
          };
        }
      }
      if (!matchedAny) {
        return { passed: false, message: `No line like ${quote(rule.rule.line)} was printed, so when it came could not be checked.` };
      }
    }
    // A line surely out of time is the program's failure whatever else the grader doubted.
    if (unsure !== undefined) return graderDoubt(unsure);
    return { passed: true, message: `The ${plural(timed, 'timed line')} came when promised (within ${formatDuration(slack)} of the grader's clock).` };
  },
};
