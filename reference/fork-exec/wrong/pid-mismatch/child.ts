// The program that fork-exec starts (the slide's child.py): prints its pid and its one argument.
import { parseArgs } from 'node:util';

const { positionals } = parseArgs({ allowPositionals: true });
console.log(`Hello from child ${process.pid} ${positionals[0]}`);
