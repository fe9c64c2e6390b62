/** generator/targets/typescript/modules/catalog.ts in-process: MAX_ERROR_CODE_LENGTH, the bound the runtime checks before running codePattern. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { emitTypeScript } from '../../../../generator/targets/typescript/typescript.js';
import { parseCatalog } from '../../../../generator/index.js';
import { buildModel } from '../../../../generator/model/model.js';
import { loadRuntimeSources } from '../../../../generator/targets/typescript/runtime-sources.js';
import { ROOT } from '../../../harness/helpers.js';
import type { TestCase } from '../../../harness/cases.js';

/** The MAX_ERROR_CODE_LENGTH line catalog.ts declares for a catalog's YAML text. */
async function declaredBound(text: string): Promise<string | undefined> {
  const files = await emitTypeScript(buildModel(parseCatalog(text, 'bound.yaml')), loadRuntimeSources());
  const catalog = files.find((f) => f.path === 'catalog.ts')!.contents;
  return catalog.split('\n').find((line) => line.startsWith('export const MAX_ERROR_CODE_LENGTH'));
}

const STATUSES = `statuses:
  - { status: 400, name: BadRequest, message: Bad Request, description: Bad. }
  - { status: 404, name: NotFound, message: Not Found, description: None. }
`;

/** The most characters data/catalog.schema.json allows an errors[].code: its pattern's {0,N} plus the first character. */
function schemaMaxCodeLength(): number {
  const schema = JSON.parse(readFileSync(join(ROOT, 'data', 'catalog.schema.json'), 'utf8')) as {
    definitions: { error: { properties: { code: { pattern: string } } } };
  };
  const match = /^\^\[[^\]]+\]\[[^\]]+\]\{0,([0-9]+)\}\$$/.exec(schema.definitions.error.properties.code.pattern);
  expect(match, 'the schema bounds codes with {0,N}').not.toBeNull();
  return Number(match![1]) + 1;
}

describe('MAX_ERROR_CODE_LENGTH', () => {
  const tests: TestCase<string, number>[] = [
    [
      'the longest listed code',
      {
        given: `service: B1\nerrorBody: {}\n${STATUSES}errors:\n  - { code: B1.1, status: 400, message: A. }\n  - { code: B1.000042, status: 404, message: B. }\n`,
        want: 'B1.000042'.length,
      },
    ],
    [
      'a numeric code, as written (leading zeros)',
      { given: `service: B2\nerrorBody: {}\n${STATUSES}errors:\n  - { code: "000404", status: 404, message: A. }\n`, want: 6 },
    ],
    [
      'the default code when it is the longest',
      {
        given: `service: B3\nerrorBody: { defaultCode: B3.DEFAULT.0000 }\n${STATUSES}errors:\n  - { code: B3.1, status: 400, message: A. }\n`,
        want: 'B3.DEFAULT.0000'.length,
      },
    ],
    [
      "a status's own default code when it is the longest",
      {
        given: `service: B4\nerrorBody: { defaultCode: B4.0 }\nstatuses:\n  - { status: 404, name: NotFound, message: Not Found, description: None., defaultCode: B4.NOT-FOUND }\n`,
        want: 'B4.NOT-FOUND'.length,
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, async () => {
      expect(await declaredBound(given)).toBe(`export const MAX_ERROR_CODE_LENGTH = ${want};`);
    });
  }

  test('a catalog without any code: the most the schema allows a code (128)', async () => {
    expect(schemaMaxCodeLength()).toBe(128);
    expect(await declaredBound(`service: B5\nerrorBody: {}\n${STATUSES}`)).toBe(
      `export const MAX_ERROR_CODE_LENGTH = ${schemaMaxCodeLength()};`,
    );
  });
});
