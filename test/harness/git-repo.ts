/** A real git repository in a temp folder, for the tests of `diff REV:PATH`. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { writeFile } from './helpers.js';

/** Runs git in `dir`, whatever the user's or the system's configuration says. */
export function git(dir: string, ...args: string[]): string {
  const config = [
    '-c',
    'user.name=Test',
    '-c',
    'user.email=test@example.com',
    '-c',
    'commit.gpgsign=false',
    '-c',
    'init.defaultBranch=main',
  ];
  return execFileSync('git', [...config, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
}

/** Makes `dir` a repository. */
export function initRepository(dir: string): void {
  git(dir, 'init', '-q');
}

/** Writes the files (path relative to `dir` → text) and commits them all. */
export function commit(dir: string, files: Readonly<Record<string, string>>, message = 'change'): void {
  for (const [path, text] of Object.entries(files)) writeFile(join(dir, path), text);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
}
