import { truncate, xmlAttribute, xmlText } from './escape.js';
import { testsRan, visibleDetails } from './details.js';
import { exerciseLocation, testLocation } from './failure-location.js';
import type { ExerciseResult, GradeSummary, Reporter, TestResult } from './types.js';
import { writeReport } from './write-file.js';

export interface JunitOptions {
  file: string;
  /** Repository root: each testcase's `file` is relative to it. */
  root: string;
  /** Show hidden tests' details too (instructors). */
  showHidden?: boolean;
}

const MAX_TEXT = 8000;

/** A JUnit `time` attribute: seconds with three decimals, no unit. */
function timeAttribute(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}

function testcase(exercise: ExerciseResult, test: TestResult, root: string, showHidden: boolean): string {
  // `file` (and `line`, where the failure names one) let test reporters annotate the student's file.
  const location = testsRan(exercise) ? testLocation(exercise, test, root, showHidden) : exerciseLocation(exercise, root);
  const line = location.line === undefined ? '' : ` line="${location.line}"`;
  const open = `    <testcase classname="${xmlAttribute(exercise.slug)}" name="${xmlAttribute(test.name)}" file="${xmlAttribute(location.file)}"${line} time="${timeAttribute(test.durationMs)}"`;
  if (test.status === 'passed') return `${open}/>`;
  if (test.status === 'not-run') return [`${open}>`, `      <skipped message="${xmlAttribute(test.message)}"/>`, '    </testcase>'].join('\n');
  const details = !testsRan(exercise) ? (exercise.message ?? test.message) : visibleDetails(test, showHidden);
  const message = test.hidden && !showHidden ? 'hidden test failed' : firstLine(test.message || details);
  const element = test.status === 'error' ? 'error' : 'failure';
  const type = test.checks.find((c) => !c.passed)?.check ?? exercise.status;
  return [
    `${open}>`,
    `      <${element} message="${xmlAttribute(message)}" type="${xmlAttribute(type)}">${xmlText(truncate(details, MAX_TEXT))}</${element}>`,
    '    </testcase>',
  ].join('\n');
}

function testsuite(exercise: ExerciseResult, root: string, showHidden: boolean): string {
  const failures = exercise.tests.filter((t) => t.status === 'failed').length;
  const errors = exercise.tests.filter((t) => t.status === 'error').length;
  return [
    `  <testsuite name="${xmlAttribute(exercise.slug)}" tests="${exercise.tests.length}" failures="${failures}" errors="${errors}" skipped="${exercise.tests.filter((t) => t.status === 'not-run').length}" time="${timeAttribute(exercise.durationMs)}">`,
    '    <properties>',
    `      <property name="title" value="${xmlAttribute(exercise.title)}"/>`,
    `      <property name="status" value="${exercise.status}"/>`,
    `      <property name="score" value="${exercise.score}"/>`,
    `      <property name="maxScore" value="${exercise.maxScore}"/>`,
    '    </properties>',
    ...exercise.tests.map((test) => testcase(exercise, test, root, showHidden)),
    '  </testsuite>',
  ].join('\n');
}

/** JUnit XML: testsuites > one testsuite per exercise > one testcase per test, failures with message and details. */
export function junitXml(summary: GradeSummary, root: string, showHidden = false): string {
  const all = summary.exercises.flatMap((e) => e.tests);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="grader" tests="${all.length}" failures="${all.filter((t) => t.status === 'failed').length}" errors="${all.filter((t) => t.status === 'error').length}" time="${timeAttribute(summary.durationMs)}">`,
    ...summary.exercises.map((exercise) => testsuite(exercise, root, showHidden)),
    '</testsuites>',
    '',
  ].join('\n');
}

/** Writes the JUnit XML file when the run ends. */
export function junitReporter(options: JunitOptions): Reporter {
  return {
    async onEnd(summary) {
      await writeReport(options.file, junitXml(summary, options.root, options.showHidden ?? false));
    },
  };
}
