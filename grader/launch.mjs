// Starts the grader's command line. The grader is TypeScript; esbuild bundles it, with its
// dependencies (loading one bundle takes ~70 ms, resolving the packages separately ~200 ms),
// into .cache/grader/main.mjs, again only when a file under grader/ or package-lock.json changes.
import { build } from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const graderDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(graderDir);
const output = path.join(root, '.cache', 'grader', 'main.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function builtAt() {
  try {
    return statSync(output).mtimeMs;
  } catch {
    return -1;
  }
}

const lockFile = path.join(root, 'package-lock.json');
const inputsChangedAt = Math.max(
  newestSource(graderDir),
  statSync(fileURLToPath(import.meta.url)).mtimeMs,
  statSync(lockFile, { throwIfNoEntry: false })?.mtimeMs ?? 0,
);
if (builtAt() < inputsChangedAt) {
  await build({
    entryPoints: [path.join(graderDir, 'cli', 'main.ts')],
    outfile: output,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // esbuild itself runs a native binary next to its package: keep it a real import. Stryker's
    // instrumenter (only `npm run check -- --mutate` loads it) imports parsers it may not have.
    // vega and vega-lite are large and only the class report needs them: loaded on use.
    external: ['esbuild', '@stryker-mutator/instrumenter', 'vega', 'vega-lite'],
    // Bundled CommonJS packages (ajv) call require(); give the ES module bundle one.
    banner: { js: "import { createRequire as __graderCreateRequire } from 'node:module'; const require = __graderCreateRequire(import.meta.url);" },
    sourcemap: 'inline',
    logLevel: 'error',
  });
}
process.setSourceMapsEnabled(true);
const { main } = await import(pathToFileURL(output).href);
process.exitCode = await main(process.argv.slice(2), { root });
