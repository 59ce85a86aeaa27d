# KNOWN-BAD VARIANT `no-sleep`: children print all their lines at once without sleeping D ms before each.
# Otherwise identical to reference/fork-counter/python/; the spec must reject it (specs/fork-counter.yaml, mustReject).
# fork-counter: the slide's five forked counters; the parent exits at once without waiting.
import argparse
import os
import time

parser = argparse.ArgumentParser()
parser.add_argument('--children', type=int, default=5)
parser.add_argument('--count', type=int, default=5)
parser.add_argument('--delay-ms', type=int, default=1000)
args = parser.parse_args()


def counter(count):                       # run in the child
    for i in range(count):
        pass                              # BUG: never sleeps
        # flush each line: stdout is a file here, not a terminal, so print() would hold it back
        print('[%s] => %s' % (os.getpid(), i), flush=True)


for i in range(args.children):
    pid = os.fork()
    if pid != 0:
        print('Process %d spawned' % pid, flush=True)  # in the parent: continue the loop
    else:
        counter(args.count)                            # in the child: count, then leave
        os._exit(0)

print('Main process exiting.', flush=True)
