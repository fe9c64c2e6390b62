/**
 * generator/write/folder-swap.ts: all-or-nothing writes. A failure injected mid-write leaves the
 * previous output whole and no temporary folder behind.
 */
import * as fs from 'node:fs';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MANIFEST_PATH, writeAtomically, WriteError, type GeneratedFile } from '../../generator/index.js';
import { ownRecord } from '../../generator/write/lock.js';
import type { WriterFileSystem } from '../../generator/write/folder-swap.js';
import { isMountPoint } from '../../generator/write/mount-point.js';
import { assertWritableOutput } from '../../generator/write/ownership.js';
import { CLI, DEFAULT_CATALOG, removeDir, ROOT, tempDir } from '../harness/helpers.js';

/** A manifest listing `paths` (hashes are not read by the writer). */
function manifest(label: string, paths: readonly string[]): GeneratedFile {
  const files = Object.fromEntries(paths.map((path) => [path, `sha256-${label}`]));
  return { path: MANIFEST_PATH, contents: `${JSON.stringify({ generator: 'status-catalog', inputs: label, files })}\n` };
}

const OLD: GeneratedFile[] = [manifest('old', ['a/one.txt']), { path: 'a/one.txt', contents: 'old one\n' }];
const NEW: GeneratedFile[] = [
  manifest('new', ['a/one.txt', 'b/two.txt', 'c/three.txt']),
  { path: 'a/one.txt', contents: 'new one\n' },
  { path: 'b/two.txt', contents: 'new two\n' },
  { path: 'c/three.txt', contents: 'new three\n' },
];

function read(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (prefix: string): void => {
    for (const entry of fs.readdirSync(join(dir, prefix), { withFileTypes: true })) {
      const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else out[path] = fs.readFileSync(join(dir, path), 'utf8');
    }
  };
  walk('');
  return out;
}

/** Whether a call is the lock's (taking it, giving it up), not the write's. */
const isLockPath = (path: unknown): boolean => /\.lock(?:$|[./])/.test(String(path));

/** The real file system, except that the chosen call fails on its n-th use outside the lock (on the lock's with `lock`). */
function failing(call: 'writeFileSync' | 'renameSync' | 'mkdtempSync', nth: number, code = 'EIO', lock = false): WriterFileSystem {
  let count = 0;
  return {
    ...fs,
    [call]: (...args: unknown[]) => {
      const counted = isLockPath(args[0]) === lock;
      if (counted) count += 1;
      if (counted && count === nth) throw Object.assign(new Error(`${code}: injected ${call} failure`), { code });
      return (fs[call] as (...a: unknown[]) => unknown)(...args);
    },
  };
}

/** The real file system, except that `call` fails with `code` whenever its first argument is `path`. */
function failingAt(call: 'openSync' | 'readdirSync', path: string, code = 'EIO'): WriterFileSystem {
  return {
    ...fs,
    [call]: (...args: unknown[]) => {
      if (String(args[0]) === path) throw Object.assign(new Error(`${code}: injected ${call} failure`), { code });
      return (fs[call] as (...a: unknown[]) => unknown)(...args);
    },
  };
}

let work: string;
let out: string;
beforeEach(() => {
  work = tempDir();
  out = join(work, 'output');
  writeAtomically(out, OLD);
});
afterEach(() => removeDir(work));

describe('writeAtomically never deletes what is not its own', () => {
  const refusals: [name: string, prepare: () => void, message: RegExp][] = [
    ['a manifest that is not one ({})', () => fs.writeFileSync(join(out, MANIFEST_PATH), '{}\n'), /no valid \.status-catalog\.json/],
    ['a manifest that is not JSON', () => fs.writeFileSync(join(out, MANIFEST_PATH), 'nope'), /no valid \.status-catalog\.json/],
    [
      'a file the manifest does not list',
      () => fs.writeFileSync(join(out, 'notes.md'), 'mine\n'),
      /1 file there is not status-catalog's \("notes\.md"\)/,
    ],
    [
      'a file in a folder the manifest does not list',
      () => {
        fs.mkdirSync(join(out, 'src'));
        fs.writeFileSync(join(out, 'src', 'app.ts'), 'mine\n');
      },
      /\("src\/app\.ts"\)/,
    ],
  ];
  for (const [name, prepare, message] of refusals) {
    it(`refuses a folder with ${name}, and leaves every file as it was`, () => {
      prepare();
      const before = read(out);
      expect(() => writeAtomically(out, NEW)).toThrow(message);
      expect(read(out)).toEqual(before);
      expect(fs.readdirSync(work)).toEqual(['output']);
    });
  }

  it('refuses to write over a folder that holds a catalog it was made from', () => {
    const catalog = join(out, 'my-catalog.yaml');
    fs.writeFileSync(catalog, 'service: X\n');
    expect(() => writeAtomically(out, NEW, fs, [catalog])).toThrow(/holds the catalog .*my-catalog\.yaml/);
    expect(fs.readFileSync(catalog, 'utf8')).toBe('service: X\n');
  });

  it('follows a symlinked output folder: the link stays a link, the folder it names is replaced', () => {
    const link = join(work, 'link');
    fs.symlinkSync(out, link);
    writeAtomically(link, NEW);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(read(out)['b/two.txt']).toBe('new two\n');
  });

  it('sees a catalog through a symlinked output folder', () => {
    const link = join(work, 'link');
    fs.symlinkSync(out, link);
    const catalog = join(out, 'my-catalog.yaml');
    fs.writeFileSync(catalog, 'service: X\n');
    expect(() => writeAtomically(link, NEW, fs, [join(link, 'my-catalog.yaml')])).toThrow(/holds the catalog/);
    expect(fs.existsSync(catalog)).toBe(true);
  });

  it('control: a folder holding only what its manifest lists is replaced', () => {
    writeAtomically(out, NEW, fs, [join(work, 'elsewhere.yaml')]);
    expect(read(out)['b/two.txt']).toBe('new two\n');
  });
});

describe('writeAtomically', () => {
  it('replaces the folder with exactly the new files', () => {
    writeAtomically(out, NEW);
    expect(read(out)).toEqual(Object.fromEntries(NEW.map((f) => [f.path, f.contents])));
    expect(fs.readdirSync(work)).toEqual(['output']);
  });

  const failures: [string, WriterFileSystem][] = [
    ['a write error on the third file', failing('writeFileSync', 3)],
    ['a failure renaming the old output aside', failing('renameSync', 1)],
    ['a failure renaming the new output into place', failing('renameSync', 2)],
  ];
  for (const [name, fileSystem] of failures) {
    it(`keeps the previous output on ${name}`, () => {
      expect(() => writeAtomically(out, NEW, fileSystem)).toThrow(WriteError);
      expect(read(out)).toEqual(Object.fromEntries(OLD.map((f) => [f.path, f.contents])));
      expect(fs.readdirSync(work)).toEqual(['output']);
    });
  }

  it('never deletes the previous output when it cannot be put back, and says where it is', () => {
    let renames = 0;
    const fileSystem = {
      ...fs,
      renameSync: (from: fs.PathLike, to: fs.PathLike) => {
        if (!isLockPath(from)) renames += 1;
        if (renames > 1 && !isLockPath(from)) throw Object.assign(new Error('injected rename failure'), { code: 'EIO' });
        fs.renameSync(from, to);
      },
    } as WriterFileSystem;
    let message = '';
    try {
      writeAtomically(out, NEW, fileSystem);
    } catch (error) {
      message = (error as Error).message;
    }
    const kept = /it is in (\S+):/.exec(message)?.[1];
    expect(kept).toBeDefined();
    expect(read(kept!)).toEqual(Object.fromEntries(OLD.map((f) => [f.path, f.contents])));
    expect(fs.readdirSync(work).filter((name) => !name.startsWith('.output.old-'))).toEqual([]);
  });

  it('refuses paths outside the output folder', () => {
    expect(() => writeAtomically(out, [{ path: '../escape.txt', contents: 'x' }])).toThrow(/outside the output folder/);
    expect(fs.existsSync(join(work, 'escape.txt'))).toBe(false);
  });
});

describe('writeAtomically makes every file-system call through the one it is given', () => {
  const old = (): Record<string, string> => Object.fromEntries(OLD.map((f) => [f.path, f.contents]));

  it('the ownership check: a manifest that cannot be read (EIO) is no valid manifest, and the folder is refused whole', () => {
    const fileSystem = failingAt('openSync', join(fs.realpathSync(out), MANIFEST_PATH));
    const refusal = /refusing to replace a folder that status-catalog did not write \(it has files and no valid \.status-catalog\.json\)/;
    expect(() => assertWritableOutput(out, [], fileSystem)).toThrow(refusal);
    expect(() => writeAtomically(out, NEW, fileSystem)).toThrow(refusal);
    expect(read(out)).toEqual(old());
    expect(fs.readdirSync(work)).toEqual(['output']);
  });

  it('the ownership check: a folder in it that cannot be listed (EIO) is not taken for empty, and the output is refused whole', () => {
    fs.mkdirSync(join(out, 'src'));
    fs.writeFileSync(join(out, 'src', 'app.ts'), 'mine\n');
    const before = read(out);
    const fileSystem = failingAt('readdirSync', join(fs.realpathSync(out), 'src'));
    const refusal = `${out}: refusing to replace it: could not see everything it holds (EIO: injected readdirSync failure); nothing was changed`;
    expect(() => assertWritableOutput(out, [], fileSystem)).toThrow(new WriteError(refusal));
    expect(() => writeAtomically(out, NEW, fileSystem)).toThrow(new WriteError(refusal));
    expect(read(out)).toEqual(before);
    expect(fs.readdirSync(work)).toEqual(['output']);
  });

  it("the ownership check: a mount point is known by the kernel's list as that file system reads it", () => {
    const real = fs.realpathSync(out);
    const fileSystem = {
      ...fs,
      readFileSync: (...args: Parameters<typeof fs.readFileSync>) =>
        args[0] === '/proc/self/mountinfo' ? `36 35 0:40 / ${real} rw,relatime - tmpfs tmpfs rw\n` : fs.readFileSync(...args),
    } as WriterFileSystem;
    expect(() => writeAtomically(out, NEW, fileSystem)).toThrow(/output: is a mount point \(a volume\?\)/);
    expect(read(out)).toEqual(old());
    expect(fs.readdirSync(work)).toEqual(['output']);
  });

  it("the lock: a live holder's record that cannot be read (EIO) is no valid record, and the lock is taken over", () => {
    const lock = join(work, '.output.lock');
    fs.mkdirSync(lock);
    // This process's own record: read through node's file system, its holder is live and is waited for.
    fs.writeFileSync(join(lock, 'owner.json'), JSON.stringify(ownRecord()));
    expect(writeAtomically(out, NEW, failingAt('openSync', join(lock, 'owner.json'))).warnings).toEqual([]);
    expect(read(out)).toEqual(Object.fromEntries(NEW.map((f) => [f.path, f.contents])));
    expect(fs.readdirSync(work)).toEqual(['output']);
  });
});

describe('writeAtomically into a mount point', () => {
  const message = (dir: string): string =>
    `${dir}: is a mount point (a volume?), and status-catalog replaces an output folder by renaming it, which a mount point cannot be; name a folder inside it instead (such as ${join(dir, 'generated')}); nothing was changed`;

  it('knows a mount point by the kernel list, not by device numbers', () => {
    expect(isMountPoint('/proc')).toBe(true);
    expect(isMountPoint('/')).toBe(true);
    expect(isMountPoint(out)).toBe(false);
    expect(isMountPoint(join('/proc', 'self'))).toBe(false);
  });

  it('says the same when the rename fails with EBUSY (a bind mount on the same device)', () => {
    expect(() => writeAtomically(out, NEW, failing('renameSync', 1, 'EBUSY'))).toThrow(new WriteError(message(out)));
    expect(read(out)).toEqual(Object.fromEntries(OLD.map((f) => [f.path, f.contents])));
    expect(fs.readdirSync(work)).toEqual(['output']);
  });
});

describe('messages show file names through displayPath', () => {
  it('escapes bidi and zero-width characters in the folder and file names a refusal names', () => {
    const odd = join(work, 'out\u202Etxt.sh');
    fs.mkdirSync(odd);
    fs.writeFileSync(join(odd, 'note\u200B.md'), 'mine\n');
    fs.writeFileSync(join(odd, MANIFEST_PATH), manifest('odd', []).contents);
    expect(() => writeAtomically(odd, NEW)).toThrow(
      `${work}/out\\u202etxt.sh: refusing to replace it: 1 file there is not status-catalog's ("note\\u200b.md"); move it out or choose another output folder`,
    );
  });
});

describe('writeAtomically after an interrupted run, beside other runs', () => {
  it('puts back an output that a crash left moved aside, and removes what the crash left', () => {
    // A crash between the two renames: the old output aside, the new one in its temporary folder.
    fs.renameSync(out, join(work, '.output.old-0a0a0a0a0a0a'));
    fs.mkdirSync(join(work, '.output.tmp-XXXXXX'));
    fs.writeFileSync(join(work, '.output.tmp-XXXXXX', 'half.txt'), 'half');
    const report = writeAtomically(out, NEW);
    expect(report.warnings).toEqual([expect.stringContaining('put back the output an interrupted run had moved aside')]);
    expect(read(out)['b/two.txt']).toBe('new two\n');
    expect(fs.readdirSync(work)).toEqual(['output']);
  });

  it('removes old and temporary folders a killed run left beside a whole output', () => {
    fs.mkdirSync(join(work, '.output.old-1b1b1b1b1b1b'));
    fs.mkdirSync(join(work, '.output.tmp-YYYYYY'));
    expect(writeAtomically(out, NEW).warnings).toEqual([]);
    expect(fs.readdirSync(work)).toEqual(['output']);
  });

  const abandoned: [string, Readonly<Record<string, string>>][] = [
    // A pid no process has: beyond the kernel's limit.
    ['a pid that is not running', { pid: '4194305' }],
    ['an empty pid file (a full disk while it was taken)', { pid: '' }],
    ['no pid file', {}],
    ['pid 1 (the first process of an earlier container run)', { pid: '1' }],
    ['garbage', { pid: 'garbage\u0000', 'owner.json': '{' }],
    [
      'a record of a live process that is not its holder (a pid reused)',
      {
        'owner.json': JSON.stringify({ ...ownRecord(), pid: process.ppid, start: '1' }),
      },
    ],
  ];
  for (const [name, files] of abandoned) {
    it(`takes over, without waiting, a lock with ${name}`, () => {
      fs.mkdirSync(join(work, '.output.lock'));
      for (const [file, text] of Object.entries(files)) fs.writeFileSync(join(work, '.output.lock', file), text);
      writeAtomically(out, NEW);
      expect(read(out)['b/two.txt']).toBe('new two\n');
      expect(fs.readdirSync(work)).toEqual(['output']);
    });
  }

  it('leaves no lock behind when the disk is full while it is taken, and the next run is not held up', () => {
    expect(() => writeAtomically(out, NEW, failing('writeFileSync', 1, 'ENOSPC', true))).toThrow(
      /^.+\/output: could not lock it for writing: no space left on the device \(ENOSPC\); nothing was changed$/,
    );
    expect(fs.readdirSync(work)).toEqual(['output']);
    expect(read(out)).toEqual(Object.fromEntries(OLD.map((f) => [f.path, f.contents])));
    writeAtomically(out, NEW);
    expect(read(out)['b/two.txt']).toBe('new two\n');
  });

  it('says that the folder holding the output must be writable when the lock cannot be made there', () => {
    expect(() => writeAtomically(out, NEW, failing('mkdtempSync', 1, 'EACCES', true))).toThrow(
      `${out}: could not lock it for writing: the folder it is in (${work}) is not writable (EACCES); status-catalog writes beside it (a lock, then the new version, swapped in by rename), so that folder must be writable`,
    );
    expect(fs.readdirSync(work)).toEqual(['output']);
  });

  it('says so, and does not fail, when the previous output cannot be removed', () => {
    const fileSystem = {
      ...fs,
      rmSync: (path: fs.PathLike, options?: fs.RmOptions) => {
        if (String(path).includes('.output.old-')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        fs.rmSync(path, options);
      },
    } as WriterFileSystem;
    const report = writeAtomically(out, NEW, fileSystem);
    expect(read(out)['b/two.txt']).toBe('new two\n');
    expect(report.warnings).toEqual([
      expect.stringMatching(/written, but the previous output could not be removed \(\.output\.old-[0-9a-f]+\): EACCES/),
    ]);
  });

  it('lets concurrent runs on one folder take turns: all succeed, the output is whole, nothing is left', async () => {
    // Every run writes a manifest listing what it writes, so each may replace the others' output.
    const runs = Array.from(
      { length: 10 },
      (_, i) =>
        new Promise<{ code: number | null; stderr: string }>((resolvePromise) => {
          const script = `import { writeAtomically } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'write', 'folder-swap.js')).href)};
// 300 files each, so that the runs' writes overlap in time.
const extra = Array.from({ length: 300 }, (_, n) => ({ path: 'many/' + n + '.txt', contents: 'x'.repeat(2000) }));
const body = [...${JSON.stringify(NEW.slice(1))}.map((f) => f.path === 'b/two.txt' ? { ...f, contents: 'run ${i}\\n' } : f), ...extra];
const listed = Object.fromEntries(body.map((f) => [f.path, 'sha256-run']));
const files = [{ path: ${JSON.stringify(MANIFEST_PATH)}, contents: JSON.stringify({ generator: 'status-catalog', inputs: 'run', files: listed }) + '\\n' }, ...body];
writeAtomically(${JSON.stringify(out)}, files);`;
          const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
          let stderr = '';
          child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
          child.on('close', (code) => resolvePromise({ code, stderr }));
        }),
    );
    const results = await Promise.all(runs);
    for (const result of results) expect(result, result.stderr).toEqual({ code: 0, stderr: '' });
    expect(read(out)['b/two.txt']).toMatch(/^run [0-9]\n$/);
    expect(
      Object.keys(read(out))
        .filter((path) => !path.startsWith('many/'))
        .sort(),
    ).toEqual(NEW.map((f) => f.path).sort());
    expect(Object.keys(read(out)).filter((path) => path.startsWith('many/'))).toHaveLength(300);
    expect(fs.readdirSync(work)).toEqual(['output']);
  });

  it('a signal mid-write ends the run only once the write is whole', async () => {
    const script = `import * as fs from 'node:fs';
import { writeAtomically } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'write', 'folder-swap.js')).href)};
let count = 0;
const killing = { ...fs, writeFileSync: (...args) => { count += 1; if (count === 3) process.kill(process.pid, 'SIGTERM'); return fs.writeFileSync(...args); } };
writeAtomically(${JSON.stringify(out)}, ${JSON.stringify(NEW)}, killing);
setTimeout(() => {}, 5000);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
    const signal = await new Promise<NodeJS.Signals | null>((resolvePromise) => child.on('close', (_code, sig) => resolvePromise(sig)));
    // The signal ends the run, after the write: a whole output, nothing left beside it.
    expect(signal).toBe('SIGTERM');
    expect(read(out)).toEqual(Object.fromEntries(NEW.map((f) => [f.path, f.contents])));
    expect(fs.readdirSync(work)).toEqual(['output']);
  });
});

describe('the real CLI on planted files: nothing hangs, nothing is read whole', () => {
  /** The CLI in a subprocess that is killed after 20 s: a hang is a failure (status null), not a stuck suite. */
  function cli(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 20_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }
  const generateArgs = ['generate', '--catalog', 'catalog.yaml', '--out', 'output'];
  let generated: string;
  beforeAll(() => {
    generated = tempDir();
    fs.copyFileSync(DEFAULT_CATALOG, join(generated, 'catalog.yaml'));
    expect(cli(generateArgs, generated).status).toBe(0);
  });
  afterAll(() => removeDir(generated));
  beforeEach(() => {
    // In place of the output the suite's beforeEach writes: a real generated one.
    removeDir(out);
    fs.cpSync(generated, work, { recursive: true });
  });

  const manifests: [string, (path: string) => void][] = [
    ['a FIFO', (path) => execFileSync('mkfifo', [path])],
    ['a symlink to /dev/zero', (path) => fs.symlinkSync('/dev/zero', path)],
  ];
  for (const [name, plant] of manifests) {
    it(`a manifest that is ${name}: --check and generate refuse the folder at once`, () => {
      const manifestPath = join(work, 'output', MANIFEST_PATH);
      fs.rmSync(manifestPath);
      plant(manifestPath);
      const check = cli([...generateArgs, '--check'], work);
      expect(check.stderr).toContain(
        'status-catalog: output (--out) is not an output of status-catalog (it has files and no valid .status-catalog.json); nothing to check against',
      );
      expect(check.status).toBe(1);
      const write = cli(generateArgs, work);
      expect(write.stderr.trim()).toBe(
        'status-catalog: output: refusing to replace a folder that status-catalog did not write (it has files and no valid .status-catalog.json); choose another output folder or empty it',
      );
      expect(write.status).toBe(1);
      expect(fs.lstatSync(manifestPath).isFile()).toBe(false);
    });
  }

  it('an output file of 3 GB (sparse) is stale under --check, unread', () => {
    const file = join(work, 'output', 'docs', 'status-codes.md');
    fs.truncateSync(file, 3 * 1024 ** 3);
    const check = cli([...generateArgs, '--check'], work);
    expect(check.stderr).toContain('stale: output/docs/status-codes.md\n');
    expect(check.status).toBe(1);
  });

  it("a FIFO in place of the fast path's record: the full check runs instead", () => {
    fs.mkdirSync(join(work, 'node_modules'));
    expect(cli(generateArgs, work).status).toBe(0);
    const cache = join(work, 'node_modules', '.cache', 'status-catalog');
    const [record] = fs.readdirSync(cache);
    fs.rmSync(join(cache, record!));
    execFileSync('mkfifo', [join(cache, record!)]);
    const check = cli([...generateArgs, '--check'], work);
    expect(check.stderr).toBe('');
    expect(check.stdout).toMatch(/^status-catalog: output is up to date \(\d+ files\)\n$/);
    expect(check.status).toBe(0);
  });

  // A mount namespace of the test's own (nothing is mounted outside it); needs root and unshare.
  const canMount = spawnSync('unshare', ['-m', '--propagation', 'private', 'true']).status === 0;
  /** `script` in a private mount namespace, in `work`, with $NODE and $CLI set. */
  const inMountNamespace = (script: string): { status: number | null; stdout: string; stderr: string } => {
    const result = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script], {
      cwd: work,
      encoding: 'utf8',
      timeout: 20_000,
      env: { ...process.env, NODE: process.execPath, CLI },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it.skipIf(!canMount)('an output folder that is a mount point is refused, saying to name a folder inside it, which then works', () => {
    fs.mkdirSync(join(work, 'vol'));
    const result = inMountNamespace(
      'mount -t tmpfs tmpfs vol && touch vol/kept && "$NODE" "$CLI" generate --catalog catalog.yaml --out vol; echo "exit $?"; ' +
        '"$NODE" "$CLI" generate --catalog catalog.yaml --out vol/generated && ls -A vol',
    );
    expect(result.stderr).toBe(
      'status-catalog: vol: is a mount point (a volume?), and status-catalog replaces an output folder by renaming it, which a mount point cannot be; name a folder inside it instead (such as vol/generated); nothing was changed\n',
    );
    expect(result.stdout).toMatch(/^exit 1\nstatus-catalog: wrote 24 files to vol\/generated .*\ngenerated\nkept\n$/);
  });

  it.skipIf(!canMount)('a read-only folder holding the output: a one-line error that says it must be writable, nothing left', () => {
    fs.mkdirSync(join(work, 'ro'));
    const result = inMountNamespace(
      'mount --bind ro ro && mount -o remount,bind,ro ro && "$NODE" "$CLI" generate --catalog catalog.yaml --out ro/output',
    );
    expect(result.stderr).toBe(
      `status-catalog: ro/output: could not lock it for writing: the folder it is in (${join(work, 'ro')}) is not writable (EROFS); status-catalog writes beside it (a lock, then the new version, swapped in by rename), so that folder must be writable\n`,
    );
    expect(result.status).toBe(1);
    expect(fs.readdirSync(join(work, 'ro'))).toEqual([]);
  });
});
