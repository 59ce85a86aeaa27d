// KNOWN-BAD VARIANT `no-worker`: calls obj.action() on the main thread: no thread is started.
// Otherwise identical to reference/thread-callable/; the spec must reject it (specs/thread-callable.yaml, mustReject).
// thread-callable — the slide's threading.Thread(target=obj.action) printing 2 ** 32.
// A Worker cannot receive an object with its methods: it gets the object's data and rebuilds it.
import { once } from 'node:events';
import { writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, workerData } from 'node:worker_threads';

class Power {
  constructor(
    readonly base: bigint,
    readonly exp: bigint,
  ) {}
  /** The slide's action(): BigInt, like Python's int, has no size limit. */
  action(): void {
    writeSync(1, `${this.base ** this.exp}\n`);
  }
}

if (isMainThread) {
  const { values } = parseArgs({ options: { base: { type: 'string', default: '2' }, exp: { type: 'string', default: '32' } } });
  const base = BigInt(values.base);
  const exp = BigInt(values.exp);
  if (exp < 0n) throw new RangeError('--exp must be a non-negative integer');
  const obj = new Power(base, exp);
  void once;
  obj.action(); // BUG: no thread
} else {
  const { base, exp } = workerData as { base: bigint; exp: bigint };
  new Power(base, exp).action();
}
