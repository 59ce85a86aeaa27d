# KNOWN-BAD VARIANT `missing-failed-to-start`: a program that cannot be started is not noticed: the exception ends the program with a traceback.
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

r = subprocess.run(command, shell=shell)                # BUG: FileNotFoundError not caught
if r.returncode < 0:                                    # -N: ended by signal N
    print('Killed by signal:', signal.Signals(-r.returncode).name)
else:
    print('Exit status:', r.returncode)
