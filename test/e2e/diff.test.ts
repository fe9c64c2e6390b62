/**
 * `status-catalog diff`, the command on real files: one test per level (none, patch, minor,
 * major), compared as models (a reordered, reformatted file is no change), the Markdown
 * changelog, --json, and --fail-on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commit, initRepository } from '../harness/git-repo.js';
import { runCli, runInProcess } from '../harness/cli.js';
import { removeDir, tempDir, writeFile } from '../harness/helpers.js';

interface Diff {
  level: string;
  changes: { level: string; area: string; subject: string; change: string; field?: string; before?: unknown; after?: unknown }[];
}

const BASE = `service: Shop
errorBody:
  codeField: error_code
  messageField: error_msg
statuses:
  - status: 400
    name: BadRequest
    message: Bad Request
    description: The request is malformed.
  - status: 404
    name: NotFound
    message: Not Found
    description: Nothing there.
errors:
  - code: SHOP.0001
    status: 400
    message: Invalid parameter
  - code: SHOP.0002
    status: 404
    message: No such order
`;

let work: string;
beforeEach(() => {
  work = tempDir();
});
afterEach(() => removeDir(work));

function diff(after: string, ...args: string[]): { status: number | null; stdout: string; stderr: string; json: () => Diff } {
  const before = writeFile(join(work, 'before.yaml'), BASE);
  const next = writeFile(join(work, 'after.yaml'), after);
  const result = runCli(['diff', before, next, ...args]);
  return { ...result, json: () => JSON.parse(result.stdout) as Diff };
}

describe('diff', () => {
  it('none: the same catalog reordered, reformatted and as JSON is no change', async () => {
    const json = JSON.stringify({
      errors: [
        { status: 404, code: 'SHOP.0002', message: 'No such order' },
        { message: 'Invalid parameter', status: 400, code: 'SHOP.0001' },
      ],
      statuses: [
        { status: 404, name: 'NotFound', message: 'Not Found', description: 'Nothing there.' },
        { status: 400, name: 'BadRequest', message: 'Bad Request', description: 'The request is malformed.' },
      ],
      errorBody: { messageField: 'error_msg', codeField: 'error_code' },
      service: 'Shop',
    });
    const before = writeFile(join(work, 'before.yaml'), BASE);
    const after = writeFile(join(work, 'after.json'), json);
    const result = await runInProcess(['diff', before, after, '--json']);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ level: 'none', changes: [] });
    const plain = await runInProcess(['diff', before, after]);
    expect(plain.stdout).toBe('# Catalog changes: none\n\nFrom before.yaml to after.json.\n\nNo changes.\n');
  });

  it('patch: a reworded status message and description, a measure added', () => {
    const after = BASE.replace('message: Not Found', 'message: Not found')
      .replace('Nothing there.', 'Nothing is there.')
      .replace('message: No such order', 'message: No such order\n    measure: Check the order number.');
    const result = diff(after, '--json');
    expect(result.status).toBe(0);
    expect(result.json()).toEqual({
      level: 'patch',
      changes: [
        { level: 'patch', area: 'status', subject: '404', change: 'changed', field: 'message', before: 'Not Found', after: 'Not found' },
        {
          level: 'patch',
          area: 'status',
          subject: '404',
          change: 'changed',
          field: 'description',
          before: 'Nothing there.',
          after: 'Nothing is there.',
        },
        { level: 'patch', area: 'code', subject: 'SHOP.0002 (404)', change: 'changed', field: 'measure', after: 'Check the order number.' },
      ],
    });
    expect(diff(after).stdout).toContain('## Patch: wording\n\n- Status 404: message changed from "Not Found" to "Not found".\n');
  });

  it('a reworded code message without a name renames its ErrorCode member: major', () => {
    const result = diff(BASE.replace('message: No such order', 'message: Order not found'), '--json');
    expect(result.json().level).toBe('major');
    expect(result.json().changes).toContainEqual({
      level: 'major',
      area: 'code',
      subject: 'SHOP.0002 (404)',
      change: 'changed',
      field: 'name',
      before: 'NoSuchOrder',
      after: 'OrderNotFound',
    });
  });

  it('minor: a status and an entry added, a code listed under a second status', () => {
    const after = `${BASE.replace(
      'errors:',
      '  - status: 409\n    name: Conflict\n    message: Conflict\n    description: It clashes.\nerrors:',
    )}  - code: SHOP.0001\n    status: 409\n    message: Invalid parameter for this state\n`;
    const result = diff(after, '--json');
    expect(result.json()).toEqual({
      level: 'minor',
      changes: [
        { level: 'minor', area: 'status', subject: '409', change: 'added', after: 'Conflict' },
        { level: 'minor', area: 'code', subject: 'SHOP.0001 (409)', change: 'added', after: 'InvalidParameterForThisState' },
      ],
    });
    expect(diff(after).stdout).toBe(
      [
        '# Catalog changes: minor',
        '',
        'From before.yaml to after.yaml.',
        '',
        '## Minor: additions',
        '',
        '- Status 409 added ("Conflict").',
        '- Error code SHOP.0001 (409) added ("InvalidParameterForThisState").',
        '',
      ].join('\n'),
    );
  });

  it('major: a body field moved, an entry removed, a status renamed', () => {
    const after = BASE.replace('codeField: error_code', 'fields: { code: /error/code }')
      .replace('name: NotFound', 'name: Missing')
      .replace(/ {2}- code: SHOP\.0002\n.*\n.*\n/, '');
    const result = diff(after, '--json');
    expect(result.status).toBe(0);
    expect(result.json()).toEqual({
      level: 'major',
      changes: [
        { level: 'major', area: 'status', subject: '404', change: 'changed', field: 'name', before: 'NotFound', after: 'Missing' },
        { level: 'major', area: 'code', subject: 'SHOP.0002 (404)', change: 'removed', before: 'NoSuchOrder' },
        {
          level: 'major',
          area: 'body',
          subject: 'code part',
          change: 'changed',
          field: 'pointer',
          before: '/error_code',
          after: '/error/code',
        },
      ],
    });
    const plain = diff(after).stdout;
    expect(plain).toContain('## Major: breaking changes\n\n- Status 404: name changed from "NotFound" to "Missing".\n');
    expect(plain).toContain('- Error body code part: pointer changed from "/error\\_code" to "/error/code".');
  });

  it('--fail-on gates CI: exit 1 when the level is reached, 0 below it', () => {
    const renamed = BASE.replace('name: NotFound', 'name: Missing');
    expect(diff(renamed, '--fail-on', 'major').status).toBe(1);
    expect(diff(renamed, '--fail-on', 'major').stderr).toContain('status-catalog: diff: major changes, and --fail-on major');
    const reworded = BASE.replace('Nothing there.', 'Nothing is there.');
    expect(diff(reworded, '--fail-on', 'minor').status).toBe(0);
    expect(diff(reworded, '--fail-on', 'patch').status).toBe(1);
    expect(diff(reworded, '--fail-on', 'huge').status).toBe(2);
  });

  it('refuses an invalid catalog with a located line, and a missing one with the init hint', async () => {
    const before = writeFile(join(work, 'before.yaml'), BASE);
    const broken = writeFile(join(work, 'broken.yaml'), BASE.replace('status: 404', 'status: 4040'));
    const result = await runInProcess(['diff', before, broken]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:10:13: statuses\\[1\\]\\.status: `));
    const missing = await runInProcess(['diff', before, join(work, 'nope.yaml')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no such file; create it with "status-catalog init');
    expect((await runInProcess(['diff', before])).status).toBe(2);
    expect(readFileSync(before, 'utf8')).toBe(BASE);
  });

  it('reads OLD from a git revision as REV:PATH, extends and all, each base from the same revision', async () => {
    // The catalog extends a base in its folder; the base changes, the catalog adds a code.
    const base = BASE.replace(/errors:[\s\S]*$/, '');
    const codes = `extends: base.yaml\nerrors:\n  - code: SHOP.0001\n    status: 400\n    message: Invalid parameter\n`;
    initRepository(work);
    commit(work, { 'data/base.yaml': base, 'data/shop.yaml': codes });
    writeFile(join(work, 'data/base.yaml'), base.replace('Nothing there.', 'Nothing at all.'));
    writeFile(join(work, 'data/shop.yaml'), `${codes}  - code: SHOP.0002\n    status: 404\n    message: No such order\n`);
    const result = await runInProcess(['diff', 'HEAD:data/shop.yaml', 'data/shop.yaml', '--fail-on', 'major'], work);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        '# Catalog changes: minor',
        '',
        'From shop.yaml to shop.yaml.',
        '',
        '## Minor: additions',
        '',
        '- Error code SHOP.0002 (404) added ("NoSuchOrder").',
        '',
        '## Patch: wording',
        '',
        '- Status 404: description changed from "Nothing there." to "Nothing at all.".',
        '',
      ].join('\n'),
    );
    // A problem in the revision's catalog is named REV:path.
    commit(work, { 'data/shop.yaml': 'extends: base.yaml\nerrors: 5\n' });
    const broken = await runInProcess(['diff', 'HEAD:data/shop.yaml', 'data/shop.yaml'], work);
    expect([broken.status, broken.stdout]).toEqual([1, '']);
    expect(broken.stderr).toBe('HEAD:data/shop.yaml:2:9: errors: must be a list\n');
  });
});
