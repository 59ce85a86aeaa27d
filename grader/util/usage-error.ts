/**
 * Bad use the user must fix: a bad command-line flag, an unknown exercise, a missing folder.
 * The command line prints its message without a stack trace and exits with status 2.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
