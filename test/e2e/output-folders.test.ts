/**
 * Per-target output folders, the generate command on real folders: --openapi-out, --ts-out, --docs-out
 * and the catalog's output section (relative to the catalog file); each folder with its own
 * manifest, owned like --out; --check covering them all.
 */
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess } from '../harness/cli.js';
import { DEFAULT_CATALOG, OUTPUT, removeDir, tempDir, writeFile } from '../harness/helpers.js';

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

let work: string;
let catalog: string;
beforeEach(() => {
  work = tempDir();
  catalog = writeFile(join(work, 'status-codes.yaml'), readFileSync(DEFAULT_CATALOG, 'utf8'));
});
afterEach(() => removeDir(work));

describe('output folders', () => {
  it('writes each target into its own folder, with its own manifest, the rest into --out', async () => {
    const result = await runInProcess(
      ['generate', '--catalog', catalog, '--out', 'out', '--ts-out', 'src/generated', '--docs-out', 'docs/api'],
      work,
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('wrote 5 files to out, 18 files to src/generated, 3 files to docs/api');
    expect(listFiles(join(work, 'out'))).toEqual(
      ['.status-catalog.json', ...listFiles(join(OUTPUT, 'openapi')).map((f) => `openapi/${f}`)].sort(),
    );
    expect(listFiles(join(work, 'src/generated'))).toEqual(['.status-catalog.json', ...listFiles(join(OUTPUT, 'ts'))].sort());
    expect(listFiles(join(work, 'docs/api'))).toEqual(['.status-catalog.json', 'errors.html', 'status-codes.md']);
    // Same bytes as the one-folder output; each manifest hashes exactly its own folder's files.
    expect(readFileSync(join(work, 'src/generated/index.ts'), 'utf8')).toBe(readFileSync(join(OUTPUT, 'ts/index.ts'), 'utf8'));
    const manifest = JSON.parse(readFileSync(join(work, 'docs/api/.status-catalog.json'), 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(manifest.files)).toEqual(['errors.html', 'status-codes.md']);

    const check = await runInProcess(
      ['generate', '--catalog', catalog, '--out', 'out', '--ts-out', 'src/generated', '--docs-out', 'docs/api', '--check'],
      work,
    );
    expect(check.status, check.stderr).toBe(0);
  });

  it('--check covers every folder: an edit in one is stale, a folder gone is missing', async () => {
    const args = ['generate', '--catalog', catalog, '--out', 'out', '--ts-out', 'ts', '--openapi-out', 'api', '--docs-out', 'doc'];
    expect((await runInProcess(args, work)).status).toBe(0);
    expect(existsSync(join(work, 'out')), 'every target has a folder: --out is not written').toBe(false);
    writeFileSync(join(work, 'doc', 'status-codes.md'), 'edited\n');
    removeDir(join(work, 'api'));
    const check = await runInProcess([...args, '--check'], work);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('stale: doc/status-codes.md');
    expect(check.stderr).toContain('missing: api/components.yaml');
    expect(check.stderr).toContain('status-catalog: api, ts, doc do not match');
  });

  it('reads folders from the catalog output section, relative to the catalog file; flags override it', async () => {
    writeFile(
      catalog,
      `${readFileSync(DEFAULT_CATALOG, 'utf8')}\noutput:\n  typescript: ../${basename(work)}-app/src/errors\n  docs: reference\n`,
    );
    const app = join(work, '..', `${basename(work)}-app`);
    const elsewhere = tempDir();
    try {
      const result = await runInProcess(['generate', '--catalog', catalog, '--out', join(work, 'out')], elsewhere);
      expect(result.status, result.stderr).toBe(0);
      expect(existsSync(join(app, 'src', 'errors', 'index.ts'))).toBe(true);
      expect(existsSync(join(work, 'reference', 'status-codes.md'))).toBe(true);
      expect(existsSync(join(work, 'out', 'ts'))).toBe(false);
      const flag = await runInProcess(
        ['generate', '--catalog', catalog, '--out', join(work, 'out'), '--docs-out', join(work, 'flag-docs')],
        elsewhere,
      );
      expect(flag.status, flag.stderr).toBe(0);
      expect(existsSync(join(work, 'flag-docs', 'status-codes.md'))).toBe(true);
    } finally {
      removeDir(elsewhere);
      removeDir(app);
    }
  });

  it('refuses, before writing anything, a folder that is not its own', async () => {
    writeFile(join(work, 'docs', 'handbook.md'), 'mine\n');
    const result = await runInProcess(['generate', '--catalog', catalog, '--out', 'out', '--ts-out', 'ts', '--docs-out', 'docs'], work);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'status-catalog: docs: refusing to replace a folder that status-catalog did not write (it has files and no valid .status-catalog.json); choose another output folder or empty it',
    );
    expect(existsSync(join(work, 'out')), 'no folder is written when one is refused').toBe(false);
    expect(existsSync(join(work, 'ts'))).toBe(false);
    expect(readFileSync(join(work, 'docs', 'handbook.md'), 'utf8')).toBe('mine\n');
  });

  it('refuses folders that are the same or one inside another, and an empty flag', async () => {
    const nested = await runInProcess(['generate', '--catalog', catalog, '--out', 'out', '--ts-out', 'out/ts'], work);
    expect(nested.status).toBe(1);
    expect(nested.stderr.trim()).toBe(
      'status-catalog: --out out and --ts-out out/ts are one inside the other: each output folder is replaced as a whole, so each needs its own',
    );
    const same = await runInProcess(['generate', '--catalog', catalog, '--ts-out', 'x', '--docs-out', 'x'], work);
    expect(same.status).toBe(1);
    expect(same.stderr).toContain('--ts-out x and --docs-out x are the same folder');
    expect((await runInProcess(['generate', '--catalog', catalog, '--ts-out', ''], work)).status).toBe(2);
    expect(existsSync(join(work, 'out'))).toBe(false);
  });

  it('sees through symbolic links: a link to --out is the same folder, and nothing is written', async () => {
    expect((await runInProcess(['generate', '--catalog', catalog, '--out', 'real'], work)).status).toBe(0);
    const before = listFiles(join(work, 'real'));
    symlinkSync('real', join(work, 'link'));
    const same = await runInProcess(['generate', '--catalog', catalog, '--out', 'real', '--ts-out', 'link'], work);
    expect(same.stderr.trim()).toBe(
      'status-catalog: --out real and --ts-out link are the same folder (through a symbolic link): each output folder is replaced as a whole, so each needs its own',
    );
    expect(same.status).toBe(1);
    expect(listFiles(join(work, 'real'))).toEqual(before);
    expect((await runInProcess(['generate', '--catalog', catalog, '--out', 'real', '--check'], work)).status).toBe(0);
  });

  it('sees a folder nested through a link, even one that does not exist yet', async () => {
    // gen/ts does not exist: the link leads where it points all the same.
    symlinkSync(join('gen', 'ts'), join(work, 'ts-link'));
    const dangling = await runInProcess(['generate', '--catalog', catalog, '--out', 'gen', '--ts-out', 'ts-link'], work);
    expect(dangling.stderr).toContain('--out gen and --ts-out ts-link are one inside the other (through a symbolic link)');
    expect(dangling.status).toBe(1);
    symlinkSync('gen', join(work, 'gen-link'));
    const nested = await runInProcess(['generate', '--catalog', catalog, '--out', 'gen', '--docs-out', join('gen-link', 'docs')], work);
    expect(nested.stderr).toContain('--out gen and --docs-out gen-link/docs are one inside the other (through a symbolic link)');
    expect(nested.status).toBe(1);
    expect(existsSync(join(work, 'gen'))).toBe(false);
  });

  it('refuses an unknown key in the output section, located', async () => {
    writeFile(catalog, `${readFileSync(DEFAULT_CATALOG, 'utf8')}\noutput:\n  types: src\n`);
    const result = await runInProcess(['generate', '--catalog', catalog, '--out', 'out'], work);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/status-codes\.yaml:\d+:3: output\.types: unknown field "types"/);
  });
});
