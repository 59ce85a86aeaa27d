# KNOWN-BAD VARIANT `no-worker`: takes the lock on the main thread: no thread is started.
# Otherwise identical to reference/sync-rlock/python/; the spec must reject it (specs/sync-rlock.yaml, mustReject).
# sync-rlock: a thread takes the slide's threading.RLock recursively, N deep.
import argparse
import threading

parser = argparse.ArgumentParser()
parser.add_argument('--depth', type=int, default=5)
args = parser.parse_args()

lock = threading.RLock()            # with threading.Lock() this deadlocks


def take(depth, n):
    with lock:                      # the same thread takes the lock again and again
        print('acquire', depth, flush=True)
        if depth < n:
            take(depth + 1, n)
        print('release', depth, flush=True)


# Python's default recursion limit (1000) leaves room for the depths the exercise uses.
take(1, args.depth)   # BUG: no thread
