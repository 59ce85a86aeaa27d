# KNOWN-BAD VARIANT `hard-coded-date`: prints a fixed date instead of today's.
# Otherwise identical to reference/time-today/python/; the spec must reject it (specs/time-today.yaml, mustReject).
# time-today: the slide's date.today(), time.time() and date.fromtimestamp().
from datetime import date
import time

print("Today is:", "2025-09-16")                 # BUG: the slide's date, not today's
ts = time.time()
# The slide prints the float as it is; a fixed 6-digit fraction keeps the catalog's format
# (repr would print 1758034800.1 when the microseconds end in zeros).
print("Timestamp now: %.6f" % ts)
print("From timestamp:", "2025-09-16")           # BUG
