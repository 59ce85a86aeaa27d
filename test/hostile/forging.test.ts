// Forging results: GitHub workflow commands (Classroom's points notice, stop-commands, error
// annotations), and ANSI sequences, carriage returns and backspaces that would draw a fake
// "passed" report on a terminal. Graded through the real pipeline with the console, GitHub and
// Classroom formats on one standard output, as the CI log has them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandsIn } from '../report/workflow-commands.js';
import { availableTiers, cleanUp, expectHeld, gradeThreat, onlyTest, plantSecrets, removeSecrets, warmUp } from './harness.js';

const tiers = await availableTiers();
beforeAll(async () => {
  plantSecrets();
  await warmUp();
});
afterAll(removeSecrets);

describe.each(tiers)('tier %s', (tier) => {
  it('neither forges a command in the log nor draws over the report, and the score stays 0', async () => {
    const graded = await gradeThreat('forge', tier, [{ name: 'claims full marks', timeoutMs: 3000, checks: [{ check: 'output', equals: 'the answer' }] }]);
    try {
      expect(graded.status).toBe(1);
      expect(graded.json).toMatchObject({ score: 0, maxScore: 1, exercises: [{ slug: 'forge', status: 'failed', score: 0 }] });
      const test = onlyTest(graded);
      expect(test.message).toMatch(/^The stdout is not what was expected: line 1 should be `the answer`, but it was /);

      // The runner reads only the grader's own commands: one annotation, Classroom's two notices.
      const commands = commandsIn(graded.log);
      expect(commands.map((c) => c.command)).toEqual(['error', 'notice', 'notice']);
      expect(commands[0]?.properties.file).toMatch(/test\/hostile\/submissions\/forge\/solution\.ts$/);
      expect(commands[1]).toMatchObject({ properties: { title: 'Autograding complete' }, data: 'Points 0/1' });
      expect(commands[2]).toMatchObject({ properties: { title: 'Autograding report' }, data: '{"totalPoints":0,"maxPoints":1}' });

      // Nothing that moves the cursor, rewrites a line or sets a title: only colour (SGR), if any.
      for (const text of [graded.log, graded.summary]) {
        expect(text).not.toMatch(/[\r\b\u0007\u0080-\u009f]/);
        expect(text.replace(/\u001b\[[0-9;]*m/g, '')).not.toContain('\u001b');
      }
      // Every report line that looks like a result is the grader's own.
      const lines = graded.log.split('\n');
      expect(lines.filter((line) => /^\s*(\\u001b\S*)?[✓✗]/.test(line) && !line.startsWith('    ✗ claims full marks'))).toEqual([
        expect.stringMatching(/^✗ forge\s+0\/1\s+hostile submission forge$/),
      ]);
      expect(lines.filter((line) => line.includes('Total:') && !line.includes('\\u001b'))).toEqual([
        expect.stringMatching(/^Total: 0\/1 points; 0 of 1 exercises passed \(\d+\.\d s\)$/),
      ]);
      // What the program printed is still shown, made visible.
      expect(graded.log).toContain('\\u001b[2K\\r\\u001b[32m✓ forge');
      expect(graded.log).toContain('wrong answer\\r✓ all tests passed  \\b\\b\\u009b2K');
      expectHeld(graded, 3000);
    } finally {
      cleanUp(graded);
    }
  });
});
