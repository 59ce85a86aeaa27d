# KNOWN-BAD VARIANT `collects-until-writer-closes`: keeps everything until the writer closes, then stamps and prints it.
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
    pipeout = os.open(fifoname, os.O_WRONLY)     # blocks until a reader opens it; never creates a file
    for i in range(args.messages):
        zzz = i % 5
        if zzz * args.delay_ms > 0:
            time.sleep(zzz * args.delay_ms / 1000)
        os.write(pipeout, ('Spam %03d\n' % zzz).encode())   # one short write: atomic
    os.close(pipeout)


def parent():
    # Binary lines: each comes out as soon as its '\n' has arrived ('\n' is the framing).
    with open(fifoname, 'rb') as pipein:             # blocks until a writer opens it
        data = pipein.read()                         # BUG: waits until the writer closes
        ts = time.time()
        for line in data.splitlines():
            text = line.decode('utf-8', 'replace')
            print('Parent %d got "%s" at %.6f' % (os.getpid(), text, ts), flush=True)


if __name__ == '__main__':
    try:
        os.mkfifo(fifoname)                      # create the named pipe...
    except FileExistsError:                      # ...unless the other side made it first
        if not stat.S_ISFIFO(os.lstat(fifoname).st_mode):
            print(f'error: {fifoname} exists and is not a FIFO', file=sys.stderr)
            sys.exit(1)
    if args.child:
        child()
    else:
        parent()
