import path from 'node:path';
import { ScaffoldError, scaffoldExercise } from '../instructor/scaffold.js';
import { UsageError } from '../util/usage-error.js';
import { defineCommand } from './command.js';

const USAGE = `Usage: npm run new -- SLUG

For instructors: makes a new exercise that is graded end to end at once: a statement and a
starter (assignments/SLUG/), a reference (reference/SLUG/), a known-bad variant
(reference/SLUG/wrong/example-bug/) and a spec (specs/SLUG.yaml) that rejects it. Replace
the example's greeting with the real exercise, then run npm run check -- SLUG.`;

/** `npm run new -- SLUG`: scaffolds a new exercise. */
export const newCommand = defineCommand({
  usage: USAGE,
  options: {},
  positionals: { min: 1, max: 1 },
  async run({ positionals, env }) {
    const slug = positionals[0]!;
    let written: string[];
    try {
      written = await scaffoldExercise(env.root, slug);
    } catch (error) {
      if (error instanceof ScaffoldError) throw new UsageError(error.message);
      throw error;
    }
    const shown = (file: string): string => path.relative(process.cwd(), path.join(env.root, file));
    process.stdout.write(
      `Made the exercise ${slug}:\n${written.map((file) => `  ${shown(file)}\n`).join('')}\n` +
        `It is graded end to end already:\n` +
        `  npm run grade -- --solutions reference ${slug}   the reference passes\n` +
        `  npm run check -- --mutate ${slug}                records its mutation score (docs/mutation.md)\n` +
        `  npm run check -- ${slug}                         the known-bad variant is rejected, the score recorded\n` +
        `Now write the statement, the reference and the spec of the real exercise (README: "Adding an exercise").\n`,
    );
    return 0;
  },
});
