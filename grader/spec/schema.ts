import type { CheckKind } from '../checks/types.js';
import { specSchema } from './schema-base.js';

const commonCheckProperties = {
  hint: { type: 'string', description: "Shown to the student with a failure, in place of the check's own advice." },
  process: { type: 'string', description: "Which process's run the check reads in multi-process tests (default main)." },
};

/** The schema of one check: one branch per kind, chosen by its `check` field. */
export function checkSchema(kinds: Iterable<CheckKind>): object {
  const branches = [...kinds].map((kind) => ({
    type: 'object',
    description: kind.description,
    properties: {
      check: { const: kind.name, description: kind.description },
      ...commonCheckProperties,
      ...kind.schema.properties,
    },
    required: ['check', ...(kind.schema.required ?? [])],
    additionalProperties: false,
  }));
  return {
    type: 'object',
    required: ['check'],
    properties: { check: { type: 'string', description: 'The kind of check.' } },
    discriminator: { propertyName: 'check' },
    oneOf: branches,
  };
}

/** The complete spec schema, as written to specs/schema.json. */
export function fullSpecSchema(kinds: Iterable<CheckKind>): object {
  return specSchema(checkSchema(kinds));
}
