// `npm run export -- DIR`: the repository students get. Without reference/ (and so without the
// known-bad variants), without the grader's own tests, CI and draft specs, and with every spec
// rewritten for students (student-spec.ts): no hidden tests, no mustReject, and the reference's
// output recorded wherever a check compared with it.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, lstat, mkdir, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { listSpecSlugs } from '../grade/grade.js';
import { loadSpec, parseSpec } from '../spec/load.js';
import { recordReferenceOutputs } from './record-reference.js';
import { studentSpecText } from './student-spec.js';
import { studentReadme } from './student-readme.js';
import { DEFAULT_LANGUAGE, languageNamed, type Language } from '../languages/index.js';
import { readmeFor, sectionFile, starters, statementFor, templateDir } from './language-template.js';

/** Top-level folders and files that students do not get. */
const LEFT_OUT = ['reference', 'test', '.ci', 'specs/drafts', 'specs/mutation', 'docs', 'node_modules', '.cache', '.git', 'templates'];
/** npm scripts that need what is left out (the grader's tests, references). */
const INSTRUCTOR_SCRIPTS = ['test', 'check', 'new', 'export', 'bench', 'flakes'];

/** Why the export cannot be made (the target exists, it is inside what is copied, a recording failed). */
export class ExportError extends Error {
  override name = 'ExportError';
}

export interface ExportedSpec {
  slug: string;
  tests: number;
  hiddenRemoved: number;
  referenceChecksRecorded: number;
  mustRejectRemoved: number;
}

export interface ExportResult {
  files: number;
  specs: ExportedSpec[];
}

export interface ExportOptions {
  /**
   * The students' language (grader/languages/; default TypeScript, the assignments as they are):
   * another one's starters and statement sections come from templates/LANGUAGE/SLUG/.
   */
  language?: string;
}

/** Writes the students' repository of `root` to `dest` (which must not exist, or be empty). */
export async function exportRepository(root: string, dest: string, options: ExportOptions = {}): Promise<ExportResult> {
  const language = options.language === undefined || options.language === DEFAULT_LANGUAGE ? undefined : languageNamed(options.language);
  root = path.resolve(root);
  dest = path.resolve(dest);
  if (dest === root || root.startsWith(`${dest}${path.sep}`)) throw new ExportError(`${dest} holds the repository itself; export to a new directory.`);
  if (existsSync(dest) && (await readdir(dest)).length > 0) throw new ExportError(`${dest} exists and is not empty; export to a new directory.`);
  const insideDest = path.relative(root, dest);
  const files = (await listFiles(root)).filter(
    (file) =>
      !LEFT_OUT.some((out) => file === out || file.startsWith(`${out}/`)) &&
      !(insideDest && !insideDest.startsWith('..') && (file === insideDest || file.startsWith(`${insideDest}/`))),
  );
  const specFiles = new Set((await listSpecSlugs(path.join(root, 'specs'))).map((slug) => `specs/${slug}.yaml`));
  // Specs first: a recording that fails leaves nothing half-written.
  const specs: ExportedSpec[] = [];
  const specTexts = new Map<string, string>();
  for (const file of [...specFiles].sort()) {
    const { text, summary } = await studentSpec(root, file);
    specTexts.set(file, text);
    specs.push(summary);
  }
  await mkdir(dest, { recursive: true });
  const written = language === undefined ? files : await writeLanguageFiles(root, dest, files, language);
  for (const file of written) {
    const from = path.join(root, file);
    const to = path.join(dest, file);
    await mkdir(path.dirname(to), { recursive: true });
    const text = specTexts.get(file);
    if (text !== undefined) await writeFile(to, text);
    else if (file === 'package.json') await writeFile(to, studentPackageJson(await readFile(from, 'utf8')));
    else if (file === 'README.md') {
      const readme = studentReadme(await readFile(from, 'utf8'));
      await writeFile(to, language === undefined ? readme : readmeFor(readme, language));
    } else if ((await lstat(from)).isSymbolicLink()) await symlink(await readlink(from), to);
    else await copyFile(from, to);
  }
  return { files: files.length, specs };
}

/**
 * For another language: each exercise's starters written from templates/LANGUAGE/SLUG/ and its
 * statement with the language's section; returns the files still to copy as they are (without
 * the TypeScript starters and the statements already written).
 */
async function writeLanguageFiles(root: string, dest: string, files: string[], language: Language): Promise<string[]> {
  const slugs = new Set(files.filter((file) => /^assignments\/[^/]+\/README\.md$/.test(file)).map((file) => file.split('/')[1]!));
  for (const slug of slugs) {
    const folder = path.join(dest, 'assignments', slug);
    await mkdir(folder, { recursive: true });
    const own = await starters(root, language, slug);
    if (own.size === 0)
      throw new ExportError(`there is no ${language.label} starter for ${slug} (templates/${language.name}/${slug}/solution${language.extension})`);
    for (const [name, text] of own) await writeFile(path.join(folder, name), text);
    const section = await readFile(path.join(templateDir(root, language, slug), sectionFile(language)), 'utf8').catch(() => {
      throw new ExportError(`there is no "${language.statementSection}" section for ${slug} (templates/${language.name}/${slug}/${sectionFile(language)})`);
    });
    await writeFile(path.join(folder, 'README.md'), statementFor(await readFile(path.join(root, 'assignments', slug, 'README.md'), 'utf8'), language, section));
  }
  const typescript = languageNamed(DEFAULT_LANGUAGE).extension;
  return files.filter((file) => {
    const [top, slug, name] = file.split('/');
    if (top !== 'assignments' || slug === undefined || !slugs.has(slug) || name === undefined) return true;
    return !(name === 'README.md' || name.endsWith(typescript));
  });
}

async function studentSpec(root: string, file: string): Promise<{ text: string; summary: ExportedSpec }> {
  const full = path.join(root, file);
  const spec = await loadSpec(full);
  // Hidden tests, and generated ones (they compare with the reference, which students do not get).
  const hidden = spec.tests.flatMap((test, index) => (test.hidden || test.generate !== undefined ? [index] : []));
  const recorded = await recordReferenceOutputs(root, spec, new Set(hidden));
  const text = studentSpecText(await readFile(full, 'utf8'), hidden, recorded);
  try {
    parseSpec(text, full);
  } catch (error) {
    throw new ExportError(`the student version of ${file} is not a valid spec:\n${(error as Error).message}`);
  }
  return {
    text,
    summary: {
      slug: spec.slug,
      tests: spec.tests.length - hidden.length,
      hiddenRemoved: hidden.length,
      referenceChecksRecorded: recorded.length,
      mustRejectRemoved: Object.keys(spec.mustReject).length,
    },
  };
}

/** package.json without the scripts that need what students do not get. */
function studentPackageJson(text: string): string {
  const data = JSON.parse(text) as { scripts?: Record<string, string> };
  for (const name of INSTRUCTOR_SCRIPTS) delete data.scripts?.[name];
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** The repository's files: git's tracked and untracked-but-not-ignored files, else every file. */
export async function listFiles(root: string): Promise<string[]> {
  try {
    const { stdout } = await promisify(execFile)('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    const listed = stdout.split('\0').filter((file) => file !== '');
    const present: string[] = [];
    for (const file of new Set(listed))
      if (
        await lstat(path.join(root, file)).then(
          (s) => !s.isDirectory(),
          () => false,
        )
      )
        present.push(file);
    return present.sort();
  } catch {
    return walk(root, '');
  }
}

async function walk(root: string, relative: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(path.join(root, relative), { withFileTypes: true })) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (LEFT_OUT.includes(child)) continue;
    if (entry.isDirectory()) files.push(...(await walk(root, child)));
    else files.push(child);
  }
  return files.sort();
}
