// `npm run export -- --gradescope OUT.zip [SLUG ...]`: the autograder zip Gradescope takes.
// At its top: setup.sh and run_autograder (platforms/gradescope/, executable), and the files of
// this repository the grading needs: the grader, package files, specs (hidden tests included),
// references and starters; not the grader's own tests, CI, docs, workflows, draft specs or the
// known-bad variants. yazl writes it (streaming, sets each entry's Unix mode: run_autograder
// must stay executable).
import { createWriteStream } from 'node:fs';
import { lstat, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { listSpecSlugs } from '../grade/grade.js';
import { listFiles } from '../instructor/export.js';

/** Paths (and folders) of the repository that the autograder zip leaves out. */
const LEFT_OUT = ['test', '.ci', 'docs', '.github', 'platforms', 'specs/drafts', 'node_modules', '.cache', '.git'];
/** The scripts Gradescope runs, from platforms/gradescope/ to the zip's top. */
export const GRADESCOPE_SCRIPTS = ['setup.sh', 'run_autograder'];

export class AutograderZipError extends Error {
  override name = 'AutograderZipError';
}

/** Whether `file` is in a folder left out, a known-bad variant, or an exercise not chosen. */
function leftOut(file: string, chosen: Set<string> | undefined): boolean {
  if (LEFT_OUT.some((out) => file === out || file.startsWith(`${out}/`))) return true;
  if (/^reference\/[^/]+\/wrong\//.test(file)) return true;
  if (chosen === undefined) return false;
  const exercise = /^(?:assignments|reference)\/([^/]+)\//.exec(file)?.[1] ?? /^specs\/([^/]+)\.yaml$/.exec(file)?.[1];
  return exercise !== undefined && !chosen.has(exercise);
}

/** The repository files that go into the zip, in name order. */
export async function autograderFiles(root: string, slugs: string[] = []): Promise<string[]> {
  const known = await listSpecSlugs(path.join(root, 'specs'));
  const unknown = slugs.filter((s) => !known.includes(s));
  if (unknown.length > 0) throw new AutograderZipError(`No spec for ${unknown.join(', ')} (specs/SLUG.yaml). Exercises: ${known.join(', ')}.`);
  const chosen = slugs.length > 0 ? new Set(slugs) : undefined;
  const files: string[] = [];
  for (const file of await listFiles(root)) {
    if (leftOut(file, chosen)) continue;
    if ((await lstat(path.join(root, file))).isFile()) files.push(file);
  }
  return files;
}

/** Writes the autograder zip to `out`; resolves with the entries written. */
export async function writeAutograderZip(root: string, out: string, slugs: string[] = []): Promise<string[]> {
  const files = await autograderFiles(root, slugs);
  const zip = new ZipFile();
  const entries: string[] = [];
  for (const script of GRADESCOPE_SCRIPTS) {
    zip.addBuffer(await readFile(path.join(root, 'platforms', 'gradescope', script)), script, { mode: 0o100755 });
    entries.push(script);
  }
  for (const file of files) {
    const mode = (await lstat(path.join(root, file))).mode & 0o111 ? 0o100755 : 0o100644;
    zip.addBuffer(await readFile(path.join(root, file)), file, { mode });
    entries.push(file);
  }
  zip.end();
  await mkdir(path.dirname(path.resolve(out)), { recursive: true });
  await pipeline(zip.outputStream, createWriteStream(out));
  return entries;
}
