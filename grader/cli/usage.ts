// The command line's usage error is the grader's one UsageError (grader/util/usage-error.ts).
export { UsageError, UsageError as CliUsageError } from '../util/usage-error.js';
