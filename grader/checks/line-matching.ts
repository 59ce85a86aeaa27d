// Matching a check's templates against the lines of a stream: in order (exact), as a
// subsequence (contains), or in any order (unordered, a backtracking bipartite matching).

import {
  NO_BINDINGS,
  dependsOnBindings,
  matchLine,
  sharedNames,
  type Bindings,
  type Capture,
  type LineTemplate,
  type Mismatch,
  type TemplateEnvironment,
} from './template.js';

/** One template matched to one line (indexes 0-based). */
export interface Assignment {
  template: number;
  line: number;
  captures: Capture[];
}

/** A line that came close to a template, and why it still did not match. */
export interface NearMiss {
  line: number;
  mismatch: Mismatch;
}

/** Why a sequence of lines does not fit the templates. */
export type SequenceFailure =
  /** exact: line `line` does not match template `template` (the same index). */
  | { kind: 'mismatch'; template: number; line: number; mismatch: Mismatch }
  /** exact: the output ended before template `template`. */
  | { kind: 'missing'; template: number }
  /** exact: line `line` comes after the last template. */
  | { kind: 'extra'; line: number }
  /** contains: no line after line `after` (-1: from the start) matches template `template`. */
  | { kind: 'not-found'; template: number; after: number; nearMiss?: NearMiss }
  /** unordered: these templates found no line of their own, and these lines no template. */
  | { kind: 'unmatched'; templates: number[]; lines: number[]; nearMiss?: NearMiss & { template: number } }
  /** The search for a matching took too long (extremely ambiguous templates). */
  | { kind: 'gave-up' };

/** The result of matching templates against lines. */
export interface SequenceMatch {
  passed: boolean;
  /** The matched pairs (of the best attempt, when it failed). */
  assignments: Assignment[];
  bindings: Bindings;
  failure?: SequenceFailure;
  /** The work the search did: single-line comparisons and candidate lines visited (unordered and contains). */
  steps?: number;
}

/** A count of the search's steps, shared by its helpers. */
interface Work {
  steps: number;
}

/** Most single-line matches tried by one search before it gives up. */
export const MATCH_BUDGET = 300_000;

/** Every template matches the line at the same position, and there are no other lines. */
export function matchExact(templates: readonly LineTemplate[], lines: readonly string[], environment: TemplateEnvironment): SequenceMatch {
  let bindings = NO_BINDINGS;
  const assignments: Assignment[] = [];
  for (const [index, template] of templates.entries()) {
    const line = lines[index];
    if (line === undefined) return { passed: false, assignments, bindings, failure: { kind: 'missing', template: index } };
    const result = matchLine(template, line, bindings, environment, { line: index, template: index });
    if (!result.matched) {
      return { passed: false, assignments, bindings, failure: { kind: 'mismatch', template: index, line: index, mismatch: result.mismatch } };
    }
    bindings = result.bindings;
    assignments.push({ template: index, line: index, captures: result.captures });
  }
  if (lines.length > templates.length) return { passed: false, assignments, bindings, failure: { kind: 'extra', line: templates.length } };
  return { passed: true, assignments, bindings };
}

const MISMATCH_RANK: Record<Mismatch['kind'], number> = { text: 0, value: 1, binding: 2, reserved: 3 };

/** Among `candidates`, the line whose mismatch with the template says the most (not a mere text difference). */
export function nearestMiss(
  template: LineTemplate,
  templateIndex: number,
  lines: readonly string[],
  candidates: Iterable<number>,
  bindings: Bindings,
  environment: TemplateEnvironment,
): NearMiss | undefined {
  let best: NearMiss | undefined;
  let tried = 0;
  for (const index of candidates) {
    if (++tried > 10_000) break;
    const line = lines[index];
    if (line === undefined) continue;
    const result = matchLine(template, line, bindings, environment, { line: index, template: templateIndex });
    if (result.matched || result.mismatch.kind === 'text') continue;
    if (best === undefined || MISMATCH_RANK[result.mismatch.kind] > MISMATCH_RANK[best.mismatch.kind]) {
      best = { line: index, mismatch: result.mismatch };
    }
  }
  return best;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, offset) => from + offset);
}

/** Every template matches a line, in order, with any other lines between them. */
export function matchContains(templates: readonly LineTemplate[], lines: readonly string[], environment: TemplateEnvironment): SequenceMatch {
  const shared = sharedNames(templates);
  const path: Assignment[] = [];
  let deepest = { template: 0, after: -1, bindings: NO_BINDINGS, assignments: [] as Assignment[] };
  let budget = MATCH_BUDGET;

  const search = (templateIndex: number, from: number, bindings: Bindings): boolean => {
    if (templateIndex === templates.length) return true;
    if (templateIndex > deepest.template) deepest = { template: templateIndex, after: from - 1, bindings, assignments: [...path] };
    if (templates.length - templateIndex > lines.length - from) return false;
    const template = templates[templateIndex];
    if (template === undefined) return false;
    const greedy = !dependsOnBindings(template, shared);
    for (let lineIndex = from; lineIndex < lines.length && budget > 0; lineIndex++) {
      budget--;
      const result = matchLine(template, lines[lineIndex] ?? '', bindings, environment, { line: lineIndex, template: templateIndex });
      if (!result.matched) continue;
      path.push({ template: templateIndex, line: lineIndex, captures: result.captures });
      if (search(templateIndex + 1, lineIndex + 1, result.bindings)) return true;
      path.pop();
      // The earliest line is the best place for a template that binds nothing others use.
      if (greedy) return false;
    }
    return false;
  };

  const found = search(0, 0, NO_BINDINGS);
  const steps = MATCH_BUDGET - budget;
  if (found) return { passed: true, assignments: path, bindings: path.length > 0 ? bindingsAfter(path, templates, lines, environment) : NO_BINDINGS, steps };
  if (budget <= 0) return { passed: false, assignments: deepest.assignments, bindings: deepest.bindings, failure: { kind: 'gave-up' }, steps };
  const missing = deepest.template;
  const failure: SequenceFailure = { kind: 'not-found', template: missing, after: deepest.after };
  const template = templates[missing];
  if (template !== undefined) {
    const nearMiss = nearestMiss(template, missing, lines, range(deepest.after + 1, lines.length), deepest.bindings, environment);
    if (nearMiss !== undefined) failure.nearMiss = nearMiss;
  }
  return { passed: false, assignments: deepest.assignments, bindings: deepest.bindings, failure, steps };
}

// Re-derives the bindings of a successful path (the search keeps them only on the stack).
function bindingsAfter(path: readonly Assignment[], templates: readonly LineTemplate[], lines: readonly string[], environment: TemplateEnvironment): Bindings {
  let bindings = NO_BINDINGS;
  for (const { template, line } of path) {
    const templateAt = templates[template];
    if (templateAt === undefined) continue;
    const result = matchLine(templateAt, lines[line] ?? '', bindings, environment, { line, template });
    if (result.matched) bindings = result.bindings;
  }
  return bindings;
}

interface FreeGroup {
  templates: number[];
  candidates: number[];
}

/**
 * Every template matches a line of its own, in any order, and there are no other lines.
 * Templates that share no bound names are matched as a maximum bipartite matching (so a
 * general template cannot steal the only line a specific one fits); templates that share
 * names are tried line by line with backtracking.
 */
export function matchUnordered(templates: readonly LineTemplate[], lines: readonly string[], environment: TemplateEnvironment): SequenceMatch {
  const shared = sharedNames(templates);
  const dependent = range(0, templates.length).filter((index) => dependsOnBindings(templates[index] as LineTemplate, shared));
  const work: Work = { steps: 0 };
  const freeGroups = groupFreeTemplates(templates, lines, environment, shared, work);
  const freeCount = templates.length - dependent.length;
  const used = new Array<boolean>(lines.length).fill(false);
  const path: Assignment[] = [];
  let best: { assignments: Assignment[]; bindings: Bindings; count: number } = { assignments: [], bindings: NO_BINDINGS, count: -1 };
  let budget = MATCH_BUDGET;

  const leaf = (bindings: Bindings): void => {
    const free = matchFreeGroups(freeGroups, lines, used, environment, work);
    const assignments = [...path, ...free];
    if (assignments.length > best.count) best = { assignments, bindings, count: assignments.length };
  };
  const search = (position: number, bindings: Bindings, matched: number): boolean => {
    if (best.count === templates.length) return true;
    if (matched + (dependent.length - position) + freeCount <= best.count) return false;
    if (position === dependent.length) {
      leaf(bindings);
      return best.count === templates.length;
    }
    const templateIndex = dependent[position] as number;
    const template = templates[templateIndex] as LineTemplate;
    for (let lineIndex = 0; lineIndex < lines.length && budget > 0; lineIndex++) {
      if (used[lineIndex]) continue;
      budget--;
      work.steps++;
      const result = matchLine(template, lines[lineIndex] ?? '', bindings, environment, { line: lineIndex, template: templateIndex });
      if (!result.matched) continue;
      used[lineIndex] = true;
      path.push({ template: templateIndex, line: lineIndex, captures: result.captures });
      const done = search(position + 1, result.bindings, matched + 1);
      path.pop();
      used[lineIndex] = false;
      if (done) return true;
    }
    // Leave this template unmatched, to find the best partial matching for the report.
    return budget > 0 && search(position + 1, bindings, matched);
  };

  search(0, NO_BINDINGS, 0);
  const assignments = [...best.assignments].sort((a, b) => a.template - b.template);
  const steps = work.steps;
  if (best.count === templates.length && lines.length === templates.length) {
    return { passed: true, assignments, bindings: best.bindings, steps };
  }
  if (budget <= 0 && best.count < templates.length) return { passed: false, assignments, bindings: best.bindings, failure: { kind: 'gave-up' }, steps };
  const matchedTemplates = new Set(assignments.map((a) => a.template));
  const matchedLines = new Set(assignments.map((a) => a.line));
  const unmatchedTemplates = range(0, templates.length).filter((index) => !matchedTemplates.has(index));
  const unmatchedLines = range(0, lines.length).filter((index) => !matchedLines.has(index));
  const failure: SequenceFailure = { kind: 'unmatched', templates: unmatchedTemplates, lines: unmatchedLines };
  for (const templateIndex of unmatchedTemplates) {
    const nearMiss = nearestMiss(templates[templateIndex] as LineTemplate, templateIndex, lines, unmatchedLines, best.bindings, environment);
    if (nearMiss !== undefined) {
      failure.nearMiss = { ...nearMiss, template: templateIndex };
      break;
    }
  }
  return { passed: false, assignments, bindings: best.bindings, failure, steps };
}

// Free templates with the same text form one group; each group knows the lines it fits.
function groupFreeTemplates(
  templates: readonly LineTemplate[],
  lines: readonly string[],
  environment: TemplateEnvironment,
  shared: ReadonlySet<string>,
  work: Work,
): Map<LineTemplate, FreeGroup> {
  const bySource = new Map<string, { template: LineTemplate; group: FreeGroup }>();
  let linesByText: Map<string, number[]> | undefined;
  for (const [index, template] of templates.entries()) {
    if (dependsOnBindings(template, shared)) continue;
    const existing = bySource.get(template.source);
    if (existing !== undefined) {
      existing.group.templates.push(index);
      continue;
    }
    if (template.placeholders.length === 0) {
      // A template of plain text fits exactly the lines equal to it: look them up.
      linesByText ??= indexLinesByText(lines);
      work.steps++;
      const text = template.parts.map((part) => (part.kind === 'literal' ? part.text : '')).join('');
      bySource.set(template.source, { template, group: { templates: [index], candidates: linesByText.get(text) ?? [] } });
      continue;
    }
    work.steps += lines.length;
    const candidates = range(0, lines.length).filter(
      (lineIndex) => matchLine(template, lines[lineIndex] ?? '', NO_BINDINGS, environment, { line: lineIndex, template: index }).matched,
    );
    bySource.set(template.source, { template, group: { templates: [index], candidates } });
  }
  return new Map([...bySource.values()].map(({ template, group }) => [template, group]));
}

function indexLinesByText(lines: readonly string[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (const [lineIndex, line] of lines.entries()) {
    const same = index.get(line);
    if (same === undefined) index.set(line, [lineIndex]);
    else same.push(lineIndex);
  }
  return index;
}

// Maximum matching of free template groups (each with as many places as templates) to unused
// lines, by augmenting paths.
function matchFreeGroups(
  groups: Map<LineTemplate, FreeGroup>,
  lines: readonly string[],
  used: readonly boolean[],
  environment: TemplateEnvironment,
  work: Work,
): Assignment[] {
  const entries = [...groups.entries()];
  const ownerOfLine = new Map<number, number>();
  const linesOfGroup: number[][] = entries.map(() => []);

  const augment = (groupIndex: number, visited: Set<number>): boolean => {
    const group = entries[groupIndex]?.[1];
    if (group === undefined) return false;
    for (const line of group.candidates) {
      work.steps++;
      if (used[line] || visited.has(line)) continue;
      visited.add(line);
      const owner = ownerOfLine.get(line);
      if (owner === groupIndex) continue;
      if (owner === undefined || augment(owner, visited)) {
        if (owner !== undefined) linesOfGroup[owner] = (linesOfGroup[owner] ?? []).filter((l) => l !== line);
        ownerOfLine.set(line, groupIndex);
        linesOfGroup[groupIndex]?.push(line);
        return true;
      }
    }
    return false;
  };

  for (const [groupIndex, [, group]] of entries.entries()) {
    for (let place = 0; place < group.templates.length; place++) {
      if (!augment(groupIndex, new Set())) break;
    }
  }
  const assignments: Assignment[] = [];
  for (const [groupIndex, [template, group]] of entries.entries()) {
    const matchedLines = [...(linesOfGroup[groupIndex] ?? [])].sort((a, b) => a - b);
    for (const [place, line] of matchedLines.entries()) {
      const templateIndex = group.templates[place] as number;
      const result = matchLine(template, lines[line] ?? '', NO_BINDINGS, environment, { line, template: templateIndex });
      assignments.push({ template: templateIndex, line, captures: result.matched ? result.captures : [] });
    }
  }
  return assignments;
}
