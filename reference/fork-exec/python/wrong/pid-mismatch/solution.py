# KNOWN-BAD VARIANT `pid-mismatch`: prints its own pid (os.getpid()) as "Child is".
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
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:                              # the child...
        try:                                  # ...becomes another program (this Python, child.py)
            os.execv(sys.executable, [sys.executable, '-I', '-B', child_program, str(parm)])
        finally:
            os._exit(127)                     # execv does not return unless it failed
    print('Child is', os.getpid(), flush=True)   # BUG: the parent's pid, not the child's
    children.append(pid)
for pid in children:                          # collect the children
    os.waitpid(pid, 0)
