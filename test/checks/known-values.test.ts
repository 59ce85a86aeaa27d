import { describe, expect, it } from 'vitest';
import { linesCheck } from '../../grader/checks/lines.js';
import { makeContext, makeRun, printing } from './helpers.js';

// Placeholders for what the grader itself knows: where it started the program, where it put it,
// which child processes it saw.
const where = { cwd: '/sandbox/work/start/here', programDir: '/sandbox/program' };
const paths = { expect: ['My cwd: {path:cwd}', 'My script dir: {path:scriptDir}'] };

describe('{path:cwd} and {path:scriptDir}', () => {
  it('pass the exact directories, with or without a trailing slash', () => {
    expect(linesCheck.run(paths, makeContext(printing(['My cwd: /sandbox/work/start/here', 'My script dir: /sandbox/program/'], where))).passed).toBe(true);
  });

  it('fail another absolute directory, saying which one was expected', () => {
    const outcome = linesCheck.run(paths, makeContext(printing(['My cwd: /sandbox/work/start/here', 'My script dir: /usr/bin'], where)));
    expect(outcome.passed).toBe(false);
    expect(outcome.message).toContain('that should be the directory of your program file, from import.meta.url, which here is /sandbox/program');
    expect(outcome.diff).toContain('-My script dir: /sandbox/program');
  });

  it('name the confusion of the two directories, a URL and a relative path', () => {
    const swapped = linesCheck.run(paths, makeContext(printing(['My cwd: /sandbox/program', 'My script dir: /sandbox/program'], where)));
    expect(swapped.message).toContain('that is the directory of your program file, not the directory your program was started in');
    const same = linesCheck.run(paths, makeContext(printing(['My cwd: /sandbox/work/start/here', 'My script dir: /sandbox/work/start/here'], where)));
    expect(same.message).toContain('that is the directory your program was started in (process.cwd()), not the directory of your program file');
    const url = linesCheck.run(paths, makeContext(printing(['My cwd: /sandbox/work/start/here', 'My script dir: file:///sandbox/program'], where)));
    expect(url.message).toContain('fileURLToPath');
    const relative = linesCheck.run(paths, makeContext(printing(['My cwd: start/here', 'My script dir: /sandbox/program'], where)));
    expect(relative.message).toContain('should be an absolute path');
  });
});

describe('{pid:descendant}', () => {
  const observed = (lines: string[]) =>
    makeContext(
      printing(lines, {
        mainPid: 3,
        processes: [
          { pid: 3, ppid: 2, maxThreads: 7, command: 'node solution.js', firstSeenMs: 1 },
          { pid: 14, ppid: 3, maxThreads: 7, command: 'node child.js', firstSeenMs: 40 },
        ],
      }),
    );
  const config = { expect: ['Child is {pid:descendant}'] };

  it('passes the pid of a child the grader saw, and fails a made-up one or the main pid', () => {
    expect(linesCheck.run(config, observed(['Child is 14'])).passed).toBe(true);
    expect(linesCheck.run(config, observed(['Child is 15'])).message).toContain('no process 15 of your program ran (its child processes had 14)');
    expect(linesCheck.run(config, observed(['Child is 3'])).message).toContain("3 is your program's own pid");
  });

  it('breaks the check (a spec mistake) when the test does not observe', () => {
    expect(() => linesCheck.run(config, makeContext(makeRun({ stdout: 'Child is 14\n' })))).toThrow(/needs `observe: true`/);
  });
});
