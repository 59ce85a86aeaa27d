// Small text helpers for messages.

/** The text with its first character in upper case: "your program" → "Your program". */
export function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** The text with its first character in lower case: "Your program" → "your program". */
export function lowerFirst(text: string): string {
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/**
 * The last line of a text that is not blank, without its line ending (`\n` or `\r\n`), or
 * undefined when every line is blank. Whole: a caller that quotes it shortens it (escapeForDisplay,
 * or `shorten`).
 */
export function lastLine(text: string): string | undefined {
  const lines = text
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '');
  return lines.at(-1);
}

/** The text cut to `maxChars` characters, with "…" when it was cut. */
export function shorten(text: string, maxChars: number): string {
  return text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
}
