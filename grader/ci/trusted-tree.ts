import { mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { STUDENT_FILE } from './changes.js';
import { git, gitBytes } from './git.js';

/**
 * Lays out the tree to grade in `dir`: every file of the trusted BASE commit, then the solution
 * files (regular assignments/SLUG/*.ts files) of the student's HEAD commit in place of BASE's,
 * and node_modules linked to an installed one. Resolves with the solution files taken.
 */
export async function layTrustedTree(options: { repo: string; base: string; head: string; dir: string; nodeModules: string }): Promise<string[]> {
  const { repo, base, head, dir } = options;
  await mkdir(dir, { recursive: true });
  const index = `${dir}.index`;
  await git(repo, ['read-tree', base], { GIT_INDEX_FILE: index });
  await git(repo, ['checkout-index', '--all', '--force', `--prefix=${dir}${path.sep}`], { GIT_INDEX_FILE: index });
  await rm(index, { force: true });
  await removeSolutionFiles(dir);
  const taken: string[] = [];
  const listing = (await git(repo, ['ls-tree', '-r', '-z', head, '--', 'assignments'])).split('\0').filter(Boolean);
  for (const entry of listing) {
    const tab = entry.indexOf('\t');
    const [mode, type, sha] = entry.slice(0, tab).split(' ');
    const file = entry.slice(tab + 1);
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755') || !STUDENT_FILE.test(file) || !sha) continue;
    const target = path.join(dir, ...file.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, await gitBytes(repo, ['cat-file', 'blob', sha]));
    taken.push(file);
  }
  await rm(path.join(dir, 'node_modules'), { recursive: true, force: true });
  await symlink(options.nodeModules, path.join(dir, 'node_modules'), 'dir');
  return taken;
}

/** Removes BASE's assignments/SLUG/*.ts (the starters), so that exactly the student's files are graded. */
async function removeSolutionFiles(dir: string): Promise<void> {
  const assignments = path.join(dir, 'assignments');
  const slugs = await readdir(assignments, { withFileTypes: true }).catch(() => []);
  for (const slug of slugs.filter((d) => d.isDirectory())) {
    for (const file of await readdir(path.join(assignments, slug.name), { withFileTypes: true })) {
      if (!file.isDirectory() && STUDENT_FILE.test(`assignments/${slug.name}/${file.name}`)) await rm(path.join(assignments, slug.name, file.name));
    }
  }
}
