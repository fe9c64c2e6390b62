/** Running a CLI command in the test process, with what it prints captured: the harness of the commands-*.test.ts files. */
import { vi } from 'vitest';

export interface Ran {
  readonly code: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
  /** What it threw (a UsageError, a CatalogError, …); undefined when it returned. */
  readonly error: unknown;
}

/** Runs `command(argv)` in this process, with what it prints captured (and kept off the terminal). */
export async function runCommand(command: (argv: readonly string[]) => Promise<number>, argv: readonly string[]): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const capture =
    (append: (text: string) => void) =>
    (chunk: string | Uint8Array): boolean => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture((text) => (stdout += text)));
  vi.spyOn(process.stderr, 'write').mockImplementation(capture((text) => (stderr += text)));
  try {
    return { code: await command(argv), stdout, stderr, error: undefined };
  } catch (error) {
    return { code: undefined, stdout, stderr, error };
  } finally {
    vi.restoreAllMocks();
  }
}

/** The lines of a captured text, without the final line break. */
export const lines = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));
