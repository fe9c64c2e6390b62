/** generator/targets/typescript/runtime/headers.ts: response headers of an error, normalized. */
import { AxiosError, AxiosHeaders, type RawAxiosResponseHeaders } from 'axios';
import { describe, expect, test } from 'vitest';
import type { ApiError } from '../../../../generator/targets/typescript/runtime/api-error.js';
import { errorFromResponse } from '../../../../generator/targets/typescript/runtime/from-response.js';
import {
  isHopByHopOrEntityHeader,
  normalizeHeaders,
  REQUEST_ID_HEADER,
  type HeaderInput,
} from '../../../../generator/targets/typescript/runtime/headers.js';
import type { TestCase } from '../../../harness/cases.js';

/** The result as [name, value] pairs in insertion order (the result has no prototype). */
const entries = (headers: Readonly<Record<string, string>>): [string, string][] => Object.entries(headers);

describe('normalizeHeaders', () => {
  const tests: TestCase<{ input: unknown; keep?: (name: string) => boolean }, [string, string][]>[] = [
    [
      'record: names lower-cased',
      {
        given: { input: { 'Retry-After': '5', 'X-Request-Id': 'abc' } },
        want: [
          ['retry-after', '5'],
          ['x-request-id', 'abc'],
        ],
      },
    ],
    ['record: already lower-case names kept as they are', { given: { input: { allow: 'GET' } }, want: [['allow', 'GET']] }],
    [
      'Map',
      {
        given: {
          input: new Map([
            ['WWW-Authenticate', 'Bearer'],
            ['Retry-After', '1'],
          ]),
        },
        want: [
          ['www-authenticate', 'Bearer'],
          ['retry-after', '1'],
        ],
      },
    ],
    [
      'fetch Headers (repeated names joined by Headers itself)',
      {
        given: {
          input: (() => {
            const h = new Headers({ 'Retry-After': '7' });
            h.append('Allow', 'GET');
            h.append('Allow', 'HEAD');
            return h;
          })(),
        },
        want: [
          ['allow', 'GET, HEAD'],
          ['retry-after', '7'],
        ],
      },
    ],
    ['arrays joined with ", "', { given: { input: { Allow: ['GET', 'HEAD', 'PUT'] } }, want: [['allow', 'GET, HEAD, PUT']] }],
    [
      'array entries that are not text dropped',
      { given: { input: { Allow: ['GET', null, { a: 1 }, 'HEAD'] } }, want: [['allow', 'GET, HEAD']] },
    ],
    ['empty array is an empty value', { given: { input: { Allow: [] } }, want: [['allow', '']] }],
    [
      'numbers become text',
      {
        given: { input: { 'Retry-After': 120, 'Content-Length': 0 } },
        want: [
          ['retry-after', '120'],
          ['content-length', '0'],
        ],
      },
    ],
    ['undefined values dropped', { given: { input: { 'Retry-After': undefined, Allow: 'GET' } }, want: [['allow', 'GET']] }],
    [
      'null, boolean, object and function values dropped',
      { given: { input: { a: null, b: true, c: { d: 1 }, e: () => 'x', f: 'kept' } }, want: [['f', 'kept']] },
    ],
    [
      'the same name in two cases joined in order',
      { given: { input: { 'Retry-After': '1', 'retry-after': '2', 'RETRY-AFTER': '3' } }, want: [['retry-after', '1, 2, 3']] },
    ],
    [
      'Map with the same name in two cases joined',
      {
        given: {
          input: new Map([
            ['X-A', '1'],
            ['x-a', '2'],
          ]),
        },
        want: [['x-a', '1, 2']],
      },
    ],
    [
      '__proto__ and constructor are ordinary header names',
      {
        given: { input: JSON.parse('{"__proto__":"p","Constructor":"c","toString":"t","hasOwnProperty":"h"}') as unknown },
        want: [
          ['__proto__', 'p'],
          ['constructor', 'c'],
          ['tostring', 't'],
          ['hasownproperty', 'h'],
        ],
      },
    ],
    ['__proto__ in a Map', { given: { input: new Map([['__proto__', 'p']]) }, want: [['__proto__', 'p']] }],
    [
      'keep: only names it accepts',
      {
        given: { input: { 'Retry-After': '5', Connection: 'close', 'X-Request-Id': 'r' }, keep: (n) => n !== 'connection' },
        want: [
          ['retry-after', '5'],
          ['x-request-id', 'r'],
        ],
      },
    ],
    [
      'keep: asked with lower-case names',
      { given: { input: { 'Retry-After': '5', 'X-Other': '1' }, keep: (n) => n === 'retry-after' }, want: [['retry-after', '5']] },
    ],
    ['keep: rejecting all gives nothing', { given: { input: new Map([['A', '1']]), keep: () => false }, want: [] }],
    [
      'keep applies to a Map too',
      {
        given: {
          input: new Map([
            ['Allow', 'GET'],
            ['Via', 'x'],
          ]),
          keep: (n) => n === 'allow',
        },
        want: [['allow', 'GET']],
      },
    ],
    ['undefined input', { given: { input: undefined }, want: [] }],
    ['null input', { given: { input: null }, want: [] }],
    ['a number', { given: { input: 42 }, want: [] }],
    ['a string', { given: { input: 'Retry-After: 5' }, want: [] }],
    ['a function', { given: { input: () => ({ a: '1' }) }, want: [] }],
    ['an array of pairs is a record of indexes, whose values are not text', { given: { input: [['Retry-After', '5']] }, want: [] }],
    [
      'forEach that is not a function: read as a record',
      {
        given: { input: { forEach: 1, Allow: 'GET' } },
        want: [
          ['foreach', '1'],
          ['allow', 'GET'],
        ],
      },
    ],
    [
      'forEach giving names that are not text',
      {
        given: {
          input: new Map<unknown, unknown>([
            [1, 'a'],
            [Symbol('s'), 'b'],
            [null, 'c'],
            ['Ok', 'd'],
          ]),
        },
        want: [['ok', 'd']],
      },
    ],
    [
      'forEach giving values that are not text',
      {
        given: {
          input: new Map<string, unknown>([
            ['a', {}],
            ['b', undefined],
            ['c', 7],
          ]),
        },
        want: [['c', '7']],
      },
    ],
    ['symbol keys ignored', { given: { input: { [Symbol('x')]: 'y', A: 'b' } }, want: [['a', 'b']] }],
    ['inherited members ignored', { given: { input: Object.create({ Inherited: 'x' }) as unknown }, want: [] }],
  ];

  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const result = normalizeHeaders(given.input as HeaderInput, given.keep);
      expect(entries(result)).toEqual(want);
      expect(Object.isFrozen(result)).toBe(true);
      expect(Object.getPrototypeOf(result)).toBe(null);
    });
  }

  test('the result is frozen: writes fail in strict mode', () => {
    const result = normalizeHeaders({ A: '1' }) as Record<string, string>;
    expect(() => {
      result['a'] = '2';
    }).toThrow(TypeError);
    expect(() => {
      result['b'] = '2';
    }).toThrow(TypeError);
    expect(result).toEqual({ a: '1' });
  });

  test('the input is neither changed nor kept', () => {
    const input: Record<string, string> = { 'Retry-After': '5' };
    const result = normalizeHeaders(input);
    input['Retry-After'] = '9';
    expect(result['retry-after']).toBe('5');
    expect(input).toEqual({ 'Retry-After': '9' });
  });

  test('__proto__ header does not change the prototype of the result', () => {
    const result = normalizeHeaders(JSON.parse('{"__proto__":{"polluted":"yes"}}') as HeaderInput);
    expect((result as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('normalizeHeaders: values no header can hold (RFC 9110, section 5.5)', () => {
  const tests: TestCase<string | number | string[], boolean>[] = [
    // held
    ['visible ASCII and spaces', { given: 'Bearer realm="rt", error="invalid_token"', want: true }],
    ['a tab inside', { given: 'a\tb', want: true }],
    ['empty', { given: '', want: true }],
    ['obs-text (U+0080 to U+00FF, one octet each)', { given: 'caf\u00e9 \u0080 \u00ff', want: true }],
    ['a number', { given: 5, want: true }],
    // refused
    ['CR LF and a header after it', { given: '5\r\nSet-Cookie: session=stolen', want: false }],
    ['a bare LF', { given: '5\nx', want: false }],
    ['a bare CR', { given: '5\rx', want: false }],
    ['NUL', { given: 'a\u0000b', want: false }],
    ['another C0 control (ESC)', { given: '\u001b[31m', want: false }],
    ['DEL', { given: 'a\u007fb', want: false }],
    ['a character above U+00FF', { given: 'id-\u20ac', want: false }],
    ['an astral character', { given: '\u{1f600}', want: false }],
    ['an array with one bad value: the joined value is refused', { given: ['ok', 'bad\r\n'], want: false }],
  ];
  for (const [name, { given, want }] of tests) {
    test(`${name}: ${want ? 'kept' : 'dropped, or a TypeError with "throw"'}`, () => {
      const input = { 'X-Trace-Id': given, Other: 'kept' };
      expect(normalizeHeaders(input)['x-trace-id'] !== undefined).toBe(want);
      expect(normalizeHeaders(input)['other']).toBe('kept');
      if (want) expect(() => normalizeHeaders(input, undefined, 'throw')).not.toThrow();
      else expect(() => normalizeHeaders(input, undefined, 'throw')).toThrow(new RegExp('^Invalid value for header "X-Trace-Id": U\\+'));
    });
  }

  test('the error names the header as given, the character and where it is', () => {
    expect(() => normalizeHeaders({ 'Retry-After': '5\r\nSet-Cookie: a=b' }, undefined, 'throw')).toThrow(
      new TypeError(
        'Invalid value for header "Retry-After": U+000D at index 1; a header value holds no control character (CR, LF, NUL, ...) but tab, and no character above U+00FF',
      ),
    );
  });

  test('a name keep refuses is not checked: it is dropped whatever its value', () => {
    expect(() => normalizeHeaders({ 'X-Other': 'a\r\n', A: '1' }, (name) => name === 'a', 'throw')).not.toThrow();
  });

  test('Map and fetch Headers values are checked too', () => {
    expect(() => normalizeHeaders(new Map([['Allow', 'GET\nPOST']]), undefined, 'throw')).toThrow(/"Allow"/);
    expect(normalizeHeaders(new Map([['Allow', 'GET\nPOST']]))).toEqual({});
  });
});

describe('isHopByHopOrEntityHeader', () => {
  const refused = [
    'connection',
    'keep-alive',
    'proxy-connection',
    'transfer-encoding',
    'te',
    'trailer',
    'upgrade',
    'content-length',
    'content-encoding',
    'date',
  ];
  const spellings = (name: string): string[] => [
    name,
    name.toUpperCase(),
    name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase()),
  ];
  const tests: TestCase<string, boolean>[] = [
    ...refused.flatMap((name) =>
      spellings(name).map((spelled): TestCase<string, boolean> => [`${spelled} → true`, { given: spelled, want: true }]),
    ),
    ...[
      'retry-after',
      'Retry-After',
      'www-authenticate',
      'WWW-Authenticate',
      'x-request-id',
      'X-Request-Id',
      'allow',
      'location',
      '',
      'connection ',
      'content-lengths',
      'dates',
    ].map((name): TestCase<string, boolean> => [`${JSON.stringify(name)} → false`, { given: name, want: false }]),
  ];

  test('the table covers every refused name', () => {
    expect(tests.filter(([, { want }]) => want).length).toBe(refused.length * 3);
  });

  for (const [name, { given, want }] of tests) {
    test(name, () => {
      expect(isHopByHopOrEntityHeader(given)).toBe(want);
    });
  }
});

describe('REQUEST_ID_HEADER', () => {
  test('is x-request-id, lower-case', () => {
    expect(REQUEST_ID_HEADER).toBe('x-request-id');
  });
});

describe("HeaderInput takes axios' headers as they are typed, without a cast", () => {
  /** What an axios user writes: the response's headers straight into errorFromResponse (a type error before HeaderValue). */
  function fromAxios(error: AxiosError): ApiError | undefined {
    const response = error.response;
    return response === undefined ? undefined : errorFromResponse(response.status, response.data, response.headers);
  }
  const raw: RawAxiosResponseHeaders = { 'retry-after': '5', 'set-cookie': ['a=1', 'b=2'], 'x-false': false, 'x-null': null };
  const typed: HeaderInput[] = [raw, new AxiosHeaders({ 'retry-after': '5' }), { 'x-axios': new AxiosHeaders() }];

  test('a real AxiosHeaders: its headers, without the values axios reads as none', () => {
    expect(typed.length).toBe(3);
    const headers = new AxiosHeaders({ 'Retry-After': '5', 'X-Request-Id': 'abc', 'Set-Cookie': ['a=1', 'b=2'], 'X-False': false });
    expect(entries(normalizeHeaders(headers))).toEqual([
      ['retry-after', '5'],
      ['x-request-id', 'abc'],
      ['set-cookie', 'a=1, b=2'],
    ]);
    // A nested object, true and null are dropped too.
    expect(entries(normalizeHeaders({ 'x-nested': new AxiosHeaders({ a: '1' }), 'x-true': true, 'x-null': null, allow: 'GET' }))).toEqual([
      ['allow', 'GET'],
    ]);
  });

  test('an AxiosError’s response read into the catalog’s class', () => {
    const response = {
      status: 429,
      statusText: 'Too Many Requests',
      data: { error_code: 'RT.0429' },
      headers: new AxiosHeaders({ 'Retry-After': '5' }),
      config: { headers: new AxiosHeaders() },
    };
    const error = fromAxios(new AxiosError('Request failed with status code 429', 'ERR_BAD_REQUEST', response.config, {}, response));
    expect([error?.status, error?.errorCode, error?.retryAfter]).toEqual([429, 'RT.0429', 5]);
  });

  test('still refuses a value no header is (type level)', () => {
    // @ts-expect-error a Date is no header value: format it first
    const dated: HeaderInput = { 'retry-after': new Date(0) };
    expect(entries(normalizeHeaders(dated))).toEqual([]);
  });
});
