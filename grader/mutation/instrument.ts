// Mutants of a reference solution, by StrykerJS's instrumenter: every mutant of every top-level
// .ts file of reference/SLUG/ (not wrong/) placed in one instrumented copy behind "mutant
// switches", one of which the __STRYKER_ACTIVE_MUTANT__ variable turns on at run time.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '@stryker-mutator/api/logging';
import { ACTIVE_MUTANT_VARIABLE } from '../sandbox/environment.js';

/** One mutant, located in the reference's source. */
export interface MutantSite {
  /** Stryker's id: the value of __STRYKER_ACTIVE_MUTANT__ that switches it on. */
  id: string;
  /** File name inside reference/SLUG/, e.g. "solution.ts". */
  file: string;
  /** 1-based line and column of the mutated code. */
  line: number;
  column: number;
  /** Stryker's mutator, e.g. "EqualityOperator". */
  mutator: string;
  /** The source text replaced (shortened for display) and what replaced it (on one line, in full). */
  original: string;
  replacement: string;
}

export interface InstrumentedReference {
  /** Folder holding the instrumented .ts files (build it like any solution). */
  dir: string;
  mutants: MutantSite[];
}

/**
 * How the program meets the active-mutant variable: `visible` leaves it in process.env (child
 * processes and worker threads inherit it); `hidden` removes it once read, for a program whose
 * output lists its own environment (its children then run unmutated).
 */
export type VariableMode = 'visible' | 'hidden';

const QUIET: Logger = {
  isTraceEnabled: () => false,
  isDebugEnabled: () => false,
  isInfoEnabled: () => false,
  isWarnEnabled: () => false,
  isErrorEnabled: () => false,
  isFatalEnabled: () => false,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  fatal: () => undefined,
};

/** The top-level .ts files of a solution folder (the build's entry points), sorted. */
export async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => e.name)
    .sort();
}

/** Instruments every source file of `referenceDir` into `outDir`, the variable made `mode`. */
export async function instrumentReference(referenceDir: string, outDir: string, mode: VariableMode): Promise<InstrumentedReference> {
  const names = await sourceFiles(referenceDir);
  const files = await Promise.all(names.map(async (name) => ({ name, content: await readFile(path.join(referenceDir, name), 'utf8'), mutate: true })));
  // Loaded only here: Babel and Stryker take a while to load, and only a mutation run needs them.
  requireEsmSupport();
  const { Instrumenter } = await import('@stryker-mutator/instrumenter');
  const result = await new Instrumenter(QUIET).instrument(files, { plugins: null, excludedMutations: [], ignorers: [] });
  await mkdir(outDir, { recursive: true });
  for (const file of result.files) {
    const content = withoutCoverageCounters(file.content);
    await writeFile(path.join(outDir, path.basename(file.name)), mode === 'hidden' ? hideVariable(content) : content);
  }
  const sources = new Map(files.map((f) => [f.name, f.content]));
  const mutants = result.mutants.map((m): MutantSite => {
    const file = path.basename(m.fileName);
    return {
      id: m.id,
      file,
      line: m.location.start.line + 1,
      column: m.location.start.column + 1,
      mutator: m.mutatorName,
      original: excerpt(sources.get(m.fileName) ?? '', m.location),
      replacement: oneLine(m.replacement),
    };
  });
  return { dir: outDir, mutants };
}

/**
 * Stryker's instrumenter 10 loads Babel 8, whose plugins are ES modules that Babel require()s:
 * Node 20 does that from 20.19 on (22.12 on 22). Earlier, say so instead of Babel's stack trace.
 */
function requireEsmSupport(): void {
  if ((process.features as { require_module?: boolean }).require_module === true) return;
  throw new Error(`mutation testing needs a Node.js that can require() ES modules (20.19 or later, 22.12 or later); this is ${process.version}`);
}

/**
 * Stryker's prologue counts, at every statement and expression, which mutants a test reaches
 * (for its coverage analysis), in an object keyed by mutant id. The grader starts a fresh
 * program for every test and never reads the counts, and counting dominates hot loops
 * (thread-counter's locked additions: 4.6 x the reference's CPU time with it, 1.7 x without),
 * so the counter is made a no-op. The mutant switches are left as they are.
 */
export function withoutCoverageCounters(content: string): string {
  const start = content.indexOf('\nfunction stryCov_9fa48() {');
  const end = content.indexOf('\nfunction stryMutAct_9fa48(', start);
  if (start < 0 || end < 0) return content;
  return `${content.slice(0, start)}\nfunction stryCov_9fa48(..._mutants: string[]): void {}${content.slice(end)}`;
}

/** After Stryker's prologue has read the variable, removes it from the program's environment. */
function hideVariable(content: string): string {
  const read = '\nstryNS_9fa48();\n';
  const at = content.indexOf(read);
  if (at < 0) return content;
  const end = at + read.length;
  return `${content.slice(0, end)}delete process.env.${ACTIVE_MUTANT_VARIABLE};\n${content.slice(end)}`;
}

interface Span {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

/** The source text of a 0-based span, on one line, shortened. */
function excerpt(source: string, span: Span): string {
  const lines = source.split('\n');
  const picked = lines.slice(span.start.line, span.end.line + 1);
  if (picked.length === 0) return '';
  picked[picked.length - 1] = picked[picked.length - 1]!.slice(0, span.end.column);
  picked[0] = picked[0]!.slice(span.start.column);
  return shorten(picked.join('\n'));
}

/** One line: whitespace runs collapsed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** One line, at most 70 characters (for display). */
export function shorten(text: string): string {
  const flat = oneLine(text);
  return flat.length <= 70 ? flat : `${flat.slice(0, 67)}...`;
}
