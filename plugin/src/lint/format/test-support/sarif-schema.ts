// Validation against the official SARIF 2.1.0 JSON schema (draft-04), as shipped by
// @microsoft/jest-sarif, with the Ajv 6 it depends on (Ajv 8 no longer reads draft-04).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

interface SchemaValidator {
  addMetaSchema(schema: object): void;
  validate(schema: object, data: unknown): boolean;
  errors?: unknown[] | null;
}

/** Returns a function listing the schema violations of a log (none: valid). */
export function sarifValidator(): (log: unknown) => unknown[] {
  const require = createRequire(import.meta.url);
  const pkg = dirname(require.resolve('@microsoft/jest-sarif/package.json'));
  const fromPkg = createRequire(join(pkg, 'package.json'));
  const Ajv = fromPkg('ajv') as new (options: object) => SchemaValidator;
  const ajv = new Ajv({ schemaId: 'auto', validateSchema: false, allErrors: true });
  ajv.addMetaSchema(fromPkg('ajv/lib/refs/json-schema-draft-04.json') as object);
  const schema = JSON.parse(readFileSync(join(pkg, 'lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  return (log) => (ajv.validate(schema, log) ? [] : (ajv.errors ?? []));
}
