# KNOWN-BAD VARIANT `cwd-is-script-dir`: prints the script's directory as the cwd.
# Otherwise identical to reference/cwd-path/python/; the spec must reject it (specs/cwd-path.yaml, mustReject).
# cwd-path: the slide's os.getcwd() and the directory of the running script.
import os

print("My cwd:", os.path.dirname(os.path.abspath(__file__)))   # BUG: not the cwd
print("My script dir:", os.path.dirname(os.path.abspath(__file__)))  # where this file is
