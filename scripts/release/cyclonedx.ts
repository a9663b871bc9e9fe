// CycloneDX 1.6 JSON: the schema check (the official schemas as @cyclonedx/cyclonedx-library ships
// them, run by ajv) and the SPDX license ids the schema accepts.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import formats from 'ajv-formats';
import type { ErrorObject } from 'ajv';

export const SPEC_VERSION = '1.6';
const BASE = 'http://cyclonedx.org/schema/';

const schemaDir = join(dirname(createRequire(import.meta.url).resolve('@cyclonedx/cyclonedx-library/package.json')), 'res/schema');

function schema(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(schemaDir, file), 'utf8')) as Record<string, unknown>;
}

let validator: ((bom: unknown) => string[]) | undefined;

/** Schema violations of a CycloneDX 1.6 JSON document, as "<path>: <message>" lines; [] when valid. */
export function validateBom(bom: unknown): string[] {
  if (!validator) {
    // The CycloneDX schemas carry extra annotation keywords ("meta:enum"): not strict.
    const ajv = new Ajv({ strict: false, allErrors: true });
    formats.default(ajv);
    // The two draft 2019 formats ajv-formats lacks, checked as loosely as RFC 3987/6531 allow.
    ajv.addFormat('iri-reference', /^[^\s<>"{}|\\^`]*$/u);
    ajv.addFormat('idn-email', /^[^\s@]+@[^\s@]+$/u);
    // bom-1.6 refers to its companions by file name, relative to its own $id.
    for (const file of ['spdx.SNAPSHOT.schema.json', 'jsf-0.82.SNAPSHOT.schema.json']) {
      const { $id: _id, ...companion } = schema(file);
      ajv.addSchema(companion, `${BASE}${file}`);
    }
    const validate = ajv.compile(schema(`bom-${SPEC_VERSION}.SNAPSHOT.schema.json`));
    validator = (bom) =>
      validate(bom)
        ? []
        : (validate.errors ?? []).map(
            (e: ErrorObject) => `${e.instancePath || '/'}: ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`,
          );
  }
  return validator(bom);
}

let spdxIds: Set<string> | undefined;

/** Whether the schema's SPDX license list has this id. */
export function isSpdxId(id: string): boolean {
  spdxIds ??= new Set(schema('spdx.SNAPSHOT.schema.json').enum as string[]);
  return spdxIds.has(id);
}
