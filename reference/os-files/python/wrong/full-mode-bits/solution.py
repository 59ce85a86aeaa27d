# KNOWN-BAD VARIANT `full-mode-bits`: prints all of st_mode (file type bits too: 100640).
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
    fd = os.open(data, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o640)
except FileExistsError:
    print(f'error: {data} exists', file=sys.stderr)
    sys.exit(1)
os.write(fd, b'hello\n')             # a file descriptor: bytes, no buffering
os.close(fd)
st = os.stat(data)
print('mode %o size %d' % (st.st_mode, st.st_size))   # BUG: st_mode holds the file type bits too
os.remove(data)
os.rmdir(b)                          # only empty directories, innermost first
os.rmdir(a)
print('removed')
