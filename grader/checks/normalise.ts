// Output normalisation shared by every check: what "equal output" means in the spec format.

/** Normalises output: `\r\n` becomes `\n`, trailing spaces and tabs of each line and trailing empty lines are dropped. */
export function normaliseText(text: string): string {
  const lines = text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

/** The lines of a text after normalisation; no output at all is no lines. */
export function splitLines(text: string): string[] {
  const normalised = normaliseText(text);
  return normalised === '' ? [] : normalised.split('\n');
}
