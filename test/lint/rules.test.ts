/**
 * Each lint rule on its own: one table per rule of [case, { given, want }], given as statuses of
 * a small valid catalog, want as what the rule's check returns. Every rule has a table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../generator/index.js';
import { loadRegistry, RFC9110_SECTIONS } from '../../generator/lint/registry.js';
import { RULES, type RuleHit } from '../../generator/lint/rules.js';
import { buildModel } from '../../generator/model/model.js';
import { ROOT } from '../harness/helpers.js';

const registry = loadRegistry();

/** A status entry in YAML: `s(401, 'Unauthorized', { headers: '[WWW-Authenticate]' })`. */
function s(status: number, message: string, extra: Record<string, string> = {}): string {
  const lines = [`  - status: ${status}`, `    name: S${status}`, `    message: ${message}`, '    description: A status.'];
  for (const [key, value] of Object.entries(extra)) lines.push(`    ${key}: ${value}`);
  return lines.join('\n');
}

const HEADERS = ['Allow', 'Content-Range', 'Location', 'Proxy-Authenticate', 'Retry-After', 'WWW-Authenticate']
  .map((name) => `  ${name}:\n    description: The ${name} header.\n    schema: { type: string }`)
  .join('\n');

function hitsOf(ruleName: string, statuses: readonly string[]): RuleHit[] {
  const text = `service: T\nerrorBody: {}\nheaders:\n${HEADERS}\nstatuses:\n${statuses.join('\n')}\n`;
  const rule = RULES.find((r) => r.name === ruleName)!;
  return rule.check({ model: buildModel(parseCatalog(text, 'rules.yaml')), registry });
}

type Case = [string, { given: string[]; want: RuleHit[] }];

const TABLES: Record<string, Case[]> = {
  'unregistered-status': [
    ['a registered status', { given: [s(404, 'Not Found')], want: [] }],
    [
      'a status IANA does not list',
      {
        given: [s(499, 'Closed')],
        want: [
          { status: 499, field: 'status', message: '499 is not in the IANA status code registry: clients know it only by its class (4xx)' },
        ],
      },
    ],
    ['an unused one is unused-status, not this', { given: [s(418, 'Teapot')], want: [] }],
  ],
  'unused-status': [
    [
      '306',
      {
        given: [s(306, 'Switch Proxy')],
        want: [{ status: 306, field: 'status', message: '306 is reserved as "(Unused)": it is not to be sent', section: '15.4.7' }],
      },
    ],
    [
      '418',
      {
        given: [s(418, 'Teapot')],
        want: [{ status: 418, field: 'status', message: '418 is reserved as "(Unused)": it is not to be sent', section: '15.5.19' }],
      },
    ],
    ['another', { given: [s(307, 'Temporary Redirect', { headers: '[Location]' })], want: [] }],
  ],
  'deprecated-status': [
    [
      '305',
      {
        given: [s(305, 'Use Proxy')],
        want: [{ status: 305, field: 'status', message: '305 (Use Proxy) is deprecated: clients do not act on it' }],
      },
    ],
    ['not 305', { given: [s(304, 'Not Modified')], want: [] }],
  ],
  'reason-phrase': [
    ['the phrase', { given: [s(404, 'Not Found')], want: [] }],
    [
      'differs in spacing',
      {
        given: [s(404, 'NotFound')],
        want: [{ status: 404, field: 'message', section: '15.5.5', message: 'message "NotFound" is not the reason phrase "Not Found"' }],
      },
    ],
    [
      'an older phrase',
      {
        given: [s(413, 'Payload Too Large')],
        want: [
          {
            status: 413,
            field: 'message',
            section: '15.5.14',
            message: 'message "Payload Too Large" is not the reason phrase "Content Too Large"',
          },
        ],
      },
    ],
    ['a status RFC 9110 does not define', { given: [s(429, 'Slow down')], want: [] }],
  ],
  'www-authenticate-on-401': [
    ['listed', { given: [s(401, 'Unauthorized', { headers: '[WWW-Authenticate]' })], want: [] }],
    [
      'missing',
      {
        given: [s(401, 'Unauthorized')],
        want: [{ status: 401, field: 'headers', message: 'status 401 does not list WWW-Authenticate: a 401 response MUST send it' }],
      },
    ],
  ],
  'allow-on-405': [
    ['listed', { given: [s(405, 'Method Not Allowed', { headers: '[Allow]' })], want: [] }],
    [
      'missing',
      {
        given: [s(405, 'Method Not Allowed', { headers: '[]' })],
        want: [{ status: 405, field: 'headers', message: 'status 405 does not list Allow: a 405 response MUST send it' }],
      },
    ],
  ],
  'proxy-authenticate-on-407': [
    ['listed', { given: [s(407, 'Proxy Authentication Required', { headers: '[Proxy-Authenticate]' })], want: [] }],
    [
      'missing',
      {
        given: [s(407, 'Proxy Authentication Required')],
        want: [{ status: 407, field: 'headers', message: 'status 407 does not list Proxy-Authenticate: a 407 response MUST send it' }],
      },
    ],
  ],
  'location-on-redirect': [
    ['listed', { given: [s(308, 'Permanent Redirect', { headers: '[Location]' })], want: [] }],
    [
      'missing on 302 and 307, not asked of 300 and 304',
      {
        given: [s(300, 'Multiple Choices'), s(302, 'Found'), s(304, 'Not Modified'), s(307, 'Temporary Redirect')],
        want: [
          { status: 302, field: 'headers', section: '15.4.3', message: 'status 302 does not list Location: a 302 response SHOULD send it' },
          { status: 307, field: 'headers', section: '15.4.8', message: 'status 307 does not list Location: a 307 response SHOULD send it' },
        ],
      },
    ],
  ],
  'content-range-on-206': [
    ['listed', { given: [s(206, 'Partial Content', { headers: '[Content-Range]' })], want: [] }],
    [
      'missing',
      {
        given: [s(206, 'Partial Content')],
        want: [
          {
            status: 206,
            field: 'headers',
            message: 'status 206 does not list Content-Range: a 206 response with a single part MUST send it',
          },
        ],
      },
    ],
  ],
  'content-range-on-416': [
    ['listed', { given: [s(416, 'Range Not Satisfiable', { headers: '[Content-Range]' })], want: [] }],
    [
      'missing',
      {
        given: [s(416, 'Range Not Satisfiable')],
        want: [{ status: 416, field: 'headers', message: 'status 416 does not list Content-Range: a 416 response SHOULD send it' }],
      },
    ],
  ],
  'retry-after-listed': [
    ['listed', { given: [s(503, 'Service Unavailable', { retry: 'if-retry-after', headers: '[Retry-After]' })], want: [] }],
    ['no retry guidance', { given: [s(503, 'Service Unavailable')], want: [] }],
    [
      'retry-after without the header',
      {
        given: [s(429, 'Too Many Requests', { retry: 'retry-after' })],
        want: [
          {
            status: 429,
            field: 'headers',
            message: 'status 429 says to retry after Retry-After (retry: retry-after) but does not list the Retry-After header',
          },
        ],
      },
    ],
  ],
};

describe('lint rules', () => {
  it('has a table for every rule, and a rule for every table', () => {
    expect(Object.keys(TABLES).sort()).toEqual(RULES.map((rule) => rule.name).sort());
  });

  it('names each rule once, with a section and a severity', () => {
    expect(new Set(RULES.map((rule) => rule.name)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(rule.name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(rule.section).toMatch(/^\d+(?:\.\d+)*$/);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
    }
  });

  for (const [name, cases] of Object.entries(TABLES)) {
    describe(name, () => {
      for (const [title, { given, want }] of cases) {
        it(title, () => expect(hitsOf(name, given)).toEqual(want));
      }
    });
  }
});

describe('the registry', () => {
  const text = readFileSync(join(ROOT, 'data', 'iana.yaml'), 'utf8');

  it('agrees with data/iana.yaml on the RFC 9110 section of every status it lists', () => {
    const written = [...text.matchAll(/^ {2}# RFC 9110, Section ([\d.]+)\n {2}- status: (\d+)$/gm)].map(([, section, status]) => [
      Number(status),
      section,
    ]);
    const listed = Object.entries(RFC9110_SECTIONS)
      .map(([status, section]) => [Number(status), section])
      .filter(([status]) => status !== 306 && status !== 418);
    expect(written).toEqual(listed);
  });

  it('has every registered status once, and RFC 9110 phrases for its own', () => {
    expect(registry.phrases.size).toBe(61);
    expect(registry.phrases.get(413)).toBe('Content Too Large');
    expect(registry.phrases.get(422)).toBe('Unprocessable Content');
    expect(registry.phrases.has(306)).toBe(false);
    expect(text).toMatch(/Source: https:\/\/www\.iana\.org\/assignments\/http-status-codes \(registry last updated 2025-09-15\)/);
  });
});
