# KNOWN-BAD VARIANT `starts-before-go`: writes event.wait without calling it (no parentheses): the workers do not wait and start before go.
# Otherwise identical to reference/sync-event/python/; the spec must reject it (specs/sync-event.yaml, mustReject).
# sync-event: the slide's threading.Event: workers wait until the main thread says go.
import argparse
import os
import threading
import time

parser = argparse.ArgumentParser()
parser.add_argument('--workers', type=int, default=4)
parser.add_argument('--delay-ms', type=int, default=200)
args = parser.parse_args()

event = threading.Event()


def say(line):
    os.write(1, (line + '\n').encode())   # one write(2) per line: threads never mix their lines


def worker(i):
    event.wait                      # BUG: not called: nothing waits
    say('worker %d started' % i)


threads = [threading.Thread(target=worker, args=(i,)) for i in range(args.workers)]
for thread in threads:
    thread.start()
time.sleep(args.delay_ms / 1000)
say('go')                           # printed before the event is set: it comes first
event.set()                         # wake every waiting thread
for thread in threads:
    thread.join()
