// Hostile: leaves three writers behind that escape the process group (detached: true, i.e.
// setsid; a double fork; /usr/bin/setsid --fork), each with an empty environment, then exits.
// Each writer would write OUTBOX/escaped-KIND after DELAY ms (argv: nonce outbox delayMs [role]).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [nonce = 'none', outbox = '/tmp', delayText = '20000', role = 'main'] = process.argv.slice(2);
const self = fileURLToPath(import.meta.url);
const node = process.execPath;
const args = (next: string): string[] => [self, nonce, outbox, delayText, next];

function write(kind: string): void {
  const line = `${kind} survived as pid ${process.pid}\n`;
  for (const dir of [outbox, '/tmp', process.cwd()]) {
    try {
      fs.writeFileSync(path.join(dir, `escaped-${nonce}-${kind}`), line);
    } catch {
      // best effort: wherever it can
    }
  }
}

if (role === 'main') {
  spawn(node, args('setsid-writer'), { detached: true, stdio: 'ignore', env: {} }).unref();
  spawn(node, args('middle'), { stdio: 'ignore', env: {} });
  spawn('/usr/bin/setsid', ['--fork', node, ...args('setsid-fork-writer')], { stdio: 'ignore', env: {} }).unref();
  console.log('main done');
} else if (role === 'middle') {
  // The double fork: the writer is orphaned as soon as this process exits.
  spawn(node, args('orphan-writer'), { detached: true, stdio: 'ignore', env: {} }).unref();
  process.exit(0);
} else {
  process.on('SIGTERM', () => undefined);
  process.on('SIGHUP', () => undefined);
  setTimeout(() => write(role), Number(delayText));
}
