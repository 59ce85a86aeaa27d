// Every statement explains the slide's example, what the Node version differs in, and how it is
// graded, under the headings the statements share.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const assignments = path.resolve(import.meta.dirname, '../../assignments');
const REQUIRED = [
  { what: "the slide's example", heading: /^## The slides?\b/ },
  { what: 'what the Node version differs in', heading: /^## How Node differs$/ },
  { what: 'how it is graded', heading: /^## How it is graded$/ },
];

/** The body of each `## ` section of a Markdown text, by heading line. */
function sections(text: string): Map<string, string> {
  const found = new Map<string, string>();
  let heading: string | undefined;
  let inFence = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) inFence = !inFence;
    if (!inFence && line.startsWith('## ')) {
      heading = line.trimEnd();
      found.set(heading, '');
    } else if (heading !== undefined) found.set(heading, `${found.get(heading)}${line}\n`);
  }
  return found;
}

const slugs = readdirSync(assignments, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe('every statement has the three sections', () => {
  it('finds the statements', () => {
    expect(slugs.length).toBeGreaterThan(0);
  });
  for (const slug of slugs) {
    it(slug, () => {
      const found = sections(readFileSync(path.join(assignments, slug, 'README.md'), 'utf8'));
      for (const { what, heading } of REQUIRED) {
        const matching = [...found.keys()].filter((h) => heading.test(h));
        expect(matching, `assignments/${slug}/README.md has no section on ${what} (a heading like ${heading})`).toHaveLength(1);
        const body = found.get(matching[0]!)!.trim();
        expect(body.length, `the section "${matching[0]}" of assignments/${slug}/README.md is (nearly) empty`).toBeGreaterThan(100);
      }
    });
  }
});
