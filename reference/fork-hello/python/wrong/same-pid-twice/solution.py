# KNOWN-BAD VARIANT `same-pid-twice`: the child prints os.getppid() (its parent's pid) instead of its own pid.
# Otherwise identical to reference/fork-hello/python/; the spec must reject it (specs/fork-hello.yaml, mustReject).
# fork-hello: the slide's os.fork() loop: one child process per input line, until 'q'.
import os
import sys


def child():
    print('Hello from child', os.getppid(), flush=True)  # BUG: ppid is the parent's pid
    os._exit(0)                                          # the child ends here


def parent():
    children = []
    # Iterating over stdin gives each line as soon as it arrives (the slide calls input()).
    for line in sys.stdin:
        if line.rstrip('\n').removesuffix('\r') == 'q':
            break
        sys.stdout.flush()            # nothing of ours left in the buffer for the child to copy
        newpid = os.fork()            # from here on, two processes run this code
        if newpid == 0:
            child()                   # fork() returned 0: we are the child
        else:
            print('Hello from parent', os.getpid(), newpid, flush=True)
            children.append(newpid)
    for pid in children:              # collect the children (they end at once)
        os.waitpid(pid, 0)


parent()
