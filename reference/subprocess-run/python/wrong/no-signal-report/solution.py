# KNOWN-BAD VARIANT `no-signal-report`: prints the negative return code of a program ended by a signal.
# Otherwise identical to reference/subprocess-run/python/; the spec must reject it (specs/subprocess-run.yaml, mustReject).
# subprocess-run: the slide's subprocess.run(['ls', '..']) and subprocess.run('ls .. | wc -l', shell=True).
import errno
import signal
import subprocess
import sys

mode, rest = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ('', [])
if mode == 'list' and rest:
    program, command, shell = rest[0], rest, False      # a list: no shell, arguments as they are
elif mode == 'shell' and rest:
    program = command = ' '.join(rest)                  # one command line, read by /bin/sh
    shell = True
else:
    print('usage: subprocess-run list <program> [args...] | subprocess-run shell <command line>', file=sys.stderr)
    sys.exit(2)

try:
    r = subprocess.run(command, shell=shell)            # output goes straight through
except OSError as e:
    print(f'Failed to start: {program} ({errno.errorcode.get(e.errno, "error")})', file=sys.stderr)
    sys.exit(127)
print('Exit status:', r.returncode)                     # BUG: -15 for SIGTERM
