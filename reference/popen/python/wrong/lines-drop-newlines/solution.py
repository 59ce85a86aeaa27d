# KNOWN-BAD VARIANT `lines-drop-newlines`: splits the output with splitlines(): the lines lose their '\n' (and '\r' splits too).
# Otherwise identical to reference/popen/python/; the spec must reject it (specs/popen.yaml, mustReject).
# popen: the slide's os.popen(cmd).read() / .readlines(), and os.popen(cmd, 'w').write(text).
import argparse
import io
import json
import os
import subprocess
import sys

parser = argparse.ArgumentParser()
parser.add_argument('--write')
parser.add_argument('command')
args = parser.parse_args()

if args.write is not None:
    # popen(cmd, 'w'): we feed its standard input; its output goes straight through.
    with os.popen(args.command, 'w') as pipe:
        pipe.write(args.write)
else:
    # os.popen(cmd) opens the pipe in TEXT mode, whose universal newlines turn '\r\n' and '\r' into
    # '\n'. The catalog wants the bytes unchanged, so this opens the same pipe (os.popen is built
    # on subprocess.Popen) in binary mode and reads all of it, like .read().
    with subprocess.Popen(args.command, shell=True, stdout=subprocess.PIPE) as proc:
        output = proc.stdout.read()
    out = sys.stdout.buffer
    out.write(output)
    if output and not output.endswith(b'\n'):
        out.write(b'\n')              # Lines: on a line of its own
    # readlines() of the bytes: split after every '\n' only, each line keeps it ('\r' is no end).
    lines = output.decode('utf-8', 'replace').splitlines()   # BUG: not readlines()
    out.write(b'Lines: ' + json.dumps(lines, ensure_ascii=False, separators=(',', ':')).encode() + b'\n')
