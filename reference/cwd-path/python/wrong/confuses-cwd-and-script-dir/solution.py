# KNOWN-BAD VARIANT `confuses-cwd-and-script-dir`: prints the cwd as the script's directory.
# Otherwise identical to reference/cwd-path/python/; the spec must reject it (specs/cwd-path.yaml, mustReject).
# cwd-path: the slide's os.getcwd() and the directory of the running script.
import os

print("My cwd:", os.getcwd())                                     # where it was started from
print("My script dir:", os.getcwd())   # BUG: where it was started, not where the file is
