# KNOWN-BAD VARIANT `locale-sort`: sorts the names case-insensitively, as a dictionary would, not in plain string order.
# Otherwise identical to reference/env-list/python/; the spec must reject it (specs/env-list.yaml, mustReject).
# env-list: the slide's sorted(os.environ.keys()) and os.environ['TMPDIR'].
import argparse
import json
import os
import sys

parser = argparse.ArgumentParser()
parser.add_argument('name', nargs='?', default='TMPDIR')
name = parser.parse_args().name

# Plain string order as the catalog gives it (UTF-16 code units, JavaScript's sort): the same as
# Python's code-point order except for characters beyond U+FFFF.
names = sorted(os.environ.keys(), key=str.lower)   # BUG: not plain string order
print("Variables:", json.dumps(names, ensure_ascii=False, separators=(',', ':')))

if name in os.environ:
    print(f"Variable {name} is: {os.environ[name]}")
else:
    # The slide's os.environ["TMPDIR"] raises KeyError here; the catalog asks for a line and status 1.
    print(f"Variable {name} is not set")
    sys.exit(1)
