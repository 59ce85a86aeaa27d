// What run_autograder runs on Gradescope once Node is there: the student's uploaded files are put
// in place of the starters (only for the exercises they uploaded), then everything is graded
// and results.json written, with what was taken from the upload said at the top of its output.
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { grade, listSpecSlugs, loadSpecs } from '../grade/grade.js';
import { consoleReporter } from '../report/console.js';
import { gradescopeReporter } from '../report/gradescope.js';
import type { GradeSummary } from '../report/types.js';
import { planUploads, type UploadPlan } from './uploads.js';

export interface GradeUploadOptions {
  /** Gradescope's root (/autograder): submission/ is read, results/results.json written. */
  autograder: string;
  /** The grader's repository (/autograder/source). */
  root: string;
  jobs: number;
  write: (text: string) => void;
}

/** Regular files under `dir` (no symbolic links followed or taken), relative, with `/`. */
async function regularFiles(dir: string, relative = '', levels = 8): Promise<string[]> {
  if (levels === 0) return [];
  const entries = await readdir(path.join(dir, relative), { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await regularFiles(dir, child, levels - 1)));
    else if (entry.isFile()) files.push(child);
  }
  return files;
}

/** Removes the starter's .ts files of an exercise folder and copies the uploaded ones in. */
async function placeUpload(root: string, submission: string, upload: UploadPlan['uploads'][number]): Promise<void> {
  const folder = path.join(root, 'assignments', upload.slug);
  await mkdir(folder, { recursive: true });
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) await rm(path.join(folder, entry.name));
  }
  for (const file of upload.files) await copyFile(path.join(submission, ...file.path.split('/')), path.join(folder, file.name));
}

/** What was taken from the upload, one line each, for the student. */
export function uploadNotes(plan: UploadPlan, slugs: string[], startersPresent: Set<string>): string[] {
  const notes: string[] = [];
  for (const slug of slugs) {
    const upload = plan.uploads.find((u) => u.slug === slug);
    if (upload) {
      const where = upload.from === '' ? 'the top of your upload' : `${upload.from}/`;
      notes.push(`${slug}: graded your ${upload.files.map((f) => f.name).join(', ')} (from ${where}).`);
    } else if (startersPresent.has(slug)) {
      notes.push(`${slug}: you uploaded no file for this exercise, so the starter file was graded.`);
    } else {
      notes.push(`${slug}: you uploaded no file for this exercise.`);
    }
  }
  if (plan.ignored.length > 0) {
    notes.push(`Not used (not in a folder of an exercise, or a second copy): ${plan.ignored.join(', ')}.`);
  }
  if (plan.layout === 'none')
    notes.push('Your upload holds no .ts file. Upload assignments/SLUG/solution.ts (your repository), SLUG/solution.ts, or the .ts files themselves.');
  return notes;
}

/** Grades the uploaded submission and writes results.json; resolves with the summary. */
export async function gradeUpload(options: GradeUploadOptions): Promise<GradeSummary> {
  const submission = path.join(options.autograder, 'submission');
  const slugs = await listSpecSlugs(path.join(options.root, 'specs'));
  const specs = await loadSpecs(options.root, slugs);
  const entryOf = (slug: string): string => `${specs.find((s) => s.slug === slug)?.entry ?? 'solution'}.ts`;
  const plan = planUploads(await regularFiles(submission), slugs, entryOf);
  const startersPresent = new Set<string>();
  for (const slug of slugs) {
    const hasStarter = await readdir(path.join(options.root, 'assignments', slug)).then(
      (names) => names.includes(entryOf(slug)),
      () => false,
    );
    if (hasStarter) startersPresent.add(slug);
  }
  const notes = uploadNotes(plan, slugs, startersPresent);
  for (const upload of plan.uploads) await placeUpload(options.root, submission, upload);
  options.write(`${notes.join('\n')}\n\n`);
  return grade({
    root: options.root,
    slugs,
    jobs: options.jobs,
    reporters: [
      consoleReporter({ write: options.write, color: false, showHidden: true }),
      gradescopeReporter({ file: path.join(options.autograder, 'results', 'results.json'), notes }),
    ],
  });
}
