# KNOWN-BAD VARIANT `prints-requested-time`: prints the requested time instead of the measured one.
# Otherwise identical to reference/time-elapsed/python/; the spec must reject it (specs/time-elapsed.yaml, mustReject).
# time-elapsed: sleep S seconds, then print how long it really took (monotonic clock).
import argparse
import sys
import time
from datetime import timedelta

parser = argparse.ArgumentParser()
parser.add_argument('--seconds', default='2')
args = parser.parse_args()
typed = args.seconds
try:
    seconds = float(typed)
    if not 0 <= seconds < float('inf'):
        raise ValueError(typed)
except ValueError:
    print(f"time-elapsed: --seconds wants a number of seconds, got '{typed}'", file=sys.stderr)
    sys.exit(2)

# The slide measures with datetime.now() (the wall clock); a duration wants the monotonic clock.
start = time.monotonic_ns()
print(f"Sleeping {typed} seconds...", flush=True)
time.sleep(seconds)
delta = timedelta(seconds=seconds)   # BUG: what was asked, not what was measured
# A timedelta keeps days apart from seconds: total whole seconds are days*86400 + seconds.
print("Seconds:", delta.days * 86400 + delta.seconds, "Microseconds:", delta.microseconds)
