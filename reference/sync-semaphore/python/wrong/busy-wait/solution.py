# KNOWN-BAD VARIANT `busy-wait`: workers spin on acquire(blocking=False) instead of blocking in acquire() (burns the processor while they wait).
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

sem = threading.Semaphore(args.limit)   # K places


def say(line):
    # One write(2) per line: two workers inside at once never mix their lines (print() writes a
    # line in pieces into a buffer shared by all threads).
    os.write(1, (line + '\n').encode())


def worker(i):
    while not sem.acquire(blocking=False):   # BUG: spins until a place is free
        pass
    try:
        say('enter %d' % i)
        time.sleep(args.hold_ms / 1000)
        say('leave %d' % i)
    finally:
        sem.release()


threads = [threading.Thread(target=worker, args=(i,)) for i in range(args.workers)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
