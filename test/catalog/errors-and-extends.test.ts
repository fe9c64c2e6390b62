/** Validation of error codes, names derived from messages, and catalogs that extend others. */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveIdentifier } from '../../generator/catalog/identifiers.js';
import { CatalogError, formatDiagnostic, loadCatalog, parseCatalog } from '../../generator/index.js';
import { removeDir, tempDir, writeFile } from '../harness/helpers.js';

const HEAD = [
  'service: T1', //                                  1
  'errorBody:', //                                   2
  "  codePattern: '^T1\\.[0-9]{4}$'", //             3
  'statuses:', //                                    4
  '  - { status: 400, name: BadRequest, message: Bad Request, description: Bad. }', // 5
  '  - { status: 404, name: NotFound, message: Not Found, description: Missing. }', // 6
  'errors:', //                                      7
];

function problems(errors: string[]): { errors: string[]; warnings: string[] } {
  try {
    const catalog = parseCatalog([...HEAD, ...errors].join('\n'), 'cat.yaml');
    return { errors: [], warnings: catalog.warnings.map(formatDiagnostic) };
  } catch (error) {
    if (error instanceof CatalogError) return { errors: error.diagnostics.map(formatDiagnostic), warnings: [] };
    throw error;
  }
}

describe('deriveIdentifier', () => {
  const cases: [string, string, string][] = [
    ['Invalid parameter', 'T1.0001', 'InvalidParameter'],
    ["The bucket doesn't exist.", 'T1.0002', 'TheBucketDoesntExist'],
    ['Paramètre invalide', 'T1.0003', 'ParametreInvalide'],
    ['404 page missing', 'T1.0004', 'E404PageMissing'],
    ['参数错误', 'SVC.CCE-X.4000003', 'ESVCCCEX4000003'],
    ['type', 'T1.0005', 'Type' + 'Code'],
    ['Infinity', 'T1.0006', 'InfinityCode'],
    ['is api', 'T1.0007', 'IsApi'],
    // Cut between words, and not on the words that lead into what was cut (of, a).
    ['a '.repeat(40) + 'end of a long message', 'T1.0008', `${'A'.repeat(40)}End`],
    ['The API does not exist or has not been published in the environment.', 'T1.0009', 'TheAPIDoesNotExistOrHasNotBeenPublished'],
    [
      'The requested bucket name is already taken by another account and does not belong to you',
      'T1.0010',
      'TheRequestedBucketNameIsAlreadyTakenByAnother',
    ],
    [
      'Access to this object has been denied because the bucket does not exist',
      'T1.0011',
      'AccessToThisObjectHasBeenDeniedBecauseTheBucket',
    ],
    // Exactly 48 characters: nothing is cut, so nothing is dropped.
    ['The quota of this project was exceeded in every zone of the', 'T1.0012', 'TheQuotaOfThisProjectWasExceededInEveryZoneOfThe'],
    // A first word longer than the cap is cut inside; a cut that leaves only dangling words keeps the first.
    ['x'.repeat(60) + ' tail', 'T1.0013', `X${'x'.repeat(47)}`],
    [`The ${'x'.repeat(50)}`, 'T1.0014', 'The'],
  ];
  for (const [message, code, expected] of cases) {
    it(`${JSON.stringify(message).slice(0, 30)} → ${expected}`, () => {
      expect(deriveIdentifier(message, code)).toBe(expected);
      expect(deriveIdentifier(message, code)).toBe(deriveIdentifier(message, code));
    });
  }
});

describe('error code validation', () => {
  it('accepts plain, dotted and hyphenated codes and keeps numeric ones as written', () => {
    const catalog = parseCatalog(
      [
        ...HEAD,
        '  - { code: 0042, status: 400, message: Zero. }',
        '  - { code: SVC.CCE-ADDONMGR.4000003, status: 404, message: Gone. }',
      ].join('\n'),
      'cat.yaml',
    );
    expect(catalog.data.errors?.map((e) => e.code)).toEqual(['0042', 'SVC.CCE-ADDONMGR.4000003']);
  });

  it('gives entries that share a message names suffixed with their codes', () => {
    const catalog = parseCatalog(
      [
        ...HEAD,
        '  - { code: T1.0001, status: 400, message: Invalid name. }',
        '  - { code: T1.0002, status: 400, message: Invalid name. }',
      ].join('\n'),
      'cat.yaml',
    );
    expect(catalog.data.errors?.map((e) => e.name)).toEqual(['InvalidName_T10001', 'InvalidName_T10002']);
  });

  it('accepts a code spelled like a status name', () => {
    const catalog = parseCatalog([...HEAD, '  - { code: NotFound, status: 404, message: No such thing. }'].join('\n'), 'cat.yaml');
    expect(catalog.data.errors?.[0]?.code).toBe('NotFound');
  });

  it('suffixes a derived name that a status already uses', () => {
    const catalog = parseCatalog([...HEAD, '  - { code: T1.0001, status: 404, message: Not found }'].join('\n'), 'cat.yaml');
    expect(catalog.data.errors?.[0]?.name).toBe('NotFound_T10001');
  });

  const cases: [string, string[], Partial<{ errors: string[]; warnings: string[] }>][] = [
    [
      'a duplicate code',
      ['  - { code: T1.0001, status: 400, message: A. }', '  - { code: T1.0001, status: 400, message: B. }'],
      {
        errors: ['cat.yaml:9:13: errors[1].code: duplicate code T1.0001 under status 400 (first at line 8)'],
      },
    ],
    [
      'one code under two statuses: two entries, names told apart by code and status',
      ['  - { code: T1.0001, status: 400, message: A. }', '  - { code: T1.0001, status: 404, message: A. }'],
      {
        errors: [],
        warnings: [
          'cat.yaml:8:44: warning: errors[0].message: name A_T10001_400 is derived from a message that code T1.0001 (line 9) shares; set "name" to keep it stable',
          'cat.yaml:9:44: warning: errors[1].message: name A_T10001_404 is derived from a message that code T1.0001 (line 8) shares; set "name" to keep it stable',
        ],
      },
    ],
    [
      'explicit names that collide',
      ['  - { code: T1.0001, status: 400, message: A., name: Same }', '  - { code: T1.0002, status: 400, message: B., name: Same }'],
      {
        errors: [
          'cat.yaml:9:54: errors[1].name: name "Same" of code T1.0002 collides with code T1.0001 (line 8); give one a different name',
        ],
      },
    ],
    [
      'an explicit name taken by a status',
      ['  - { code: T1.0001, status: 400, message: A., name: NotFound }'],
      {
        errors: [
          'cat.yaml:8:54: errors[0].name: name "NotFound" of code T1.0001 collides with status 404 (line 6); give one a different name',
        ],
      },
    ],
    [
      'a derived name that still collides',
      [
        '  - { code: T1.0001, status: 400, message: A B., name: AB_T10002 }',
        '  - { code: T1.0002, status: 400, message: A B. }',
        '  - { code: T1.0003, status: 400, message: A B. }',
      ],
      {
        errors: [
          'cat.yaml:9:44: warning: errors[1].message: name AB_T10002 is derived from a message that code T1.0003 (line 10) shares; set "name" to keep it stable',
          'cat.yaml:9:44: errors[1].message: name "AB_T10002" derived from the message of code T1.0002 collides with code T1.0001 (line 8); set "name" on one of them',
          'cat.yaml:10:44: warning: errors[2].message: name AB_T10003 is derived from a message that code T1.0002 (line 9) shares; set "name" to keep it stable',
        ],
      },
    ],
    [
      'an invalid explicit name',
      ['  - { code: T1.0001, status: 400, message: A., name: 1st }'],
      {
        errors: [
          'cat.yaml:8:54: errors[0].name: "1st" is not an identifier: use ASCII letters, digits and underscores, starting with a letter',
        ],
      },
    ],
    [
      'a status out of range',
      ['  - { code: T1.0001, status: 700, message: A. }'],
      { errors: ['cat.yaml:8:30: errors[0].status: status 700 is outside 100-599'] },
    ],
    [
      'a numeric code not written in digits',
      ['  - { code: 1e3, status: 400, message: A. }'],
      {
        errors: [
          'cat.yaml:8:13: errors[0].code: numeric code 1e3 is not written in plain digits; write it as a string',
          'cat.yaml:8:13: warning: errors[0].code: code "1e3" does not match codePattern ^T1\\.[0-9]{4}$',
        ],
      },
    ],
    [
      'a code with spaces',
      ['  - { code: "T1 0001", status: 400, message: A. }'],
      { errors: ['cat.yaml:8:13: errors[0].code: must match ^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$'] },
    ],
    [
      'a code that does not match codePattern (warning)',
      ['  - { code: X.1, status: 400, message: A. }'],
      {
        errors: [],
        warnings: ['cat.yaml:8:13: warning: errors[0].code: code "X.1" does not match codePattern ^T1\\.[0-9]{4}$'],
      },
    ],
    [
      'a code on a 2xx status (warning)',
      ['  - { code: T1.0001, status: 200, message: A. }'],
      {
        errors: [],
        warnings: [
          'cat.yaml:8:30: warning: errors[0].status: status 200 has no entry under statuses',
          'cat.yaml:8:30: warning: errors[0].status: error code T1.0001 on the non-error status 200',
        ],
      },
    ],
    ['retry guidance of a code', ['  - { code: T1.0001, status: 400, message: A., retry: anytime }'], { errors: [], warnings: [] }],
    [
      'retry guidance of a code that is none of the four',
      ['  - { code: T1.0001, status: 400, message: A., retry: later }'],
      { errors: ['cat.yaml:8:55: errors[0].retry: must be one of: modify, anytime, retry-after, if-retry-after'] },
    ],
    [
      'a code that waits for Retry-After under a status that never sends it (warning)',
      [
        '  - { code: T1.0001, status: 404, message: A., retry: retry-after }',
        '  - { code: T1.0002, status: 404, message: B., retry: if-retry-after }',
      ],
      {
        errors: [],
        warnings: [
          'cat.yaml:8:55: warning: errors[0].retry: code T1.0001 says to retry after Retry-After (retry: retry-after) but status 404 does not list the Retry-After header (line 6)',
          'cat.yaml:9:55: warning: errors[1].retry: code T1.0002 says to retry after Retry-After (retry: if-retry-after) but status 404 does not list the Retry-After header (line 6)',
        ],
      },
    ],
  ];
  for (const [name, errors, expected] of cases) {
    it(`reports ${name}`, () => {
      const result = problems(errors);
      if (expected.errors !== undefined) expect(result.errors).toEqual(expected.errors);
      if (expected.warnings !== undefined) expect(result.warnings).toEqual(expected.warnings);
    });
  }
});

/** docUrl: an absolute http or https URL written as a URI, else one located error at the field. */
describe('docUrl', () => {
  const entry = (url: string): string => `  - { code: T1.0001, status: 400, message: A., docUrl: ${JSON.stringify(url)} }`;
  for (const url of [
    'https://docs.example.com/errors/T1.0001',
    'http://docs.example.com/errors.html#T1.0001',
    'HTTPS://docs.example.com/a%20b?x=1&y=%C3%A9',
    'https://[::1]:8443/errors',
  ]) {
    it(`accepts ${url}`, () => {
      const catalog = parseCatalog([...HEAD, entry(url)].join('\n'), 'cat.yaml');
      expect(catalog.data.errors?.[0]?.docUrl).toBe(url);
    });
  }
  const at = 'cat.yaml:8:56: errors[0].docUrl: docUrl';
  const cases: [string, string, string][] = [
    [
      'a relative URL',
      '/errors/T1.0001',
      `${at} "/errors/T1.0001" is not an http or https URL: give an absolute one, such as https://docs.example.com/errors/E1`,
    ],
    [
      'a javascript: URL',
      'javascript:alert(1)',
      `${at} "javascript:alert(1)" is not an http or https URL: give an absolute one, such as https://docs.example.com/errors/E1`,
    ],
    [
      'a space',
      'https://docs.example.com/bad url',
      `${at} "https://docs.example.com/bad url" holds a space, which a URI cannot hold as it is: percent-encode it`,
    ],
    [
      'a character outside ASCII',
      'https://docs.example.com/é',
      `${at} "https://docs.example.com/é" holds "é" (U+00E9), which a URI cannot hold as it is: percent-encode it`,
    ],
    [
      'a quote',
      'https://docs.example.com/"x"',
      `${at} "https://docs.example.com/\\"x\\"" holds "\\"" (U+0022), which a URI cannot hold as it is: percent-encode it`,
    ],
    [
      'a broken percent escape',
      'https://docs.example.com/100%',
      `${at} "https://docs.example.com/100%" has a % not followed by two hexadecimal digits: write % as %25`,
    ],
    [
      'two fragments',
      'https://docs.example.com/#a#b',
      `${at} "https://docs.example.com/#a#b" has a second #, which a URI cannot hold: write it as %23`,
    ],
    ['no host', 'https:///errors', `${at} "https:///errors" names no host`],
    ['a port out of range', 'https://docs.example.com:99999/', `${at} "https://docs.example.com:99999/" is not a valid URL`],
  ];
  for (const [name, url, expected] of cases) {
    it(`reports ${name}, located at the field`, () => {
      expect(problems([entry(url)])).toEqual({ errors: [expected], warnings: [] });
    });
  }
  it('reports a docUrl that is not a string with the schema', () => {
    expect(problems(['  - { code: T1.0001, status: 400, message: A., docUrl: 42 }']).errors).toEqual([
      'cat.yaml:8:56: errors[0].docUrl: must be a string',
    ]);
  });
});

/**
 * A derived name that needs its code appended is a warning saying why, naming the other
 * entry's line: the same message, messages cut to the same name, messages that differ only in
 * case or punctuation, or a name another entry already has.
 */
describe('warnings on derived names that collide', () => {
  const stable = '; set "name" to keep it stable';
  const cases: [string, string[], string[]][] = [
    [
      'the same message',
      ['  - { code: T1.0001, status: 400, message: Invalid name. }', '  - { code: T1.0002, status: 400, message: Invalid name. }'],
      [
        `cat.yaml:8:44: warning: errors[0].message: name InvalidName_T10001 is derived from a message that code T1.0002 (line 9) shares${stable}`,
        `cat.yaml:9:44: warning: errors[1].message: name InvalidName_T10002 is derived from a message that code T1.0001 (line 8) shares${stable}`,
      ],
    ],
    [
      'different messages cut to the same name',
      [
        '  - { code: T1.0001, status: 404, message: The API does not exist or has not been published in the staging environment. }',
        '  - { code: T1.0002, status: 404, message: The API does not exist or has not been published in the production environment. }',
      ],
      [
        `cat.yaml:8:44: warning: errors[0].message: name TheAPIDoesNotExistOrHasNotBeenPublished_T10001 is derived from a message cut to the same name as that of code T1.0002 (line 9), though the messages differ${stable}`,
        `cat.yaml:9:44: warning: errors[1].message: name TheAPIDoesNotExistOrHasNotBeenPublished_T10002 is derived from a message cut to the same name as that of code T1.0001 (line 8), though the messages differ${stable}`,
      ],
    ],
    [
      'messages that differ in case and punctuation only',
      ['  - { code: T1.0001, status: 400, message: Invalid name. }', '  - { code: T1.0002, status: 400, message: "invalid Name!" }'],
      [
        `cat.yaml:8:44: warning: errors[0].message: name InvalidName_T10001 is derived from a message that differs from that of code T1.0002 (line 9) only in case, accents or punctuation${stable}`,
        `cat.yaml:9:44: warning: errors[1].message: name InvalidName_T10002 is derived from a message that differs from that of code T1.0001 (line 8) only in case, accents or punctuation${stable}`,
      ],
    ],
    [
      'a name a status has',
      ['  - { code: T1.0001, status: 404, message: Not found. }'],
      [
        `cat.yaml:8:44: warning: errors[0].message: name NotFound_T10001 is derived from a message that gives NotFound, already the name of status 404 (line 6)${stable}`,
      ],
    ],
    [
      'a name given to another code',
      [
        '  - code: T1.0001',
        '    status: 400',
        '    message: Bad name.',
        '    name: InvalidName',
        '  - { code: T1.0002, status: 400, message: Invalid name. }',
      ],
      [
        `cat.yaml:12:44: warning: errors[1].message: name InvalidName_T10002 is derived from a message that gives InvalidName, already the name of code T1.0001 (line 11)${stable}`,
      ],
    ],
  ];
  for (const [name, errors, expected] of cases) {
    it(`says why for ${name}`, () => {
      expect(problems(errors)).toEqual({ errors: [], warnings: expected });
    });
  }

  it('names the other entry with its file when it is in another one', () => {
    const dir = tempDir();
    try {
      writeFile(join(dir, 'base.yaml'), [...HEAD, '  - { code: T1.0001, status: 400, message: Invalid name. }'].join('\n'));
      const catalog = loadCatalog(
        writeFile(join(dir, 'svc.yaml'), 'extends: base.yaml\nerrors:\n  - { code: T1.0002, status: 400, message: Invalid name. }\n'),
      );
      expect(catalog.warnings.map(formatDiagnostic).map((line) => line.split(`${dir}/`).join(''))).toEqual([
        `base.yaml:8:44: warning: errors[0].message: name InvalidName_T10001 is derived from a message that code T1.0002 (svc.yaml:3) shares${stable}`,
        `svc.yaml:3:44: warning: errors[0].message: name InvalidName_T10002 is derived from a message that code T1.0001 (base.yaml:8) shares${stable}`,
      ]);
    } finally {
      removeDir(dir);
    }
  });
});

describe('extends', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
    writeFile(join(dir, 'base.yaml'), HEAD.slice(0, 6).join('\n'));
  });
  afterEach(() => removeDir(dir));

  const load = (text: string, name = 'svc.yaml'): string[] => {
    try {
      loadCatalog(writeFile(join(dir, 'sub', name), text));
      return [];
    } catch (error) {
      if (error instanceof CatalogError) return error.diagnostics.map(formatDiagnostic).map((line) => line.replaceAll(dir, '<dir>'));
      throw error;
    }
  };

  it('inherits the statuses and error body, and adds its own codes', () => {
    const path = writeFile(
      join(dir, 'sub', 'svc.yaml'),
      'extends: ../base.yaml\nservice: SVC\nerrors:\n  - { code: T1.0001, status: 404, message: No widget. }\n',
    );
    const catalog = loadCatalog(path);
    expect(catalog.data.service).toBe('SVC');
    expect(catalog.data.statuses.map((s) => s.status)).toEqual([400, 404]);
    expect(catalog.data.errorBody.codePattern).toBe('^T1\\.[0-9]{4}$');
    expect(catalog.data.errors?.map((e) => e.code)).toEqual(['T1.0001']);
  });

  it('reports a problem in the file that has it', () => {
    expect(load('extends: ../base.yaml\nstatuses:\n  - { status: 409, name: NotFound, message: Clash, description: Dup. }\n')).toEqual([
      '<dir>/sub/svc.yaml:3:26: statuses[0].name: name "NotFound" of status 409 collides with status 404 (<dir>/base.yaml:6); give one a different name',
    ]);
  });

  it('lets a status or code of the extending file replace an inherited one', () => {
    const path = writeFile(
      join(dir, 'sub', 'svc.yaml'),
      'extends: ../base.yaml\nstatuses:\n  - { status: 404, name: Missing, message: Missing, description: Ours. }\n',
    );
    const catalog = loadCatalog(path);
    expect(catalog.data.statuses.map((s) => [s.status, s.name])).toEqual([
      [400, 'BadRequest'],
      [404, 'Missing'],
    ]);
  });

  it('drops inherited field names when the extending file changes the body shape', () => {
    writeFile(join(dir, 'flat.yaml'), [...HEAD.slice(0, 2), '  codeField: err', '  messageField: msg', ...HEAD.slice(2, 6)].join('\n'));
    const path = writeFile(join(dir, 'sub', 'svc.yaml'), 'extends: ../flat.yaml\nerrorBody:\n  shape: problem\n');
    expect(loadCatalog(path).data.errorBody).toEqual({ codePattern: '^T1\\.[0-9]{4}$', shape: 'problem' });
  });

  it('merges the TypeScript options key by key, and reports options that contradict where the later one was written', () => {
    writeFile(join(dir, 'js.yaml'), [...HEAD.slice(0, 6), 'typescript:', '  emit: js', '  enums: enum'].join('\n'));
    const path = writeFile(join(dir, 'sub', 'svc.yaml'), 'extends: ../js.yaml\ntypescript:\n  enums: const\n');
    expect(loadCatalog(path).data.typescript).toEqual({ emit: 'js', enums: 'const' });
    expect(load('extends: ../js.yaml\ntypescript:\n  importExtension: .ts\n')).toEqual([
      '<dir>/sub/svc.yaml:3:20: typescript.importExtension: importExtension ".ts" needs emit "ts": the JavaScript of emit "js" (<dir>/js.yaml:8) imports its modules by ".js"; leave importExtension out',
    ]);
    expect(load('extends: ../js.yaml\ntypescript:\n  importExtension: .ts\n  emit: ts\n')).toEqual([]);
  });

  it('resolves an absolute extends path', () => {
    const path = writeFile(join(dir, 'sub', 'svc.yaml'), `extends: ${join(dir, 'base.yaml')}\n`);
    expect(loadCatalog(path).data.statuses).toHaveLength(2);
  });

  it('names a missing base where it is named', () => {
    expect(load('extends: ../nope.yaml\n')).toEqual([
      '<dir>/sub/svc.yaml:1:10: extends: <dir>/nope.yaml: cannot read catalog: no such file',
    ]);
  });

  it('refuses a cycle', () => {
    writeFile(join(dir, 'sub', 'a.yaml'), 'extends: b.yaml\n');
    writeFile(join(dir, 'sub', 'b.yaml'), 'extends: a.yaml\n');
    expect(load('extends: a.yaml\n', 'c.yaml')).toEqual([
      '<dir>/sub/b.yaml:1:10: extends: extends forms a cycle: c.yaml -> a.yaml -> b.yaml -> a.yaml',
    ]);
  });
});
