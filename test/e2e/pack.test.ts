/**
 * Packaging: the tarball `npm pack` makes (of the dist/ that `npm test` built) installs into an empty
 * project, and the installed `status-catalog` bin generates, from a copy of the default catalog, exactly
 * the committed output/ — byte for byte when the catalog keeps its base name, and differing only by that
 * name when it does not.
 *
 * The package ships TypeScript sources only as the runtime modules the generator copies verbatim into
 * every output (dist/targets/typescript/runtime/, see generator/targets/typescript/runtime-sources.ts): exactly RUNTIME_MODULES, and never the
 * stand-ins for the catalog modules kept beside them in generator/targets/typescript/runtime/.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTER_MODULES, CATALOG_MODULES, RUNTIME_MODULES } from '../../generator/targets/typescript/runtime-sources.js';
import { DEFAULT_CATALOG, OUTPUT, removeDir, ROOT, tempDir, writeFile } from '../harness/helpers.js';

const PACK_TIMEOUT_MS = 180_000;
const STEP_TIMEOUT_MS = 60_000;

/**
 * The TypeScript modules of every output: the catalog's own modules, the entry point that
 * re-exports everything, and the runtime modules copied verbatim.
 */
const TS_MODULES = [...CATALOG_MODULES, 'index.ts', ...RUNTIME_MODULES];

/** The files the generator must write for the default catalog, which has no error codes (besides its manifest). */
const EXPECTED_FILES: readonly string[] = [
  'openapi/components.yaml',
  'openapi/components.json',
  'openapi/components.oas30.yaml',
  'openapi/components.oas30.json',
  ...TS_MODULES.map((name) => `ts/${name}`),
  'docs/errors.html',
  'docs/status-codes.md',
];

/** A TypeScript source (not a declaration file). */
const isTypeScriptSource = (path: string): boolean => /\.[cm]?tsx?$/.test(path) && !/\.d\.[cm]?ts$/.test(path);
/**
 * What the build compiled from a runtime module the generator imports itself (headers.js and
 * headers.d.ts from headers.ts): its JavaScript and declarations, never a TypeScript source.
 */
const isCompiledRuntimeModule = (path: string): boolean => {
  const match = /^(.*)\.(?:js|d\.ts)$/.exec(path.split('/').pop()!);
  return match !== null && RUNTIME_MODULES.includes(`${match[1]!}.ts`);
};
const MANIFEST = '.status-catalog.json';

interface PackFile {
  readonly path: string;
}
interface PackResult {
  readonly name: string;
  readonly version: string;
  readonly filename: string;
  readonly files: readonly PackFile[];
}

/**
 * The environment for the nested npm runs: this process's, without what an outer `npm test` exports
 * about its own package and folder (npm_package_*, npm_lifecycle_*, the local prefix), which must not
 * leak into installs in another folder. Registry, cache and user config settings stay.
 */
function nestedNpmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const lower = key.toLowerCase();
    if (
      lower.startsWith('npm_package_') ||
      lower.startsWith('npm_lifecycle_') ||
      lower === 'npm_command' ||
      lower === 'npm_config_local_prefix' ||
      lower === 'npm_config_call' ||
      lower === 'init_cwd'
    )
      continue;
    env[key] = value;
  }
  return env;
}

function run(command: string, args: readonly string[], cwd: string, timeout = STEP_TIMEOUT_MS): SpawnSyncReturns<string> {
  const result = spawnSync(command, [...args], { cwd, encoding: 'utf8', timeout, env: nestedNpmEnv() });
  if (result.error !== undefined) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  return result;
}

const describeRun = (result: SpawnSyncReturns<string>): string =>
  `exit ${String(result.status)}${result.signal === null ? '' : ` (${result.signal})`}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`;

/**
 * `npx --no -- status-catalog ...`: `--no` runs the locally installed bin and never fetches a same-named
 * package from the registry; `--` keeps npx from taking --help and --version as its own (without it,
 * `npx status-catalog --help` prints npm exec's help and exits 0).
 */
const npx = (args: readonly string[], cwd: string): SpawnSyncReturns<string> => run('npx', ['--no', '--', 'status-catalog', ...args], cwd);

/** Every file under a folder, as sorted relative paths with forward slashes. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

let packDir: string | undefined;
let consumer: string | undefined;
let packed: PackResult;
let tarball: string;

beforeAll(() => {
  packDir = tempDir('status-catalog-pack-');
  consumer = tempDir('status-catalog-consumer-');

  // --ignore-scripts: pack the dist/ that `npm test` built just before, rather than rebuild it in
  // place while other test files are running dist/cli.js.
  const pack = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], ROOT, 120_000);
  expect(pack.status, `npm pack failed: ${describeRun(pack)}`).toBe(0);
  // npm writes lifecycle output (the prepare build) to stderr; tolerate it on stdout before the JSON anyway.
  const json = pack.stdout.slice(pack.stdout.indexOf('['));
  const results = JSON.parse(json) as PackResult[];
  expect(results).toHaveLength(1);
  packed = results[0]!;
  tarball = join(packDir, packed.filename);
  expect(existsSync(tarball), `tarball ${tarball}`).toBe(true);

  writeFile(
    join(consumer, 'package.json'),
    `${JSON.stringify({ name: 'status-catalog-consumer', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`,
  );
  const install = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], consumer, 150_000);
  expect(install.status, `npm install failed: ${describeRun(install)}`).toBe(0);
}, PACK_TIMEOUT_MS);

afterAll(() => {
  if (packDir !== undefined) removeDir(packDir);
  if (consumer !== undefined) removeDir(consumer);
});

describe('npm package', () => {
  it('packs dist/ and the schema, and of TypeScript sources only the runtime modules', () => {
    const rootPackage = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
    expect(packed.name).toBe(rootPackage.name);
    expect(packed.version).toBe(rootPackage.version);
    const paths = packed.files.map((file) => file.path);
    expect(paths).toContain('dist/cli.js');
    expect(paths).toContain('dist/index.js');
    expect(paths).toContain('dist/index.d.ts');
    expect(paths).toContain('data/catalog.schema.json');
    // The starting catalogs init copies, which a catalog may also extend.
    expect(paths).toContain('data/iana.yaml');
    expect(paths).toContain('data/status-codes.yaml');
    expect(paths).toContain('package.json');
    // The README links to the documentation pages: they travel with it.
    expect(paths).toContain('README.md');
    expect(paths).toContain('docs/architecture.md');
    expect(paths.filter((path) => path.startsWith('test/'))).toEqual([]);
    expect(paths.filter((path) => path.startsWith('generator/'))).toEqual([]);
    // Declarations are wanted. TypeScript sources only as the runtime modules the generator copies
    // into outputs, in dist/targets/typescript/runtime/, and beside them only what the build compiled
    // from those the generator imports itself.
    // The adapters too, in their folder (copied into an output only when its catalog lists them).
    const runtime = [...RUNTIME_MODULES, ...ADAPTER_MODULES].map((name) => `dist/targets/typescript/runtime/${name}`).sort();
    expect(RUNTIME_MODULES.length).toBeGreaterThan(0);
    expect(paths.filter(isTypeScriptSource).sort()).toEqual(runtime);
    expect(paths.filter((path) => path.startsWith('dist/targets/typescript/runtime/') && !isCompiledRuntimeModule(path)).sort()).toEqual(
      runtime,
    );
    // Never the stand-ins of the catalog modules (each output gets its catalog's own).
    expect(CATALOG_MODULES.filter((name) => RUNTIME_MODULES.includes(name))).toEqual([]);
    for (const name of CATALOG_MODULES)
      expect(
        paths.filter((path) => path.split('/').pop() === name),
        name,
      ).toEqual([]);
    expect(paths.filter((path) => path.startsWith('output/') || path.startsWith('node_modules/'))).toEqual([]);
  });

  it('installs the bin, pointing at the packaged CLI', () => {
    if (consumer === undefined) throw new Error('no consumer folder');
    const installed = join(consumer, 'node_modules', 'status-catalog');
    expect(existsSync(join(installed, 'dist', 'cli.js'))).toBe(true);
    expect(existsSync(join(installed, 'data', 'catalog.schema.json'))).toBe(true);
    expect(existsSync(join(installed, 'generator'))).toBe(false);
    // The runtime the installed generator reads (dist/targets/typescript/runtime-sources.js) is there, and only it.
    const runtimeDir = readdirSync(join(installed, 'dist', 'targets', 'typescript', 'runtime'));
    expect(runtimeDir.filter((name) => !isCompiledRuntimeModule(name)).sort()).toEqual([...RUNTIME_MODULES, 'adapters'].sort());
    const adapterDir = readdirSync(join(installed, 'dist', 'targets', 'typescript', 'runtime', 'adapters'));
    expect(adapterDir.map((name) => `adapters/${name}`).sort()).toEqual([...ADAPTER_MODULES].sort());
    const bin = join(consumer, 'node_modules', '.bin', 'status-catalog');
    expect(realpathSync(bin)).toBe(realpathSync(join(installed, 'dist', 'cli.js')));
  });

  it(
    'status-catalog --help exits 0, --version prints the package version, an unknown command exits 2',
    () => {
      if (consumer === undefined) throw new Error('no consumer folder');
      const help = npx(['--help'], consumer);
      expect(help.status, describeRun(help)).toBe(0);
      expect(help.stdout).toContain('status-catalog generate');

      const version = npx(['--version'], consumer);
      expect(version.status, describeRun(version)).toBe(0);
      expect(version.stdout.trim()).toBe(packed.version);

      const bogus = npx(['bogus'], consumer);
      expect(bogus.status, describeRun(bogus)).toBe(2);
      expect(bogus.stderr).toContain('unknown command "bogus"');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'generates the committed output byte for byte from a copy of the catalog with the same base name',
    () => {
      if (consumer === undefined) throw new Error('no consumer folder');
      // Elsewhere, and named by absolute path: only the base name may reach the output.
      const catalog = join(consumer, 'catalogs', 'status-codes.yaml');
      mkdirSync(join(consumer, 'catalogs'), { recursive: true });
      copyFileSync(DEFAULT_CATALOG, catalog);
      const out = join(consumer, 'generated');

      const generate = npx(['generate', '--catalog', catalog, '--out', out], consumer);
      expect(generate.status, describeRun(generate)).toBe(0);
      for (const path of EXPECTED_FILES) expect(existsSync(join(out, path)), path).toBe(true);

      const files = listFiles(out);
      expect(files).toEqual([...EXPECTED_FILES, MANIFEST].sort());
      expect(files).toEqual(listFiles(OUTPUT));
      for (const path of files) {
        const generated = readFileSync(join(out, path));
        const committed = readFileSync(join(OUTPUT, path));
        // Compare as text first for a readable diff, then as bytes.
        expect(generated.toString('utf8'), path).toBe(committed.toString('utf8'));
        expect(generated.equals(committed), `${path} bytes`).toBe(true);
      }

      const check = npx(['generate', '--catalog', catalog, '--out', out, '--check'], consumer);
      expect(check.status, describeRun(check)).toBe(0);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'differs only by the catalog name when the catalog file is renamed',
    () => {
      if (consumer === undefined) throw new Error('no consumer folder');
      const name = 'my-catalog.yml';
      copyFileSync(DEFAULT_CATALOG, join(consumer, name));
      const generate = npx(['generate', '--catalog', name, '--out', 'renamed'], consumer);
      expect(generate.status, describeRun(generate)).toBe(0);
      const out = join(consumer, 'renamed');

      expect(listFiles(out)).toEqual(listFiles(OUTPUT));
      for (const path of EXPECTED_FILES) {
        const generated = readFileSync(join(out, path), 'utf8');
        expect(generated, path).toContain(name);
        expect(generated.split(name).join('status-codes.yaml'), path).toBe(readFileSync(join(OUTPUT, path), 'utf8'));
      }

      // The manifest names the renamed catalog, hashes the files actually written, and records
      // other inputs (the catalog's name is one of them).
      const manifest = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as {
        catalog: string;
        inputs: string;
        files: Record<string, string>;
      };
      const committed = JSON.parse(readFileSync(join(OUTPUT, MANIFEST), 'utf8')) as typeof manifest;
      expect(manifest.catalog).toBe(name);
      expect(manifest.inputs).not.toBe(committed.inputs);
      expect({ ...manifest, catalog: committed.catalog, inputs: committed.inputs, files: committed.files }).toEqual(committed);
      expect(Object.keys(manifest.files).sort()).toEqual([...EXPECTED_FILES].sort());
      for (const [path, hash] of Object.entries(manifest.files)) {
        const actual = `sha256-${createHash('sha256')
          .update(readFileSync(join(out, path)))
          .digest('hex')}`;
        expect(hash, path).toBe(actual);
      }
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'init in an empty folder, then generate, --check and lint: the whole first run of a new project',
    () => {
      if (consumer === undefined) throw new Error('no consumer folder');
      // An empty folder inside the project: npx finds the installed bin above it.
      const project = join(consumer, 'fresh');
      mkdirSync(project);
      const missing = npx(['generate'], project);
      expect(missing.status, describeRun(missing)).toBe(1);
      expect(missing.stderr).toContain('create one with "status-catalog init"');

      const init = npx(['init'], project);
      expect(init.status, describeRun(init)).toBe(0);
      expect(init.stdout).toContain('wrote data/status-codes.yaml from the IANA status code registry (61 statuses)');
      const catalog = readFileSync(join(project, 'data', 'status-codes.yaml'), 'utf8');
      const shipped = readFileSync(join(ROOT, 'data', 'iana.yaml'), 'utf8');
      // The schema comment points at the installed package's schema, so editors find it.
      const schema = /^# yaml-language-server: \$schema=(.*)$/m.exec(catalog)?.[1];
      expect(schema).toBe('../../node_modules/status-catalog/data/catalog.schema.json');
      expect(existsSync(join(project, 'data', schema!))).toBe(true);
      expect(catalog.replace(schema!, './catalog.schema.json')).toBe(shipped);

      const again = npx(['init'], project);
      expect(again.status, describeRun(again)).toBe(1);
      expect(again.stderr).toContain('exists; init never replaces a catalog');
      expect(readFileSync(join(project, 'data', 'status-codes.yaml'), 'utf8')).toBe(catalog);

      const generate = npx(['generate'], project);
      expect(generate.status, describeRun(generate)).toBe(0);
      expect(existsSync(join(project, 'output', 'ts', 'index.ts'))).toBe(true);
      const check = npx(['generate', '--check'], project);
      expect(check.status, describeRun(check)).toBe(0);
      const lint = npx(['lint'], project);
      expect(lint.status, describeRun(lint)).toBe(0);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'init --from s3m copies the default catalog; a catalog may extend the installed IANA table',
    () => {
      if (consumer === undefined) throw new Error('no consumer folder');
      const project = join(consumer, 's3m');
      mkdirSync(project);
      const init = npx(['init', '--from', 's3m', '--catalog', 'catalog/s3m.yaml'], project);
      expect(init.status, describeRun(init)).toBe(0);
      expect(init.stdout).toContain('then run: status-catalog generate --catalog catalog/s3m.yaml');
      const copied = readFileSync(join(project, 'catalog', 's3m.yaml'), 'utf8');
      expect(copied.replace(/\$schema=.*/, '$schema=./catalog.schema.json')).toBe(readFileSync(DEFAULT_CATALOG, 'utf8'));
      expect(npx(['init', '--from', 'nope'], project).status).toBe(2);

      writeFile(
        join(project, 'service.yaml'),
        'extends: ../node_modules/status-catalog/data/iana.yaml\nservice: Shop\nerrors:\n  - code: SHOP.0001\n    status: 400\n    message: Invalid parameter\n',
      );
      const generate = npx(['generate', '--catalog', 'service.yaml', '--ts-out', 'src/errors'], project);
      expect(generate.status, describeRun(generate)).toBe(0);
      expect(readFileSync(join(project, 'src', 'errors', 'error-codes.ts'), 'utf8')).toContain('SHOP.0001');
    },
    STEP_TIMEOUT_MS,
  );
});
