import { describe, expect, it } from 'vitest';
import { filesCheck } from '../../grader/checks/files.js';
import type { WorkTreeEntry } from '../../grader/checks/types.js';
import { makeContext, makeRun, makeTest } from './helpers.js';

const dir = (mode = 0o755): WorkTreeEntry => ({ type: 'dir', mode, size: 4096 });
const file = (content: string, mode = 0o644): WorkTreeEntry => ({ type: 'file', mode, size: Buffer.byteLength(content), content });

function context(workTree: Record<string, WorkTreeEntry>, files = makeTest().files) {
  return makeContext(makeRun(), { workTree, test: makeTest({ files }) });
}

describe('files', () => {
  it('passes when every expectation holds', () => {
    const tree = { box: dir(), 'box/x': file('hi\n', 0o600), link: { type: 'symlink', mode: 0o777, size: 1, target: 'a' } as WorkTreeEntry };
    const outcome = filesCheck.run(
      {
        expect: [
          { path: 'box', type: 'dir' },
          { path: 'box/x', type: 'file', mode: '0600', content: 'hi\n' },
          { path: 'link', target: 'a' },
          { path: 'gone', exists: false },
        ],
      },
      context(tree),
    );
    expect(outcome.passed).toBe(true);
  });

  it('names a fixture the program removed', () => {
    const outcome = filesCheck.run(
      { expect: [{ path: 'box/a/b/data.txt', content: 'keep me\n' }] },
      context({ box: dir() }, [{ path: 'box/a/b/data.txt', content: 'keep me\n', mode: '0600' }]),
    );
    expect(outcome.passed).toBe(false);
    expect(outcome.message).toBe('`box/a/b/data.txt` should still be there, but it is gone: your program removed (or replaced) a file it did not make.');
  });

  it('says a fixture was changed, and how its mode differs', () => {
    const outcome = filesCheck.run(
      { expect: [{ path: 'd.txt', mode: '0600', content: 'keep me\n' }] },
      context({ 'd.txt': file('hello\n', 0o644) }, [{ path: 'd.txt', content: 'keep me\n', mode: '0600' }]),
    );
    expect(outcome.message).toBe('`d.txt` should have mode 600, but it has 644. `d.txt` was changed: its content should be `keep me\\n`, it is `hello\\n`.');
  });

  it('lists what is left in a directory that should be empty', () => {
    const outcome = filesCheck.run(
      { expect: [{ path: 'box', empty: true }] },
      context({ box: dir(), 'box/a': dir(), 'box/a/b': dir() }, [{ path: 'box', type: 'dir' }]),
    );
    expect(outcome.message).toBe('`box` should be empty after the run, but it holds: `box/a`, `box/a/b` — remove the directories you made.');
  });

  it('names the wrong type, and a path that should not exist', () => {
    const outcome = filesCheck.run(
      {
        expect: [
          { path: 'spam.fifo', type: 'fifo' },
          { path: 'x', exists: false },
        ],
      },
      context({ 'spam.fifo': file(''), x: dir() }),
    );
    expect(outcome.message).toBe('`spam.fifo` should be a FIFO, but it is a regular file. `x` should not exist after the run, but it is there (a directory).');
  });

  it('says a missing path that no fixture made should exist', () => {
    expect(filesCheck.run({ expect: [{ path: 'out.txt', type: 'file' }] }, context({})).message).toBe(
      '`out.txt` should exist after the run (a regular file), but it does not.',
    );
  });

  it('breaks (a grader problem) without a work tree', () => {
    expect(() => filesCheck.run({ expect: [{ path: 'x' }] }, makeContext())).toThrow(/work directory was not recorded/);
  });
});
