/**
 * The CLI: usage, generation, --check, and bad input. The real process (runCli) for what only it
 * shows: help, version, the command's dispatch, a whole generation, write failures; the commands
 * in process (runInProcess) for the rest.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_CATALOG_BYTES } from '../../generator/util/limits.js';
import { CATALOG_MODULES, RUNTIME_MODULES } from '../../generator/targets/typescript/runtime-sources.js';
import { CLI, runCli, runInProcess } from '../harness/cli.js';
import { DEFAULT_CATALOG, OUTPUT, removeDir, ROOT, seedCatalog, tempDir, writeFile } from '../harness/helpers.js';

/**
 * Every file the CLI writes for the default catalog (no error codes), sorted: the manifest, the
 * Markdown, the OpenAPI, and the TypeScript (the catalog's modules, the entry point, and the
 * runtime modules copied verbatim).
 */
const EXPECTED_FILES = [
  '.status-catalog.json',
  'docs/errors.html',
  'docs/status-codes.md',
  'openapi/components.json',
  'openapi/components.oas30.json',
  'openapi/components.oas30.yaml',
  'openapi/components.yaml',
  ...[...CATALOG_MODULES, 'index.ts', ...RUNTIME_MODULES].map((name) => `ts/${name}`),
].sort();

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

let work: string;
beforeEach(() => {
  work = tempDir();
});
afterEach(() => removeDir(work));

describe('usage', () => {
  it('prints help and exits 0', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('status-catalog generate [--catalog FILE] [--out DIR] [--check | --watch] [--force]');
  });

  it('prints the version', () => {
    const result = runCli(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  });

  const usageErrors: [string[], string][] = [
    [[], 'missing command'],
    [['build'], 'unknown command "build"'],
    [['build', '--help'], 'unknown command "build"'],
    [['generate', '--frobnicate'], "Unknown option '--frobnicate'"],
    [['generate', 'extra'], 'unexpected argument "extra"'],
    [['generate', '--catalog'], "Option '--catalog <value>' argument missing"],
    [['generate', '--out', ''], '--out needs a folder'],
  ];
  for (const [args, message] of usageErrors) {
    it(`exits 2 on: ${args.join(' ') || '(nothing)'}`, async () => {
      // The CLI reads the command (a real process); a command reads its own options (in process).
      const result = args[0] === 'generate' ? await runInProcess(args) : runCli(args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain('--help');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }
});

describe('generate', () => {
  it('writes every output, byte-identical to the committed output and across runs', () => {
    const out = join(work, 'out');
    const first = runCli(['generate', '--catalog', DEFAULT_CATALOG, '--out', out]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`(S3M, ${seedCatalog.statuses.length} statuses, 0 error codes)`);
    const files = snapshot(out);
    expect(Object.keys(files)).toEqual(EXPECTED_FILES);
    expect(files).toEqual(snapshot(OUTPUT));
    // --force: a second full generation (without it, the record of the first answers).
    expect(runCli(['generate', '--catalog', DEFAULT_CATALOG, '--out', out, '--force']).stdout).toMatch(/^status-catalog: wrote 24 files/);
    expect(snapshot(out)).toEqual(files);
    // Nothing left beside the output folder.
    expect(readdirSync(work)).toEqual(['out']);
  });

  it('reaches every output with each status verbatim', () => {
    // The committed output: the test above holds a fresh generation to it byte for byte.
    const files = snapshot(OUTPUT);
    const openapi = JSON.parse(files['openapi/components.json']!) as { components: { responses: Record<string, { description: string }> } };
    for (const s of seedCatalog.statuses) {
      expect(openapi.components.responses[s.name]?.description).toBe(s.description);
      expect(files['ts/status-codes.ts']).toContain(JSON.stringify(s.message));
      expect(files['ts/status-codes.ts']).toContain(JSON.stringify(s.description));
      expect(files['docs/status-codes.md']).toContain(`| ${s.status} |`);
    }
  });

  it('reads JSON catalogs', async () => {
    const catalog = writeFile(join(work, 'status-codes.json'), JSON.stringify(seedCatalog));
    const out = join(work, 'out');
    const result = await runInProcess(['generate', '--catalog', catalog, '--out', out]);
    expect(result.status).toBe(0);
    expect(readFileSync(join(out, 'openapi/components.yaml'), 'utf8').replace('status-codes.json', 'status-codes.yaml')).toBe(
      readFileSync(join(OUTPUT, 'openapi/components.yaml'), 'utf8'),
    );
  });

  // A real process: the manifest records the generator's code, which differs in the test process (its sources).
  it('uses data/status-codes.yaml and output/ by default, relative to the working folder', () => {
    cpSync(DEFAULT_CATALOG, join(work, 'data', 'status-codes.yaml'));
    const result = runCli(['generate'], work);
    expect(result.status).toBe(0);
    expect(snapshot(join(work, 'output'))).toEqual(snapshot(OUTPUT));
  });

  it('refuses to replace a folder it did not write', async () => {
    const out = join(work, 'mine');
    writeFile(join(out, 'notes.txt'), 'keep me');
    const result = await runInProcess(['generate', '--catalog', DEFAULT_CATALOG, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('refusing to replace a folder that status-catalog did not write');
    expect(snapshot(out)).toEqual({ 'notes.txt': 'keep me' });
  });

  it('never deletes the catalog it reads, kept inside an earlier output', async () => {
    const out = join(work, 'gen');
    expect((await runInProcess(['generate', '--catalog', DEFAULT_CATALOG, '--out', out])).status).toBe(0);
    const catalog = join(out, 'my-catalog.yaml');
    writeFile(catalog, readFileSync(DEFAULT_CATALOG, 'utf8'));
    const before = snapshot(out);
    const result = await runInProcess(['generate', '--catalog', catalog, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/refusing to write over a folder that holds the catalog .*my-catalog\.yaml/);
    expect(snapshot(out)).toEqual(before);
  });
});

describe('--check', () => {
  let out: string;
  beforeEach(async () => {
    out = join(work, 'out');
    expect((await runInProcess(['generate', '--catalog', DEFAULT_CATALOG, '--out', out])).status).toBe(0);
  });

  it('passes on fresh output', async () => {
    const result = await runInProcess(['generate', '--catalog', DEFAULT_CATALOG, '--out', out, '--check']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('up to date');
  });

  it('names stale, missing and extra files, and writes nothing', async () => {
    writeFileSync(join(out, 'ts/errors.ts'), '// edited by hand\n');
    rmSync(join(out, 'docs/status-codes.md'));
    writeFile(join(out, 'openapi/old.yaml'), 'x: 1\n');
    const before = snapshot(out);
    const result = await runInProcess(['generate', '--catalog', DEFAULT_CATALOG, '--out', out, '--check']);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^stale: .*ts\/errors\.ts$/);
    expect(lines[1]).toMatch(/^missing: .*docs\/status-codes\.md$/);
    expect(lines[2]).toMatch(/^extra: .*openapi\/old\.yaml$/);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(work)).toEqual(['out']);
  });

  it('answers from the hashes of the last full generation when nothing changed', async () => {
    const result = await runInProcess(['generate', '--catalog', DEFAULT_CATALOG, '--out', out, '--check']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('hashes match the last full generation');
  });

  it('cannot be fooled by a file edited along with its hash in the manifest', async () => {
    const file = join(out, 'ts', 'errors.ts');
    const edited = `${readFileSync(file, 'utf8')}export const backdoor = 1;\n`;
    writeFileSync(file, edited);
    const manifestPath = join(out, '.status-catalog.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: Record<string, string> };
    manifest.files['ts/errors.ts'] = `sha256-${createHash('sha256').update(edited).digest('hex')}`;
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    const result = await runInProcess(['generate', '--catalog', DEFAULT_CATALOG, '--out', out, '--check']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^stale: .*ts\/errors\.ts$/m);
  });

  it('reads no pipe and no link: either in place of an output is stale, and the check ends', async () => {
    rmSync(join(out, 'ts', 'index.ts'));
    execFileSync('mkfifo', [join(out, 'ts', 'index.ts')]);
    rmSync(join(out, 'ts', 'errors.ts'));
    symlinkSync('/dev/zero', join(out, 'ts', 'errors.ts'));
    const result = await runInProcess(['generate', '--catalog', DEFAULT_CATALOG, '--out', out, '--check']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^stale: .*ts\/index\.ts$/m);
    expect(result.stderr).toMatch(/^stale: .*ts\/errors\.ts$/m);
  });

  it('refuses a folder that is not an output of status-catalog', async () => {
    const mine = join(work, 'mine');
    writeFile(join(mine, 'notes.txt'), 'keep me');
    const result = await runInProcess(['generate', '--catalog', DEFAULT_CATALOG, '--out', mine, '--check']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('is not an output of status-catalog');
    expect(snapshot(mine)).toEqual({ 'notes.txt': 'keep me' });
  });

  it('does not trust the manifest once the catalog changed', async () => {
    const catalog = writeFile(join(work, 'status-codes.yaml'), readFileSync(DEFAULT_CATALOG, 'utf8'));
    const own = join(work, 'own');
    expect((await runInProcess(['generate', '--catalog', catalog, '--out', own])).status).toBe(0);
    expect((await runInProcess(['generate', '--catalog', catalog, '--out', own, '--check'])).stdout).toContain('hashes match');
    writeFileSync(catalog, readFileSync(catalog, 'utf8').replace('The requested resource cannot be found.', 'Nothing here.'));
    const result = await runInProcess(['generate', '--catalog', catalog, '--out', own, '--check']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^stale: .*openapi\/components\.yaml$/m);
  });

  it('does not trust the manifest once a catalog it extends changed', async () => {
    const base = writeFile(join(work, 'base.yaml'), readFileSync(DEFAULT_CATALOG, 'utf8'));
    const child = writeFile(join(work, 'child', 'svc.yaml'), 'extends: ../base.yaml\nservice: SVC\n');
    const own = join(work, 'own');
    expect((await runInProcess(['generate', '--catalog', child, '--out', own])).status).toBe(0);
    expect((await runInProcess(['generate', '--catalog', child, '--out', own, '--check'])).stdout).toContain('hashes match');
    writeFileSync(base, readFileSync(base, 'utf8').replace('Invalid request.', 'Bad input.'));
    expect((await runInProcess(['generate', '--catalog', child, '--out', own, '--check'])).status).toBe(1);
  });

  it("does not trust a manifest whose record of the inputs is not this generator's", async () => {
    const manifestPath = join(out, '.status-catalog.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { inputs: string };
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, inputs: 'sha256-0' }, null, 2) + '\n');
    const result = await runInProcess(['generate', '--catalog', DEFAULT_CATALOG, '--out', out, '--check']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^stale: .*out\/\.status-catalog\.json$/),
      expect.stringContaining('does not match'),
    ]);
  });

  it('reports every file missing when the folder does not exist', async () => {
    const result = await runInProcess(['generate', '--catalog', DEFAULT_CATALOG, '--out', join(work, 'none'), '--check']);
    expect(result.status).toBe(1);
    expect(
      result.stderr
        .match(/^missing: .*$/gm)
        ?.map((line) => line.slice(line.lastIndexOf('none/') + 'none/'.length))
        .sort(),
    ).toEqual(EXPECTED_FILES);
    expect(existsSync(join(work, 'none'))).toBe(false);
  });
});

describe('bad input', () => {
  it('refuses invalid UTF-8 at its line and column', async () => {
    const text = Buffer.concat([Buffer.from('service: S\nerrorBody: {}\ntitle: caf'), Buffer.from([0xe9]), Buffer.from(' menu\n')]);
    const catalog = join(work, 'latin1.yaml');
    writeFileSync(catalog, text);
    const result = await runInProcess(['generate', '--catalog', catalog, '--out', join(work, 'o')]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/latin1\.yaml:3:11: \(catalog\): invalid UTF-8: a catalog is UTF-8 text$/);
    expect(existsSync(join(work, 'o'))).toBe(false);
  });

  it('caps the whole extends chain, not only each file', async () => {
    // Each file is under the limit, the two together are over it.
    const filler = `# ${'x'.repeat(Math.ceil(MAX_CATALOG_BYTES * 0.6))}\n`;
    writeFile(join(work, 'base.yaml'), `${filler}${readFileSync(DEFAULT_CATALOG, 'utf8')}`);
    const child = writeFile(join(work, 'child.yaml'), `${filler}extends: base.yaml\nservice: SVC\n`);
    const result = await runInProcess(['generate', '--catalog', child, '--out', join(work, 'o')]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(
      new RegExp(
        `child\\.yaml:2:10: extends: .*base\\.yaml: the catalog and those it extends hold \\d+ characters; they are limited to ${MAX_CATALOG_BYTES} in all$`,
      ),
    );
  });

  it('refuses a folder as the spec to merge, in one line', async () => {
    const result = await runInProcess(['merge', work]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining('is a folder, not a spec')]);
  });

  it('shows names with line breaks escaped: every message stays one line, no name starts a line', async () => {
    const name = 'x\n::warning file=a::pwned.yaml';
    const catalog = writeFile(join(work, name), 'service: [\n');
    const out = join(work, 'out\n::error::x');
    for (const args of [
      ['generate', '--catalog', catalog, '--out', join(work, 'o')],
      ['generate', '--catalog', DEFAULT_CATALOG, '--out', out],
    ]) {
      const result = await runInProcess(args);
      const lines = [...result.stdout.split('\n'), ...result.stderr.split('\n')].filter((line) => line !== '');
      expect(lines.length, result.stderr).toBeGreaterThan(0);
      for (const line of lines) expect(line).not.toMatch(/^::/);
    }
    const failed = await runInProcess(['generate', '--catalog', catalog, '--out', join(work, 'o')]);
    expect(failed.status).toBe(1);
    expect(failed.stderr.trim().split('\n')).toHaveLength(1);
    expect(failed.stderr).toContain('x\\u000a::warning');
  });

  it('prints one located line per problem, exits 1 and leaves the output untouched', async () => {
    const out = join(work, 'out');
    expect((await runInProcess(['generate', '--catalog', DEFAULT_CATALOG, '--out', out])).status).toBe(0);
    const before = snapshot(out);
    const text = readFileSync(DEFAULT_CATALOG, 'utf8').replace('status: 404', 'status: 403').replace('name: Gone', 'name: Gone Away');
    const catalog = writeFile(join(work, 'broken.yaml'), text);
    const result = await runInProcess(['generate', '--catalog', catalog, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^.*broken\.yaml:\d+:\d+: statuses\[20\]\.status: duplicate status 403 \(first at line \d+\)$/);
    expect(lines[1]).toMatch(/^.*broken\.yaml:\d+:\d+: statuses\[26\]\.name: "Gone Away" is not an identifier/);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(work).sort()).toEqual(['broken.yaml', 'out']);
  });

  it('names a missing catalog file and says how to make one', async () => {
    const result = await runInProcess(['generate', '--catalog', join(work, 'nope.yaml'), '--out', join(work, 'out')]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      `${join(work, 'nope.yaml')}: (catalog): cannot read catalog: no such file; create it with "status-catalog init --catalog ${join(work, 'nope.yaml')}"`,
    );
    expect(existsSync(join(work, 'out'))).toBe(false);
  });

  it('a full disk is one line and exit 1: merge written through a device that is always full', () => {
    // /dev/full answers every write with ENOSPC: a real full disk, no root needed (Linux).
    expect(existsSync('/dev/full')).toBe(true);
    const result = runCli(['merge', join(ROOT, 'test', 'fixtures', 'specs', 'petstore.oas30.yaml'), '--out', '/dev/full']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/\/dev\/full: .*ENOSPC/)]);
    expect(result.stdout).toBe('');
  });

  it('a disk that fills up while generating is one line and exit 1; the earlier output stays whole', () => {
    const out = join(work, 'full-out');
    expect(runCli(['generate', '--out', out]).status).toBe(0);
    const before = readdirSync(out, { recursive: true }).map(String).sort();
    const manifest = readFileSync(join(out, '.status-catalog.json'), 'utf8');
    // Every write into the new output fails as on a full disk (fault injection: a real full
    // file system needs a mount). Node's builtin named exports follow the patched object.
    const preload = writeFile(
      join(work, 'enospc.mjs'),
      [
        "import fs from 'node:fs';",
        "import { syncBuiltinESMExports } from 'node:module';",
        'const real = fs.writeFileSync;',
        'fs.writeFileSync = function (path, ...rest) {',
        "  if (String(path).includes('.tmp-')) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });",
        '  return real.call(this, path, ...rest);',
        '};',
        'syncBuiltinESMExports();',
      ].join('\n'),
    );
    // --force: the output is up to date, and would otherwise be left as it is, unwritten.
    const result = spawnSync(process.execPath, ['--import', pathToFileURL(preload).href, CLI, 'generate', '--out', out, '--force'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/ENOSPC/)]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out, { recursive: true }).map(String).sort()).toEqual(before);
    expect(readFileSync(join(out, '.status-catalog.json'), 'utf8')).toBe(manifest);
    expect(readdirSync(work).filter((name) => /\.(tmp|old)-/.test(name))).toEqual([]);
  });

  it('without --catalog and no default catalog, points at init and --catalog, for every command that reads one', async () => {
    for (const command of ['generate', 'lint', 'merge']) {
      writeFile(join(work, 'spec.yaml'), 'openapi: 3.1.0\n');
      const result = await runInProcess(command === 'merge' ? [command, 'spec.yaml'] : [command], work);
      expect(result.status, command).toBe(1);
      expect(result.stderr.trim(), command).toBe(
        'data/status-codes.yaml: (catalog): cannot read catalog: no such file; create one with "status-catalog init", or name yours with --catalog FILE',
      );
    }
  });

  it('a name longer than the file system allows is one line and exit 1, for every command that writes', async () => {
    const long = join(work, 'n'.repeat(300));
    const spec = join(ROOT, 'test', 'fixtures', 'specs', 'petstore.oas30.yaml');
    for (const args of [
      ['generate', '--out', long],
      ['generate', '--catalog', `${long}.yaml`],
      ['merge', spec, '--out', `${long}.yaml`],
      ['init', '--catalog', `${long}.yaml`],
    ]) {
      const result = await runInProcess(args, work);
      expect(result.status, args[0]).toBe(1);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    }
  });

  it('never prints a stack trace for user errors', async () => {
    for (const text of ['', ':\n  - [', '\u0000\u0001binary', 'service: [1']) {
      const catalog = writeFile(join(work, 'bad.yaml'), text);
      const result = await runInProcess(['generate', '--catalog', catalog, '--out', join(work, 'out')]);
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^.*bad\.yaml(:\d+:\d+)?: /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
