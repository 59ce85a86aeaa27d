// The text of specs/schema.json as the code defines it (the spec format with every check kind).
import { checkKindList } from '../checks/index.js';
import { fullSpecSchema } from './schema.js';

/** The text of specs/schema.json as the code defines it. */
export function schemaText(): string {
  return `${JSON.stringify(fullSpecSchema(checkKindList()), null, 2)}\n`;
}
