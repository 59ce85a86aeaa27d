/** Bad command-line use or bad input the user must fix (printed without a stack trace, exit status 2). */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}
