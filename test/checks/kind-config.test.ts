// A kind's configuration type is derived from its schema (grader/checks/types.ts, `ConfigOf`):
// what the schema requires is required, what it leaves out is optional, enums become unions,
// fields it does not have do not exist. The `expectTypeOf` and `@ts-expect-error` lines are
// checked by the compiler (`npm run typecheck`); the calls check the same kind at run time.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CheckKind, ConfigOf, KindSchema } from '../../grader/checks/types.js';
import type { RecordsConfig } from '../../grader/checks/records.js';
import { makeContext, printing } from './helpers.js';

const schema = {
  properties: {
    word: { type: 'string', description: 'A word the output must contain.' },
    times: { type: 'integer', minimum: 1, default: 1 },
    stream: { enum: ['stdout', 'stderr'] },
    either: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
  },
  required: ['word'],
} as const satisfies KindSchema;

type Config = ConfigOf<typeof schema>;

const countsWords: CheckKind<typeof schema> = {
  name: 'counts-words',
  description: 'The output holds the word at least `times` times.',
  schema,
  run(config, { run }) {
    const found = run[config.stream ?? 'stdout'].split(config.word).length - 1;
    return { passed: found >= (config.times ?? 1), message: `found ${found}` };
  },
};

describe('a check kind configuration derived from its schema', () => {
  it('types each field as the schema says', () => {
    expectTypeOf<Config['word']>().toEqualTypeOf<string>();
    expectTypeOf<Config['times']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Config['stream']>().toEqualTypeOf<'stdout' | 'stderr' | undefined>();
    expectTypeOf<Config['either']>().toEqualTypeOf<string | string[] | undefined>();
    // @ts-expect-error the schema requires word
    const missing: Config = { times: 2 };
    // @ts-expect-error the schema has no field named count
    const unknown: Config = { word: 'a', count: 2 };
    expect([missing, unknown]).toHaveLength(2);
  });

  it('gives run the configuration as the schema accepts it', () => {
    expect(countsWords.run({ word: 'ab', times: 2 }, makeContext(printing(['ab ab']))).passed).toBe(true);
    expect(countsWords.run({ word: 'ab', times: 3 }, makeContext(printing(['ab ab']))).passed).toBe(false);
  });

  it("derives the registered kinds' configurations too (records: a union for keys)", () => {
    expectTypeOf<RecordsConfig['records']>().toEqualTypeOf<Record<string, string>>();
    expectTypeOf<NonNullable<RecordsConfig['keys']>>().toMatchTypeOf<{ record: string; key: string; from: number; to: number } | Array<{ record: string }>>();
  });
});
