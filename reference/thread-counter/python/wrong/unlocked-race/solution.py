# KNOWN-BAD VARIANT `unlocked-race`: the slide's first program: count = count + 1 with no lock, so
# two threads read the same value and one update is lost. On CPython 3.10+ a bare `count = count + 1`
# is hardly ever interrupted (threads switch only at calls and loop jumps), so the addition is done
# by a function call between the read and the write, as any real work there would be: the race
# the slide shows, made visible. Otherwise like reference/thread-counter/python/; the spec must
# reject it (specs/thread-counter.yaml, mustReject).
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
    for _ in range(args.rounds):
        count = plus_one(count)       # BUG: read count, (another thread runs), write it back
        if args.delay_ms > 0:
            time.sleep(args.delay_ms / 1000)
        count = plus_one(count)


threads = []
for i in range(args.threads):
    thread = threading.Thread(target=adder, args=())
    thread.start()
    threads.append(thread)
for thread in threads:
    thread.join()
print(count)
