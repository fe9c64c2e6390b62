/**
 * The catalog modules in generator/targets/typescript/runtime/ (catalog.ts, status-codes.ts, error-codes.ts,
 * errors.ts) stand in for what every output generates, so that the runtime type-checks and its
 * tests run: they must be exactly what the generator writes for their catalog, and the runtime
 * modules must be exactly what every output copies.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTER_MODULES, CATALOG_MODULES, RUNTIME_MODULES } from '../../../../generator/targets/typescript/runtime-sources.js';
import { removeDir, ROOT, tempDir } from '../../../harness/helpers.js';
import { generateCatalog } from '../../../harness/cases.js';

const RUNTIME = join(ROOT, 'generator', 'targets', 'typescript', 'runtime');
let dir: string;
let generated: string;

beforeAll(async () => {
  dir = tempDir();
  generated = await generateCatalog(join(ROOT, 'test', 'fixtures', 'catalogs', 'runtime.yaml'), join(dir, 'out'));
});

afterAll(() => removeDir(dir));

describe('generator/targets/typescript/runtime', () => {
  it('holds the runtime modules, the stand-ins and the adapters, nothing else', () => {
    const entries = readdirSync(RUNTIME, { withFileTypes: true });
    expect(
      entries
        .filter((e) => e.isFile())
        .map((e) => e.name)
        .sort(),
    ).toEqual([...RUNTIME_MODULES, ...CATALOG_MODULES].sort());
    expect(entries.filter((e) => !e.isFile()).map((e) => e.name)).toEqual(['adapters']);
    expect(
      readdirSync(join(RUNTIME, 'adapters'))
        .map((name) => `adapters/${name}`)
        .sort(),
    ).toEqual([...ADAPTER_MODULES].sort());
  });

  for (const name of CATALOG_MODULES) {
    it(`${name} is what the generator writes for runtime.yaml (run npm run stand-ins when not)`, () => {
      expect(readFileSync(join(RUNTIME, name), 'utf8')).toBe(readFileSync(join(generated, name), 'utf8'));
    });
  }

  for (const name of RUNTIME_MODULES) {
    it(`${name} is copied into the output as it is, below the generated-file header`, () => {
      const source = readFileSync(join(RUNTIME, name), 'utf8');
      const copy = readFileSync(join(generated, name), 'utf8');
      expect(copy.startsWith('/**\n * Generated file. Do not edit.')).toBe(true);
      expect(copy.endsWith(`*/\n\n${source}`)).toBe(true);
    });
  }
});
