import { defuseWorkflowCommands } from './escape.js';

/**
 * Makes text from outside the grader (student output quoted in messages, diffs, stderr) safe to
 * print on a terminal or in a log: control characters (ANSI escapes, carriage returns, backspaces,
 * C1 controls) become visible escapes, so they cannot move the cursor or draw a fake result.
 * Newlines are kept; callers indent every line so that no line can pass for one of ours.
 * GitHub workflow commands (`::notice ...::` at a line's start, `##[...]` anywhere) are defused,
 * so that a program's output quoted in the CI log cannot raise annotations or forge a grade.
 */
export function terminalSafe(text: string): string {
  const visible = text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => {
    if (ch === '\t') return '\\t';
    if (ch === '\r') return '\\r';
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return defuseWorkflowCommands(visible);
}

/** Prefixes every line of `text` with `prefix`. */
export function indentLines(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}
