// Hostile: looks for the course repository (answers, specs, hidden tests) by walking up from its
// work directory and from its own file, and from the paths on other processes' command lines;
// prints every copy of the test's secret (HOSTILE-SECRET-<nonce>) it can read (argv: nonce).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [nonce = 'none'] = process.argv.slice(2);
const secret = `HOSTILE-SECRET-${nonce}`;
const MAX_FILES = 3000;

function ancestors(dir: string): string[] {
  const all: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    all.push(d);
    if (path.dirname(d) === d) return all;
  }
}

function commandLinePaths(): string[] {
  const found: string[] = [];
  let pids: string[] = [];
  try {
    pids = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return found;
  }
  for (const pid of pids) {
    try {
      for (const arg of fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')) {
        if (arg.startsWith('/')) found.push(path.dirname(arg));
      }
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

const starts = [process.cwd(), path.dirname(fileURLToPath(import.meta.url)), ...commandLinePaths()];
const candidates = new Set(starts.flatMap(ancestors));
const roots = [...candidates].filter((dir) => ['specs', 'reference'].some((name) => fs.existsSync(path.join(dir, name))));

let files = 0;
let secrets = 0;
function search(dir: string, depth: number): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (files >= MAX_FILES || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && depth < 4) search(full, depth + 1);
    if (!entry.isFile()) continue;
    files++;
    try {
      const text = fs.readFileSync(full, 'utf8');
      const line = text.split('\n').find((l) => l.includes(secret));
      if (line !== undefined) {
        secrets++;
        console.log(`read ${full}: ${line.trim()}`);
      }
    } catch {
      // not readable
    }
  }
}

for (const root of roots) {
  for (const name of ['specs', 'reference', 'test']) {
    const dir = path.join(root, name);
    if (fs.existsSync(dir)) {
      console.log(`visible ${dir}`);
      search(dir, 0);
    }
  }
}
console.log(`repositories seen: ${roots.length}; secrets found: ${secrets}`);
