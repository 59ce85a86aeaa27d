// The report's charts: Vega-Lite specifications rendered to SVG in Node (vega's headless view),
// so the page shows them with no script and no network. The data is numbers and exercise slugs
// (ours, never a student's); vega escapes every text it puts in the SVG all the same.
import type { TopLevelSpec } from 'vega-lite';
import type { ExerciseFigures } from './figures.js';

const FONT = 'system-ui, sans-serif';
const BAR = '#4c78a8';
const PASSED = '#2e8540';

const CONFIG = {
  font: FONT,
  view: { stroke: null },
  axis: { labelFontSize: 10, titleFontSize: 10, titleFontWeight: 'normal', grid: false },
} as const;

/** A histogram of one exercise's scores: a bar per score, its height the students who got it. */
export function distributionSpec(figures: ExerciseFigures): TopLevelSpec {
  return {
    config: CONFIG,
    width: 200,
    height: 70,
    description: `Scores in ${figures.exercise}: how many students got each score`,
    data: { values: figures.distribution.map((bin) => ({ points: bin.points, students: bin.students })) },
    mark: { type: 'bar', color: BAR, tooltip: true },
    encoding: {
      x: { field: 'points', type: 'ordinal', title: `points (of ${figures.maxPoints})`, axis: { labelAngle: 0 } },
      y: { field: 'students', type: 'quantitative', title: 'students', axis: { tickMinStep: 1, format: 'd' } },
    },
  };
}

/** Every exercise's share of students who passed, as one horizontal bar chart. */
export function passShareSpec(exercises: readonly ExerciseFigures[]): TopLevelSpec {
  return {
    config: CONFIG,
    width: 320,
    height: { step: 14 },
    description: 'Share of the students who passed each exercise',
    data: { values: exercises.map((e) => ({ exercise: e.exercise, passed: e.passShare, students: e.passed })) },
    mark: { type: 'bar', color: PASSED, tooltip: true },
    encoding: {
      y: { field: 'exercise', type: 'nominal', sort: null, title: null },
      x: { field: 'passed', type: 'quantitative', title: 'share of the class that passed', scale: { domain: [0, 1] }, axis: { format: '%' } },
    },
  };
}

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');

let libraries: Promise<[Vega, VegaLite]> | undefined;

// Loaded on first use: only a batch needs them, and they are large.
function loadLibraries(): Promise<[Vega, VegaLite]> {
  libraries ??= Promise.all([import('vega'), import('vega-lite')]);
  return libraries;
}

/** Renders a Vega-Lite specification to an SVG document (a string starting with `<svg`). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, vegaLite] = await loadLibraries();
  const compiled = vegaLite.compile(spec).spec;
  // A loader that refuses every URL: the data is inline, and the report must never reach out.
  const loader = vega.loader();
  loader.load = (uri: string) => Promise.reject(new Error(`the class report loads nothing (asked for ${uri})`));
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
