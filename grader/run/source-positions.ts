// Stack traces point at the built program (/sandbox/program/solution.js:3:26); students wrote
// solution.ts. When a run's stderr names a built file, the file is rebuilt in memory with a source
// map (only then: ~5 ms, against ~5 ms on every run for esbuild's inline maps with node's
// --enable-source-maps, measured) and each position is rewritten to the student's file, line and
// column, as node itself would print them with source maps on. The rebuilt code must equal the
// file that ran, byte for byte; otherwise nothing is rewritten.
import fs from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { SOLUTION_BUILD_OPTIONS } from '../build/options.js';
import type { BuiltProgram } from '../build/types.js';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The source map of one built file, if rebuilding its source gives exactly that file. */
function sourceMapOf(program: BuiltProgram, builtName: string): SourceMap | undefined {
  const source = path.join(program.sourceDir, builtName.replace(/\.[cm]?js$/, '.ts'));
  const built = path.join(program.dir, builtName);
  try {
    if (!fs.existsSync(source)) return undefined;
    const result = buildSync({
      entryPoints: [source],
      outdir: program.dir,
      outbase: program.sourceDir,
      ...SOLUTION_BUILD_OPTIONS,
      sourcemap: 'external',
      write: false,
    });
    const code = result.outputFiles.find((file) => file.path === built);
    const map = result.outputFiles.find((file) => file.path === `${built}.map`);
    if (code === undefined || map === undefined || code.text !== fs.readFileSync(built, 'utf8')) return undefined;
    return new SourceMap(JSON.parse(map.text) as SourceMapPayload);
  } catch {
    return undefined;
  }
}

/**
 * `text` with every position in the program's built files (as the program saw its directory,
 * `seenDir`, with or without file://) replaced by the student's source file (relative to the
 * current directory), line and column. Unchanged when nothing can be mapped.
 */
export function mapToSources(text: string, program: BuiltProgram, seenDir: string): string {
  if (!text.includes(`${seenDir}/`)) return text;
  const maps = new Map<string, SourceMap | undefined>();
  const pattern = new RegExp(`(?:file://)?${escapeRegExp(seenDir)}/([\\w.-]+\\.[cm]?js):(\\d+)(?::(\\d+))?`, 'g');
  return text.replace(pattern, (whole, name: string, lineText: string, columnText: string | undefined) => {
    if (!maps.has(name)) maps.set(name, sourceMapOf(program, name));
    const map = maps.get(name);
    if (map === undefined) return whole;
    const line = Number(lineText);
    const column = columnText === undefined ? 1 : Number(columnText);
    // A bare line (the header of node's code frame): the first position mapped on that line.
    let entry = map.findEntry(line - 1, column - 1);
    for (let c = 0; columnText === undefined && c < 400 && 'generatedLine' in entry && entry.generatedLine !== line - 1; c += 1) {
      entry = map.findEntry(line - 1, c);
    }
    if (!('originalSource' in entry) || entry.generatedLine !== line - 1) return whole;
    const file = path.relative(process.cwd(), path.resolve(program.dir, entry.originalSource));
    return columnText === undefined ? `${file}:${entry.originalLine + 1}` : `${file}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}
