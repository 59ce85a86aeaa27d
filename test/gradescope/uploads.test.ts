import { describe, expect, it } from 'vitest';
import { planUploads } from '../../grader/gradescope/uploads.js';

const SLUGS = ['cwd-path', 'env-list'];
const entry = (): string => 'solution.ts';

describe("which uploaded files are which exercise's", () => {
  it('prefers the repository layout, takes the shallowest copy of an exercise and lists the rest as not used', () => {
    const plan = planUploads(
      [
        'repo/assignments/cwd-path/solution.ts',
        'repo/assignments/cwd-path/helper.ts',
        'old/repo/assignments/cwd-path/solution.ts',
        'repo/cwd-path/x.ts',
        'repo/node_modules/a/assignments/env-list/solution.ts',
        'repo/assignments/cwd-path/README.md',
      ],
      SLUGS,
      entry,
    );
    expect(plan.layout).toBe('repository');
    expect(plan.uploads).toEqual([
      {
        slug: 'cwd-path',
        from: 'repo/assignments/cwd-path',
        files: [
          { path: 'repo/assignments/cwd-path/helper.ts', name: 'helper.ts' },
          { path: 'repo/assignments/cwd-path/solution.ts', name: 'solution.ts' },
        ],
      },
    ]);
    expect(plan.ignored).toEqual(['old/repo/assignments/cwd-path/solution.ts', 'repo/cwd-path/x.ts']);
  });

  it('takes exercise folders at any depth, and loose files for the only exercise or by their name', () => {
    expect(planUploads(['sub/env-list/solution.ts'], SLUGS, entry).uploads).toEqual([
      { slug: 'env-list', from: 'sub/env-list', files: [{ path: 'sub/env-list/solution.ts', name: 'solution.ts' }] },
    ]);
    const only = planUploads(['work/solution.ts', 'work/worker.ts', 'work/deeper/x.ts'], ['cwd-path'], entry);
    expect(only.uploads).toEqual([
      {
        slug: 'cwd-path',
        from: 'work',
        files: [
          { path: 'work/solution.ts', name: 'solution.ts' },
          { path: 'work/worker.ts', name: 'worker.ts' },
        ],
      },
    ]);
    expect(only.ignored).toEqual(['work/deeper/x.ts']);
    const named = planUploads(['cwd-path.ts', 'other.ts', 'types.d.ts'], SLUGS, entry);
    expect(named.uploads).toEqual([{ slug: 'cwd-path', from: '', files: [{ path: 'cwd-path.ts', name: 'solution.ts' }] }]);
    expect(named.ignored).toEqual(['other.ts']);
    expect(planUploads(['notes.txt'], SLUGS, entry)).toEqual({ uploads: [], ignored: [], layout: 'none' });
  });
});
