// Every escaping of text from outside the grader (student output quoted in messages, diffs,
// stderr, file names) for every output format lives here, so that each reporter only picks one.

// ANSI escape sequences: CSI (ESC [ or the C1 byte 0x9b), OSC (ESC ] ... BEL or ST), and two-byte ESC sequences.
const ANSI = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]/g;
// Control characters other than newline and tab, DEL, C1 controls, line/paragraph separators and bidi overrides.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Plain text for files and logs that are not terminals: CRLF becomes LF, ANSI sequences and other control characters are removed. */
export function plainText(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(ANSI, '').replace(CONTROL, '');
}

/**
 * Neutralises GitHub workflow commands in text that will reach a CI log: the runner reads
 * `::command::` at the start of a line (after leading blanks) and the legacy `##[command]`
 * anywhere in a line. The text stays readable: `::` becomes `\u003a:`, `##[` becomes `#\u0023[`.
 */
export function defuseWorkflowCommands(text: string): string {
  return text.replace(/^([ \t]*)::/gm, '$1\\u003a:').replace(/##\[/g, '#\\u0023[');
}

/** A workflow command's data (after `::`): `%`, CR and LF escaped, as @actions/core and vitest's github-actions reporter do. */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value (`title=...`): the data escapes plus `:` and `,`. */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Student text made safe as a workflow command's data: controls stripped, commands defused, escaped onto one line. */
export function commandData(text: string): string {
  return escapeCommandData(defuseWorkflowCommands(plainText(text)));
}

/** Student text made safe as a workflow command's property value. */
export function commandProperty(text: string): string {
  return escapeCommandProperty(defuseWorkflowCommands(plainText(text)));
}

/** Text inside one line of Markdown (a table cell, a heading): newlines become spaces, and every character
 * with a meaning in GitHub Markdown (emphasis, code, links, HTML, tables, headings, lists, math) is backslash-escaped. */
export function markdownInline(text: string): string {
  return plainText(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|~<>&$]/g, (ch) => `\\${ch}`);
}

/** A fenced code block holding `text` verbatim: the fence is longer than any run of backticks inside. */
export function markdownFence(text: string, info = 'text'): string {
  const body = plainText(text);
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${body}\n${fence}`;
}

// Characters XML 1.0 does not allow at all (outside #x9 #xA #xD #x20-#xD7FF #xE000-#xFFFD #x10000-#x10FFFF), lone surrogates included.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function xmlChars(text: string): string {
  return plainText(text)
    .replace(NOT_XML, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Text content of an XML element: markup escaped, characters XML 1.0 forbids shown as `\uXXXX`. */
export function xmlText(text: string): string {
  return xmlChars(text);
}

/** An XML attribute value (in double quotes): as xmlText, plus quotes, and newlines and tabs kept as character references. */
export function xmlAttribute(text: string): string {
  return xmlChars(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** Cuts `text` to at most `max` characters, saying how much was left out. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}\n… (${text.length - max} more characters not shown)`;
}
