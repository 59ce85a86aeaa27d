# KNOWN-BAD VARIANT `captures-output`: captures the output and prints it afterwards; the command gets no standard input.
# Otherwise identical to reference/system/python/; the spec must reject it (specs/system.yaml, mustReject).
# system: the slide's os.system('ls ..'): run a command line through the shell, report how it ended.
import argparse
import subprocess
import sys
import os
import signal

parser = argparse.ArgumentParser()
parser.add_argument('command')
command = parser.parse_args().command

# /bin/sh -c COMMAND with our own stdin, stdout and stderr; os.system waits for it.
# BUG: captured, not streamed; and no standard input
result = subprocess.run(command, shell=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
sys.stdout.buffer.write(result.stdout)
ret = result.returncode << 8 if result.returncode >= 0 else -result.returncode
# os.system returns the WAIT STATUS (768 for exit code 3), not the exit code: decode it.
if os.WIFSIGNALED(ret):
    print("Killed by signal:", signal.Signals(os.WTERMSIG(ret)).name)
else:
    print("Return value:", os.waitstatus_to_exitcode(ret))
