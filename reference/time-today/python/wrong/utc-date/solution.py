# KNOWN-BAD VARIANT `utc-date`: prints the UTC date (datetime.utcnow / utcfromtimestamp) instead of the local one.
# Otherwise identical to reference/time-today/python/; the spec must reject it (specs/time-today.yaml, mustReject).
# time-today: the slide's date.today(), time.time() and date.fromtimestamp().
from datetime import datetime
import time

print("Today is:", datetime.utcnow().date())     # BUG: the UTC date, not the local one
ts = time.time()
# The slide prints the float as it is; a fixed 6-digit fraction keeps the catalog's format
# (repr would print 1758034800.1 when the microseconds end in zeros).
print("Timestamp now: %.6f" % ts)
print("From timestamp:", datetime.utcfromtimestamp(ts).date())   # BUG: UTC again
