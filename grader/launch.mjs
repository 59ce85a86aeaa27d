// Starts the grader's command line. The grader is TypeScript; esbuild bundles it once into
// .cache/grader/main.mjs (about 50 ms) and again only when a file under grader/ changes.
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

if (builtAt() < Math.max(newestSource(graderDir), statSync(fileURLToPath(import.meta.url)).mtimeMs)) {
  await build({
    entryPoints: [path.join(graderDir, 'cli', 'main.ts')],
    outfile: output,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'error',
  });
}
process.setSourceMapsEnabled(true);
const { main } = await import(pathToFileURL(output).href);
process.exitCode = await main(process.argv.slice(2), { root });
