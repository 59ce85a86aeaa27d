// Hostile: one 50 MB line and no newline at all (argv: nonce).
import fs from 'node:fs';

const chunk = Buffer.alloc(1024 * 1024, 'x');
for (let i = 0; i < 50; i++) fs.writeSync(1, chunk);
