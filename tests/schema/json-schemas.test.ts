// The JSON Schemas in schemas/ are made from the project's schemas and kept current; every field has a
// description (an editor shows it on hover); an object the loader refuses unknown fields in says so.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemaText, SCHEMA_FILES, undescribed, type SchemaName } from '../../src/schema/json-schemas.ts';
import { ROOT } from '../support/project.ts';

const names = Object.keys(SCHEMA_FILES) as SchemaName[];

describe('schemas/*.schema.json', () => {
  it.each(names)('%s is current (run npm run schemas after changing a schema)', (name) => {
    expect(readFileSync(resolve(ROOT, 'schemas', `${name}.schema.json`), 'utf8')).toBe(jsonSchemaText(name));
  });

  it.each(names)('%s describes every field', (name) => {
    expect(undescribed(JSON.parse(jsonSchemaText(name)))).toEqual([]);
  });

  it('refuses unknown fields where the loader does, at every level', () => {
    const people = JSON.parse(jsonSchemaText('people'));
    expect(people.additionalProperties).toBe(false);
    expect(people.properties.team.additionalProperties).toBe(false);
    expect(people.properties.helpers.items.additionalProperties).toBe(false);
    const studies = JSON.parse(jsonSchemaText('studies'));
    expect(studies.properties.studies.items.properties.results.items.additionalProperties).toBe(false);
  });

  it('lets a section be left out: only what every talk needs is required', () => {
    expect(JSON.parse(jsonSchemaText('people')).required ?? []).toEqual([]);
    expect(JSON.parse(jsonSchemaText('takeaways')).required ?? []).toEqual([]);
    expect(JSON.parse(jsonSchemaText('talk')).required).toEqual(expect.arrayContaining(['title', 'slug', 'lang', 'shareUrl']));
  });
});
