# KNOWN-BAD VARIANT `counts-sigint`: counts SIGINT with SIGUSR1.
# Otherwise identical to reference/signals/python/; the spec must reject it (specs/signals.yaml, mustReject).
# signals: the signal module: SIGUSR1 counted, SIGINT ignored, SIGTERM a graceful exit; the
# handlers are installed before `ready` is printed, and it waits without using the processor.
import argparse
import os
import signal
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument('--max-wait-ms', type=int, default=10000)
args = parser.parse_args()

count = 0


def say(line):
    # One write(2) per line, straight to fd 1: a handler may run while the main program is
    # inside print(), and print()'s buffer must not be entered twice.
    os.write(1, (line + '\n').encode())


def on_usr1(signum, frame):
    global count
    count += 1
    say(f'usr1 {count}')


def on_term(signum, frame):
    say(f'bye after {count}')
    sys.exit(0)


signal.signal(signal.SIGUSR1, on_usr1)                              # count
def on_int(signum, frame):
    global count
    count += 1                    # BUG: SIGINT counted with SIGUSR1
    say('ignored SIGINT')


signal.signal(signal.SIGINT, on_int)
signal.signal(signal.SIGTERM, on_term)                              # a graceful exit
say(f'ready {os.getpid()}')                                         # only now: the handlers are in place
deadline = time.monotonic() + args.max_wait_ms / 1000
while (left := deadline - time.monotonic()) > 0:
    # The slide's signal.pause(), with an end: sleep until a signal comes or the time is up.
    # A handler runs during the sleep, which then goes on for the time that is left.
    time.sleep(left)
say('timeout')
sys.exit(1)
