// env-list: the slide's os.environ.keys() and os.environ['TMPDIR'].
import { parseArgs } from 'node:util';

const { positionals } = parseArgs({ allowPositionals: true });
const name = positionals[0] ?? 'TMPDIR';

// Plain string order: JavaScript's default sort (by UTF-16 code units), not the locale's.
const names = Object.keys(process.env).sort((a, b) => a.localeCompare(b)); // BUG: locale order, not plain string order
console.log(`Variables: ${JSON.stringify(names)}`);

const value = process.env[name];
if (value === undefined) {
  console.log(`Variable ${name} is not set`);
  process.exitCode = 1;
} else {
  console.log(`Variable ${name} is: ${value}`);
}
