// A students' copy in another language than TypeScript (`npm run export -- --language python DIR`):
// each exercise's starters are that language's (templates/LANGUAGE/SLUG/: solution.py, child.py),
// and its statement's "How Node differs" section is the language's own section
// (templates/LANGUAGE/SLUG/how-LANGUAGE-does-it.md, titled by the language: "How Python does it").
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Language } from '../languages/types.js';

/** The statements' section about Node, replaced in another language's copy. */
export const NODE_SECTION = '## How Node differs';

/** Where a language's starters and statement sections are kept: templates/LANGUAGE/SLUG/. */
export function templateDir(root: string, language: Language, slug: string): string {
  return path.join(root, 'templates', language.name, slug);
}

/** The file of a template folder that holds the statement's section (anything but the starters). */
export function sectionFile(language: Language): string {
  return `how-${language.name}-does-it.md`;
}

/** The starters of an exercise in `language` (file name → text): its template's source files. */
export async function starters(root: string, language: Language, slug: string): Promise<Map<string, string>> {
  const dir = templateDir(root, language, slug);
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const name of (await readdir(dir)).sort()) {
    if (name.endsWith(language.extension)) files.set(name, await readFile(path.join(dir, name), 'utf8'));
  }
  return files;
}

/**
 * A statement (assignments/SLUG/README.md) for `language`: its "How Node differs" section
 * replaced by the language's section, and the TypeScript file names by the language's
 * (solution.ts → solution.py; child.js, the built name, → child.py).
 */
export function statementFor(statement: string, language: Language, section: string): string {
  const lines = statement.split('\n');
  const start = lines.findIndex((line) => line.trimEnd() === NODE_SECTION);
  let text = statement;
  if (start >= 0) {
    const after = lines.findIndex((line, index) => index > start && line.startsWith('## '));
    const end = after < 0 ? lines.length : after;
    const replaced = [`## ${language.statementSection}`, '', section.trimEnd(), '', ...lines.slice(end)];
    text = [...lines.slice(0, start), ...replaced].join('\n');
  }
  return text
    .replace(/\b(\w[\w-]*)\.ts\b/g, (_whole, stem: string) => `${stem}${language.extension}`)
    .replace(/\b(\w[\w-]*)\.js\b/g, (_whole, stem: string) => language.runFile(stem));
}

/** The students' README for `language`: the course's words about TypeScript and Node said for it. */
export function readmeFor(readme: string, language: Language): string {
  return readme
    .replace(
      'you write it in TypeScript for Node.js 20 or later',
      `you write it in ${language.label} (the grader runs Python 3 as /usr/bin/python3; Node.js 20 or later runs the grader)`,
    )
    .replace('how Node differs', `how ${language.label} does it`)
    .replace(/`solution\.ts`/g, `\`solution${language.extension}\``)
    .replace(/`child\.ts`/g, `\`child${language.extension}\``)
    .replace('`process.stdout.isTTY` is false', '`sys.stdout.isatty()` is false: `print` is block-buffered, so flush what someone waits for');
}
