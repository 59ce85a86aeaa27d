import path from 'node:path';
import { ExportError, exportRepository } from '../instructor/export.js';
import { RecordError } from '../instructor/record-reference.js';
import { UsageError } from '../util/usage-error.js';
import { defineCommand } from './command.js';

const USAGE = `Usage: npm run export -- DIR

For instructors: writes the repository that students get to DIR (a new or empty directory):
without reference/ and its known-bad variants, without the grader's own tests, CI script and
draft specs; each spec without its hidden tests and its mustReject section, and with every
\`check: reference\` replaced by the reference's output, recorded now (an \`output\` check, or
a \`match\` check when the reference check masks what varies).`;

/** `npm run export -- DIR`: the students' repository. */
export const exportCommand = defineCommand({
  usage: USAGE,
  options: {},
  positionals: { min: 1, max: 1 },
  async run({ positionals, env }) {
    const dest = path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
    try {
      const result = await exportRepository(env.root, dest);
      const write = (text: string): void => void process.stdout.write(text);
      write(`Wrote ${result.files} files to ${dest}\n`);
      for (const spec of result.specs) {
        const notes = [
          spec.hiddenRemoved > 0 ? `${spec.hiddenRemoved} hidden test${spec.hiddenRemoved === 1 ? '' : 's'} removed` : '',
          spec.referenceChecksRecorded > 0 ? `${spec.referenceChecksRecorded} reference check${spec.referenceChecksRecorded === 1 ? '' : 's'} recorded` : '',
          spec.mustRejectRemoved > 0 ? 'mustReject removed' : '',
        ].filter((n) => n !== '');
        write(`  ${spec.slug}: ${spec.tests} test${spec.tests === 1 ? '' : 's'}${notes.length > 0 ? `; ${notes.join(', ')}` : ''}\n`);
      }
      write(`Left out: reference/ (references and known-bad variants), test/, .ci/, specs/drafts/.\n`);
      return 0;
    } catch (error) {
      if (error instanceof ExportError || error instanceof RecordError) throw new UsageError(error.message);
      throw error;
    }
  },
});
