// Which uploaded files are which exercise's, whatever layout a student uploaded in: the
// repository's (assignments/SLUG/...), one folder per exercise (SLUG/...), or loose files at the
// top, each possibly inside one wrapping folder (a downloaded repository, a zipped folder).

/** The uploaded .ts files taken for one exercise. */
export interface ExerciseUpload {
  slug: string;
  /** The folder they were taken from, relative to the submission ('' for the top). */
  from: string;
  /** Their paths relative to the submission, and the names they get in assignments/SLUG/. */
  files: Array<{ path: string; name: string }>;
}

export interface UploadPlan {
  uploads: ExerciseUpload[];
  /** .ts files that belong to no exercise, or to one that was already taken from another folder. */
  ignored: string[];
  /** The layout recognised, for the report. */
  layout: 'repository' | 'exercise folders' | 'loose files' | 'none';
}

/** Folders never looked into (dependencies, build output, macOS zip debris, hidden folders). */
function skipped(segments: string[]): boolean {
  return segments.slice(0, -1).some((s) => s === 'node_modules' || s === '__MACOSX' || s.startsWith('.'));
}

function depth(folder: string): number {
  return folder === '' ? 0 : folder.split('/').length;
}

/** Groups files by slug, keeping for each slug only its shallowest folder (ties: the first in name order). */
function bySlug(found: Array<{ slug: string; folder: string; path: string; name: string }>): { uploads: ExerciseUpload[]; ignored: string[] } {
  const uploads = new Map<string, ExerciseUpload>();
  const ignored: string[] = [];
  const sorted = [...found].sort((a, b) => depth(a.folder) - depth(b.folder) || a.folder.localeCompare(b.folder) || a.path.localeCompare(b.path));
  for (const file of sorted) {
    const upload = uploads.get(file.slug);
    if (upload === undefined) uploads.set(file.slug, { slug: file.slug, from: file.folder, files: [{ path: file.path, name: file.name }] });
    else if (upload.from === file.folder) upload.files.push({ path: file.path, name: file.name });
    else ignored.push(file.path);
  }
  return { uploads: [...uploads.values()].sort((a, b) => a.slug.localeCompare(b.slug)), ignored };
}

/**
 * Plans what to take from the uploaded `paths` (relative, with `/`, regular files only) for the
 * exercises `slugs`. The first layout that matches any file wins: repository, exercise folders,
 * loose files. Loose files go to the only exercise when there is one, else `SLUG.ts` is SLUG's
 * entry file (`entryOf(slug)`, e.g. solution.ts).
 */
export function planUploads(paths: string[], slugs: string[], entryOf: (slug: string) => string): UploadPlan {
  const known = new Set(slugs);
  const candidates = paths
    .map((p) => ({ path: p, segments: p.split('/') }))
    .filter((f) => f.path.endsWith('.ts') && !f.path.endsWith('.d.ts') && !skipped(f.segments));
  const ofLayout = (match: (segments: string[]) => string | undefined): Array<{ slug: string; folder: string; path: string; name: string }> =>
    candidates.flatMap((f) => {
      const slug = match(f.segments);
      return slug === undefined ? [] : [{ slug, folder: f.segments.slice(0, -1).join('/'), path: f.path, name: f.segments.at(-1)! }];
    });
  const finish = (layout: UploadPlan['layout'], found: ReturnType<typeof ofLayout>): UploadPlan => {
    const { uploads, ignored } = bySlug(found);
    const taken = new Set(found.map((f) => f.path));
    return { uploads, layout, ignored: [...ignored, ...candidates.filter((c) => !taken.has(c.path)).map((c) => c.path)].sort() };
  };
  const repository = ofLayout((s) => (s.length >= 3 && s.at(-3) === 'assignments' && known.has(s.at(-2)!) ? s.at(-2) : undefined));
  if (repository.length > 0) return finish('repository', repository);
  const folders = ofLayout((s) => (s.length >= 2 && known.has(s.at(-2)!) ? s.at(-2) : undefined));
  if (folders.length > 0) return finish('exercise folders', folders);
  if (candidates.length === 0) return { uploads: [], ignored: [], layout: 'none' };
  // Loose files: those of the shallowest folder holding any (the top, or one wrapping folder).
  const shallowest = Math.min(...candidates.map((c) => c.segments.length));
  const loose = candidates.filter((c) => c.segments.length === shallowest);
  const folder = loose[0]!.segments.slice(0, -1).join('/');
  const sameFolder = loose.filter((c) => c.segments.slice(0, -1).join('/') === folder);
  if (slugs.length === 1) {
    return finish(
      'loose files',
      sameFolder.map((c) => ({ slug: slugs[0]!, folder, path: c.path, name: c.segments.at(-1)! })),
    );
  }
  const named = sameFolder.flatMap((c) => {
    const slug = c.segments.at(-1)!.replace(/\.ts$/, '');
    return known.has(slug) ? [{ slug, folder: `${folder}#${slug}`, path: c.path, name: entryOf(slug) }] : [];
  });
  const plan = finish('loose files', named);
  return { ...plan, uploads: plan.uploads.map((u) => ({ ...u, from: folder })) };
}
