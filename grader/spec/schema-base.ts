// The JSON Schema of a spec, apart from the checks (each check kind brings its own fragment;
// grader/spec/schema.ts puts them together). Descriptions show in instructors' editors.

import { DEFAULT_EXIT_TIMEOUT_MS, DEFAULT_STEP_TIMEOUT_MS } from '../run/steps.js';
import { SIGNAL_TARGET_PATTERN, STEP_SIGNALS } from './signals.js';

const text = { type: 'string' } as const;
const positiveMs = { type: 'integer', minimum: 1 } as const;

const fixture = {
  type: 'object',
  description: 'An entry created in the work directory before the program starts.',
  properties: {
    path: { ...text, description: 'Path relative to the work directory.', pattern: '^(?!/)(?!.*(^|/)\\.\\.(/|$)).+' },
    type: { enum: ['file', 'dir', 'symlink', 'fifo'], description: 'Kind of entry (default file).' },
    content: { ...text, description: 'Content of a file (UTF-8).' },
    mode: { ...text, pattern: '^0?[0-7]{3,4}$', description: 'Permission bits in octal, e.g. "0640".' },
    target: { ...text, description: 'Target of a symbolic link (may dangle or loop).' },
  },
  required: ['path'],
  additionalProperties: false,
} as const;

const stepHint = {
  ...text,
  description: "Shown to the student when this step fails (the likely cause), in place of the grader's own advice.",
} as const;

const step = {
  description: 'One step of an interactive conversation with standard input: exactly one of send, expect, expectAll, close, waitMs, expectExit, signal.',
  oneOf: [
    {
      type: 'object',
      properties: { send: { ...text, description: 'Text written to standard input (include the "\\n").' }, hint: stepHint },
      required: ['send'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        expect: { ...text, description: 'A line template: wait until a line of stdout matches it.' },
        timeoutMs: { ...positiveMs, description: `How long to wait for it (default ${DEFAULT_STEP_TIMEOUT_MS}).` },
        next: { type: 'boolean', description: 'The very next line must match: another line fails the step at once instead of being skipped (default false).' },
        hint: stepHint,
      },
      required: ['expect'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        expectAll: {
          type: 'array',
          items: text,
          minItems: 1,
          description: 'Line templates that must each match a line of stdout of its own, in any order (placeholders bind across them).',
        },
        timeoutMs: { ...positiveMs, description: `How long to wait for all of them (default ${DEFAULT_STEP_TIMEOUT_MS}).` },
        next: { type: 'boolean', description: 'They are the very next lines: another line among them fails the step at once (default false).' },
        hint: stepHint,
      },
      required: ['expectAll'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { close: { const: true, description: 'Close standard input (end of input).' }, hint: stepHint },
      required: ['close'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { waitMs: { type: 'integer', minimum: 0, description: 'Pause before the next step.' }, hint: stepHint },
      required: ['waitMs'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        expectExit: {
          type: 'object',
          properties: { timeoutMs: { ...positiveMs, description: `How long the program may take to end (default ${DEFAULT_EXIT_TIMEOUT_MS}).` } },
          additionalProperties: false,
          description: 'The program must end by itself (every process of it) while standard input stays open.',
        },
        hint: stepHint,
      },
      required: ['expectExit'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        signal: { enum: STEP_SIGNALS, description: 'Send this signal to the process the grader started (after an expect that shows the program is ready).' },
        to: {
          ...text,
          pattern: SIGNAL_TARGET_PATTERN,
          description: 'Instead, the process of the program whose pid an earlier expect bound, e.g. "{pid:child}".',
        },
        hint: stepHint,
      },
      required: ['signal'],
      additionalProperties: false,
    },
  ],
} as const;

const feedPart = {
  type: 'object',
  description: 'A piece of the bytes to feed: exactly one of text and base64, repeated `repeat` times.',
  properties: {
    text: { ...text, description: 'The piece as UTF-8 text.' },
    base64: { ...text, pattern: '^[A-Za-z0-9+/]*={0,2}$', description: 'The piece, base64-encoded.' },
    repeat: { type: 'integer', minimum: 1, maximum: 10_000_000, description: 'How many times the piece is repeated (default 1).' },
  },
  additionalProperties: false,
} as const;

const feed = {
  type: 'object',
  description: 'Framing fuzz: the same bytes fed to standard input split in several ways; the output must not change.',
  properties: {
    text: { ...text, description: 'Bytes to feed, as UTF-8 text.' },
    base64: { ...text, pattern: '^[A-Za-z0-9+/]*={0,2}$', description: 'Bytes to feed, base64-encoded (for binary input).' },
    parts: { type: 'array', items: feedPart, minItems: 1, description: 'Bytes to feed as a list of pieces (for long inputs).' },
    splits: {
      type: 'array',
      minItems: 1,
      items: { enum: ['whole', 'bytewise', 'random', 'paused'] },
      description: 'Ways to split the bytes: all at once, one byte at a time, at random (seeded), with pauses.',
    },
    randomRuns: { type: 'integer', minimum: 1, maximum: 50, description: 'How many random splits (default 3).' },
    pauseMs: { type: 'integer', minimum: 0, description: "Pause between pieces for 'paused' (default 20)." },
    startDelayMs: { type: 'integer', minimum: 0, description: 'Wait before the first byte, so that the reader is up (default 300).' },
  },
  required: ['splits'],
  additionalProperties: false,
} as const;

const peer = {
  type: 'object',
  description: 'A further process started in the same work directory.',
  properties: {
    name: { ...text, pattern: '^[a-z][a-z0-9-]*$', description: 'Name used by checks (`process:`) and in reports.' },
    args: { type: 'array', items: text },
    entry: { ...text, description: 'Built file to run, without extension (default: the spec entry).' },
    startAfterMs: { type: 'integer', minimum: 0, description: 'Start this long after the main process.' },
    stdin: text,
    timeoutMs: positiveMs,
  },
  required: ['name'],
  additionalProperties: false,
} as const;

/** Fields a test and the spec's `defaults` share. */
export const testSettingProperties = {
  points: { type: 'number', minimum: 0, description: 'Weight of the test (default 1).' },
  hidden: { type: 'boolean', description: 'Students see only passed/failed (default false).' },
  args: { type: 'array', items: text, description: 'Command-line arguments.' },
  env: {
    type: 'object',
    additionalProperties: { type: ['string', 'null'] },
    description: 'Variables added to the base environment (PATH, HOME, LANG); null removes one.',
  },
  stdin: { ...text, description: 'Text fed to standard input at once; then it is closed.' },
  steps: { type: 'array', items: step, minItems: 1, description: 'Interactive standard input.' },
  feed,
  files: { type: 'array', items: fixture, description: 'Fixtures created in the work directory.' },
  cwd: { ...text, description: 'Subdirectory of the work directory to start in.' },
  timeoutMs: { ...positiveMs, description: 'Wall-clock limit of the whole run (default 10000).' },
  idleTimeoutMs: { ...positiveMs, description: '"No progress" verdict when nothing is printed for this long.' },
  trials: { type: 'integer', minimum: 1, maximum: 1000, description: 'Run the test this many times; all must pass.' },
  seed: { type: 'integer', description: 'Seed for anything random in the test.' },
  observe: { type: 'boolean', description: "Watch the program's processes and threads while it runs." },
  exclusive: {
    anyOf: [{ type: 'boolean' }, { const: 'one-core' }],
    description:
      "Timing-sensitive. true: run with nothing else in parallel (every core quiet). 'one-core': the program needs one core (it mostly sleeps or waits): it runs beside other tests, never beside a whole-machine one.",
  },
  processes: { type: 'array', items: peer, description: 'Further processes in the same work directory.' },
  umask: { ...text, pattern: '^0?[0-7]{3}$', description: 'The umask the program starts with, in octal (default "022").' },
  onStall: { ...text, description: 'Shown to the student when a process of this test is stopped by a timeout or for no progress (the likely cause).' },
} as const;

const valueSpec = {
  type: 'object',
  description: 'One generated value: exactly one of int, text, envValue, envName, pick, tree.',
  minProperties: 1,
  maxProperties: 1,
  properties: {
    int: {
      type: 'object',
      description: 'An integer from min to max.',
      properties: { min: { type: 'integer', description: 'Smallest value.' }, max: { type: 'integer', description: 'Largest value.' } },
      required: ['min', 'max'],
      additionalProperties: false,
    },
    text: {
      type: 'object',
      description: 'Lines of text: blank lines, with or without a final newline, "\\r" inside lines, multi-byte characters.',
      properties: {
        maxLines: { type: 'integer', minimum: 0, description: 'Most lines (default 6).' },
        cr: { type: 'boolean', description: 'Put "\\r" inside lines (default true).' },
        multibyte: { type: 'boolean', description: 'Use multi-byte characters (default true).' },
      },
      additionalProperties: false,
    },
    envValue: {
      type: 'object',
      description: 'An environment value: empty, with spaces, "=", "$HOME", "*", quotes, multi-byte characters.',
      properties: { maxLength: { type: 'integer', minimum: 0, description: 'Most pieces (default 4).' } },
      additionalProperties: false,
    },
    envName: { type: 'object', description: 'An environment variable name that is not a base variable.', additionalProperties: false },
    pick: { type: 'array', minItems: 1, items: { anyOf: [{ type: 'string' }, { type: 'number' }] }, description: 'One of these values.' },
    tree: {
      type: 'object',
      description: 'A directory tree under root: files, empty directories, symbolic links (dangling, looping), FIFOs, odd names.',
      properties: {
        root: { ...text, description: 'The directory the tree is made in (relative to the work directory); `${name}` stands for it.' },
        depth: { type: 'integer', minimum: 0, maximum: 4, description: 'Most levels of directories below root (default 2).' },
        maxEntries: { type: 'integer', minimum: 0, maximum: 10, description: 'Most entries per directory (default 4).' },
        fifos: { type: 'boolean', description: 'Include FIFOs (default true).' },
        symlinks: { type: 'boolean', description: 'Include symbolic links (default true).' },
      },
      required: ['root'],
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

const generateSchema = {
  type: 'object',
  description:
    'Generated cases (fast-check): each is run by the program and by the reference on the same input; a failure is shrunk to the smallest input and reported with the seed that replays it.',
  properties: {
    cases: { type: 'integer', minimum: 1, maximum: 50, description: 'Generated cases per grading (default 4).' },
    shrinkRuns: { type: 'integer', minimum: 0, maximum: 100, description: 'Most further cases tried to shrink a failure (default 8).' },
    values: {
      type: 'object',
      description: 'The values by name; `${name}` in args, env values, stdin, files and processes is replaced by the value.',
      additionalProperties: valueSpec,
      minProperties: 1,
    },
  },
  required: ['values'],
  additionalProperties: false,
} as const;

/** The spec schema with `checkSchema` as the schema of one check. */
export function specSchema(checkSchema: object): object {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://os-practice.invalid/specs/schema.json',
    title: 'Exercise spec',
    description: 'One exercise of the Operating System Practice course: its tests and checks.',
    type: 'object',
    properties: {
      slug: { ...text, pattern: '^[a-z][a-z0-9-]*$', description: 'The exercise slug; equals the file name.' },
      title: { ...text, description: 'One-line title shown in reports.' },
      entry: { ...text, pattern: '^[A-Za-z0-9_-]+$', description: 'Built file that runs, without extension (default solution).' },
      defaults: {
        type: 'object',
        description: 'Settings merged into every test (env is merged key by key).',
        properties: testSettingProperties,
        additionalProperties: false,
      },
      tests: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          properties: {
            name: { ...text, minLength: 1, description: 'Unique name of the test.' },
            ...testSettingProperties,
            generate: generateSchema,
            checks: { type: 'array', minItems: 1, items: checkSchema, description: 'What must hold after the run.' },
          },
          required: ['name', 'checks'],
          additionalProperties: false,
        },
      },
      mustReject: {
        type: 'object',
        description:
          'Known-bad variants and how they must be rejected: key NAME for reference/SLUG/wrong/NAME/, LANGUAGE/NAME for another language\u2019s reference/SLUG/LANGUAGE/wrong/NAME/ (which takes NAME\u2019s entry when it has none of its own).',
        additionalProperties: {
          type: 'object',
          properties: {
            test: {
              description: 'Name of the test that must fail, or a list of tests of which at least one must fail.',
              oneOf: [text, { type: 'array', items: text, minItems: 1 }],
            },
            check: { ...text, description: 'Kind of the check that must report the failure.' },
            message: { ...text, description: 'Text the failure message must contain.' },
          },
          required: ['test', 'check'],
          additionalProperties: false,
        },
      },
    },
    required: ['slug', 'tests'],
    additionalProperties: false,
  };
}
