// How long the line matching takes on large outputs (the unit tests count its steps instead).
import { matchUnordered } from '../checks/line-matching.js';
import { parseTemplate, templateEnvironment } from '../checks/template.js';
import { makeRun } from '../run/make-run.js';
import { median } from '../util/statistics.js';

export interface MatchingTiming {
  label: string;
  lines: number;
  steps: number;
  medianMs: number;
}

function time(label: string, expected: string[], lines: string[], runs: number): MatchingTiming {
  const templates = expected.map(parseTemplate);
  const environment = templateEnvironment(makeRun());
  const times: number[] = [];
  let steps = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = matchUnordered(templates, lines, environment);
    times.push(performance.now() - started);
    steps = result.steps ?? 0;
  }
  return { label, lines: lines.length, steps, medianMs: median(times) };
}

/** Unordered matching of the unit tests' large cases, `runs` times each. */
export function benchMatching(runs: number): MatchingTiming[] {
  const plain = Array.from({ length: 5000 }, (_, i) => `[${i % 50}] => ${Math.floor(i / 50)}`);
  const some = Array.from({ length: 400 }, (_, i) => `[${i % 20}] => ${Math.floor(i / 20)}`);
  return [
    time('5000 plain-text lines, reversed', plain, [...plain].reverse(), runs),
    time(
      '400 lines, 400 general templates',
      Array.from({ length: 400 }, () => '[{int}] => {int}'),
      [...some].reverse(),
      runs,
    ),
    time(
      '12 interlocking bound templates (gives up)',
      Array.from({ length: 12 }, (_, i) => `{word:w${i}} {word:w${(i + 1) % 12}}`),
      Array.from({ length: 12 }, (_, i) => `x${i} y${i}`),
      Math.min(runs, 3),
    ),
  ];
}
