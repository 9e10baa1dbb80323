// The editor speaks the talk's language: its own words and the name of every field of every data file, in en, es, fr.
import { describe, expect, it } from 'vitest';
import { editorWords } from '../../src/edit/editor-plugin.ts';
import { jsonSchemaText, SCHEMA_FILES, type SchemaName } from '../../src/schema/json-schemas.ts';

function fieldNames(node: unknown, out = new Set<string>()): Set<string> {
  if (!node || typeof node !== 'object') return out;
  const n = node as Record<string, unknown>;
  for (const [key, value] of Object.entries((n.properties as Record<string, unknown>) ?? {})) {
    out.add(key);
    fieldNames(value, out);
  }
  for (const k of ['items', 'anyOf', 'oneOf', 'allOf']) {
    const v = n[k];
    if (Array.isArray(v)) v.forEach((x) => fieldNames(x, out));
    else fieldNames(v, out);
  }
  return out;
}

describe('the editor\'s words', () => {
  const fields = new Set<string>();
  for (const name of Object.keys(SCHEMA_FILES) as SchemaName[]) fieldNames(JSON.parse(jsonSchemaText(name)), fields);

  for (const lang of ['en', 'es', 'fr']) {
    it(`names every field of every data file in ${lang}`, () => {
      const words = editorWords(lang);
      expect([...fields].filter((f) => !words[`field_${f}`])).toEqual([]);
      expect(words.pageTitle).toBeTruthy();
    });
  }

  it('in Spanish and French, not in English', () => {
    expect(editorWords('es').field_shortTitle).toBe('Título corto');
    expect(editorWords('fr').field_meaning).toBe('Ce que cela veut dire');
    expect(editorWords('es').part_sources).toBe('Fuentes');
    expect(editorWords('de').field_shortTitle).toBe('Short title');
  });
});
