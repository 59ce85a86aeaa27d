# KNOWN-BAD VARIANT `collects-at-exit`: collects the whole output and prints the messages only once the child is done, so every <ts> is the time the child ended, not the time its message arrived.
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
    pipein, pipeout = os.pipe()              # two ends of one pipe
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:                             # in the copy: write
        os.close(pipein)
        try:
            child(pipeout)
        finally:
            os._exit(0)
    os.close(pipeout)                        # or the parent would never see the end of the data
    pending = b''
    while True:
        chunk = os.read(pipein, 32)          # blocks until there is data; b'' at the end
        if not chunk:
            break
        pending += chunk                     # BUG: kept until the child is done
    ts = time.time()
    *messages, pending = pending.split(b'\n')
    for message in messages:
        print('Parent %d got [%s] at %.6f' % (os.getpid(), message.decode(), ts), flush=True)
    _, status = os.waitpid(pid, 0)
    if pending:
        print(f"error: the child's last message was cut short: {pending!r}", file=sys.stderr)
        sys.exit(1)
    if status != 0:
        print(f'error: the child ended with wait status {status}', file=sys.stderr)
        sys.exit(1)


parent()
