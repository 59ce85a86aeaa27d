import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { checkKindList, checkKinds, runCheck } from '../../grader/checks/index.js';
import { makeContext, makeRun, printing } from './helpers.js';

describe('checkKinds', () => {
  it('lists every kind of the spec format under its name', () => {
    const pipesAndFiles = ['bytes', 'files', 'framing', 'intervals', 'same-across-splits'];
    const processesAndThreads = ['records', 'trace', 'processes', 'threads', 'cpu'];
    const timing = ['timing'];
    expect([...checkKinds.keys()].sort()).toEqual(
      ['elapsed', 'exit', 'lines', 'match', 'number', 'output', 'reference', ...pipesAndFiles, ...processesAndThreads, ...timing].sort(),
    );
    for (const [name, kind] of checkKinds) expect(kind.name).toBe(name);
    expect(checkKindList().map((kind) => kind.name)).toEqual([...checkKinds.keys()]);
  });
  it('gives every kind a valid schema fragment with a description on every field', () => {
    const ajv = new Ajv({ strict: true, strictTypes: false });
    ajv.addKeyword('discriminator');
    for (const kind of checkKinds.values()) {
      expect(kind.description.length, kind.name).toBeGreaterThan(20);
      const schema = { type: 'object', properties: kind.schema.properties, required: kind.schema.required ?? [] };
      expect(() => ajv.compile(schema), kind.name).not.toThrow();
      for (const [field, fragment] of Object.entries(kind.schema.properties)) {
        expect((fragment as { description?: string }).description, `${kind.name}.${field}`).toBeTruthy();
      }
      for (const field of ['check', 'hint', 'process']) expect(kind.schema.properties, kind.name).not.toHaveProperty(field);
    }
  });
  it('validates configurations as the spec format says', () => {
    const ajv = new Ajv({ strict: false });
    const validate = (name: string, config: object): boolean => {
      const kind = checkKinds.get(name);
      if (kind === undefined) throw new Error(name);
      return ajv.validate({ type: 'object', properties: kind.schema.properties, required: kind.schema.required ?? [] }, config);
    };
    expect(validate('lines', { expect: ['a'], mode: 'unordered' })).toBe(true);
    expect(validate('lines', { expect: ['a'], mode: 'sorted' })).toBe(false);
    expect(validate('lines', {})).toBe(false);
    expect(validate('exit', { signal: 'SIGSEGV' })).toBe(true);
    expect(validate('exit', { signal: 'segv' })).toBe(false);
    expect(validate('number', { pattern: '(\\d+)', scale: [1, 0.000001], min: 0.25, atMostElapsed: true })).toBe(true);
    expect(validate('reference', { mask: [{ pattern: '\\d+', replace: '<n>' }] })).toBe(true);
    expect(validate('reference', { mask: [{ pattern: '\\d+' }] })).toBe(false);
    expect(validate('elapsed', { of: 'children' })).toBe(false);
  });
});

describe('runCheck', () => {
  it('runs the kind the spec names', () => {
    expect(runCheck({ check: 'exit' }, makeContext(makeRun({ exitCode: 0 })))).toMatchObject({ passed: true });
    expect(runCheck({ check: 'exit', code: 1 }, makeContext(makeRun({ exitCode: 0 })))).toMatchObject({ passed: false });
  });
  it('reads the run of the process the spec names, main by default', () => {
    const main = printing(['reader']);
    const writer = printing(['writer'], { name: 'writer' });
    const context = makeContext(main, { runs: { writer } });
    expect(runCheck({ check: 'output', equals: 'reader' }, context).passed).toBe(true);
    expect(runCheck({ check: 'output', equals: 'writer', process: 'writer' }, context).passed).toBe(true);
    expect(runCheck({ check: 'output', equals: 'reader', process: 'writer' }, context).message).toContain('stdout of process `writer`');
  });
  it("puts the spec hint in place of the kind's own on failure, and drops hints on success", () => {
    const failing = makeContext(makeRun({ exitCode: 1, stderr: 'TypeError: x is not a function\n    at main (file:///p/solution.js:3:1)\n' }));
    expect(runCheck({ check: 'exit' }, failing).hint).toContain('uncaught exception');
    expect(runCheck({ check: 'exit', hint: 'Return 0 from main.' }, failing).hint).toBe('Return 0 from main.');
    const passing = runCheck({ check: 'exit', hint: 'Return 0 from main.' }, makeContext(makeRun()));
    expect(passing.passed).toBe(true);
    expect(passing.hint).toBeUndefined();
  });
  it('turns a check that throws into a failed outcome saying the check broke', () => {
    const badRegex = runCheck({ check: 'match', pattern: '([' }, makeContext(printing(['x'])));
    expect(badRegex.passed).toBe(false);
    expect(badRegex.message).toMatch(
      /^The check `match` itself broke, so this could not be graded: the spec's pattern "\(\[" is not a valid regular expression/,
    );
    expect(badRegex.message).toContain('not of your program');
    const missingField = runCheck({ check: 'lines' }, makeContext(printing(['x'])));
    expect(missingField).toMatchObject({ passed: false });
    expect(missingField.message).toContain('itself broke');
    const badTemplate = runCheck({ check: 'lines', expect: ['{integer}'] }, makeContext(printing(['1'])));
    expect(badTemplate.message).toContain('invalid line template "{integer}"');
  });
  it('does not show the spec hint (advice on the program) when the check itself broke', () => {
    expect(runCheck({ check: 'match', pattern: '(', hint: 'h' }, makeContext()).hint).toBeUndefined();
  });
  it('fails, without throwing, on an unknown kind or process', () => {
    expect(runCheck({ check: 'colour' }, makeContext()).message).toContain('unknown check kind');
    expect(runCheck({ check: 'exit', process: 'ghost' }, makeContext()).message).toContain('a process `ghost` that this test does not start');
  });
});
