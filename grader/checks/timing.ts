// `timing`: lines of standard output reach the grader when the statement promises: after a pause
// (a sleep before the line, not after it), or soon (output streamed as it comes, not collected and
// printed at the end). Read from the grader's own clock: when each line arrived in the output file.

import type { CheckKind, CheckOutcome, ConfigOf, KindSchema } from './types.js';
import { quote, plural } from './display.js';
import { formatDuration } from './elapsed.js';
import { lineLabel, streamLines } from './streams.js';
import { isBindingPlaceholder, matchLine, NO_BINDINGS, parseTemplate, templateEnvironment, type LineTemplate, type TemplateEnvironment } from './template.js';
import type { ProgramRun } from '../run/types.js';

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
        // window is wide, and the program gets the benefit of it: never a failure from its doubt.
        const longestGap = atLatest - fromEarliest;
        const shortestGap = atEarliest - fromLatest;
        timed++;
        const { minMs, maxMs } = rule.rule;
        if (minMs !== undefined && longestGap < minMs - slack) {
          return {
            passed: false,
            message: `${label} ${quote(line)} came ${formatDuration(Math.max(0, longestGap))} after ${describeAnchor(run, lines, anchor)}, but it should come at least ${formatDuration(minMs)} after it (the pause before it).`,
            hint: `The timing is part of the exercise: ${PAUSE_ADVICE}.`,
          };
        }
        if (maxMs !== undefined && shortestGap > maxMs + slack) {
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
    return { passed: true, message: `The ${plural(timed, 'timed line')} came when promised (within ${formatDuration(slack)} of the grader's clock).` };
  },
};
