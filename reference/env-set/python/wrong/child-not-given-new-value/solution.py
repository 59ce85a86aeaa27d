# KNOWN-BAD VARIANT `child-not-given-new-value`: starts the child with a copy of the environment taken before the change.
# Otherwise identical to reference/env-set/python/; the spec must reject it (specs/env-set.yaml, mustReject).
# env-set: the slide's os.environ['USER'] = 'thing', and a child process that inherits it.
import argparse
import os
import subprocess
import sys

parser = argparse.ArgumentParser()
parser.add_argument('--name', default='USER')
parser.add_argument('--value', default='thing')
parser.add_argument('--child', action='store_true')   # role argument: run as the child
args = parser.parse_args()
name, value = args.name, args.value

if args.child:
    # The child: print the variable as it finds it in its own (inherited) environment.
    sys.stdout.buffer.write(os.environb.get(name.encode(), b'(unset)') + b'\n')
    sys.exit(0)

environment_before = dict(os.environ)
old = os.environ.get(name)
print("Old value:", "(unset)" if old is None else old)
os.environ[name] = value          # changes our environment, and so what children inherit
print("New value:", os.environ[name])

# The slide's os.system('echo Child sees: $USER') lets a shell expand the value; to print any
# name and value unchanged, the child is this same program with --child, started with our
# (changed) environment. (A printenv child works too, but ends within a millisecond: the grader's
# process sampling misses it about one time in four.)
child = subprocess.run([sys.executable, os.path.abspath(__file__), '--child', '--name', name], stdout=subprocess.PIPE,
                       env=environment_before)   # BUG: the environment as it was before the change
if child.returncode != 0:
    print(f"env-set: the child failed: status {child.returncode}", file=sys.stderr)
    sys.exit(1)
sys.stdout.flush()
sys.stdout.buffer.write(b"Child sees: " + child.stdout.removesuffix(b"\n") + b"\n")
