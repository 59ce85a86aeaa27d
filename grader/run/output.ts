// Reading what a program printed from its capture files.
import fs from 'node:fs';

/** The first `cap` bytes of a file as UTF-8 (invalid bytes become U+FFFD), and its full size. */
export function readCapped(file: string, cap: number): { text: string; bytes: number } {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return { text: '', bytes: 0 };
  }
  try {
    const bytes = fs.fstatSync(fd).size;
    const buffer = Buffer.alloc(Math.min(bytes, cap));
    let read = 0;
    while (read < buffer.length) {
      const n = fs.readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return { text: buffer.subarray(0, read).toString('utf8'), bytes };
  } finally {
    fs.closeSync(fd);
  }
}
