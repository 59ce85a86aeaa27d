import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { checkKindList, checkKinds } from '../checks/index.js';
import { fullSpecSchema } from './schema.js';
import { signalTargetProblems } from './signals.js';
import { SpecError, type SpecProblem } from './spec-error.js';
import type { CheckSpec } from './types.js';
import { explainUnions } from './union-errors.js';
import { normaliseSpec, type RawSpec, type RawTest } from './normalise.js';
import type { ExerciseSpec, FeedSpec } from './types.js';

let validator: ValidateFunction | undefined;

function getValidator(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, discriminator: true, strict: false, verbose: true }).compile(fullSpecSchema(checkKindList()));
  return validator;
}

/** Loads, validates and normalises one spec file; throws SpecError naming file, line and column. */
export async function loadSpec(file: string): Promise<ExerciseSpec> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    throw new SpecError(file, [{ line: 0, column: 0, message: `cannot read the spec: ${(error as Error).message}` }]);
  }
  return parseSpec(source, file);
}

/** Parses spec text (as loadSpec does for a file); `file` names it in errors. */
export function parseSpec(source: string, file: string): ExerciseSpec {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new SpecError(
      file,
      document.errors.map((error) => {
        const position = error.linePos?.[0];
        return {
          line: position?.line ?? 0,
          column: position?.col ?? 0,
          message: `YAML syntax: ${firstLine(error.message)}`,
        };
      }),
    );
  }
  const data: unknown = document.toJS();
  const validate = getValidator();
  if (!validate(data)) {
    throw new SpecError(file, describeSchemaErrors(validate.errors ?? [], document, lineCounter));
  }
  const raw = data as RawSpec;
  const problems = semanticProblems(raw, file).map((p) => locate(p.path, p.message, document, lineCounter));
  if (problems.length > 0) throw new SpecError(file, problems);
  return normaliseSpec(raw, path.resolve(file));
}

/** The yaml library's message without its own position and code frame (we print ours). */
function firstLine(text: string): string {
  return (text.split('\n')[0] ?? text).replace(/ at line \d+, column \d+:?$/, '');
}

interface PathProblem {
  path: Array<string | number>;
  message: string;
}

/** Rules the schema cannot say: unique names, references between fields, the file name. */
function semanticProblems(spec: RawSpec, file: string): PathProblem[] {
  const problems: PathProblem[] = [];
  const expectedSlug = path.basename(file).replace(/\.ya?ml$/, '');
  if (spec.slug !== expectedSlug) {
    problems.push({ path: ['slug'], message: `slug "${spec.slug}" must equal the file name "${expectedSlug}"` });
  }
  if (spec.defaults?.feed) problems.push(...feedProblems(spec.defaults.feed, ['defaults', 'feed']));
  const names = new Map<string, number>();
  spec.tests.forEach((test, index) => {
    if (names.has(test.name)) {
      problems.push({ path: ['tests', index, 'name'], message: `test name "${test.name}" is used twice` });
    }
    names.set(test.name, index);
    const peerNames = new Set(['main', ...(test.processes ?? spec.defaults?.processes ?? []).map((p) => p.name)]);
    test.checks.forEach((check, checkIndex) => {
      if (check.process !== undefined && !peerNames.has(check.process)) {
        problems.push({
          path: ['tests', index, 'checks', checkIndex, 'process'],
          message: `process "${check.process}" is not one of this test's processes (${[...peerNames].join(', ')})`,
        });
      }
    });
    if (test.feed) problems.push(...feedProblems(test.feed, ['tests', index, 'feed']));
    for (const { index: step, message } of signalTargetProblems(test.steps ?? [])) problems.push({ path: ['tests', index, 'steps', step, 'to'], message });
    const hasFeed = test.feed !== undefined || (spec.defaults?.feed !== undefined && !['stdin', 'steps'].some((key) => key in test));
    const observed = (test.observe ?? spec.defaults?.observe) === true;
    test.checks.forEach((check, checkIndex) => problems.push(...kindProblems(check, ['tests', index, 'checks', checkIndex], { hasFeed, observed })));
    problems.push(...generateProblems(test, index, spec.defaults?.observe === true));
    const inputs = ['stdin', 'steps', 'feed'].filter((key) => key in test);
    if (inputs.length > 1) {
      problems.push({ path: ['tests', index, inputs[1]!], message: `a test takes only one of stdin, steps and feed (it has ${inputs.join(' and ')})` });
    }
  });
  for (const [variant, reject] of Object.entries(spec.mustReject ?? {})) {
    const tests = typeof reject.test === 'string' ? [reject.test] : reject.test;
    tests.forEach((testName, position) => {
      const where: Array<string | number> = typeof reject.test === 'string' ? ['mustReject', variant, 'test'] : ['mustReject', variant, 'test', position];
      const testIndex = names.get(testName);
      if (testIndex === undefined) {
        problems.push({ path: where, message: `no test is named "${testName}"` });
        return;
      }
      const kinds = new Set(spec.tests[testIndex]!.checks.map((c) => c.check));
      kinds.add('ending');
      if (!kinds.has(reject.check)) {
        problems.push({
          path: ['mustReject', variant, 'check'],
          message: `test "${testName}" has no "${reject.check}" check (it has: ${[...kinds].join(', ')})`,
        });
      }
    });
  }
  return problems;
}

/** What the check's kind asks of its test (a feed, observation) and of its configuration (its own validate). */
function kindProblems(check: CheckSpec, where: Array<string | number>, test: { hasFeed: boolean; observed: boolean }): PathProblem[] {
  const kind = checkKinds.get(check.check);
  if (kind === undefined) return [];
  const problems: PathProblem[] = [];
  if (kind.needs?.feed === true && !test.hasFeed) problems.push({ path: where, message: `a ${kind.name} check needs a feed in its test` });
  if (kind.needs?.observation === true && !test.observed) problems.push({ path: where, message: `a ${kind.name} check needs observe: true in its test` });
  for (const problem of kind.validate?.(check) ?? []) problems.push({ path: [...where, ...(problem.path ?? [])], message: problem.message });
  return problems;
}

/**
 * `${name}` outside a generate block, or naming no value of it, would reach the program as it is;
 * `{pid:descendant}` is known only when the grader watches the processes (`observe`).
 */
function generateProblems(test: RawTest, index: number, observedByDefault: boolean): PathProblem[] {
  const problems: PathProblem[] = [];
  const text = JSON.stringify({ args: test.args, env: test.env, stdin: test.stdin, files: test.files, processes: test.processes });
  const names = new Set(Object.keys(test.generate?.values ?? {}));
  for (const match of text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
    const name = match[1]!;
    if (names.has(name)) continue;
    problems.push({
      path: ['tests', index, test.generate === undefined ? 'name' : 'generate'],
      message:
        test.generate === undefined
          ? `\${${name}} is used but the test has no generate block`
          : `\${${name}} names no value of the generate block (it has: ${[...names].join(', ')})`,
    });
    break;
  }
  if (JSON.stringify(test.checks).includes('{pid:descendant}') && !(test.observe ?? observedByDefault)) {
    problems.push({ path: ['tests', index, 'checks'], message: '{pid:descendant} needs `observe: true` in the test (the grader must watch the processes)' });
  }
  return problems;
}

/** A feed takes exactly one source of bytes, and each of its parts exactly one too. */
function feedProblems(feed: FeedSpec, where: Array<string | number>): PathProblem[] {
  const sources = (['text', 'base64', 'parts'] as const).filter((key) => feed[key] !== undefined);
  if (sources.length !== 1) return [{ path: where, message: `a feed takes exactly one of text, base64 and parts (it has ${sources.join(' and ') || 'none'})` }];
  const problems: PathProblem[] = [];
  feed.parts?.forEach((part, index) => {
    if ((part.text === undefined) === (part.base64 === undefined)) {
      problems.push({ path: [...where, 'parts', index], message: 'a feed part takes exactly one of text and base64' });
    }
  });
  return problems;
}

function describeSchemaErrors(errors: ErrorObject[], document: Document, lines: LineCounter): SpecProblem[] {
  const unions = explainUnions(errors, (instancePath) => fieldName(pointerOf(instancePath)));
  // With a discriminator, the branch errors are the useful ones; drop the generic oneOf noise.
  const useful = withoutTagDuplicates(unions.errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if'));
  const seen = new Set<string>();
  const problems: SpecProblem[] = unions.problems.map((problem) => locate(pointerOf(problem.instancePath), problem.message, document, lines));
  for (const error of useful) {
    const pointer = pointerOf(error.instancePath);
    const params = error.params as Record<string, unknown>;
    // An unknown field is best shown where it stands, not where its object starts.
    const place = error.keyword === 'additionalProperties' ? [...pointer, String(params.additionalProperty)] : pointer;
    const problem = locate(place, explain(error, pointer), document, lines);
    const key = `${problem.line}:${problem.column}:${problem.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  }
  return problems;
}

/** A check without its `check` field gets one message (the discriminator's), not also "missing the field". */
function withoutTagDuplicates(errors: ErrorObject[]): ErrorObject[] {
  const tagged = new Set(errors.filter((e) => e.keyword === 'discriminator').map((e) => e.instancePath));
  return errors.filter(
    (e) => !(e.keyword === 'required' && tagged.has(e.instancePath) && (e.params as { missingProperty?: string }).missingProperty === 'check'),
  );
}

function pointerOf(instancePath: string): Array<string | number> {
  return instancePath.split('/').slice(1).map(decodePointer);
}

function decodePointer(part: string): string | number {
  const text = part.replace(/~1/g, '/').replace(/~0/g, '~');
  return /^\d+$/.test(text) ? Number(text) : text;
}

function fieldName(pointer: Array<string | number>): string {
  if (pointer.length === 0) return 'the spec';
  return pointer.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

function explain(error: ErrorObject, pointer: Array<string | number>): string {
  const where = fieldName(pointer);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${where} is missing the field "${String(params.missingProperty)}"`;
    case 'additionalProperties':
      return `${where} has an unknown field "${String(params.additionalProperty)}"`;
    case 'enum':
      return `${where} must be one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `${where} must be ${JSON.stringify(params.allowedValue)}`;
    case 'type':
      return `${where} must be ${String(params.type)}`;
    case 'discriminator':
      return params.error === 'mapping'
        ? `${where}.check names no known check kind (known: ${checkKindList()
            .map((k) => k.name)
            .join(', ')})`
        : `${where} needs a "check" field naming its kind (known: ${checkKindList()
            .map((k) => k.name)
            .join(', ')})`;
    default:
      return `${where} ${error.message ?? 'is not valid'}`;
  }
}

/** Finds the line and column of a path in the YAML document (the nearest existing ancestor). */
function locate(pointer: Array<string | number>, message: string, document: Document, lines: LineCounter): SpecProblem {
  for (let length = pointer.length; length >= 0; length--) {
    const node = document.getIn(pointer.slice(0, length), true);
    if (isNode(node) && node.range) {
      const position = lines.linePos(node.range[0]);
      return { line: position.line, column: position.col, message };
    }
  }
  return { line: 1, column: 1, message };
}
