// pipe-anonymous: the parent spawns child.js with its standard output connected to an
// anonymous pipe and prints one line per message, however the bytes were split or joined.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '10' },
    'delay-ms': { type: 'string', default: '1000' },
    burst: { type: 'boolean', default: false },
  },
});

const childArgs = ['--messages', values.messages, '--delay-ms', values['delay-ms']];
if (values.burst) childArgs.push('--burst');

// stdio[1] = 'pipe': an anonymous byte stream whose write end is the child's fd 1 (libuv makes
// it a Unix socket pair; it behaves like os.pipe()'s pipe: bytes, no message boundaries).
const child = spawn(process.execPath, [fileURLToPath(new URL('./child.js', import.meta.url)), ...childArgs], {
  stdio: ['ignore', 'pipe', 'inherit'],
});

/** Unix time in seconds with 6 decimals, taken now. */
const now = (): string => ((performance.timeOrigin + performance.now()) / 1000).toFixed(6);

// A pipe is a byte stream: one read may hold half a message or several. Keep what has come
// so far and print every complete (newline-terminated) message.
let pending = '';
const lines: string[] = []; // BUG: stamped on arrival, but printed only once the child is done
child.stdout.setEncoding('utf8');
child.stdout.on('data', (chunk: string) => {
  const ts = now();
  pending += chunk;
  let nl: number;
  while ((nl = pending.indexOf('\n')) >= 0) {
    lines.push(`Parent ${process.pid} got [${pending.slice(0, nl)}] at ${ts}\n`);
    pending = pending.slice(nl + 1);
  }
});

// 'close': the child has exited AND its pipe is drained (every message is printed).
child.on('close', (code, signal) => {
  process.stdout.write(lines.join(''));
  if (pending !== '') {
    process.stderr.write(`error: the child's last message was cut short: ${JSON.stringify(pending)}\n`);
    process.exitCode = 1;
  } else if (code !== 0) {
    process.stderr.write(`error: the child ended with ${signal ?? `status ${code}`}\n`);
    process.exitCode = 1;
  }
});
