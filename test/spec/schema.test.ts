import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { schemaText } from '../../grader/spec/schema-text.js';

describe('specs/schema.json', () => {
  it('is what the code defines (run `npm run schema` after changing a check or the spec format)', async () => {
    const committed = await readFile(path.resolve(import.meta.dirname, '../../specs/schema.json'), 'utf8');
    expect(committed).toBe(schemaText());
  });

  it('compiles as a JSON Schema with no unknown keywords but the discriminator', () => {
    const ajv = new Ajv({ strict: true, discriminator: true });
    expect(() => ajv.compile(JSON.parse(schemaText()))).not.toThrow();
  });
});
