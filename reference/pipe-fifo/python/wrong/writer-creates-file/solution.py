# KNOWN-BAD VARIANT `writer-creates-file`: the writer opens the path with open(path, 'w'), and only the reader makes the FIFO: a writer that comes first creates a regular file.
# Otherwise identical to reference/pipe-fifo/python/; the spec must reject it (specs/pipe-fifo.yaml, mustReject).
# pipe-fifo: the slide's named pipe: plain, the reader; with --child, the writer.
# Either may start first: each creates the FIFO if it is missing.
import argparse
import os
import stat
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument('fifo')
parser.add_argument('--child', action='store_true')
parser.add_argument('--messages', type=int, default=10)
parser.add_argument('--delay-ms', type=int, default=1000)
args = parser.parse_args()
fifoname = args.fifo


def child():
    with open(fifoname, 'w') as pipeout:         # BUG: creates a regular file if no FIFO is there
        for i in range(args.messages):
            zzz = i % 5
            if zzz * args.delay_ms > 0:
                time.sleep(zzz * args.delay_ms / 1000)
            pipeout.write('Spam %03d\n' % zzz)
            pipeout.flush()


def parent():
    # Binary lines: each comes out as soon as its '\n' has arrived ('\n' is the framing).
    with open(fifoname, 'rb') as pipein:             # blocks until a writer opens it
        for line in pipein:                          # ends when the writer closes
            ts = time.time()
            text = line.removesuffix(b'\n').decode('utf-8', 'replace')
            print('Parent %d got "%s" at %.6f' % (os.getpid(), text, ts), flush=True)


if __name__ == '__main__':
    if not args.child:                           # BUG: only the reader makes the FIFO
        os.mkfifo(fifoname)
    if args.child:
        child()
    else:
        parent()
