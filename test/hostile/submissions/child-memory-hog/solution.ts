// Hostile: the main process stays small while two children each take memory 16 MiB at a time,
// touching every page, up to a hard cap each (argv[3], MiB; 2.5 GiB by default: 5 GiB in all,
// each below the 4 GiB per-process data limit), then hold it (argv: nonce [hard cap [role]]).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [nonce = 'none', capMib = '2560', role = 'main'] = process.argv.slice(2);
const BLOCK = 16 * 1024 * 1024;
const HARD_CAP = Number(capMib) * 1024 * 1024;
const PAGE = 4096;

if (role === 'main') {
  for (let i = 0; i < 2; i++) spawn(process.execPath, [fileURLToPath(import.meta.url), nonce, capMib, 'hog'], { stdio: 'inherit' });
  console.log('children hoarding');
} else {
  const blocks: Buffer[] = [];
  while (blocks.length * BLOCK < HARD_CAP) {
    const block = Buffer.allocUnsafeSlow(BLOCK);
    for (let i = 0; i < BLOCK; i += PAGE) block[i] = 1;
    blocks.push(block);
  }
  console.log(`child holding ${(blocks.length * BLOCK) / 1024 / 1024} MiB`);
  setInterval(() => undefined, 1000);
}
