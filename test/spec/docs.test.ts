// docs/spec-format.md is where instructors learn the format: every name the loader accepts (spec
// and test fields, step kinds and their fields, check kinds and their fields, the values of
// enumerations, and the `ending` check that mustReject may name) must appear in it, as `name`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkKindList } from '../../grader/checks/index.js';
import { fullSpecSchema } from '../../grader/spec/schema.js';

const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/spec-format.md'), 'utf8');

/** Every field name, `const` and string enum value anywhere in the schema, with where it was met. */
function namesIn(schema: unknown, where = 'spec', found = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(schema)) {
    schema.forEach((item, index) => namesIn(item, `${where}[${index}]`, found));
    return found;
  }
  if (typeof schema !== 'object' || schema === null) return found;
  const node = schema as Record<string, unknown>;
  const properties = node.properties;
  if (typeof properties === 'object' && properties !== null) {
    for (const [name, value] of Object.entries(properties)) {
      if (!found.has(name)) found.set(name, `${where}.${name}`);
      namesIn(value, `${where}.${name}`, found);
    }
  }
  if (typeof node.const === 'string' && !found.has(node.const)) found.set(node.const, `${where} (a value)`);
  if (Array.isArray(node.enum)) for (const value of node.enum) if (typeof value === 'string' && !found.has(value)) found.set(value, `${where} (a value)`);
  for (const [key, value] of Object.entries(node)) if (key !== 'properties') namesIn(value, where, found);
  return found;
}

/** Every word the doc shows as code: in inline code spans (which may wrap) and in fenced blocks. */
function wordsShownAsCode(markdown: string): Set<string> {
  const words = new Set<string>();
  const add = (code: string) => {
    for (const word of code.match(/[A-Za-z0-9_-]+/g) ?? []) words.add(word);
  };
  const prose = markdown.replace(/^```[^\n]*\n([\s\S]*?)^```$/gm, (_block, code: string) => {
    add(code);
    return '';
  });
  for (const span of prose.matchAll(/`([^`]+)`/g)) add(span[1]!);
  return words;
}

const shownAsCode = wordsShownAsCode(doc);

describe('docs/spec-format.md', () => {
  const names = namesIn(fullSpecSchema(checkKindList()));
  names.set('ending', 'mustReject.check (the ending verdict)');

  it('finds names in the schema at all (the walk works)', () => {
    for (const name of ['slug', 'steps', 'expectAll', 'expectExit', 'onStall', 'printedPids', 'bytewise']) expect(names.has(name), name).toBe(true);
  });

  it('documents every name the loader accepts', () => {
    const missing = [...names].filter(([name]) => !shownAsCode.has(name)).map(([name, where]) => `${name} (${where})`);
    expect(missing).toEqual([]);
  });
});
