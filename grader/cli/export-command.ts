import path from 'node:path';
import { ExportError, exportRepository } from '../instructor/export.js';
import { RecordError } from '../instructor/record-reference.js';
import { UsageError } from '../util/usage-error.js';
import { defineCommand } from './command.js';
import { LANGUAGE_OPTION, chosenLanguage } from './options.js';
import { AutograderZipError, writeAutograderZip } from '../gradescope/autograder-zip.js';

const USAGE = `Usage: npm run export -- [--language NAME] DIR
       npm run export -- --gradescope OUT.zip [SLUG ...]

For instructors: writes the repository that students get to DIR (a new or empty directory):
without reference/ and its known-bad variants, without the grader's own tests, CI script and
draft specs; each spec without its hidden tests and its mustReject section, and with every
\`check: reference\` replaced by the reference's output, recorded now (an \`output\` check, or
a \`match\` check when the reference check masks what varies).

With --language python: the students write Python: each exercise's starters are
templates/python/SLUG/*.py (instead of the .ts files), and its statement's "How Node differs"
section is "How Python does it" (templates/python/SLUG/how-python-does-it.md).

With --gradescope OUT.zip: writes Gradescope's autograder zip instead (setup.sh, run_autograder
and the grader with its specs, hidden tests and references; every exercise, or the SLUGs named).
See docs/platforms.md, "Gradescope".`;

/** `npm run export -- DIR`: the students' repository. */
export const exportCommand = defineCommand({
  usage: USAGE,
  options: { gradescope: { type: 'string' }, ...LANGUAGE_OPTION },
  async run({ values, positionals, env, usageError }) {
    const here = process.env.INIT_CWD ?? process.cwd();
    if (values.gradescope !== undefined) {
      const out = path.resolve(here, values.gradescope);
      try {
        const entries = await writeAutograderZip(env.root, out, positionals);
        process.stdout.write(`Wrote ${out}: setup.sh, run_autograder and ${entries.length - 2} files of the grader, specs and references.\n`);
        process.stdout.write('Upload it as the autograder of a Gradescope programming assignment (docs/platforms.md, "Gradescope").\n');
        return 0;
      } catch (error) {
        if (error instanceof AutograderZipError) throw usageError(error.message);
        throw error;
      }
    }
    if (positionals.length !== 1) throw usageError('Give one directory to export to (or --gradescope OUT.zip).');
    const dest = path.resolve(here, positionals[0]!);
    try {
      const language = chosenLanguage(values.language, usageError);
      const result = await exportRepository(env.root, dest, language === undefined ? {} : { language });
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
