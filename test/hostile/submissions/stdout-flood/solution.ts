// Hostile: 300 MB on stdout in 1 MiB writes (argv: nonce).
import fs from 'node:fs';

const chunk = Buffer.alloc(1024 * 1024, 'y\n');
for (let written = 0; written < 300 * 1024 * 1024; written += chunk.length) fs.writeSync(1, chunk);
