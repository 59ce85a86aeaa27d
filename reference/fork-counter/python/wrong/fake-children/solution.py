# KNOWN-BAD VARIANT `fake-children`: no child processes: one process runs N counting threads and prints made-up pids.
# Otherwise identical to reference/fork-counter/python/; the spec must reject it (specs/fork-counter.yaml, mustReject).
# fork-counter: the slide's five forked counters; the parent exits at once without waiting.
import argparse
import threading
import os
import time

parser = argparse.ArgumentParser()
parser.add_argument('--children', type=int, default=5)
parser.add_argument('--count', type=int, default=5)
parser.add_argument('--delay-ms', type=int, default=1000)
args = parser.parse_args()


def counter(count):                       # run in the child
    for i in range(count):
        if args.delay_ms > 0:
            time.sleep(args.delay_ms / 1000)
        # flush each line: stdout is a file here, not a terminal, so print() would hold it back
        print('[%s] => %s' % (os.getpid(), i), flush=True)


def fake_counter(pid, count):             # BUG: a thread with a made-up pid, not a process
    for i in range(count):
        if args.delay_ms > 0:
            time.sleep(args.delay_ms / 1000)
        print('[%s] => %s' % (pid, i), flush=True)


for i in range(args.children):
    pid = os.getpid() + 1 + i
    print('Process %d spawned' % pid, flush=True)
    threading.Thread(target=fake_counter, args=(pid, args.count)).start()

print('Main process exiting.', flush=True)
