// The class of a failure message: the same sentence with the student's specifics (quoted output,
// paths, numbers) masked, so that "line 3 is `Spam 004Spam 000`" and "line 7 is `Spam 001Spam 002`"
// count as one way of failing.

/** Longest class shown, in characters. */
const MAX_CLASS_CHARS = 160;

// A quote of student text (escapeForDisplay puts it in backquotes, maybe followed by how much was cut).
const QUOTED = /`[^`]*`(?:… \(\d+ more characters cut\))?/g;
const NUMBER = /\d+(?:\.\d+)?/g;
// An absolute path outside quotes (where the sandbox put things: /sandbox/work/start/here).
const PATH = /(?<![\w`/])\/[\w.\-/]*[\w\-/]/g;

/** "CHECK: message with `…` for quotes, PATH for paths and N for numbers", cut to a sentence-sized length. */
export function messageClass(check: string | undefined, message: string): string {
  const masked = message.replace(QUOTED, '`…`').replace(PATH, 'PATH').replace(NUMBER, 'N').replace(/\s+/g, ' ').trim();
  const cut = masked.length > MAX_CLASS_CHARS ? `${masked.slice(0, MAX_CLASS_CHARS - 1)}…` : masked;
  return check === undefined ? cut : `${check}: ${cut}`;
}
