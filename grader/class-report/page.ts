// The class report's HTML, from preact components rendered to a string. Escaping happens in one
// place: preact-render-to-string escapes every text and attribute value, so student text (names,
// messages, console output) is only ever passed as values. The only markup inserted as is is the
// SVG that vega made from our numbers (rawSvg), and the page's own script.
import { createHash } from 'node:crypto';
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { renderToStaticMarkup } from 'preact-render-to-string';
import type { BatchScores, ExerciseScore, StudentScores } from '../batch/scores.js';
import { plainText } from '../report/escape.js';
import { formatPoints } from '../report/details.js';
import { MOST_FAILED_SHOWN, type ClassFigures, type ExerciseFigures, type FailedTest, type GridCell } from './figures.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';

/** The charts, as SVG documents made by charts.ts. */
export interface ReportCharts {
  passShare: string;
  /** Exercise slug → its score histogram. */
  distributions: ReadonlyMap<string, string>;
}

/** Anchors are numbers, never student text: `s3` (a student), `s3-e5` (their fifth exercise). */
export function detailsId(studentIndex: number, exerciseIndex: number): string {
  return `s${studentIndex}-e${exerciseIndex}`;
}

/** Student text as shown: control characters and terminal sequences removed (preact escapes the rest). */
function shown(text: string): string {
  return plainText(text);
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

// The only raw markup: vega's SVG. It is checked to be one SVG element, as charts.ts makes it.
function rawSvg(svg: string, label: string): VNode {
  if (!svg.startsWith('<svg') || !svg.trimEnd().endsWith('</svg>')) throw new Error(`the chart "${label}" is not an SVG document`);
  return html`<div class="chart" role="img" aria-label=${label} dangerouslySetInnerHTML=${{ __html: svg }}></div>`;
}

function batchFacts(scores: BatchScores, figures: ClassFigures): VNode {
  const { sandbox } = scores;
  const when = scores.gradedAt === undefined ? 'not recorded (an older grader)' : scores.gradedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  return html`<dl class="facts">
    <dt>Students</dt>
    <dd data-figure="students">${figures.students}</dd>
    <dt>Exercises</dt>
    <dd data-figure="exercises">${figures.exercises.length}</dd>
    <dt>Sandbox</dt>
    <dd data-figure="sandbox">
      ${sandbox.tier}${sandbox.missing.length > 0 ? html` <span class="warn">(does not hold: ${sandbox.missing.join(', ')})</span>` : ''}
    </dd>
    <dt>Grader</dt>
    <dd data-figure="grader">${scores.graderVersion ?? 'not recorded (an older grader)'}</dd>
    <dt>Graded</dt>
    <dd data-figure="graded-at">
      ${when}, in ${Math.round(scores.durationMs / 1000)} s${scores.shard ? ` (shard ${scores.shard.index} of ${scores.shard.count} only)` : ''}
    </dd>
  </dl>`;
}

function checkTheSpec(figures: ClassFigures): VNode {
  const flagged = figures.exercises.filter((e) => e.checkSpec.length > 0);
  if (flagged.length === 0) return html`<p class="ok" id="check-the-spec">No test was failed by a reference solution or by nearly every student.</p>`;
  return html`<div class="flags" id="check-the-spec">
    <h2>Check the spec</h2>
    <p>A reference solution failed these tests, or nearly every student did: the spec or the statement may be at fault.</p>
    <ul>
      ${flagged.map((e) => html`<li data-exercise=${e.exercise}><strong>${e.exercise}</strong>: ${e.checkSpec.join('; ')}</li>`)}
    </ul>
  </div>`;
}

function exerciseCard(e: ExerciseFigures, charts: ReportCharts): VNode {
  const svg = charts.distributions.get(e.exercise);
  return html`<section class="card" data-exercise=${e.exercise}>
    <h3>${e.exercise}${e.checkSpec.length > 0 ? html` <span class="flag">check the spec</span>` : ''}</h3>
    <p>
      <span data-figure="passed">${e.passed}</span> of ${e.submitted + e.missing} passed (<span data-figure="pass-share">${percent(e.passShare)}</span
      >)${e.missing > 0 ? html` · <span data-figure="missing">${e.missing}</span> missing` : ''}
    </p>
    ${svg === undefined ? '' : rawSvg(svg, `Scores in ${e.exercise}`)}
  </section>`;
}

function mostCommon(found: { text: string; count: number } | undefined): VNode | string {
  if (found === undefined) return '—';
  return html`${shown(found.text)} <span class="count">(${found.count})</span>`;
}

function failedTestsTable(tests: readonly FailedTest[]): VNode {
  if (tests.length === 0) return html`<p class="ok">Every test that ran passed.</p>`;
  return html`<table class="failed-tests">
    <thead>
      <tr>
        <th>Students failed</th>
        <th>Exercise</th>
        <th>Test</th>
        <th>Most common first failure</th>
        <th>Hint given most often</th>
      </tr>
    </thead>
    <tbody>
      ${tests.slice(0, MOST_FAILED_SHOWN).map(
        (t) =>
          html`<tr data-exercise=${t.exercise} data-test=${t.test}>
            <td class="num"><span data-figure="failed">${t.failed}</span> of ${t.ran}</td>
            <td>${t.exercise}</td>
            <td>${t.test}</td>
            <td>${mostCommon(t.messageClass)}</td>
            <td>${mostCommon(t.hint)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

// Cells coloured from red (0) through yellow to green (all points); missing ones grey.
function cellColour(cell: GridCell): string {
  if (cell.status === 'missing') return '#e5e5e5';
  return `hsl(${Math.round(cell.share * 120)}, 65%, 78%)`;
}

function grid(scores: BatchScores, figures: ClassFigures): VNode {
  return html`<table class="grid" id="grid">
    <thead>
      <tr>
        <th aria-sort="ascending"><button type="button" data-sort="student">Student</button></th>
        <th><button type="button" data-sort="total">Total</button></th>
        ${scores.exercises.map((e) => html`<th class="exercise" title=${e.exercise}><span>${e.exercise}</span></th>`)}
      </tr>
    </thead>
    <tbody>
      ${figures.grid.map(
        (row, s) =>
          html`<tr data-student=${row.student} data-total=${row.points}>
            <th scope="row"><a href=${`#s${s}`}>${row.student}</a></th>
            <td class="num">${formatPoints(row.points)}/${formatPoints(row.maxPoints)}</td>
            ${row.cells.map(
              (cell, e) =>
                html`<td class=${`cell ${cell.status}`} style=${{ background: cellColour(cell) }} title=${`${cell.exercise}: ${cell.status}`}>
                  <a href=${`#${detailsId(s, e)}`}
                    >${cell.status === 'missing' ? '–' : formatPoints(cell.points)}${cell.reference ? html`<sup title="identical to the reference">R</sup>` : ''}</a
                  >
                </td>`,
            )}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function exerciseDetails(exercise: ExerciseScore | undefined, slug: string, id: string): VNode {
  if (exercise === undefined) return html`<details id=${id}><summary>${slug}: not graded</summary></details>`;
  const failed = exercise.tests.filter((t) => t.status !== 'passed');
  return html`<details id=${id} class=${exercise.status}>
    <summary>
      ${slug}: ${formatPoints(exercise.points)}/${formatPoints(exercise.maxPoints)} points,
      ${exercise.status}${exercise.reference ? ' (identical to the reference)' : ''}
    </summary>
    ${exercise.message === undefined ? '' : html`<pre class="console">${shown(exercise.message)}</pre>`}
    ${failed.length === 0 && exercise.message === undefined ? html`<p>All ${exercise.tests.length} tests passed.</p>` : ''}
    ${
      exercise.message === undefined
        ? failed.map(
            (t) =>
              html`<div class="test">
                <h5>✗ ${t.name} <span class="count">(${formatPoints(t.maxPoints)} points)</span></h5>
                <pre class="console">${shown(t.details ?? t.message ?? `${t.status}, with no message`)}</pre>
              </div>`,
          )
        : ''
    }
  </details>`;
}

function studentDetails(student: StudentScores, index: number, scores: BatchScores): VNode {
  return html`<section class="student" id=${`s${index}`}>
    <h3>${student.student} <span class="count">${formatPoints(student.points)}/${formatPoints(student.maxPoints)} points</span></h3>
    ${scores.exercises.map((e, i) =>
      exerciseDetails(
        student.exercises.find((x) => x.exercise === e.exercise),
        e.exercise,
        detailsId(index, i),
      ),
    )}
  </section>`;
}

/** The sha256 source expression that lets the page's own script, and no other, run. */
function scriptHash(script: string): string {
  return `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
}

/** The whole page: one HTML document with its styles, charts and script inlined. */
export function classReportPage(scores: BatchScores, figures: ClassFigures, charts: ReportCharts): string {
  // No network at all (default-src 'none'), and no script but ours, even if something slipped through.
  const policy = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src ${scriptHash(PAGE_SCRIPT)}`;
  const body = html`<body>
    <header class="overview">
      <div>
        <h1>Class report</h1>
        ${batchFacts(scores, figures)} ${checkTheSpec(figures)}
      </div>
      ${rawSvg(charts.passShare, 'Share of the class that passed each exercise')}
    </header>
    <main>
      <h2 id="exercises">Exercises</h2>
      <div class="cards">${figures.exercises.map((e) => exerciseCard(e, charts))}</div>
      <h2 id="most-failed">Tests most students failed</h2>
      ${failedTestsTable(figures.failedTests)}
      <h2 id="students">Students × exercises</h2>
      <p class="legend">
        Each cell: the student's points, coloured from red (none) to green (all); – missing; <sup>R</sup> identical to the reference. A cell opens the student's
        details below.
      </p>
      <div class="grid-scroll">${grid(scores, figures)}</div>
      <h2 id="details">Details per student</h2>
      ${scores.students.map((s, i) => studentDetails(s, i, scores))}
    </main>
    <script dangerouslySetInnerHTML=${{ __html: PAGE_SCRIPT }}></script>
  </body>`;
  const head = html`<head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content=${policy} />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Class report: ${figures.students} students, ${figures.exercises.length} exercises</title>
    <style dangerouslySetInnerHTML=${{ __html: PAGE_STYLE }}></style>
  </head>`;
  return `<!DOCTYPE html>\n<html lang="en">${renderToStaticMarkup(head)}${renderToStaticMarkup(body)}</html>\n`;
}
