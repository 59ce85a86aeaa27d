# KNOWN-BAD VARIANT `no-child`: no child process and no pipe: the parent makes the messages up itself.
# Otherwise identical to reference/pipe-anonymous/python/; the spec must reject it (specs/pipe-anonymous.yaml, mustReject).
# pipe-anonymous: the slide's os.pipe() + os.fork(): the child writes messages into the pipe, the
# parent prints one line per message, however the bytes were split or joined on the way.
import argparse
import os
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument('--messages', type=int, default=10)
parser.add_argument('--delay-ms', type=int, default=1000)
parser.add_argument('--burst', action='store_true')
args = parser.parse_args()


def child(pipeout):
    for i in range(args.messages):
        zzz = i % 5
        if not args.burst and zzz * args.delay_ms > 0:
            time.sleep(zzz * args.delay_ms / 1000)   # make the parent wait
        # '\n' ends every message: the frame delimiter the reader cuts the byte stream at
        os.write(pipeout, ('Spam %03d\n' % zzz).encode())


def parent():
    # BUG: no child process and no pipe: the parent makes the messages up itself.
    for i in range(args.messages):
        zzz = i % 5
        if not args.burst and zzz * args.delay_ms > 0:
            time.sleep(zzz * args.delay_ms / 1000)
        print('Parent %d got [Spam %03d] at %.6f' % (os.getpid(), zzz, time.time()), flush=True)


parent()
