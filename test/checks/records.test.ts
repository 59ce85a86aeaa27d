import { describe, expect, it } from 'vitest';
import { recordsCheck, type RecordsConfig } from '../../grader/checks/records.js';
import { makeContext, printing } from './helpers.js';

function check(config: RecordsConfig, lines: string[], mainPid = 100) {
  return recordsCheck.run(config, makeContext(printing(lines, { mainPid })));
}

const hello: RecordsConfig = {
  records: { parent: 'Hello from parent {pid:parent} {pid:child}', child: 'Hello from child {pid:child}' },
  count: { parent: 2, child: 2 },
  equalsMain: ['parent.parent'],
  notMain: ['parent.child', 'child.child'],
  distinct: ['parent.child', 'child.child'],
  join: [{ from: 'parent.child', to: 'child.child' }],
};
const good = ['Hello from parent 100 101', 'Hello from parent 100 102', 'Hello from child 102', 'Hello from child 101'];

describe('records', () => {
  it('passes lines in any order whose relations hold', () => {
    expect(check(hello, good).passed).toBe(true);
  });

  it('names a line that fits no form', () => {
    const outcome = check(hello, [...good.slice(0, 3), 'Helo from child 101']);
    expect(outcome.passed).toBe(false);
    expect(outcome.message).toContain('Line 4 `Helo from child 101` matches none of the expected forms');
  });

  it('ignores other lines in contains mode', () => {
    expect(check({ ...hello, mode: 'contains' }, ['starting', ...good]).passed).toBe(true);
  });

  it('counts the lines of each form', () => {
    expect(check(hello, good.slice(0, 3)).message).toBe('Your program printed 1 line like `Hello from child <pid>`; expected 2.');
  });

  it('compares with the main pid both ways', () => {
    expect(
      check(
        hello,
        good.map((l) => l.replace('parent 100', 'parent 99')),
      ).message,
    ).toContain("`99` is not your program's pid (the process the grader started has pid 100)");
    expect(check(hello, ['Hello from parent 100 101', 'Hello from parent 100 102', 'Hello from child 100', 'Hello from child 101']).message).toContain(
      "`100` is your program's own pid",
    );
  });

  it('finds a repeated value and a broken join', () => {
    expect(check({ records: hello.records, distinct: ['child.child'] }, [...good.slice(0, 3), 'Hello from child 102']).message).toContain(
      'The child `102` is repeated',
    );
    const unjoined = check({ records: hello.records, join: hello.join }, [...good.slice(0, 3), 'Hello from child 103']);
    expect(unjoined.message).toBe('Line 1 `Hello from parent 100 101` names `101`, but no line like `Hello from child <pid>` has `101`.');
    const stray = check({ records: hello.records, join: [{ from: 'parent.child', to: 'child.child', many: true }] }, [...good, 'Hello from child 7']);
    expect(stray.message).toBe('Line 5 `Hello from child 7` has `7`, which no line like `Hello from parent <pid> <pid>` names.');
  });

  const counters: RecordsConfig = {
    records: { spawned: 'Process {pid:pid} spawned', counter: '[{pid:pid}] => {int:i}' },
    join: [{ from: 'spawned.pid', to: 'counter.pid', many: true }],
    sequences: [{ record: 'counter', key: 'pid', field: 'i', from: 0, to: 2 }],
  };

  it('checks a sequence per key: order, a missing value, one too many', () => {
    const lines = ['Process 7 spawned', 'Process 8 spawned', '[7] => 0', '[8] => 0', '[7] => 1', '[8] => 1', '[8] => 2', '[7] => 2'];
    expect(check(counters, lines).passed).toBe(true);
    const swapped = ['Process 7 spawned', '[7] => 0', '[7] => 2', '[7] => 1'];
    expect(check(counters, swapped).message).toBe('The lines with pid 7 are out of order: line 3 `[7] => 2` has i 2 where 1 should come next (0..2 in order).');
    expect(check(counters, ['Process 7 spawned', '[7] => 0', '[7] => 1']).message).toContain('so the line with i 2 is missing');
    expect(check(counters, ['Process 7 spawned', '[7] => 0', '[7] => 1', '[7] => 2', '[7] => 3']).message).toContain('go on past i 2');
  });

  it('counts down when to < from, and checks strictly increasing values by a compound key', () => {
    expect(
      check({ records: { r: 'release {int:d}' }, sequences: [{ record: 'r', field: 'd', from: 3, to: 1 }] }, ['release 3', 'release 2', 'release 1']).passed,
    ).toBe(true);
    const got: RecordsConfig = {
      records: { got: 'consumer {int:c} got {int:p}/{int:n}' },
      sequences: [{ record: 'got', key: ['c', 'p'], field: 'n', increasing: true }],
    };
    expect(check(got, ['consumer 0 got 0/1', 'consumer 1 got 0/0', 'consumer 0 got 0/2']).passed).toBe(true);
    expect(check(got, ['consumer 0 got 0/2', 'consumer 0 got 0/1']).message).toContain('The lines with c 0, p 0 are out of order');
  });

  it('orders a sequence by the lines it is joined to', () => {
    const exec: RecordsConfig = {
      records: { parent: 'Child is {pid:pid}', child: 'Hello from child {pid:pid} {int:parm}' },
      join: [{ from: 'parent.pid', to: 'child.pid' }],
      sequences: [{ record: 'child', orderBy: 'parent.pid', field: 'parm', from: 1, to: 2 }],
    };
    expect(check(exec, ['Child is 5', 'Child is 6', 'Hello from child 6 2', 'Hello from child 5 1']).passed).toBe(true);
    expect(check(exec, ['Child is 5', 'Child is 6', 'Hello from child 6 1', 'Hello from child 5 2']).message).toMatch(
      /^Taken in the order of the lines like `Child is <pid>`, the lines like .* are out of order/,
    );
  });

  it('wants every combination exactly once: a duplicate first, then a missing one', () => {
    const once: RecordsConfig = { records: { got: 'got {int:p}/{int:n}' }, exactlyOnce: [{ record: 'got', fields: { p: [0, 1], n: [0, 1] } }] };
    expect(check(once, ['got 1/0', 'got 0/0', 'got 0/1', 'got 1/1']).passed).toBe(true);
    expect(check(once, ['got 1/0', 'got 0/0', 'got 0/0']).message).toBe('`got 0/0` was printed twice (lines 2 and 3): it should be printed exactly once.');
    expect(check(once, ['got 1/0', 'got 0/0']).message).toBe('`got 0/1` was never printed (2 of the 4 expected lines are missing; also `got 1/1`).');
    expect(check(once, ['got 2/0']).message).toContain('has p `2`, outside 0..1');
  });

  it('checks keys, ranges and the order of forms', () => {
    const event: RecordsConfig = {
      records: { go: 'go', started: 'worker {int:id} started' },
      keys: { record: 'started', key: 'id', from: 0, to: 2 },
      ranges: { 'started.id': [0, 5] },
      order: [{ before: 'go', after: 'started' }],
    };
    expect(check(event, ['go', 'worker 2 started', 'worker 0 started', 'worker 1 started']).passed).toBe(true);
    expect(check(event, ['go', 'worker 2 started', 'worker 0 started']).message).toBe(
      'The values of id in lines like `worker <int> started` should be 0..2; missing: 1.',
    );
    expect(check({ ...event, keys: undefined }, ['go', 'worker 9 started']).message).toBe('Line 2 `worker 9 started` has id `9`, outside 0..5.');
    expect(check(event, ['worker 2 started', 'go', 'worker 0 started', 'worker 1 started']).message).toBe(
      'Line 1 `worker 2 started` came before line 2 `go`: every line like `go` should come before every line like `worker <int> started`.',
    );
  });

  it('reports a field that a relation names but the form does not have as a spec error', () => {
    expect(() => check({ records: hello.records, distinct: ['child.nope'] }, good)).toThrow(/names no field of child/);
  });
});
