// Schema errors of a `oneOf` union (a step, a mustReject's test, ...) said as one mistake. Ajv
// reports every branch's complaint ("missing the field send", "missing the field expect", ...),
// which names a field of some other kind. Here each union error becomes either the errors of the
// one branch the value chose (by the field that names its kind), or one message listing the
// valid kinds (or shapes). Needs Ajv's `verbose` option (the error carries its schema and data).
import type { ErrorObject } from 'ajv';

/** A message about the value at `pointer` (a JSON pointer into the spec). */
export interface UnionProblem {
  instancePath: string;
  message: string;
}

interface Branch {
  type?: string | string[];
  required?: string[];
  items?: { type?: string };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The field that names a branch's kind: the first it requires (`send`, `expect`, ...), when it is an object. */
function kindField(branch: Branch): string | undefined {
  return branch.type === 'object' ? branch.required?.[0] : undefined;
}

/** Is the value of a JSON type the branch names? */
function acceptsTypeOf(branch: Branch, data: unknown): boolean {
  const types = branch.type === undefined ? [] : Array.isArray(branch.type) ? branch.type : [branch.type];
  const actual = Array.isArray(data)
    ? 'array'
    : data === null
      ? 'null'
      : typeof data === 'number'
        ? Number.isInteger(data)
          ? 'integer'
          : 'number'
        : typeof data;
  return types.includes(actual) || (actual === 'integer' && types.includes('number'));
}

/** "a string", "a list of strings", "an object": what a branch accepts, for a message. */
function shapeOf(branch: Branch): string {
  const type = Array.isArray(branch.type) ? branch.type.join(' or ') : (branch.type ?? 'a value');
  if (type === 'array') return branch.items?.type ? `a list of ${branch.items.type}s` : 'a list';
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

function quoted(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}

/** Is `error` about the value at `instancePath` (or inside it) and from a branch under `schemaPath`? */
function within(error: ErrorObject, instancePath: string, schemaPrefix: string): boolean {
  const inside = error.instancePath === instancePath || error.instancePath.startsWith(`${instancePath}/`);
  return inside && error.schemaPath.startsWith(schemaPrefix);
}

/**
 * Splits Ajv's errors into those to explain one by one and one message per failed union.
 * `where` names a JSON pointer for messages (e.g. "tests[0].steps[1]").
 */
export function explainUnions(errors: readonly ErrorObject[], where: (instancePath: string) => string): { errors: ErrorObject[]; problems: UnionProblem[] } {
  const dropped = new Set<ErrorObject>();
  const problems: UnionProblem[] = [];
  // Innermost unions first, so that an outer one sees what an inner one already said.
  const unions = errors.filter((e) => e.keyword === 'oneOf' && Array.isArray(e.schema)).sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const union of unions) {
    dropped.add(union);
    const branches = union.schema as Branch[];
    const prefix = `${union.schemaPath}/`;
    const fromBranches = errors.filter((e) => e !== union && within(e, union.instancePath, prefix));
    const data: unknown = union.data;
    if (isRecord(union.parentSchema) && 'discriminator' in union.parentSchema) continue; // its own errors say it (see explain)
    const named = branches.map(kindField);
    // A kind union: every branch an object named by a field of its own.
    const kinds = new Set(named).size === named.length ? named : [];
    const name = where(union.instancePath);
    if (kinds.length > 0 && kinds.every((kind): kind is string => kind !== undefined) && isRecord(data)) {
      const present = kinds.filter((kind) => kind in data);
      if (present.length === 1) {
        // The value chose its kind: only that branch's complaints are about it.
        const chosen = `${prefix}${kinds.indexOf(present[0]!)}/`;
        for (const error of fromBranches) if (!error.schemaPath.startsWith(chosen)) dropped.add(error);
        continue;
      }
      for (const error of fromBranches) dropped.add(error);
      const fields = Object.keys(data);
      problems.push({
        instancePath: union.instancePath,
        message:
          present.length === 0
            ? `${name} is of no known kind: it has ${fields.length === 0 ? 'no field' : `the field${fields.length > 1 ? 's' : ''} ${quoted(fields)}`}, and needs exactly one of the fields that name a kind: ${quoted(kinds)}`
            : `${name} has the fields ${present.map((field) => `"${field}"`).join(' and ')}, each naming a kind of its own: it takes exactly one of ${quoted(kinds)}`,
      });
      continue;
    }
    // A union of shapes: a value of one branch's type gets that branch's complaints.
    const fitting = branches.flatMap((branch, index) => (acceptsTypeOf(branch, data) ? [index] : []));
    if (fitting.length === 1) {
      const chosen = `${prefix}${fitting[0]}/`;
      for (const error of fromBranches) if (!error.schemaPath.startsWith(chosen)) dropped.add(error);
      continue;
    }
    for (const error of fromBranches) dropped.add(error);
    problems.push({ instancePath: union.instancePath, message: `${name} must be ${branches.map(shapeOf).join(' or ')}` });
  }
  return { errors: errors.filter((e) => !dropped.has(e)), problems };
}
