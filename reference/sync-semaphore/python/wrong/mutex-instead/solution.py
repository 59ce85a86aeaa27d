# KNOWN-BAD VARIANT `mutex-instead`: a lock (a semaphore of 1) whatever --limit says: never more than one inside, so K is never reached.
# Otherwise identical to reference/sync-semaphore/python/; the spec must reject it (specs/sync-semaphore.yaml, mustReject).
# sync-semaphore: the slide's threading.Semaphore: never more than K workers inside.
import argparse
import os
import threading
import time

parser = argparse.ArgumentParser()
parser.add_argument('--workers', type=int, default=6)
parser.add_argument('--limit', type=int, default=2)
parser.add_argument('--hold-ms', type=int, default=100)
args = parser.parse_args()

sem = threading.Lock()   # BUG: one place, whatever --limit says


def say(line):
    # One write(2) per line: two workers inside at once never mix their lines (print() writes a
    # line in pieces into a buffer shared by all threads).
    os.write(1, (line + '\n').encode())


def worker(i):
    with sem:                           # wait for a free place (blocked, not spinning)
        say('enter %d' % i)             # printed while holding the place...
        time.sleep(args.hold_ms / 1000)
        say('leave %d' % i)             # ...and before giving it back


threads = [threading.Thread(target=worker, args=(i,)) for i in range(args.workers)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
