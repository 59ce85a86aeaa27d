// The README of the students' repository: ours up to its instructors' section. README.md is
// written for students first; from "## For instructors" on it points at docs/ and at folders
// that the students' repository does not have.

/** The heading where the instructors' part of README.md begins. */
export const INSTRUCTORS_HEADING = '## For instructors';

/** The students' README made from the instructors' README text (all of it if it has no instructors' part). */
export function studentReadme(readme: string): string {
  const lines = readme.split('\n');
  let fenced = false;
  const cut = lines.findIndex((line) => {
    if (line.startsWith('```')) fenced = !fenced;
    return !fenced && line.trimEnd() === INSTRUCTORS_HEADING;
  });
  const kept = cut < 0 ? lines : lines.slice(0, cut);
  return `${kept.join('\n').trimEnd()}\n`;
}
