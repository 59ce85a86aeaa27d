// Which grader graded a batch: the package's version and, in a git checkout, its commit.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';

/** "0.1.0 (commit 1a2b3c4)", or only the version outside a git checkout. Never throws. */
export async function graderVersion(root: string): Promise<string> {
  const version = await readFile(path.join(root, 'package.json'), 'utf8')
    .then((text) => {
      const version = (JSON.parse(text) as { version?: unknown }).version;
      return typeof version === 'string' ? version : 'unknown';
    })
    .catch(() => 'unknown');
  const commit = await execa('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, reject: false, timeout: 10_000 })
    .then((r) => (r.exitCode === 0 ? r.stdout.trim() : ''))
    .catch(() => '');
  return commit === '' ? version : `${version} (commit ${commit})`;
}
