/**
 * The one way tests run the CLI, two ways round with one result shape: `runCli` starts the built
 * CLI (`dist/cli.js`) as a fresh process, for what only a real process shows (exit codes, the
 * streams, the bin, signals, pipes); `runInProcess` runs the same command in the test process,
 * fast and measured by coverage, for everything else; `runCommand` runs one command function and
 * hands back what it threw, for tests of the commands themselves.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { reportFailure } from '../../generator/commands/failure.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

export interface RunResult {
  /** The exit code; null when the process ended by a signal (runCli only). */
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI (`dist/cli.js`) as a fresh process; `options` go to spawnSync (a timeout, stdio). */
export function runCli(args: readonly string[], cwd = ROOT, options: Omit<SpawnSyncOptions, 'cwd' | 'encoding'> = {}): RunResult {
  const result = spawnSync(process.execPath, [CLI, ...args], { ...options, cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

type Command = (argv: readonly string[]) => Promise<number>;

/** The commands by name, loaded when first run, as the CLI does. */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  init: async () => (await import('../../generator/commands/init.js')).runInit,
  generate: async () => (await import('../../generator/commands/generate.js')).runGenerate,
  lint: async () => (await import('../../generator/commands/lint.js')).runLint,
  diff: async () => (await import('../../generator/commands/diff.js')).runDiff,
  merge: async () => (await import('../../generator/commands/merge.js')).runMerge,
};

/**
 * Runs `status-catalog <command> ...args` in this process from the generator's sources, in `cwd`:
 * the command's output, and its failure reported as the CLI reports it (the same function), with
 * the exit code the CLI would end with. --help, --version and unknown commands are the CLI's
 * own: runCli tests them.
 */
export async function runInProcess(args: readonly string[], cwd = ROOT): Promise<RunResult> {
  const load = args[0] === undefined ? undefined : COMMANDS[args[0]];
  if (load === undefined) throw new Error(`runInProcess runs a command (${Object.keys(COMMANDS).join(', ')}), not: ${args.join(' ')}`);
  const command = await load();
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const ran = await runCommand(command, args);
    if (ran.error === undefined) return { status: ran.code ?? null, stdout: ran.stdout, stderr: ran.stderr };
    const failure = await captured(() => reportFailure(ran.error, process.stderr, args.includes('--debug')));
    return { status: failure.value, stdout: ran.stdout, stderr: ran.stderr + failure.stderr };
  } finally {
    process.chdir(previous);
  }
}

export interface Ran {
  readonly code: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
  /** What it threw (a UsageError, a CatalogError, …); undefined when it returned. */
  readonly error: unknown;
}

/** Runs `command(argv)` in this process, with what it prints captured (and kept off the terminal). */
export async function runCommand(command: Command, argv: readonly string[]): Promise<Ran> {
  const ran = await captured(async () => {
    try {
      return { code: await command(argv), error: undefined };
    } catch (error) {
      return { code: undefined, error };
    }
  });
  return { ...ran.value, stdout: ran.stdout, stderr: ran.stderr };
}

/** What `run` returns, and what it printed on standard output and error meanwhile. */
export async function captured<T>(run: () => T | Promise<T>): Promise<{ value: T; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const capture =
    (append: (text: string) => void) =>
    (chunk: string | Uint8Array): boolean => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    };
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation(capture((text) => (stdout += text))),
    vi.spyOn(process.stderr, 'write').mockImplementation(capture((text) => (stderr += text))),
  ];
  try {
    return { value: await run(), stdout, stderr };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

/** The lines of a captured text, without the final line break. */
export const lines = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));
