// README.md and docs/*.md link to files of the repository by relative paths: every one must exist
// (the instructors' material moved from README.md into docs/, and links are easy to leave behind).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const pages = [
  'README.md',
  ...readdirSync(path.join(root, 'docs'))
    .filter((n) => n.endsWith('.md'))
    .map((n) => `docs/${n}`),
];

/** Relative link targets of a Markdown text (outside code fences), without their #anchor. */
function relativeLinks(markdown: string): string[] {
  const found: string[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    if (fenced) continue;
    for (const [, target] of line.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target!) || target!.startsWith('#')) continue;
      found.push(target!.replace(/#.*$/, ''));
    }
  }
  return found;
}

describe('links between the documentation pages', () => {
  it('finds the pages', () => {
    expect(pages.length).toBeGreaterThan(3);
  });
  for (const page of pages) {
    it(page, () => {
      const dir = path.dirname(path.join(root, page));
      const broken = relativeLinks(readFileSync(path.join(root, page), 'utf8')).filter((target) => !existsSync(path.join(dir, target)));
      expect(broken, `${page} links to files that do not exist`).toEqual([]);
    });
  }
});
