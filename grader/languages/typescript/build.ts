import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type Message } from 'esbuild';
import { hashSources } from '../../build/hash.js';
import { SOLUTION_BUILD_OPTIONS } from '../../build/options.js';
import type { BuildError, BuildResult } from '../../build/types.js';
import type { LanguageBuildOptions } from '../types.js';

/** Everything a build depends on besides the sources; change it to invalidate every cache entry. */
const BUILD_RECIPE = 'esm-node20-bundle-v1';
/** The files whose contents make a build (what esbuild may read). */
const TYPESCRIPT_SOURCES = /\.(ts|mts|js|mjs|json)$/;

/**
 * Builds every top-level .ts file of `sourceDir` to a .js file of the same name (ESM, bundled,
 * for Node 20), unless a build of exactly these sources is cached.
 */
export async function buildTypeScript(sourceDir: string, options: LanguageBuildOptions): Promise<BuildResult> {
  const entry = `${options.entry ?? 'solution'}.js`;
  const entryPoints = (await readdir(sourceDir, { withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(sourceDir, e.name))
    .sort();
  const hash = await hashSources(sourceDir, `${BUILD_RECIPE}|${entry}`, TYPESCRIPT_SOURCES);
  const outDir = path.join(options.cacheDir, hash);
  const program = { dir: outDir, entry, sourceDir, language: 'typescript' };
  if (await exists(path.join(outDir, 'package.json'))) return { ok: true, program, cached: true };

  const staging = `${outDir}.tmp-${process.pid}-${Date.now()}`;
  try {
    await build({
      entryPoints,
      outdir: staging,
      outbase: sourceDir,
      ...SOLUTION_BUILD_OPTIONS,
    });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    return compileFailure(error, sourceDir);
  }
  await writeFile(path.join(staging, 'package.json'), '{ "type": "module" }\n');
  await mkdir(options.cacheDir, { recursive: true });
  try {
    await rename(staging, outDir);
  } catch {
    // Another grader built the same sources at the same moment: theirs is as good as ours.
    await rm(staging, { recursive: true, force: true });
  }
  return { ok: true, program, cached: false };
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

function compileFailure(error: unknown, sourceDir: string): BuildResult {
  const messages: Message[] = (error as { errors?: Message[] }).errors ?? [];
  const errors: BuildError[] = messages.map((m) => ({
    file: m.location ? path.relative(process.cwd(), path.resolve(m.location.file)) : path.relative(process.cwd(), sourceDir),
    line: m.location?.line ?? 0,
    column: (m.location?.column ?? 0) + 1,
    text: m.text,
  }));
  if (errors.length === 0) {
    return { ok: false, message: `The build failed: ${(error as Error).message}`, errors };
  }
  const shown = messages.slice(0, 5).map((m, i) => formatMessage(m, errors[i]!));
  const more = messages.length > 5 ? `\n(and ${messages.length - 5} more errors)` : '';
  return { ok: false, message: `Your code does not compile:\n${shown.join('\n')}${more}`, errors };
}

function formatMessage(message: Message, error: BuildError): string {
  const head = `${error.file}:${error.line}:${error.column}: error: ${message.text}`;
  const location = message.location;
  if (!location?.lineText) return head;
  const gutter = String(location.line).length;
  const caret = `${' '.repeat(gutter)} | ${' '.repeat(location.column)}^`;
  return `${head}\n${location.line} | ${location.lineText}\n${caret}`;
}
