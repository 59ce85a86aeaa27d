import { execFile } from 'node:child_process';

/** A git command that failed (bad ref, not a repository). */
export class GitError extends Error {
  override name = 'GitError';
}

/** Runs git in `repo` and resolves with its standard output as bytes. */
export function gitBytes(repo: string, args: string[], env: Record<string, string> = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-C', repo, ...args],
      { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', ...env } },
      (error, stdout, stderr) => {
        if (error) reject(new GitError(`git ${args.join(' ')} failed: ${stderr.toString().trim() || error.message}`));
        else resolve(stdout);
      },
    );
  });
}

/** Runs git in `repo` and resolves with its standard output as text. */
export async function git(repo: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return (await gitBytes(repo, args, env)).toString('utf8');
}

/** The commit id a ref names (a branch, tag, sha, HEAD). */
export async function resolveCommit(repo: string, ref: string): Promise<string> {
  try {
    return (await git(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
  } catch {
    throw new GitError(`"${ref}" does not name a commit in ${repo}.`);
  }
}

/** The newest common ancestor of two commits: where the student's branch left the base. */
export async function mergeBase(repo: string, a: string, b: string): Promise<string> {
  try {
    return (await git(repo, ['merge-base', a, b])).trim();
  } catch {
    throw new GitError(`${a.slice(0, 12)} and ${b.slice(0, 12)} have no common history.`);
  }
}
