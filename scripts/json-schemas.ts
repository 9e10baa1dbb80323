// `npm run schemas`: writes schemas/<name>.schema.json from the project's own schemas (src/schema/json-schemas.ts),
// after a schema changes. tests/schema/json-schemas.test.ts fails when the files in schemas/ are not current.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { jsonSchemaText, SCHEMA_FILES, type SchemaName } from '../src/schema/json-schemas.ts';

const out = resolve(import.meta.dirname, '..', 'schemas');
mkdirSync(out, { recursive: true });
for (const name of Object.keys(SCHEMA_FILES) as SchemaName[]) {
  writeFileSync(resolve(out, `${name}.schema.json`), jsonSchemaText(name));
  console.log(`schemas/${name}.schema.json  (${SCHEMA_FILES[name].file})`);
}
