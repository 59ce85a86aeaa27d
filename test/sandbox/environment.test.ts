import { describe, expect, it } from 'vitest';
import { ACTIVE_MUTANT_VARIABLE, buildEnvironment, mutantVariable, programPath } from '../../grader/sandbox/environment.js';

describe('program environment', () => {
  it("puts node's directory first in PATH, without duplicates", () => {
    expect(programPath('/opt/node/bin/node')).toBe('/opt/node/bin:/usr/local/bin:/usr/bin:/bin');
    expect(programPath('/usr/bin/node')).toBe('/usr/bin:/usr/local/bin:/bin');
  });

  it("is the base variables plus the test's, null removing one", () => {
    const env = buildEnvironment('/sandbox/work', { TZ: 'Europe/Madrid', LANG: null }, '/usr/bin/node');
    expect(env).toEqual({ PATH: '/usr/bin:/usr/local/bin:/bin', HOME: '/sandbox/work', TZ: 'Europe/Madrid' });
  });

  it("takes nothing from the grader's environment", () => {
    process.env.GITHUB_TOKEN = 'canary-env-test';
    try {
      expect(JSON.stringify(buildEnvironment('/w'))).not.toContain('canary-env-test');
    } finally {
      delete process.env.GITHUB_TOKEN;
    }
  });

  it('lets the active-mutant variable through only for a mutation build, never from the grader or a test', () => {
    process.env[ACTIVE_MUTANT_VARIABLE] = '7';
    try {
      expect(buildEnvironment('/w', { [ACTIVE_MUTANT_VARIABLE]: '3' })).not.toHaveProperty(ACTIVE_MUTANT_VARIABLE);
    } finally {
      delete process.env[ACTIVE_MUTANT_VARIABLE];
    }
    expect(mutantVariable(undefined)).toEqual({});
    expect(mutantVariable('12')).toEqual({ __STRYKER_ACTIVE_MUTANT__: '12' });
  });
});
