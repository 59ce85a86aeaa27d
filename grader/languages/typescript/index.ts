// TypeScript on Node.js 20: every .ts file built by esbuild to a .js file that plain node runs.
import { NODE_PITFALLS } from '../../hints/pitfalls.js';
import { bareThreadCount } from '../../run/thread-baseline.js';
import { nodeInstallDirs } from '../../sandbox/bubblewrap.js';
import { mapToSources } from '../../run/source-positions.js';
import type { Language } from '../types.js';
import { buildTypeScript } from './build.js';

export const typescript: Language = {
  name: 'typescript',
  label: 'TypeScript',
  extension: '.ts',
  build: buildTypeScript,
  runFile: (name) => (/\.[cm]?js$/.test(name) ? name : `${name}.js`),
  sourceFile: (runFile) => runFile.replace(/\.[cm]?js$/, '.ts'),
  // Stack traces name the built .js files: mapped back through a source map of the same build.
  sourcePositions: mapToSources,
  command: (file, args, { heapMb }) => [process.execPath, ...(heapMb === undefined ? [] : [`--max-old-space-size=${heapMb}`]), file, ...args],
  runtimeDirs: () => nodeInstallDirs(),
  threadBaseline: {
    key: (env) => env.UV_THREADPOOL_SIZE ?? '',
    measure: (env) => bareThreadCount(env.UV_THREADPOOL_SIZE),
    description: 'a node program that starts no Worker',
  },
  pitfalls: NODE_PITFALLS,
  words: {
    thread: "a worker_threads Worker (new Worker(new URL(import.meta.url), { workerData })), waited for with await once(worker, 'exit')",
    childProcess: 'spawn() (or fork()) from node:child_process, printing the pid it reports (child.pid); the child prints its own process.pid',
    startSibling: (file) => `spawn(process.execPath, [fileURLToPath(new URL('./${file}', import.meta.url)), ...])`,
  },
  statementSection: 'How Node differs',
};
