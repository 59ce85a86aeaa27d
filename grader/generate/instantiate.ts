// One generated case as a concrete test: `${name}` replaced by the case's values, tree values'
// fixtures added; and the case described for a student (what input the failure was found with).
import { escapeForDisplay } from '../checks/display.js';
import type { FixtureSpec, TestSpec } from '../spec/types.js';
import type { GeneratedValue } from './arbitraries.js';

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The text with every `${name}` replaced (a tree stands for its root directory). */
export function substitute(text: string, values: Readonly<Record<string, GeneratedValue>>): string {
  return text.replace(REFERENCE, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'string' ? value : (value[0]?.path ?? '');
  });
}

/** The test of one case (its `generate` block removed). */
export function instantiate(test: TestSpec, values: Readonly<Record<string, GeneratedValue>>): TestSpec {
  const sub = (text: string): string => substitute(text, values);
  const { generate: _generate, ...rest } = test;
  const concrete: TestSpec = {
    ...rest,
    args: test.args.map(sub),
    env: Object.fromEntries(Object.entries(test.env).map(([name, value]) => [sub(name), value === null ? null : sub(value)])),
    files: [
      ...test.files.map((fixture) => substituteFixture(fixture, sub)),
      ...Object.values(values).flatMap((value) => (typeof value === 'string' ? [] : value)),
    ],
    processes: test.processes.map((peer) => ({ ...peer, args: peer.args.map(sub), ...(peer.stdin === undefined ? {} : { stdin: sub(peer.stdin) }) })),
  };
  if (test.stdin !== undefined) concrete.stdin = sub(test.stdin);
  return concrete;
}

function substituteFixture(fixture: FixtureSpec, sub: (text: string) => string): FixtureSpec {
  const result: FixtureSpec = { ...fixture, path: sub(fixture.path) };
  if (fixture.content !== undefined) result.content = sub(fixture.content);
  if (fixture.target !== undefined) result.target = sub(fixture.target);
  return result;
}

/** The input of a case in a few lines a student can read (values quoted as JSON strings, so "\r" and a missing last "\n" show). */
export function describeCase(values: Readonly<Record<string, GeneratedValue>>): string {
  return Object.entries(values)
    .map(([name, value]) => {
      if (typeof value === 'string') return `${name} = ${escapeForDisplay(JSON.stringify(value), { quote: false, maxChars: 300 })}`;
      const entries = value
        .slice(1)
        .map(
          (f) =>
            `${f.path}${f.type === 'dir' ? '/' : f.type === 'symlink' ? ` -> ${f.target ?? ''}` : f.type === 'fifo' ? ' (fifo)' : ` (${JSON.stringify(f.content ?? '')})`}`,
        );
      return `${name} = the tree ${value[0]?.path ?? ''}: ${entries.length === 0 ? 'empty' : entries.map((e) => JSON.stringify(e)).join(', ')}`;
    })
    .join('; ');
}
