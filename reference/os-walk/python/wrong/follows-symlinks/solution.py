# KNOWN-BAD VARIANT `follows-symlinks`: walks with os.walk(followlinks=True): it goes down through links to directories.
# Otherwise identical to reference/os-walk/python/; the spec must reject it (specs/os-walk.yaml, mustReject).
# os-walk: the slide's os.walk and os.stat: every entry below <dir> with its type and size, never
# following a symbolic link and never opening anything but directories.
import argparse
import errno
import os
import stat
import sys

parser = argparse.ArgumentParser()
parser.add_argument('dir')
root = parser.parse_args().dir


def kind_of(st):
    if stat.S_ISLNK(st.st_mode):
        return 'symlink'
    if stat.S_ISDIR(st.st_mode):
        return 'dir'
    if stat.S_ISREG(st.st_mode):
        return 'file'
    if stat.S_ISFIFO(st.st_mode):
        return 'fifo'
    return 'other'


unreadable = []


def on_error(err):
    # A directory that cannot be read is listed, reported, and the walk goes on (like find).
    rel = os.path.relpath(err.filename, root)
    shown = root if rel == '.' else rel
    print(f'error: cannot read {shown}: {errno.errorcode.get(err.errno, err.strerror)}', file=sys.stderr)
    unreadable.append(rel)


entries = []
# os.walk lists a directory's names without opening them; followlinks=False (its default) does not
# go into symbolic links to directories, and lstat (not the slide's stat) does not follow links.
for dirpath, dirnames, filenames in os.walk(root, onerror=on_error, followlinks=True):   # BUG: into linked dirs
    for name in dirnames + filenames:
        path = os.path.join(dirpath, name)
        st = os.lstat(path)
        kind = kind_of(st)
        rel = os.path.relpath(path, root)
        entries.append((rel, kind, 0 if kind == 'dir' else st.st_size))

if '.' in unreadable:            # <dir> itself must be readable: otherwise there is nothing to list
    sys.exit(1)

# Plain string order as JavaScript's sort() gives it (UTF-16 code units): 'a-b' < 'a/z'.
entries.sort(key=lambda e: e[0].encode('utf-16-be', 'surrogatepass'))
files = [e for e in entries if e[1] == 'file']
dirs = sum(1 for e in entries if e[1] == 'dir')
for rel, kind, size in entries:
    print(kind, size, rel)
print(f'total: {len(files)} files, {dirs} dirs, {sum(e[2] for e in files)} bytes')
sys.exit(1 if unreadable else 0)
