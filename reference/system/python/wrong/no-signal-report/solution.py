# KNOWN-BAD VARIANT `no-signal-report`: does not tell a signal from an exit code.
# Otherwise identical to reference/system/python/; the spec must reject it (specs/system.yaml, mustReject).
# system: the slide's os.system('ls ..'): run a command line through the shell, report how it ended.
import argparse
import os
import signal

parser = argparse.ArgumentParser()
parser.add_argument('command')
command = parser.parse_args().command

# /bin/sh -c COMMAND with our own stdin, stdout and stderr; os.system waits for it.
ret = os.system(command)
# os.system returns the WAIT STATUS (768 for exit code 3), not the exit code: decode it.
print("Return value:", os.waitstatus_to_exitcode(ret))   # BUG: -9 for a signal
