# KNOWN-BAD VARIANT `no-worker`: calls obj.action() on the main thread: no thread is started.
# Otherwise identical to reference/thread-callable/python/; the spec must reject it (specs/thread-callable.yaml, mustReject).
# thread-callable: the slide's threading.Thread(target=obj.action) printing 2 ** 32.
import argparse
import sys
import threading

# Python 3.11 refuses to print an int of more than 4300 digits unless told otherwise.
sys.set_int_max_str_digits(0)


class Power:
    def __init__(self, i, exp):
        self.i = i
        self.exp = exp

    def action(self):
        print(self.i ** self.exp, flush=True)   # Python's int has no size limit


parser = argparse.ArgumentParser()
parser.add_argument('--base', type=int, default=2)
parser.add_argument('--exp', type=int, default=32)
args = parser.parse_args()
if args.exp < 0:
    parser.error('--exp must be a non-negative integer')

obj = Power(args.base, args.exp)
obj.action()   # BUG: no thread
