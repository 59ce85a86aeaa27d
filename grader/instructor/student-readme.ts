// The README of the students' repository: ours up to its instructors' section. README.md is
// written for students first; from "## For instructors" on it points at docs/ and at folders
// that the students' repository does not have.

/** The heading where the instructors' part of README.md begins. */
export const INSTRUCTORS_HEADING = '## For instructors';

/** Lines between these two (themselves included) are for the grader's maintainers: the test command, which students cannot run. */
export const MAINTAINERS_START = '<!-- maintainers -->';
export const MAINTAINERS_END = '<!-- /maintainers -->';

/** The students' README made from the instructors' README text (all of it if it has no instructors' part), without its maintainers' lines. */
export function studentReadme(readme: string): string {
  const lines = withoutMaintainersLines(readme.split('\n'));
  let fenced = false;
  const cut = lines.findIndex((line) => {
    if (line.startsWith('```')) fenced = !fenced;
    return !fenced && line.trimEnd() === INSTRUCTORS_HEADING;
  });
  const kept = cut < 0 ? lines : lines.slice(0, cut);
  return `${kept.join('\n').trimEnd()}\n`;
}

function withoutMaintainersLines(lines: string[]): string[] {
  const kept: string[] = [];
  let inside = false;
  for (const line of lines) {
    if (line.trim() === MAINTAINERS_START) inside = true;
    else if (line.trim() === MAINTAINERS_END) inside = false;
    else if (!inside) kept.push(line);
  }
  return kept;
}
