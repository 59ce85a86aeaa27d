// The students' README is README.md up to its instructors' part, which holds every link to docs/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INSTRUCTORS_HEADING, studentReadme } from '../../grader/instructor/student-readme.js';

const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');

describe("the students' README", () => {
  it("is README.md up to the instructors' part", () => {
    const text = studentReadme('# T\n\nfor you\n\n```\n## For instructors (in a code block)\n```\n\n## For instructors\n\nsecret\n');
    expect(text).toBe('# T\n\nfor you\n\n```\n## For instructors (in a code block)\n```\n');
  });

  it("leaves out the maintainers' lines (the test command)", () => {
    const text = studentReadme('# T\n\n    npm run grade\n<!-- maintainers -->\n    npm test\n<!-- /maintainers -->\n\nfor you\n');
    expect(text).toBe('# T\n\n    npm run grade\n\nfor you\n');
  });

  it("keeps README.md's student part: what to do, the three commands, failures, the sandbox", () => {
    const text = studentReadme(readme);
    for (const heading of ['## What to do', '## The three commands', '## Reading a failure', '## What the sandbox means for you']) {
      expect(text).toContain(heading);
    }
    for (const command of ['npm run exercise -- SLUG', 'npm run grade -- SLUG', 'npm run grade -- --watch SLUG']) expect(text).toContain(command);
    expect(readme).toContain(INSTRUCTORS_HEADING);
  });

  it('links to nothing the students do not get (docs/, reference/, the test suite)', () => {
    const text = studentReadme(readme);
    expect(text).not.toMatch(/\]\((docs|reference|test)\//);
    expect(text).not.toContain('npm test');
  });

  it('fits on one screen (at most 60 lines)', () => {
    expect(studentReadme(readme).split('\n').length).toBeLessThanOrEqual(60);
  });
});
