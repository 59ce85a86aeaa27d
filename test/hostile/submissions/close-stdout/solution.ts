// Hostile: prints a line, closes its standard output, and runs on writing to stderr (argv: nonce).
import fs from 'node:fs';

fs.writeSync(1, 'about to close stdout\n');
fs.closeSync(1);
let ticks = 0;
setInterval(() => {
  ticks++;
  try {
    fs.writeSync(1, `tick ${ticks}\n`);
  } catch (error) {
    if (ticks === 1) fs.writeSync(2, `stdout is gone: ${(error as NodeJS.ErrnoException).code ?? 'unknown'}\n`);
  }
}, 50);
