// The fast-check arbitraries behind a spec's `generate` values. Each is built to reach the input
// shapes that naive programs get wrong, and shrinks towards the plainest input that still fails.
import fc from 'fast-check';
import type { FixtureSpec } from '../spec/types.js';
import type { TextValueSpec, TreeValueSpec, ValueSpec } from './types.js';

/** A generated value: text (args, env, stdin) or fixtures (a tree). */
export type GeneratedValue = string | FixtureSpec[];

const ASCII_PIECES = ['a', 'b', 'z', 'A', '0', '7', ' ', 'x y', '-', '.', '='];
const MULTIBYTE_PIECES = ['é', 'ñandú', '€', '🐍', '日本'];

/** Lines of text, joined with "\n", with or without a final one (empty when there are no lines). */
function textArbitrary({ maxLines = 6, cr = true, multibyte = true }: TextValueSpec['text']): fc.Arbitrary<string> {
  const pieces = [...ASCII_PIECES, ...(multibyte ? MULTIBYTE_PIECES : []), ...(cr ? ['\r'] : [])];
  // Blank lines come from lines of no pieces (the shrinker's favourite).
  const line = fc.array(fc.constantFrom(...pieces), { maxLength: 5 }).map((parts) => parts.join(''));
  return fc
    .tuple(fc.array(line, { maxLength: maxLines }), fc.boolean())
    .map(([lines, finalNewline]) => (lines.length === 0 ? '' : lines.join('\n') + (finalNewline ? '\n' : '')));
}

const ENV_PIECES = ['a', 'B', '1', ' ', '=', 'x=y', '$HOME', '*', 'é', '/tmp', "'", '"'];

function envValueArbitrary(maxLength: number): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...ENV_PIECES), { maxLength }).map((parts) => parts.join(''));
}

// Not the base variables (PATH, HOME, LANG, PWD): a generated one must not replace them.
const envNameArbitrary: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('GEN', 'X', 'MY_VAR', 'A1', 'Z_'), fc.constantFrom('', '_2', 'B', '_LONG_NAME'))
  .map(([head, tail]) => head + tail);

// Names that sort differently by code unit, by locale and per directory: "a-b" < "a/z", "B" < "a", "10" < "9".
const NAME_HEADS = ['a', 'b', 'B', 'a-b', 'a b', '.hidden', 'é', '10', '9', 'x.txt', 'Z'];
const NAME_TAILS = ['', '1', '-x', ' y', '.d'];

interface TreeNode {
  name: string;
  kind: 'file' | 'dir' | 'symlink' | 'fifo';
  content?: string;
  target?: string;
  children?: TreeNode[];
}

function treeArbitrary({ root, depth = 2, maxEntries = 4, fifos = true, symlinks = true }: TreeValueSpec['tree']): fc.Arbitrary<FixtureSpec[]> {
  const name = fc.tuple(fc.constantFrom(...NAME_HEADS), fc.constantFrom(...NAME_TAILS)).map(([head, tail]) => head + tail);
  const leaf: Array<fc.Arbitrary<TreeNode>> = [
    fc.record({ name, kind: fc.constant('file' as const), content: fc.constantFrom('', 'x', 'hello\n', 'é€🐍\n', 'a\nb\nc') }),
  ];
  if (symlinks) leaf.push(fc.record({ name, kind: fc.constant('symlink' as const), target: fc.constantFrom('a', 'missing', '..', '.', '../a-b') }));
  if (fifos) leaf.push(fc.record({ name, kind: fc.constant('fifo' as const) }));
  const node = (level: number): fc.Arbitrary<TreeNode> =>
    level <= 0
      ? fc.oneof(...leaf)
      : fc.oneof(
          ...leaf,
          fc.record({ name, kind: fc.constant('dir' as const), children: fc.uniqueArray(node(level - 1), { maxLength: maxEntries, selector: (n) => n.name }) }),
        );
  return fc
    .uniqueArray(node(depth), { maxLength: maxEntries, selector: (n) => n.name })
    .map((nodes) => [{ path: root, type: 'dir' as const }, ...flatten(root, nodes)]);
}

function flatten(parent: string, nodes: readonly TreeNode[]): FixtureSpec[] {
  return nodes.flatMap((node): FixtureSpec[] => {
    const path = `${parent}/${node.name}`;
    switch (node.kind) {
      case 'file':
        return [{ path, type: 'file', content: node.content ?? '' }];
      case 'symlink':
        return [{ path, type: 'symlink', target: node.target ?? 'missing' }];
      case 'fifo':
        return [{ path, type: 'fifo' }];
      case 'dir':
        return [{ path, type: 'dir' }, ...flatten(path, node.children ?? [])];
    }
  });
}

/** The arbitrary of one value of a `generate` block. */
export function arbitraryOf(spec: ValueSpec): fc.Arbitrary<GeneratedValue> {
  if ('int' in spec) return fc.integer({ min: spec.int.min, max: spec.int.max }).map(String);
  if ('text' in spec) return textArbitrary(spec.text);
  if ('envValue' in spec) return envValueArbitrary(spec.envValue.maxLength ?? 4);
  if ('envName' in spec) return envNameArbitrary;
  if ('pick' in spec) return fc.constantFrom(...spec.pick.map(String));
  return treeArbitrary(spec.tree);
}

/** The arbitrary of a whole case: every value of the block, by name. */
export function caseArbitrary(values: Readonly<Record<string, ValueSpec>>): fc.Arbitrary<Record<string, GeneratedValue>> {
  return fc.record(Object.fromEntries(Object.entries(values).map(([name, spec]) => [name, arbitraryOf(spec)])));
}
