import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkKindList } from '../checks/index.js';
import { fullSpecSchema } from '../spec/schema.js';
import type { CliEnvironment } from './main.js';

/** The text of specs/schema.json as the code defines it. */
export function schemaText(): string {
  return `${JSON.stringify(fullSpecSchema(checkKindList()), null, 2)}\n`;
}

/** `npm run schema`: writes specs/schema.json (`--check`: exit 1 if it is out of date). */
export async function schemaCommand(args: string[], env: CliEnvironment): Promise<number> {
  const file = path.join(env.root, 'specs', 'schema.json');
  const wanted = schemaText();
  if (args.includes('--check')) {
    const current = await readFile(file, 'utf8').catch(() => '');
    if (current === wanted) return 0;
    process.stderr.write(`${path.relative(process.cwd(), file)} is out of date: run npm run schema\n`);
    return 1;
  }
  await writeFile(file, wanted);
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  return 0;
}
