// What the CI check says about the pull request's changes, in the console, the job summary and annotations.
import { markdownInline } from '../report/escape.js';
import { workflowCommand } from '../report/github-annotations.js';
import { terminalSafe } from '../report/terminal-safe.js';
import type { ClassifiedChange } from './changes.js';

const VERB: Record<string, string> = { A: 'added', M: 'modified', D: 'deleted', T: 'type changed' };

/** A file name from the pull request, on one line of the console. */
function shownPath(file: string): string {
  return terminalSafe(file).replace(/\n/g, '\\n');
}

function verb(change: ClassifiedChange): string {
  return VERB[change.status] ?? change.status;
}

export interface CiFacts {
  base: string;
  head: string;
  changes: ClassifiedChange[];
  /** Solution files taken from HEAD. */
  taken: string[];
}

/** The tampered changes. */
export function tampering(changes: ClassifiedChange[]): ClassifiedChange[] {
  return changes.filter((c) => c.kind === 'tampering');
}

/** The console's account, printed before grading. */
export function ciConsoleText(facts: CiFacts): string {
  const lines = [
    `CI grading: the solution files of ${facts.head.slice(0, 12)} with the grader, specs and references of ${facts.base.slice(0, 12)}.`,
    `Solution files taken: ${facts.taken.length > 0 ? facts.taken.map(shownPath).join(', ') : '(none)'}`,
  ];
  const ignored = facts.changes.filter((c) => c.kind === 'ignored');
  if (ignored.length > 0) lines.push(`Ignored (the base's copy is used): ${ignored.map((c) => shownPath(c.path)).join(', ')}`);
  const tampered = tampering(facts.changes);
  if (tampered.length === 0) {
    lines.push('No file outside assignments/SLUG/*.ts changed.');
  } else {
    lines.push(
      `TAMPERING: ${tampered.length} file${tampered.length === 1 ? '' : 's'} outside assignments/SLUG/*.ts changed; they are not used, and this check fails:`,
    );
    for (const change of tampered) lines.push(`  ${verb(change)}: ${shownPath(change.path)} (${change.reason})`);
  }
  return `${lines.join('\n')}\n\n`;
}

/** The job summary's section on the changes, written above the grades. */
export function ciSummaryMarkdown(facts: CiFacts): string {
  const tampered = tampering(facts.changes);
  const ignored = facts.changes.filter((c) => c.kind === 'ignored');
  const lines: string[] = [];
  if (tampered.length === 0) {
    lines.push(`✅ Only solution files changed (${facts.taken.length} graded from this pull request).`, '');
  } else {
    lines.push(
      '## ⛔ Tampering: files outside the solution files changed',
      '',
      'This pull request changes files that only the instructors may change. They were **not used**: the grade below ' +
        "was computed with the base branch's grader, specs and references and this pull request's `assignments/SLUG/*.ts` files. " +
        'The check fails until these changes are removed from the pull request.',
      '',
      '| Change | File | Why |',
      '|---|---|---|',
      ...tampered.map((c) => `| ${verb(c)} | ${markdownInline(c.path)} | ${markdownInline(c.reason)} |`),
      '',
    );
  }
  if (ignored.length > 0) lines.push(`Ignored (the base's copy is used): ${ignored.map((c) => markdownInline(c.path)).join(', ')}`, '');
  return `${lines.join('\n')}\n`;
}

/** Most tampering annotations raised: the grade's own failures need the rest of the step's 10. */
export const MAX_TAMPERING_ANNOTATIONS = 3;

/** One ::error annotation per tampered file (at most MAX_TAMPERING_ANNOTATIONS, the last counting the rest). */
export function ciAnnotations(facts: CiFacts): string[] {
  const tampered = tampering(facts.changes);
  const title = 'Tampering: a file outside assignments/SLUG/*.ts changed';
  const one = (c: ClassifiedChange): string =>
    workflowCommand('error', { file: c.path, title }, `${verb(c)}: ${c.path}. ${c.reason}. It was not used, and this check fails until the change is removed.`);
  if (tampered.length <= MAX_TAMPERING_ANNOTATIONS) return tampered.map(one);
  const rest = tampered.length - (MAX_TAMPERING_ANNOTATIONS - 1);
  return [
    ...tampered.slice(0, MAX_TAMPERING_ANNOTATIONS - 1).map(one),
    workflowCommand(
      'error',
      { title: `Tampering: ${rest} more files outside assignments/SLUG/*.ts changed` },
      'Every changed file is listed at the top of the job summary and in the log. None was used, and this check fails until the changes are removed.',
    ),
  ];
}

/** The closing line, after the grades. */
export function ciClosingText(facts: CiFacts): string {
  const tampered = tampering(facts.changes);
  if (tampered.length === 0) return '';
  return `\nCheck failed: ${tampered.length} file${tampered.length === 1 ? '' : 's'} outside assignments/SLUG/*.ts changed (listed above). The score above is the honest one, from the base's grader, specs and references.\n`;
}
