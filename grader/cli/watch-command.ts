// `npm run grade -- --watch [SLUG ...]`: grades, then re-grades an exercise each time one of
// its files is saved, until Ctrl-C.
import { existsSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { grade, loadSpecs } from '../grade/grade.js';
import { LANGUAGES } from '../languages/index.js';
import { UsageError } from '../util/usage-error.js';
import type { Reporter } from '../report/types.js';
import { SpecError } from '../spec/spec-error.js';

/** Files a build reads (any language's sources, grader/languages/); editors' swap and backup files are not among them. */
const SOURCE = new RegExp(`^[^.].*(\\.(mts|js|mjs|json)|${LANGUAGES.map((language) => language.extension.replace('.', '\\.')).join('|')})$`);

export interface WatchOptions {
  root: string;
  /** Exercises to watch; empty for every exercise that has a spec. */
  slugs: string[];
  solutionsDir?: string;
  /** The language to grade (default: each folder's own). */
  language?: string;
  jobs?: number;
  seed?: number;
  /** Skip an exercise's costly tests once a cheap one failed (grade.ts). */
  failuresFirst?: boolean;
  /** Fresh reporters for each grading run. */
  reporters: () => Reporter[];
  write: (text: string) => void;
  /** Aborting stops watching; the promise resolves once a grading under way has ended. */
  signal: AbortSignal;
  /** Quiet time after the last change before grading (default 100 ms). */
  debounceMs?: number;
}

/** Grades the exercises, then each again whenever its solution files (or its spec) change. */
export async function watchExercises(options: WatchOptions): Promise<void> {
  const root = path.resolve(options.root);
  const solutionsDir = path.resolve(root, options.solutionsDir ?? 'assignments');
  const slugs = (await loadSpecs(root, options.slugs)).map((spec) => spec.slug);
  const shown = path.relative(process.cwd(), solutionsDir) || '.';
  const gradeSome = async (chosen: string[]): Promise<void> => {
    try {
      await grade({
        root,
        slugs: chosen,
        solutionsDir,
        ...(options.language === undefined ? {} : { language: options.language }),
        reporters: options.reporters(),
        ...(options.jobs === undefined ? {} : { jobs: options.jobs }),
        ...(options.seed === undefined ? {} : { seed: options.seed }),
        ...(options.failuresFirst === true ? { failuresFirst: true } : {}),
      });
    } catch (error) {
      // A spec saved half-written: say so, and keep watching.
      const known = error instanceof SpecError || error instanceof UsageError;
      options.write(known ? `${error.message}\n` : `The grader itself failed (a bug in the grader):\n${(error as Error).stack ?? String(error)}\n`);
    }
  };
  const waiting = (): void =>
    options.write(`\nWatching ${shown}/ for changes to ${slugs.length === 1 ? slugs[0] : `${slugs.length} exercises`} (Ctrl-C to stop).\n`);

  let running: Promise<void> | undefined;
  const pending = new Set<string>();
  const timers = new Map<string, NodeJS.Timeout>();
  const runPending = (): void => {
    if (running || pending.size === 0 || options.signal.aborted) return;
    const chosen = [...pending].sort();
    pending.clear();
    options.write(`\n[${new Date().toLocaleTimeString()}] ${chosen.join(', ')} changed: grading again.\n`);
    running = gradeSome(chosen).finally(() => {
      running = undefined;
      if (!options.signal.aborted) waiting();
      runPending();
    });
  };
  const changed = (slug: string): void => {
    clearTimeout(timers.get(slug));
    timers.set(
      slug,
      setTimeout(() => {
        timers.delete(slug);
        pending.add(slug);
        runPending();
      }, options.debounceMs ?? 100),
    );
  };

  running = gradeSome(slugs).finally(() => (running = undefined));
  await running;
  if (options.signal.aborted) return;
  const watchers = watchSources(root, solutionsDir, slugs, changed, options.write);
  waiting();
  await new Promise<void>((resolve) => {
    if (options.signal.aborted) resolve();
    else options.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  for (const watcher of watchers) watcher.close();
  for (const timer of timers.values()) clearTimeout(timer);
  while (running !== undefined) await running;
}

/** Watches each exercise's solution folder (its source files) and the specs; `changed(slug)` on a change. */
function watchSources(
  root: string,
  solutionsDir: string,
  slugs: readonly string[],
  changed: (slug: string) => void,
  write: (text: string) => void,
): FSWatcher[] {
  const watchers: FSWatcher[] = [];
  for (const slug of slugs) {
    const dir = path.join(solutionsDir, slug);
    if (!existsSync(dir)) {
      write(`(${path.relative(process.cwd(), dir)} does not exist, so it is not watched)\n`);
      continue;
    }
    watchers.push(watch(dir, (_event, file) => (file === null || SOURCE.test(String(file)) ? changed(slug) : undefined)));
  }
  watchers.push(
    watch(path.join(root, 'specs'), (_event, file) => {
      const slug = file === null ? undefined : String(file).replace(/\.yaml$/, '');
      if (slug !== undefined && slugs.includes(slug) && String(file).endsWith('.yaml')) changed(slug);
    }),
  );
  return watchers;
}

/** The --watch mode of the grade command: watches until Ctrl-C (a second Ctrl-C stops at once). */
export async function watchCommand(options: Omit<WatchOptions, 'signal' | 'write'>): Promise<number> {
  const controller = new AbortController();
  const write = (text: string): void => void process.stdout.write(text);
  const forceStop = (): void => process.exit(130);
  const stop = (): void => {
    write('\nStopping (the run under way ends first; Ctrl-C again to stop at once).\n');
    process.once('SIGINT', forceStop);
    controller.abort();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await watchExercises({ ...options, write, signal: controller.signal });
    return 0;
  } finally {
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
    process.removeListener('SIGINT', forceStop);
  }
}
