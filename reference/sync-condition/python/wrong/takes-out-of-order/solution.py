# KNOWN-BAD VARIANT `takes-out-of-order`: the consumer takes the newest item (pop()) instead of the oldest (pop(0)).
# Otherwise identical to reference/sync-condition/python/; the spec must reject it (specs/sync-condition.yaml, mustReject).
# sync-condition: a producer and a consumer thread share a bounded buffer guarded by the slide's
# threading.Condition.
import argparse
import threading

parser = argparse.ArgumentParser()
parser.add_argument('--capacity', type=int, default=2)
parser.add_argument('--items', type=int, default=10)
args = parser.parse_args()

cond = threading.Condition()        # a lock plus a way to wait for a change
buffer, K, N = [], args.capacity, args.items


def producer():
    for i in range(N):
        with cond:
            while len(buffer) == K:  # full: wait until the consumer takes one
                cond.wait()
            buffer.append(i)
            # printed (and flushed) while holding the lock: the size is the size now
            print('put', i, 'size=%d' % len(buffer), flush=True)
            cond.notify_all()


def consumer():
    for _ in range(N):
        with cond:
            while len(buffer) == 0:  # empty: wait until the producer puts one
                cond.wait()
            item = buffer.pop()   # BUG: the newest, not the oldest
            print('take', item, 'size=%d' % len(buffer), flush=True)
            cond.notify_all()


threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
