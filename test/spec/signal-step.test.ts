// The `signal` step as a spec writes it: the schema's signal names, and a `to` bound by an earlier expect.
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../grader/spec/load.js';
import { SpecError } from '../../grader/spec/spec-error.js';

const file = '/somewhere/specs/demo.yaml';

function specWith(steps: string): string {
  return `slug: demo
tests:
  - name: signals
    steps:
${steps}
    checks: [{ check: exit }]
`;
}

function problemsOf(source: string): string {
  try {
    parseSpec(source, file);
  } catch (error) {
    if (error instanceof SpecError) return error.message;
    throw error;
  }
  throw new Error('the spec was accepted');
}

describe('the signal step in a spec', () => {
  it('accepts a signal to the main process and one to a pid an earlier expect bound', () => {
    const spec = parseSpec(
      specWith(`      - expect: "ready {pid:main}"
      - signal: SIGUSR1
      - expect: "child {pid:kid}"
      - signal: SIGTERM
        to: "{pid:kid}"`),
      file,
    );
    expect(spec.tests[0]!.steps).toEqual([
      { expect: 'ready {pid:main}' },
      { signal: 'SIGUSR1' },
      { expect: 'child {pid:kid}' },
      { signal: 'SIGTERM', to: '{pid:kid}' },
    ]);
  });

  it('refuses a name that is not a signal it may send', () => {
    expect(problemsOf(specWith('      - signal: SIGFOO'))).toMatch(/demo\.yaml:5:\d+.*SIGUSR1/s);
  });

  it('refuses a target that is not a {pid:NAME} placeholder', () => {
    expect(problemsOf(specWith('      - { signal: SIGINT, to: "1234" }'))).toContain('demo.yaml:5');
  });

  it('refuses a target that no earlier expect binds, naming the step', () => {
    const message = problemsOf(
      specWith(`      - signal: SIGUSR2
        to: "{pid:kid}"
      - expect: "child {pid:kid}"`),
    );
    expect(message).toContain('demo.yaml:6');
    expect(message).toContain('{pid:kid} is not bound by an earlier expect step');
  });
});
