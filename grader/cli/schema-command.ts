import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { schemaText } from '../spec/schema-text.js';
import { defineCommand } from './command.js';

const USAGE = `Usage: npm run schema [-- --check]

Writes specs/schema.json, the JSON Schema of a spec, as the code defines it (check kinds included).
  --check   write nothing; exit 1 if specs/schema.json is out of date

Exit status: 0 written (or up to date), 1 out of date, 2 bad usage.`;

/** `npm run schema`: writes specs/schema.json (`--check`: exit 1 if it is out of date). */
export const schemaCommand = defineCommand({
  usage: USAGE,
  options: { check: { type: 'boolean' } },
  positionals: { max: 0 },
  async run({ values, env }) {
    const file = path.join(env.root, 'specs', 'schema.json');
    const wanted = schemaText();
    if (values.check === true) {
      const current = await readFile(file, 'utf8').catch(() => '');
      if (current === wanted) return 0;
      process.stderr.write(`${path.relative(process.cwd(), file)} is out of date: run npm run schema\n`);
      return 1;
    }
    await writeFile(file, wanted);
    process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
    return 0;
  },
});
