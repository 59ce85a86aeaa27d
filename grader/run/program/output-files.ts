// Where a program's stdout and stderr go: regular files in a private directory, not pipes (a
// Worker makes a piped fd 1 non-blocking and writeSync then throws EAGAIN).
import fs from 'node:fs';
import path from 'node:path';
import { scratchRoot } from '../scratch.js';

/** The capture files of one run and their open descriptors. */
export interface OutputFiles {
  outPath: string;
  errPath: string;
  outFd: number;
  errFd: number;
}

/** Creates the capture files; `cleanups` gets what closes and removes them. */
export function openOutputFiles(cleanups: Array<() => void>): OutputFiles {
  const privateDir = fs.mkdtempSync(path.join(scratchRoot(), 'grader-run-'));
  cleanups.push(() => fs.rmSync(privateDir, { recursive: true, force: true }));
  const outPath = path.join(privateDir, 'stdout');
  const errPath = path.join(privateDir, 'stderr');
  const outFd = fs.openSync(outPath, 'a+');
  cleanups.push(() => fs.closeSync(outFd));
  const errFd = fs.openSync(errPath, 'a+');
  cleanups.push(() => fs.closeSync(errFd));
  return { outPath, errPath, outFd, errFd };
}
