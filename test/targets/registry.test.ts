/**
 * generator/targets/index.ts, the registry of output targets: everything that lists targets
 * (the JSON Schema's `output` keys, the generate command's flags and help, the pipeline's
 * folders, the folders under generator/targets/) agrees with it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { GENERATE_OPTIONS } from '../../generator/commands/generate.js';
import { loadCatalog } from '../../generator/index.js';
import { generate } from '../../generator/pipeline.js';
import { TARGET_NAMES, TARGETS } from '../../generator/targets/index.js';
import { MANIFEST_PATH } from '../../generator/write/manifest.js';
import { DEFAULT_CATALOG, ROOT, runCli } from '../harness/helpers.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'data', 'catalog.schema.json'), 'utf8')) as {
  properties: { output: { properties: Record<string, { description?: string }>; additionalProperties: boolean } };
};

describe('the target registry', () => {
  test('names, folders and options are each unique', () => {
    for (const key of ['name', 'folder', 'option'] as const) {
      const values = TARGETS.map((target) => target[key]);
      expect(new Set(values).size, key).toBe(values.length);
    }
  });

  test("the catalog's JSON Schema has one output key per target, each described, and no other", () => {
    const output = schema.properties.output;
    expect(Object.keys(output.properties).sort()).toEqual([...TARGET_NAMES].sort());
    expect(output.additionalProperties).toBe(false);
    for (const name of TARGET_NAMES) expect(output.properties[name]?.description, name).toMatch(/\S/);
  });

  test('every folder under generator/targets/ is a registered target, and every target has its folder', () => {
    const folders = readdirSync(join(ROOT, 'generator', 'targets'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders).toEqual([...TARGET_NAMES].sort());
  });

  test('generate takes a string option for each target', () => {
    for (const target of TARGETS) expect(GENERATE_OPTIONS, target.option).toHaveProperty([target.option.slice(2), 'type'], 'string');
  });

  test('the help text shows each target option in the usage and explains it', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    for (const target of TARGETS) {
      expect(help.stdout, target.name).toContain(`[${target.option} DIR]`);
      expect(help.stdout, target.name).toMatch(new RegExp(`^  ${target.option} DIR +a folder of its own for ${target.summary}$`, 'm'));
    }
  });

  test("the pipeline puts each target's files in the target's folder, and only the targets asked for", async () => {
    const catalog = loadCatalog(DEFAULT_CATALOG);
    const all = await generate(catalog);
    const topFolders = new Set(all.filter((file) => file.path !== MANIFEST_PATH).map((file) => file.path.split('/')[0]));
    expect([...topFolders].sort()).toEqual(TARGETS.map((target) => target.folder).sort());
    for (const target of TARGETS) {
      const one = await generate(catalog, { outputs: [target.name] });
      const paths = one.filter((file) => file.path !== MANIFEST_PATH).map((file) => file.path);
      expect(paths.length, target.name).toBeGreaterThan(0);
      expect(
        paths.filter((path) => !path.startsWith(`${target.folder}/`)),
        target.name,
      ).toEqual([]);
      expect(paths).toEqual(all.map((file) => file.path).filter((path) => path.startsWith(`${target.folder}/`)));
    }
  });
});
