# KNOWN-BAD VARIANT `lock-not-shared`: every thread makes its own lock, so the locks exclude nobody. As in the variant unlocked-race, the addition is a function call between the read and the write (a bare count = count + 1 is hardly ever interrupted on CPython 3.10+).
# Otherwise identical to reference/thread-counter/python/; the spec must reject it (specs/thread-counter.yaml, mustReject).
# thread-counter: the slide's threads adding to one global count, made correct with the slide's lock.
import argparse
import threading
import time

parser = argparse.ArgumentParser()
parser.add_argument('--threads', type=int, default=100)
parser.add_argument('--rounds', type=int, default=1)
parser.add_argument('--delay-ms', type=int, default=500)
args = parser.parse_args()

count = 0


def plus_one(value):
    return value + 1


def adder():
    global count
    addlock = threading.Lock()        # BUG: a private lock per thread
    for _ in range(args.rounds):
        with addlock:
            count = plus_one(count)   # read count, (another thread runs), write it back
        if args.delay_ms > 0:
            time.sleep(args.delay_ms / 1000)
        with addlock:
            count = plus_one(count)


threads = []
for i in range(args.threads):
    thread = threading.Thread(target=adder, args=())
    thread.start()
    threads.append(thread)
for thread in threads:
    thread.join()
print(count)
