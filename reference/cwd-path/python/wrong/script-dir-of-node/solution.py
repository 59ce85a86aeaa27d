# KNOWN-BAD VARIANT `script-dir-of-node`: prints the directory of the Python interpreter (sys.executable) as the script's directory.
# Otherwise identical to reference/cwd-path/python/; the spec must reject it (specs/cwd-path.yaml, mustReject).
# cwd-path: the slide's os.getcwd() and the directory of the running script.
import os
import sys

print("My cwd:", os.getcwd())                                     # where it was started from
print("My script dir:", os.path.dirname(sys.executable))   # BUG: the interpreter's directory
