/**
 * Catalogs read from a git revision: `diff origin/main:data/status-codes.yaml NEW` compares
 * with the catalog as it was, its `extends` chain included, each base read from the same
 * revision relative to the catalog that names it (as a checkout of that revision would read
 * them). Git runs without a shell, in the repository of the current folder, with its output
 * bounded by the catalog limit.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { posix } from 'node:path';
import { CatalogError } from '../util/diagnostics.js';
import { MAX_CATALOG_BYTES } from '../util/limits.js';
import type { CatalogSource } from './read.js';

/** A catalog in a revision: the name diagnostics give it (`REV:path`) and where its chain is read from. */
export interface RevisionCatalog {
  readonly file: string;
  readonly source: CatalogSource;
}

/** Git answers that are not the content of a catalog stay short; none should take long. */
const GIT_LIMITS = { maxBuffer: 64 * 1024, timeout: 60_000 } as const;

/** Git could not answer: not installed, or it exited non-zero; `said` is the first line it wrote on standard error, if it ran. */
class GitFailure extends Error {
  constructor(
    message: string,
    readonly said?: string,
  ) {
    super(message);
  }
}

/** Runs git in the current folder: its standard output, or a GitFailure (git not installed, or it exited non-zero). */
function git(args: readonly string[], options: { input?: string; maxBuffer?: number } = {}): Buffer {
  try {
    return execFileSync('git', args, { ...GIT_LIMITS, ...options, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    const { code, stderr } = error as { code?: string; stderr?: Buffer };
    if (code === 'ENOENT') throw new GitFailure('git is not installed (or not on PATH)');
    if (code === 'ENOBUFS') throw new GitFailure('git gave more output than expected');
    const said = (stderr?.toString('utf8').trim().split('\n', 1)[0] ?? '').replace(/^fatal: /, '');
    throw new GitFailure(said === '' ? `git ${args[0]} failed` : said, said);
  }
}

function unreadable(file: string, message: string): CatalogError {
  return new CatalogError([{ file, line: 0, column: 0, path: '(catalog)', message }]);
}

/**
 * The catalog `argument` names in a git revision, when it is one: `REV:PATH` that is no file
 * as given. PATH is read as git reads it, from the top of the repository (`./` and `../` from
 * the current folder). Undefined for anything else, which is a file; a CatalogError when it
 * must be a revision and git cannot say which (not installed, no repository, no such revision).
 */
export function revisionCatalog(argument: string): RevisionCatalog | undefined {
  const colon = argument.indexOf(':');
  if (colon <= 0 || colon === argument.length - 1 || argument.startsWith('-') || existsSync(argument)) return undefined;
  const revision = argument.slice(0, colon);
  const given = argument.slice(colon + 1);
  let commit: string;
  let prefix: string;
  try {
    commit = git(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`])
      .toString('utf8')
      .trim();
    prefix = git(['rev-parse', '--show-prefix']).toString('utf8').trim();
  } catch (error) {
    if (!(error instanceof GitFailure)) throw error;
    // `rev-parse --verify --quiet` says nothing of a revision it does not know; of anything else it does.
    const why = error.said === '' ? `"${revision}" is no revision of this repository` : error.message;
    throw unreadable(argument, `cannot read catalog: no such file, nor a git revision and path (${why})`);
  }
  const path = given.startsWith('./') || given.startsWith('../') ? posix.join(prefix, given) : posix.normalize(given);
  const nameOf = (inRevision: string): string => `${revision}:${inRevision}`;
  const pathOf = (name: string): string => name.slice(revision.length + 1);
  return {
    file: nameOf(path),
    source: {
      read: (name) => readBlob(commit, revision, pathOf(name), name),
      // A path that leaves the repository or is absolute stays as written, and is refused when read.
      resolve: (from, base) => nameOf(posix.isAbsolute(base) ? base : posix.join(posix.dirname(pathOf(from)), base)),
    },
  };
}

/** The bytes of `path` in `commit`, or a CatalogError naming `name` (`REV:path`) that says why not. */
function readBlob(commit: string, revision: string, path: string, name: string): Buffer {
  if (posix.isAbsolute(path) || path === '..' || path.startsWith('../')) {
    throw unreadable(name, `cannot read catalog: ${path} is outside the repository; in a revision, extends is read from the same revision`);
  }
  const object = `${commit}:${path}`;
  let described: string;
  try {
    described = git(['cat-file', '--batch-check=%(objecttype) %(objectsize)'], { input: `${object}\n` })
      .toString('utf8')
      .trim();
  } catch (error) {
    if (!(error instanceof GitFailure)) throw error;
    throw unreadable(name, `cannot read catalog: ${error.message}`);
  }
  const [type, size] = described.split(' ');
  if (type === 'tree') throw unreadable(name, `cannot read catalog: is a directory in ${revision}`);
  if (type !== 'blob') throw unreadable(name, `cannot read catalog: no such file in ${revision}`);
  if (Number(size) > MAX_CATALOG_BYTES) {
    throw unreadable(name, `file is ${size} bytes; catalogs are limited to ${MAX_CATALOG_BYTES} bytes`);
  }
  try {
    return git(['cat-file', 'blob', object], { maxBuffer: MAX_CATALOG_BYTES });
  } catch (error) {
    if (!(error instanceof GitFailure)) throw error;
    throw unreadable(name, `cannot read catalog: ${error.message}`);
  }
}
