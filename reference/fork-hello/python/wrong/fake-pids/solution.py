# KNOWN-BAD VARIANT `fake-pids`: prints made-up pids without starting any child process.
# Otherwise identical to reference/fork-hello/python/; the spec must reject it (specs/fork-hello.yaml, mustReject).
# fork-hello: the slide's os.fork() loop: one child process per input line, until 'q'.
import os
import sys


def child():
    print('Hello from child', os.getpid(), flush=True)   # flush: os._exit does not
    os._exit(0)                                          # the child ends here


def parent():
    children = []
    # Iterating over stdin gives each line as soon as it arrives (the slide calls input()).
    for line in sys.stdin:
        if line.rstrip('\n').removesuffix('\r') == 'q':
            break
        fake = os.getpid() + 100 + len(children)   # BUG: no child process at all
        print('Hello from parent', os.getpid(), fake, flush=True)
        print('Hello from child', fake, flush=True)
        children.append(fake)
    for pid in children:              # collect the children (they end at once)
        os.waitpid(pid, 0)


parent()
