/**
 * generator/commands/watch.ts in-process: `generate --watch` on real files in a temp working
 * folder, ended by a signal from an emitter of the test's own (test/e2e/watch.test.ts sends
 * real signals to the CLI). Each step waits until the output (or what is printed) shows it.
 */
import { EventEmitter } from 'node:events';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { GenerateRequest } from '../../generator/commands/generate.js';
import { watchGenerate } from '../../generator/commands/watch.js';
import { inTempWorkingFolder, ROOT, writeFile } from '../harness/helpers.js';

const CATALOG = readFileSync(join(ROOT, 'test', 'fixtures', 'catalogs', 'runtime.yaml'), 'utf8');
const WAIT = { timeout: 30_000, interval: 20 };

let work: string;
inTempWorkingFolder((dir) => {
  work = dir;
  writeFile(join(work, 'base', 'runtime.yaml'), CATALOG);
  writeFile(join(work, 'catalog.yaml'), catalogText('1.0.0'));
});

function catalogText(version: string, base = 'base/runtime.yaml'): string {
  return `extends: ${base}\nversion: "${version}"\n`;
}

/** Saves as editors that write a new file and rename it over the old one do. */
function saveByRename(path: string, text: string): void {
  writeFileSync(`${path}.swp`, text);
  renameSync(`${path}.swp`, path);
}

/** The version the OpenAPI output of the watch has; undefined while there is none. */
function versionOnDisk(): string | undefined {
  const file = join(work, 'out', 'openapi', 'components.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { info: { version: string } }).info.version : undefined;
}

/** What the watch prints, as it prints it. */
const printed = { stdout: '', stderr: '' };
const spies: { mockRestore(): void }[] = [];
function capture(): void {
  printed.stdout = '';
  printed.stderr = '';
  const into = (stream: 'stdout' | 'stderr') => (chunk: string | Uint8Array) => {
    printed[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  };
  spies.push(vi.spyOn(process.stdout, 'write').mockImplementation(into('stdout')));
  spies.push(vi.spyOn(process.stderr, 'write').mockImplementation(into('stderr')));
}
afterEach(() => {
  for (const spy of spies.splice(0)) spy.mockRestore();
});

function startWatch(signals: EventEmitter, extra: Partial<GenerateRequest> = {}): Promise<number> {
  const request: GenerateRequest = {
    invocation: { catalogPath: 'catalog.yaml', out: 'out', flags: {} },
    strict: false,
    force: false,
    timings: false,
    debug: false,
    ...extra,
  };
  capture();
  return watchGenerate(request, signals as unknown as Parameters<typeof watchGenerate>[1]);
}

/** Lock folders and temporary folders a write leaves beside the output while it runs. */
const leftovers = (): string[] => readdirSync(work).filter((name) => name.startsWith('.out.'));

describe('generate --watch', () => {
  test('generates on every change to the catalog or its chain, keeps the output on errors, and ends on a signal', async () => {
    const signals = new EventEmitter();
    const ended = startWatch(signals);
    await vi.waitFor(() => expect(printed.stdout).toContain('status-catalog: watching catalog.yaml, base/runtime.yaml for changes'), WAIT);
    expect(versionOnDisk()).toBe('1.0.0');

    // The catalog saved by rename.
    saveByRename(join(work, 'catalog.yaml'), catalogText('1.0.1'));
    await vi.waitFor(() => expect(versionOnDisk()).toBe('1.0.1'), WAIT);

    // A base of its chain, written in place.
    writeFileSync(join(work, 'base', 'runtime.yaml'), CATALOG.replace('The request succeeded.', 'Done, as asked.'));
    await vi.waitFor(() => expect(readFileSync(join(work, 'out', 'docs', 'status-codes.md'), 'utf8')).toContain('Done, as asked.'), WAIT);

    // A new base, named before it exists: a located error, the output as it was; once it is
    // written, it is part of the chain, and watched.
    const before = readFileSync(join(work, 'out', '.status-catalog.json'), 'utf8');
    saveByRename(join(work, 'catalog.yaml'), catalogText('1.0.2', 'shared/middle.yaml'));
    await vi.waitFor(() => expect(printed.stderr).toContain('status-catalog: output left as it was; watching for changes'), WAIT);
    expect(printed.stderr).toMatch(/^catalog\.yaml:1:10: extends: .*shared\/middle\.yaml: cannot read catalog: no such file$/m);
    expect(readFileSync(join(work, 'out', '.status-catalog.json'), 'utf8')).toBe(before);
    writeFile(join(work, 'shared', 'middle.yaml'), 'extends: ../base/runtime.yaml\ntitle: Middle\n');
    await vi.waitFor(() => expect(versionOnDisk()).toBe('1.0.2'), WAIT);
    expect(printed.stdout).toContain('status-catalog: watching catalog.yaml, shared/middle.yaml, base/runtime.yaml for changes');
    expect(readFileSync(join(work, 'out', 'docs', 'status-codes.md'), 'utf8')).toContain('# Middle\n');
    writeFileSync(join(work, 'shared', 'middle.yaml'), 'extends: ../base/runtime.yaml\ntitle: Middle, edited\n');
    await vi.waitFor(
      () => expect(readFileSync(join(work, 'out', 'docs', 'status-codes.md'), 'utf8')).toContain('# Middle, edited\n'),
      WAIT,
    );

    // An invalid catalog: its located error, and the output left as it was.
    const kept = readFileSync(join(work, 'out', '.status-catalog.json'), 'utf8');
    const errorsBefore = printed.stderr.length;
    saveByRename(join(work, 'catalog.yaml'), `${catalogText('1.0.3', 'shared/middle.yaml')}statuses: [\n`);
    await vi.waitFor(() => expect(printed.stderr.slice(errorsBefore)).toContain('output left as it was'), WAIT);
    expect(printed.stderr.slice(errorsBefore)).toMatch(/^catalog\.yaml:\d+:\d+: /);
    expect(readFileSync(join(work, 'out', '.status-catalog.json'), 'utf8')).toBe(kept);
    saveByRename(join(work, 'catalog.yaml'), catalogText('1.0.4', 'shared/middle.yaml'));
    await vi.waitFor(() => expect(versionOnDisk()).toBe('1.0.4'), WAIT);

    signals.emit('SIGINT', 'SIGINT');
    expect(await ended).toBe(130);
    expect(leftovers()).toEqual([]);
  });

  test('up-to-date output is left untouched; SIGTERM ends it with 143', async () => {
    const signals = new EventEmitter();
    const first = startWatch(signals);
    await vi.waitFor(() => expect(printed.stdout).toContain('watching'), WAIT);
    signals.emit('SIGTERM', 'SIGTERM');
    expect(await first).toBe(143);
    for (const spy of spies.splice(0)) spy.mockRestore();
    const manifest = join(work, 'out', '.status-catalog.json');
    const inode = statOf(manifest);
    const again = startWatch(signals);
    await vi.waitFor(() => expect(printed.stdout).toContain('watching'), WAIT);
    expect(printed.stdout).toMatch(/^status-catalog: out is up to date \(25 files\)$/m);
    expect(statOf(manifest)).toBe(inode);
    signals.emit('SIGHUP', 'SIGHUP');
    expect(await again).toBe(129);
    expect(leftovers()).toEqual([]);
  });
});

/** A file's inode and modification time: what writing it anew changes. */
function statOf(path: string): string {
  const { ino, mtimeNs } = statSync(path, { bigint: true });
  return `${ino}:${mtimeNs}`;
}
