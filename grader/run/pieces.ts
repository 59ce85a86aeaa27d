// How a split's pieces are described to a student: pure text, shared by the feeder and the checks.

/** A short description of the pieces, e.g. "3 pieces: 5, 40, 49 bytes". */
export function describePieces(pieces: readonly number[]): string {
  if (pieces.length === 0) return 'no bytes';
  if (pieces.every((size) => size === 1)) return `${pieces.length} pieces of 1 byte`;
  const shown = pieces.slice(0, 12).join(', ');
  return `${pieces.length} piece${pieces.length === 1 ? '' : 's'} of ${shown}${pieces.length > 12 ? ', …' : ''} bytes`;
}
