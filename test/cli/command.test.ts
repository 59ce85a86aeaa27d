import { afterEach, describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { defineCommand } from '../../grader/cli/command.js';
import { main } from '../../grader/cli/main.js';
import { UsageError } from '../../grader/util/usage-error.js';

const root = path.resolve(import.meta.dirname, '../..');

async function capture(argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const status = await main(argv, { root });
    return { status, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => vi.restoreAllMocks());

const COMMANDS = ['grade', 'exercise', 'schema', 'bench', 'ci', 'merge', 'reliability', 'check', 'new', 'export', 'report'];

describe('every command', () => {
  it.each(COMMANDS)('%s --help prints its usage on stdout and exits 0', async (command) => {
    const { status, stdout, stderr } = await capture([command, '--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: /);
    expect(stderr).toBe('');
  });

  it.each(COMMANDS)('%s refuses an unknown flag with its usage and exit status 2', async (command) => {
    const { status, stdout, stderr } = await capture([command, '--no-such-flag']);
    expect(status).toBe(2);
    expect(stderr).toContain("Unknown option '--no-such-flag'");
    expect(stderr).toContain('Usage: ');
    expect(stdout).toBe('');
  });
});

describe('--jobs', () => {
  it.each(['grade', 'check', 'reliability', 'ci'])('%s refuses --jobs 0 and --jobs two with exit status 2', async (command) => {
    const base = command === 'ci' ? ['--base', 'HEAD'] : [];
    for (const value of ['0', 'two', '-1', '1.5']) {
      const { status, stderr } = await capture([command, ...base, '--jobs', value]);
      expect(status).toBe(2);
      expect(stderr).toMatch(/--jobs takes a whole number of at least 1|'--jobs' argument is ambiguous/);
    }
  });
});

describe('exercise', () => {
  it('hands every argument after the exercise to the program, --help included', async () => {
    // The exercise does not exist, so nothing runs; what matters is that --help after it was not taken as the grader's.
    const { status, stderr } = await capture(['exercise', 'no-such-exercise', '--help']);
    expect(status).toBe(2);
    expect(stderr).toContain('There is no ');
    expect(stderr).toContain(path.join('no-such-exercise', 'solution.ts'));
  });

  it('needs an exercise', async () => {
    const { status, stderr } = await capture(['exercise']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^Usage: npm run exercise/);
  });
});

describe('defineCommand', () => {
  it('checks the number of positionals and refuses too few or too many with its usage', async () => {
    const one = defineCommand({ usage: 'Usage: one THING', options: {}, positionals: { min: 1, max: 1 }, run: () => Promise.resolve(0) });
    await expect(one([], { root })).rejects.toThrow(UsageError);
    await expect(one(['a', 'b'], { root })).rejects.toThrow('Usage: one THING');
    await expect(one(['a'], { root })).resolves.toBe(0);
  });

  it('gives run a whole-number validator whose error carries the usage', async () => {
    const seen: Array<number | undefined> = [];
    const command = defineCommand({
      usage: 'Usage: count [--n N]',
      options: { n: { type: 'string' } },
      run: ({ values, wholeNumber }) => {
        seen.push(wholeNumber(values.n, '--n', 0));
        return Promise.resolve(0);
      },
    });
    await command(['--n', '0'], { root });
    await command([], { root });
    expect(seen).toEqual([0, undefined]);
    await expect(command(['--n', 'x'], { root })).rejects.toThrow('--n takes a whole number of at least 0, not "x".\n\nUsage: count [--n N]');
  });
});
