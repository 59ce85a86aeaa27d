// KNOWN-BAD VARIANT `float-pow`: computes with Math.pow on numbers: exact only up to 2**53, then rounded.
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
    writeSync(1, `${Math.pow(Number(this.base), Number(this.exp))}\n`); // BUG: floating point
  }
}

if (isMainThread) {
  const { values } = parseArgs({ options: { base: { type: 'string', default: '2' }, exp: { type: 'string', default: '32' } } });
  const base = BigInt(values.base);
  const exp = BigInt(values.exp);
  if (exp < 0n) throw new RangeError('--exp must be a non-negative integer');
  const obj = new Power(base, exp);
  const thread = new Worker(new URL(import.meta.url), { workerData: { base: obj.base, exp: obj.exp } });
  await once(thread, 'exit');
} else {
  const { base, exp } = workerData as { base: bigint; exp: bigint };
  new Power(base, exp).action();
}
