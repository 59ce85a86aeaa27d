// Quoting student output in messages: escaped (so it cannot drive the terminal) and shortened.

/** Longest quote of student text shown in a message, in characters. */
export const MAX_QUOTE_CHARS = 200;

const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

// C0 controls, DEL, C1 controls, line/paragraph separators, bidi controls, BOM, lone surrogates.
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escapeChar(char: string): string {
  return SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** How `escapeForDisplay` presents text. */
export interface DisplayOptions {
  /** Put the text in backquotes (default true). */
  quote?: boolean;
  /** Longest text shown before it is cut (default MAX_QUOTE_CHARS). */
  maxChars?: number;
}

/**
 * Makes student text safe to print: control characters (newlines included), DEL, C1 controls,
 * bidi controls and lone surrogates become visible escapes like `\n` or `\u001b`; text longer
 * than `maxChars` is cut, saying how much was cut; by default the result is in backquotes.
 */
export function escapeForDisplay(text: string, options: DisplayOptions = {}): string {
  const maxChars = options.maxChars ?? MAX_QUOTE_CHARS;
  let shown = text;
  let cut = 0;
  if (text.length > maxChars) {
    let end = maxChars;
    // Do not split a surrogate pair.
    if (/[\ud800-\udbff]/.test(text.charAt(end - 1))) end -= 1;
    shown = text.slice(0, end);
    cut = text.length - end;
  }
  const escaped = shown.replace(UNSAFE, escapeChar);
  const quoted = options.quote === false ? escaped : `\`${escaped}\``;
  return cut > 0 ? `${quoted}… (${cut} more characters cut)` : quoted;
}

/** Student text escaped, shortened and put in backquotes, ready to put in a sentence. */
export function quote(text: string, maxChars: number = MAX_QUOTE_CHARS): string {
  return escapeForDisplay(text, { maxChars });
}

/** A count with its noun: `plural(2, 'line')` is "2 lines". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : /(s|sh|ch|x)$/.test(noun) ? 'es' : 's'}`;
}
