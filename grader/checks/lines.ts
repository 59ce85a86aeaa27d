// `lines`: the stream's lines match line templates, in order, in any order, or among other lines.

import type { CheckKind, CheckOutcome, ConfigOf, KindSchema } from './types.js';
import type { ProgramRun } from '../run/types.js';
import { diffArrays } from 'diff';
import { unifiedDiff } from './diff.js';
import { plural, quote } from './display.js';
import { matchContains, matchExact, matchUnordered, type SequenceFailure, type SequenceMatch } from './line-matching.js';
import { DEFAULT_TS_TOLERANCE_S } from './reserved.js';
import { lineLabel, printedNothing, streamLines, streamName, streamSchema, truncationNote, type Stream } from './streams.js';
import {
  NO_BINDINGS,
  describeMismatch,
  displayTemplate,
  matchLine,
  parseTemplate,
  quoteTemplate,
  templateEnvironment,
  type LineTemplate,
  type TemplateEnvironment,
} from './template.js';

/** How the templates of a `lines` check are matched. */
export type LinesMode = 'exact' | 'unordered' | 'contains';

const MAX_LISTED = 3;

const schema = {
  properties: {
    stream: streamSchema,
    expect: {
      type: 'array',
      items: {
        type: 'string',
        description:
          'A line template: literal text with placeholders {int} {float} {pid} {ts} {date} {word} {path} {any}; {type:name} binds a value that must repeat equal; reserved {date:today} {ts:now} {pid:main} {pid:descendant} (with observe) {path:cwd} {path:scriptDir}; {{ and }} are literal braces.',
      },
      description: 'The line templates, one per expected line.',
    },
    mode: {
      enum: ['exact', 'unordered', 'contains'],
      default: 'exact',
      description:
        'exact (default): the lines match the templates one to one, in order, with no other lines. unordered: one to one in any order, no other lines. contains: the templates match lines in order, other lines may come between.',
    },
    tsToleranceS: {
      type: 'number',
      minimum: 0,
      default: DEFAULT_TS_TOLERANCE_S,
      description: 'How many seconds a {ts:now} may be off the time the program ran (default 5).',
    },
  },
  required: ['expect'],
} as const satisfies KindSchema;

/** Configuration of a `lines` check: what its schema accepts. */
export type LinesConfig = ConfigOf<typeof schema>;

/** Passes when the lines of the stream match the templates as the mode says. */
export const linesCheck: CheckKind<typeof schema> = {
  name: 'lines',
  description:
    'The output lines match line templates: in order and nothing else (exact), in any order and nothing else (unordered), or in order among other lines (contains).',
  schema,
  // In exact or unordered mode, as many lines as `expect` lists (said only when it failed).
  expectedLineCount: ({ mode, expect }, failed) =>
    failed && (mode === undefined || mode === 'exact' || mode === 'unordered') ? (Array.isArray(expect) ? expect.length : 0) : undefined,
  promisesGraded: ({ mode }) => (mode === 'unordered' ? [{ promise: 'in any order' }] : []),
  run(config, { run }): CheckOutcome {
    const stream = config.stream ?? 'stdout';
    const mode = config.mode ?? 'exact';
    const templates = config.expect.map(parseTemplate);
    const lines = streamLines(run, stream);
    const environment = templateEnvironment(run, config.tsToleranceS ?? DEFAULT_TS_TOLERANCE_S);
    const matchers = { exact: matchExact, unordered: matchUnordered, contains: matchContains };
    const result = matchers[mode](templates, lines, environment);
    if (templates.length === 0) {
      const first = lines[0];
      if (first === undefined) return { passed: true, message: `Nothing was printed on ${streamName(run, stream)}, as expected.` };
      return {
        passed: false,
        message: `Nothing should be printed on ${streamName(run, stream)}, but ${lineLabel(run, stream, 0).toLowerCase()} is ${quote(first)}${extraCount(lines.length)}.`,
      };
    }
    if (result.passed) {
      return {
        passed: true,
        message: `The ${plural(templates.length, 'expected line')} of ${streamName(run, stream)} are there${mode === 'contains' ? '' : ', and nothing else'}.`,
      };
    }
    const outcome: CheckOutcome = { passed: false, message: failureMessage(result, { run, stream, templates, lines, environment }) + truncationNote(run) };
    if (mode === 'exact' && lines.length > 0) {
      const diff = unifiedDiff(expectedForDiff(templates, lines, environment), lines.join('\n'));
      if (diff !== undefined) outcome.diff = diff;
    }
    if (mode === 'unordered' && lines.length > 0) outcome.hint = 'The order of these lines does not matter, but each expected line must appear exactly once.';
    return outcome;
  },
};

interface Situation {
  run: ProgramRun;
  stream: Stream;
  templates: readonly LineTemplate[];
  lines: readonly string[];
  environment: TemplateEnvironment;
}

function failureMessage(result: SequenceMatch, situation: Situation): string {
  const { run, stream, templates, lines } = situation;
  const failure = result.failure ?? { kind: 'gave-up' };
  const first = templates[0];
  if (lines.length === 0 && first !== undefined) return `${printedNothing(run, stream)} The first line should look like ${quoteTemplate(first)}.`;
  return describeFailure(failure, situation);
}

function describeFailure(failure: SequenceFailure, situation: Situation): string {
  const { run, stream, templates, lines } = situation;
  const label = (index: number): string => lineLabel(run, stream, index);
  const templateAt = (index: number): LineTemplate => templates[index] as LineTemplate;
  const lineAt = (index: number): string => lines[index] ?? '';
  switch (failure.kind) {
    case 'mismatch':
      return describeMismatch(templateAt(failure.template), lineAt(failure.line), failure.mismatch, label(failure.line));
    case 'missing':
      return `The ${streamName(run, stream)} ended after ${plural(lines.length, 'line')}; ${label(failure.template).toLowerCase()} should look like ${quoteTemplate(templateAt(failure.template))}${remaining(templates.length - failure.template - 1)}.`;
    case 'extra':
      return `${label(failure.line)} ${quote(lineAt(failure.line))} should not be there: the ${streamName(run, stream)} should end after line ${failure.line}${extraCount(lines.length - failure.line)}.`;
    case 'not-found': {
      const after = failure.after < 0 ? '' : ` after line ${failure.after + 1}`;
      const expected = `No line${after} of ${streamName(run, stream)} looks like ${quoteTemplate(templateAt(failure.template))}`;
      if (failure.nearMiss !== undefined) {
        return `${expected}. The closest: ${describeMismatch(templateAt(failure.template), lineAt(failure.nearMiss.line), failure.nearMiss.mismatch, label(failure.nearMiss.line))}`;
      }
      return failure.after + 1 >= lines.length ? `${expected}: the output ended${after}.` : `${expected}.`;
    }
    case 'unmatched':
      return describeUnmatched(failure, situation);
    case 'gave-up':
      return `The lines of ${streamName(run, stream)} could not be matched to the expected ones in reasonable time (the templates are too ambiguous); ask your instructor.`;
  }
}

function remaining(count: number): string {
  return count > 0 ? `, and ${plural(count, 'more line')} should follow` : '';
}

function extraCount(count: number): string {
  return count > 1 ? ` (${plural(count, 'extra line')} in all)` : '';
}

function describeUnmatched(failure: Extract<SequenceFailure, { kind: 'unmatched' }>, situation: Situation): string {
  const { run, stream, templates, lines } = situation;
  const sentences: string[] = [];
  if (templates.length !== lines.length) {
    sentences.push(`The ${streamName(run, stream)} should have ${plural(templates.length, 'line')} (in any order), but it has ${lines.length}.`);
  }
  if (failure.templates.length > 0) {
    const listed = failure.templates.slice(0, MAX_LISTED).map((index) => quoteTemplate(templates[index] as LineTemplate));
    const more = failure.templates.length > MAX_LISTED ? ` and ${failure.templates.length - MAX_LISTED} more` : '';
    sentences.push(`No line of its own looks like ${listed.join(', ')}${more}.`);
  }
  if (failure.nearMiss !== undefined) {
    const { template, line, mismatch } = failure.nearMiss;
    sentences.push(`The closest: ${describeMismatch(templates[template] as LineTemplate, lines[line] ?? '', mismatch, lineLabel(run, stream, line))}`);
  } else if (failure.lines.length > 0) {
    const listed = failure.lines.slice(0, MAX_LISTED).map((index) => `${lineLabel(run, stream, index).toLowerCase()} ${quote(lines[index] ?? '')}`);
    const more = failure.lines.length > MAX_LISTED ? ` and ${failure.lines.length - MAX_LISTED} more` : '';
    sentences.push(`Not expected: ${listed.join(', ')}${more}.`);
  }
  return sentences.join(' ');
}

/**
 * The expected side of the diff in exact mode: templates aligned with the lines they match
 * (ignoring bindings) are replaced by those lines, so that only real differences show.
 */
export function expectedForDiff(templates: readonly LineTemplate[], lines: readonly string[], environment: TemplateEnvironment): string {
  const changes = diffArrays<LineTemplate | string>([...templates], [...lines], {
    comparator: (template, line) =>
      typeof template !== 'string' && typeof line === 'string' && matchLine(template, line, NO_BINDINGS, environment, { line: 0, template: 0 }).matched,
    timeout: 1000,
  });
  if (changes === undefined) return templates.map((template) => displayTemplate(template, environment)).join('\n');
  const expected: string[] = [];
  let lineIndex = 0;
  for (const change of changes) {
    if (change.added) {
      lineIndex += change.count;
      continue;
    }
    for (const item of change.value) {
      if (change.removed) {
        expected.push(typeof item === 'string' ? item : displayTemplate(item, environment));
      } else {
        expected.push(lines[lineIndex] ?? '');
        lineIndex++;
      }
    }
  }
  return expected.join('\n');
}
