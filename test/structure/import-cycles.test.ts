// No import cycle in grader/: a module's imports (type-only ones too) never lead back to it.
// Imports are resolved by TypeScript itself, with the project's compiler options, so that the
// `.js` specifiers of our ES modules find their `.ts` sources.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const graderDir = path.join(root, 'grader');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

/** file → the files of `files` it imports or re-exports from. */
function importGraph(files: readonly string[], read: (file: string) => string): Map<string, string[]> {
  const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), (file) => ts.sys.readFile(file)).config as unknown;
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(read(file), true, true);
    const targets = importedFiles
      .map((imported) => ts.resolveModuleName(imported.fileName, file, options, ts.sys).resolvedModule?.resolvedFileName)
      .filter((target): target is string => target !== undefined && known.has(target));
    graph.set(file, targets);
  }
  return graph;
}

/** The cycles of a graph, each as the path that leads back to its first file (one per strongly connected set). */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const visit = (file: string, trail: string[]): void => {
    const back = trail.indexOf(file);
    if (back >= 0) {
      found.push([...trail.slice(back), file]);
      return;
    }
    if (done.has(file)) return;
    for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
    done.add(file);
  };
  for (const file of graph.keys()) visit(file, []);
  return found;
}

describe('import cycles', () => {
  it('finds a cycle through a type-only import (control)', () => {
    const texts: Record<string, string> = {
      [path.join(graderDir, 'a.ts')]: "import type { B } from './b.js';\nexport interface A { b: B }\n",
      [path.join(graderDir, 'b.ts')]: "import { c } from './c.js';\nexport interface B { c: typeof c }\n",
      [path.join(graderDir, 'c.ts')]: "import type { A } from './a.js';\nexport const c: A | undefined = undefined;\n",
    };
    const resolveHost = { ...ts.sys, fileExists: (file: string) => file in texts || ts.sys.fileExists(file) };
    const options = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };
    const graph = new Map(
      Object.keys(texts).map((file) => [
        file,
        ts
          .preProcessFile(texts[file]!, true, true)
          .importedFiles.map((i) => ts.resolveModuleName(i.fileName, file, options, resolveHost).resolvedModule?.resolvedFileName ?? ''),
      ]),
    );
    expect(cycles(graph).map((cycle) => cycle.map((file) => path.basename(file)))).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  it('has none in grader/', () => {
    const graph = importGraph(sourceFiles(graderDir), (file) => fs.readFileSync(file, 'utf8'));
    expect([...graph.values()].flat().length).toBeGreaterThan(100);
    const shown = cycles(graph).map((cycle) => cycle.map((file) => path.relative(root, file)).join(' → '));
    expect(shown).toEqual([]);
  });
});
