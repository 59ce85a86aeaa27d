// fork-counter — see README.md. Run by hand: npm run exercise -- fork-counter --delay-ms 200
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    children: { type: 'string', default: '5' },
    count: { type: 'string', default: '5' },
    'delay-ms': { type: 'string', default: '1000' },
    child: { type: 'boolean', default: false }, // this program's own role argument
  },
});
const children = Number(values.children);
const count = Number(values.count);
const delayMs = Number(values['delay-ms']);

if (values.child) {
  // TODO: the child: `count` times, sleep delayMs (no sleep at all when it is 0), then print `[<pid>] => <i>`.
  void count;
} else {
  // TODO: start `children` child processes running this same file with `--child` (and the count and delay),
  //       all at once; print `Process <pid> spawned` for each.
  // TODO: print `Main process exiting.` and end at once, without waiting for the children
  //       (hint: a ChildProcess keeps Node alive until it ends, unless you unref() it).
  void children;
  void delayMs;
  console.error('fork-counter: not implemented yet (see assignments/fork-counter/README.md)');
  process.exitCode = 1;
}
