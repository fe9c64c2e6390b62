/**
 * generator/catalog/git-revision.ts in-process, on a real repository: which arguments are REV:PATH,
 * catalogs and their extends chains read from a revision, and every way git cannot answer.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDiff } from '../../generator/commands/diff.js';
import { CatalogError, formatDiagnostic } from '../../generator/util/diagnostics.js';
import { revisionCatalog } from '../../generator/catalog/git-revision.js';
import { MAX_CATALOG_BYTES } from '../../generator/util/limits.js';
import { readCatalogChain } from '../../generator/catalog/read.js';
import { validateCatalog } from '../../generator/catalog/validate.js';
import { commit, initRepository } from '../harness/git-repo.js';
import { removeDir, tempDir, writeFile } from '../harness/helpers.js';
import { lines, runCommand } from '../harness/cli.js';

const BASE = [
  'service: Shop',
  'errorBody: {}',
  'statuses:',
  '  - { status: 404, name: NotFound, message: Not Found, description: Nothing there. }',
  '',
].join('\n');
const SHOP = 'extends: ../base.yaml\nerrors:\n  - { code: SHOP.0001, status: 404, message: No such order }\n';

/** What loading `argument` from a revision says: the catalog's statuses and codes, or its one-line problems. */
function load(argument: string): string[] {
  try {
    const revision = revisionCatalog(argument);
    if (revision === undefined) return ['(a file)'];
    const catalog = validateCatalog(readCatalogChain(revision.file, undefined, revision.source));
    return [
      ...catalog.data.statuses.map((s) => `${s.status} ${s.description}`),
      ...(catalog.data.errors ?? []).map((e) => `${String(e.code)} ${e.message}`),
    ];
  } catch (error) {
    if (error instanceof CatalogError) return error.diagnostics.map(formatDiagnostic);
    throw error;
  }
}

let work: string;
let cwd: string;
beforeEach(() => {
  work = tempDir();
  cwd = process.cwd();
  initRepository(work);
  commit(work, { 'base.yaml': BASE, 'data/shop.yaml': SHOP }, 'first');
  commit(work, { 'base.yaml': BASE.replace('Nothing there.', 'Nothing at all.') }, 'second');
  process.chdir(work);
});
afterEach(() => {
  process.chdir(cwd);
  removeDir(work);
});

describe('revisionCatalog', () => {
  it('reads the catalog and each base it extends from the same revision', () => {
    expect(load('HEAD~1:data/shop.yaml')).toEqual(['404 Nothing there.', 'SHOP.0001 No such order']);
    expect(load('HEAD:data/shop.yaml')).toEqual(['404 Nothing at all.', 'SHOP.0001 No such order']);
  });

  it('reads PATH from the top of the repository, or from the current folder with ./ and ../', () => {
    process.chdir(join(work, 'data'));
    expect(load('HEAD~1:data/shop.yaml')).toEqual(['404 Nothing there.', 'SHOP.0001 No such order']);
    expect(load('HEAD~1:./shop.yaml')).toEqual(['404 Nothing there.', 'SHOP.0001 No such order']);
    expect(load('HEAD~1:../base.yaml')).toEqual(['404 Nothing there.']);
  });

  it('takes a file that exists as a file, and what is no REV:PATH as a file', () => {
    writeFile(join(work, 'HEAD:data'), BASE);
    expect(revisionCatalog('HEAD:data')).toBeUndefined();
    for (const argument of ['data/shop.yaml', ':data/shop.yaml', 'HEAD:', '-x:y.yaml']) expect(revisionCatalog(argument)).toBeUndefined();
  });

  it('names the file in the revision in every problem, a base at the extends that names it', () => {
    commit(work, { 'data/shop.yaml': 'extends: ../nope.yaml\n', 'data/loop.yaml': 'extends: loop.yaml\n' });
    expect(load('HEAD:data/shop.yaml')).toEqual([
      'HEAD:data/shop.yaml:1:10: extends: HEAD:nope.yaml: cannot read catalog: no such file in HEAD',
    ]);
    expect(load('HEAD:data/loop.yaml')).toEqual(['HEAD:data/loop.yaml:1:10: extends: extends forms a cycle: loop.yaml -> loop.yaml']);
    commit(work, { 'data/shop.yaml': 'extends: ../../outside.yaml\n', 'data/abs.yaml': 'extends: /etc/base.yaml\n' });
    expect(load('HEAD:data/shop.yaml')).toEqual([
      'HEAD:data/shop.yaml:1:10: extends: HEAD:../outside.yaml: cannot read catalog: ../outside.yaml is outside the repository; in a revision, extends is read from the same revision',
    ]);
    expect(load('HEAD:data/abs.yaml')).toEqual([
      'HEAD:data/abs.yaml:1:10: extends: HEAD:/etc/base.yaml: cannot read catalog: /etc/base.yaml is outside the repository; in a revision, extends is read from the same revision',
    ]);
  });

  it('refuses a path not in the revision, a folder, and a file past the catalog limit', () => {
    expect(load('HEAD:nope.yaml')).toEqual(['HEAD:nope.yaml: (catalog): cannot read catalog: no such file in HEAD']);
    expect(load('HEAD~1:data')).toEqual(['HEAD~1:data: (catalog): cannot read catalog: is a directory in HEAD~1']);
    commit(work, { 'big.yaml': `# ${'x'.repeat(MAX_CATALOG_BYTES)}\n` });
    expect(load('HEAD:big.yaml')).toEqual([
      `HEAD:big.yaml: (catalog): file is ${MAX_CATALOG_BYTES + 3} bytes; catalogs are limited to ${MAX_CATALOG_BYTES} bytes`,
    ]);
  });

  it('says why it cannot read REV:PATH: no such revision, no repository, no git', () => {
    expect(load('nope:data/shop.yaml')).toEqual([
      'nope:data/shop.yaml: (catalog): cannot read catalog: no such file, nor a git revision and path ("nope" is no revision of this repository)',
    ]);
    const outside = tempDir();
    try {
      process.chdir(outside);
      expect(load('HEAD:data/shop.yaml')).toEqual([
        'HEAD:data/shop.yaml: (catalog): cannot read catalog: no such file, nor a git revision and path (not a git repository (or any of the parent directories): .git)',
      ]);
    } finally {
      process.chdir(work);
      removeDir(outside);
    }
    const path = process.env['PATH'];
    process.env['PATH'] = join(work, 'no-git-here');
    mkdirSync(process.env['PATH']);
    try {
      expect(load('HEAD:data/shop.yaml')).toEqual([
        'HEAD:data/shop.yaml: (catalog): cannot read catalog: no such file, nor a git revision and path (git is not installed (or not on PATH))',
      ]);
    } finally {
      process.env['PATH'] = path;
    }
  });
});

describe('runDiff with REV:PATH', () => {
  it('compares two revisions, or a revision with the working tree', async () => {
    const ran = await runCommand(runDiff, ['diff', 'HEAD~1:data/shop.yaml', 'HEAD:data/shop.yaml', '--json']);
    expect([ran.error, ran.code, ran.stderr]).toEqual([undefined, 0, '']);
    expect(JSON.parse(ran.stdout)).toEqual({
      level: 'patch',
      changes: [
        {
          level: 'patch',
          area: 'status',
          subject: '404',
          change: 'changed',
          field: 'description',
          before: 'Nothing there.',
          after: 'Nothing at all.',
        },
      ],
    });
    writeFile(join(work, 'base.yaml'), BASE);
    const none = await runCommand(runDiff, ['diff', 'HEAD~1:data/shop.yaml', 'data/shop.yaml']);
    expect([none.code, lines(none.stdout)]).toEqual([
      0,
      ['# Catalog changes: none', '', 'From shop.yaml to shop.yaml.', '', 'No changes.'],
    ]);
  });

  it('throws the one-line problem of a revision it cannot read', async () => {
    const ran = await runCommand(runDiff, ['diff', 'HEAD:nope.yaml', 'data/shop.yaml']);
    expect(ran.error).toBeInstanceOf(CatalogError);
    expect((ran.error as CatalogError).diagnostics.map(formatDiagnostic)).toEqual([
      'HEAD:nope.yaml: (catalog): cannot read catalog: no such file in HEAD',
    ]);
  });
});
