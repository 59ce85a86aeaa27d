# KNOWN-BAD VARIANT `notify-one`: the event is a Condition whose set() calls notify() instead of notify_all(): only one waiter wakes, the others sleep forever.
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

class OneShotEvent:
    def __init__(self):
        self.cond = threading.Condition()
        self.flag = False

    def wait(self):
        with self.cond:
            while not self.flag:
                self.cond.wait()

    def set(self):
        with self.cond:
            self.flag = True
            self.cond.notify()      # BUG: wakes one waiter; notify_all() wakes them all


event = OneShotEvent()


def say(line):
    os.write(1, (line + '\n').encode())   # one write(2) per line: threads never mix their lines


def worker(i):
    event.wait()                    # block until the event is set (no busy waiting)
    say('worker %d started' % i)


threads = [threading.Thread(target=worker, args=(i,)) for i in range(args.workers)]
for thread in threads:
    thread.start()
time.sleep(args.delay_ms / 1000)
say('go')                           # printed before the event is set: it comes first
event.set()                         # wake every waiting thread
for thread in threads:
    thread.join()
