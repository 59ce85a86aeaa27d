# KNOWN-BAD VARIANT `not-exclusive`: opens with O_CREAT | O_TRUNC: an existing data.txt is overwritten instead of reported.
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
    fd = os.open(data, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640)   # BUG: not exclusive
except FileExistsError:
    print(f'error: {data} exists', file=sys.stderr)
    sys.exit(1)
os.write(fd, b'hello\n')             # a file descriptor: bytes, no buffering
os.close(fd)
st = os.stat(data)
print('mode %03o size %d' % (stat.S_IMODE(st.st_mode), st.st_size))   # mode 640 size 6
os.remove(data)
os.rmdir(b)                          # only empty directories, innermost first
os.rmdir(a)
print('removed')
