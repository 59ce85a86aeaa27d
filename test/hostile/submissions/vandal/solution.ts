// Hostile: writes and deletes outside its work directory: /tmp, a world-writable directory of the
// test's (/tmp/hostile-canary-<nonce>), the course repository it finds by walking up from its
// file and work directory (only a throwaway repository, whose path has "hostile-repo-": the real
// one gets only a create attempt), and its own built program (argv: nonce).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [nonce = 'none'] = process.argv.slice(2);
let changed = 0;

function attempt(what: string, action: () => void): void {
  try {
    action();
    changed++;
    console.log(`changed ${what}`);
  } catch (error) {
    console.log(`refused ${what} ${(error as NodeJS.ErrnoException).code ?? 'unknown'}`);
  }
}

function ancestors(dir: string): string[] {
  const all: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    all.push(d);
    if (path.dirname(d) === d) return all;
  }
}

function list(dir: string): string[] {
  try {
    return fs.readdirSync(dir).map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}

const self = fileURLToPath(import.meta.url);
attempt(`/tmp/hostile-vandal-${nonce}`, () => fs.writeFileSync(`/tmp/hostile-vandal-${nonce}`, 'was here\n'));
attempt(`its own program ${self}`, () => fs.appendFileSync(self, '\n// poisoned\n'));
const canary = `/tmp/hostile-canary-${nonce}`;
for (const file of list(canary)) {
  attempt(`delete ${file}`, () => fs.rmSync(file));
}
attempt(`${canary}/planted`, () => fs.writeFileSync(`${canary}/planted`, 'planted\n'));

const repos = new Set(
  [process.cwd(), path.dirname(self)].flatMap(ancestors).filter((dir) => fs.existsSync(path.join(dir, 'specs'))),
);
for (const repo of repos) {
  attempt(`create ${repo}/specs/pwned-${nonce}.yaml`, () => fs.writeFileSync(path.join(repo, 'specs', `pwned-${nonce}.yaml`), 'pwned\n', { flag: 'wx' }));
  if (!repo.includes('hostile-repo-')) continue;
  for (const spec of list(path.join(repo, 'specs'))) {
    attempt(`overwrite ${spec}`, () => fs.writeFileSync(spec, 'tests: []\n'));
  }
  for (const dir of list(path.join(repo, 'reference'))) {
    for (const file of list(dir)) attempt(`delete ${file}`, () => fs.rmSync(file, { recursive: true }));
  }
}
console.log(`repositories seen: ${repos.size}; changed: ${changed}`);
