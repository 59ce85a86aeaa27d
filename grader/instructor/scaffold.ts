// `npm run new -- SLUG`: the files of a new exercise, graded end to end from the start: a
// statement and a starter, a reference, a known-bad variant and a spec that rejects it.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A slug: lower-case words of letters and digits joined by single hyphens, at most 40 characters. */
export const SLUG_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Why a new exercise cannot be made (bad slug, already there). */
export class ScaffoldError extends Error {
  override name = 'ScaffoldError';
}

/** The files of a new exercise: repository-relative path → content. */
export function scaffoldFiles(slug: string): Record<string, string> {
  return {
    [`assignments/${slug}/README.md`]: statement(slug),
    [`assignments/${slug}/solution.ts`]: starter(slug),
    [`reference/${slug}/solution.ts`]: reference(slug),
    [`reference/${slug}/wrong/example-bug/solution.ts`]: exampleBug(slug),
    [`specs/${slug}.yaml`]: spec(slug),
  };
}

/** Writes a new exercise's files under `root`; resolves with the paths written (relative). */
export async function scaffoldExercise(root: string, slug: string): Promise<string[]> {
  if (!SLUG_PATTERN.test(slug) || slug.length > 40) {
    throw new ScaffoldError(
      `"${slug}" is not a usable slug: use lower-case letters and digits in words joined by single hyphens (e.g. pipe-echo), at most 40 characters.`,
    );
  }
  const taken = [`specs/${slug}.yaml`, `specs/drafts/${slug}.yaml`, `assignments/${slug}`, `reference/${slug}`].filter((p) => existsSync(path.join(root, p)));
  if (taken.length > 0) throw new ScaffoldError(`The exercise "${slug}" exists already (${taken.join(', ')}); choose another slug.`);
  const files = scaffoldFiles(slug);
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), content, { flag: 'wx' });
  }
  return Object.keys(files);
}

function statement(slug: string): string {
  return `# ${slug} — TODO: a one-line title

## The slide

TODO: the slide's example: its Python code, what it prints, and what it shows about the
operating system.

## What it teaches

TODO: the system-programming idea behind it, in a few sentences.

## How Node differs

TODO: what the Node.js version does differently from the slide, and why (for example: no
\`fork()\`, so a child is a new process running a program; no \`os.pipe()\`, so a pipe is a
child's standard stream; \`mkfifo\` through the command).

## Your program

\`npm run exercise -- ${slug} [--name NAME]\` prints \`Hello, NAME!\` (NAME is \`world\` when the
flag is not given) and exits with status 0.

## Example

\`\`\`
$ npm run exercise -- ${slug} --name Ada
Hello, Ada!
\`\`\`

## How it is graded

\`npm run grade -- ${slug}\` runs your program in a fresh directory with the arguments of each
test (specs/${slug}.yaml) and checks its exit status and its output, line by line:

- without flags it prints \`Hello, world!\` (1 point);
- with \`--name Ada\` it prints \`Hello, Ada!\` (2 points).
`;
}

function starter(slug: string): string {
  return `// ${slug}: see README.md for what the program does.
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { name: { type: 'string', default: 'world' } } });

// TODO: print \`Hello, <name>!\` with the name from --name.
void values.name;
console.error('${slug}: not implemented yet');
process.exitCode = 1;
`;
}

function reference(slug: string): string {
  return `// ${slug}: the reference solution (the instructor's; students never see it).
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { name: { type: 'string', default: 'world' } } });
console.log(\`Hello, \${values.name}!\`);
`;
}

function exampleBug(slug: string): string {
  return `// KNOWN-BAD VARIANT \`example-bug\`: ignores --name and always greets the world.
// Otherwise identical to reference/${slug}/; the spec must reject it (specs/${slug}.yaml, mustReject).
console.log('Hello, world!');
`;
}

function spec(slug: string): string {
  return `# yaml-language-server: $schema=./schema.json
slug: ${slug}
title: "TODO: a one-line title"
defaults:
  timeoutMs: 10000

tests:
  - name: greets the world by default
    checks:
      - check: exit
        code: 0
      - check: lines
        expect:
          - "Hello, world!"

  - name: greets the name given with --name
    points: 2
    args: [--name, Ada]
    checks:
      - check: exit
        code: 0
      - check: lines
        expect:
          - "Hello, Ada!"
        hint: Read the name from the --name flag (parseArgs from node:util).

# Each known-bad variant in reference/${slug}/wrong/NAME/ must fail this way (npm run check).
mustReject:
  example-bug:
    test: greets the name given with --name
    check: lines
    message: "Hello, Ada!"
`;
}
