# KNOWN-BAD VARIANT `exit-code-vs-wait-status`: prints what os.system returns, the wait status (768 for exit code 3), as the slide does.
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
if os.WIFSIGNALED(ret):
    print("Killed by signal:", signal.Signals(os.WTERMSIG(ret)).name)
else:
    print("Return value:", ret)   # BUG: the wait status, not the exit code
