# KNOWN-BAD VARIANT `fake-child`: does not start child.py: the parent prints the child's line itself, with a made-up pid.
# Otherwise identical to reference/fork-exec/python/; the spec must reject it (specs/fork-exec.yaml, mustReject).
# fork-exec: the slide's fork + exec: for each input line, start the separate program child.py
# with an incremented parameter.
import os
import sys

child_program = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'child.py')
children = []
parm = 0
for line in sys.stdin:                        # each line as soon as it arrives
    if line.rstrip('\n').removesuffix('\r') == 'q':
        break
    parm += 1
    pid = os.getpid() + parm                  # BUG: no process is started
    print('Child is', pid, flush=True)
    print('Hello from child', pid, parm, flush=True)
for pid in children:                          # collect the children
    os.waitpid(pid, 0)
