# KNOWN-BAD VARIANT `old-value-read-after-set`: reads the old value after setting the new one.
# Otherwise identical to reference/env-set/python/; the spec must reject it (specs/env-set.yaml, mustReject).
# env-set: the slide's os.environ['USER'] = 'thing', and a child process that inherits it.
import argparse
import os
import subprocess
import sys

parser = argparse.ArgumentParser()
parser.add_argument('--name', default='USER')
parser.add_argument('--value', default='thing')
args = parser.parse_args()
name, value = args.name, args.value

os.environ[name] = value          # changes our environment, and so what children inherit
old = os.environ.get(name)        # BUG: too late, this is the new value
print("Old value:", "(unset)" if old is None else old)
print("New value:", os.environ[name])

# The slide's os.system('echo Child sees: $USER') lets a shell expand the value; to print any
# name and value unchanged, the child is printenv, started with our (changed) environment.
child = subprocess.run(['printenv', name], stdout=subprocess.PIPE)
if child.returncode != 0:
    print(f"env-set: the child failed: status {child.returncode}", file=sys.stderr)
    sys.exit(1)
sys.stdout.flush()
sys.stdout.buffer.write(b"Child sees: " + child.stdout.removesuffix(b"\n") + b"\n")
