// The README of the students' repository: the parts of ours that speak to students (setting
// up and grading, the sandbox), without the instructors' sections about folders they do not get.

const STUDENT_SECTIONS = ['For students', 'How a program is run (the sandbox)', 'What the sandbox guarantees'];

/** The students' README made from the instructors' README text. */
export function studentReadme(readme: string): string {
  const title = readme.split('\n').find((line) => line.startsWith('# ')) ?? '# Operating System Practice';
  const sections = splitSections(readme).filter((section) => STUDENT_SECTIONS.includes(section.heading));
  const setUp = ['', '    npm ci && npm run grade', '', 'This grades every exercise in `assignments/`: your solutions (the starters fail until you write them). It needs only Node.js 20 or later; with bubblewrap installed (`sudo apt-get install -y bubblewrap` on Debian and Ubuntu) your programs run in the stronger sandbox that the graders use.', ''];
  return [title, ...setUp, ...sections.map((section) => section.text.trimEnd()), ''].join('\n');
}

interface Section {
  heading: string;
  text: string;
}

/** The `## ` sections of a Markdown text (headings inside fenced code are not headings). */
function splitSections(markdown: string): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    if (!fenced && line.startsWith('## ')) {
      current = { heading: line.slice(3).trim(), text: '' };
      sections.push(current);
    }
    if (current) current.text += `${line}\n`;
  }
  return sections;
}
