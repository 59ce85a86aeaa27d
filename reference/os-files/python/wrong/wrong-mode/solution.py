# KNOWN-BAD VARIANT `wrong-mode`: creates the file with the built-in open(path, 'x'), which has no mode: 0666 minus the umask, 0644.
# Otherwise identical to reference/os-files/python/; the spec must reject it (specs/os-files.yaml, mustReject).
# os-files: the slide's os.mkdir, os.open, os.stat and os.remove, put together below <dir>.
import argparse
import os
import stat
import sys

parser = argparse.ArgumentParser()
parser.add_argument('dir')
top = parser.parse_args().dir

a = os.path.join(top, 'a')
b = os.path.join(top, 'a', 'b')
data = os.path.normpath(os.path.join(top, 'a/b/data.txt'))

os.makedirs(b, exist_ok=True)        # a, then a/b (no error if they are already there)
try:
    # O_CREAT | O_EXCL: create, or fail with EEXIST; never open (or truncate) a file that exists.
    # The mode applies only when the file is created, filtered by the umask (022 keeps 0640).
    f = open(data, 'x')              # BUG: no mode: 0666 minus the umask
except FileExistsError:
    print(f'error: {data} exists', file=sys.stderr)
    sys.exit(1)
f.write('hello\n')
f.close()
st = os.stat(data)
print('mode %03o size %d' % (stat.S_IMODE(st.st_mode), st.st_size))   # mode 640 size 6
os.remove(data)
os.rmdir(b)                          # only empty directories, innermost first
os.rmdir(a)
print('removed')
