# KNOWN-BAD VARIANT `timestamp-in-ms`: prints the timestamp in milliseconds.
# Otherwise identical to reference/time-today/python/; the spec must reject it (specs/time-today.yaml, mustReject).
# time-today: the slide's date.today(), time.time() and date.fromtimestamp().
from datetime import date
import time

print("Today is:", date.today())                  # the LOCAL date (honours TZ)
ts = time.time()
# The slide prints the float as it is; a fixed 6-digit fraction keeps the catalog's format
# (repr would print 1758034800.1 when the microseconds end in zeros).
print("Timestamp now: %.3f" % (ts * 1000))   # BUG: milliseconds
print("From timestamp:", date.fromtimestamp(ts))  # back from seconds to a local date
