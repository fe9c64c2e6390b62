/** generator/body/presets/: the registry of body presets, and the catalog schema that names them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_PRESET, PRESETS } from '../../generator/body/presets/index.js';
import { pointerTokens } from '../../generator/util/json-pointer.js';
import { ROOT } from '../harness/helpers.js';

type SchemaNode = { readonly $ref?: string } & Record<string, unknown>;

/** The node at `path` below the schema's root, following each `$ref` (local ones: `#/definitions/…`) on the way. */
function schemaNode(schema: SchemaNode, path: readonly string[]): SchemaNode {
  const resolved = (node: SchemaNode): SchemaNode =>
    node.$ref === undefined ? node : resolved(schemaNode(schema, pointerTokens(node.$ref.slice(1))));
  let node = schema;
  for (const key of path) {
    const next = resolved(node)[key];
    if (next === null || typeof next !== 'object') throw new Error(`the schema has no ${path.join('.')}`);
    node = next as SchemaNode;
  }
  return resolved(node);
}

describe('body presets', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'data', 'catalog.schema.json'), 'utf8')) as SchemaNode;
  const shape = schemaNode(schema, ['properties', 'errorBody', 'properties', 'shape']);

  test('the schema allows exactly the registered presets as errorBody.shape, in registry order', () => {
    expect(shape['enum']).toEqual(Object.keys(PRESETS));
  });

  test('each preset is registered under its own name, and the default is one of them', () => {
    for (const [name, preset] of Object.entries(PRESETS)) expect(preset.name).toBe(name);
    expect(Object.keys(PRESETS)).toContain(DEFAULT_PRESET);
  });
});
