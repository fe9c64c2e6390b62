/**
 * `generate --watch`: generates, then generates again whenever the catalog or a file of its
 * extends chain changes, until a signal ends it. The emitters stay up between runs, so the
 * TypeScript target's worker loads ts-morph once. A failed run prints its errors (one line
 * each, as `generate` does) and leaves the output as it was. A signal ends the watch between
 * writes (a write is synchronous: no handler runs while one is going, so no lock or temporary
 * folder is ever left), and the command exits 128 + the signal's number, as a shell reports a
 * program a signal stopped: 130 for Ctrl-C (SIGINT), 143 for SIGTERM, 129 for SIGHUP.
 */
import { realpathSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { CatalogError } from '../util/diagnostics.js';
import { displayPath } from '../util/display-path.js';
import { Timings } from '../util/timings.js';
import { catalogChainFiles } from '../write/freshness.js';
import { WriteError } from '../write/write-error.js';
import { reportFailure } from './failure.js';
import { closeEmitters, generateRun, startEmitters, type Emitters, type GenerateRequest } from './generate.js';
import { say } from './shared.js';

/**
 * How long the files must be quiet before a change is generated: an editor's save is several
 * events within a few milliseconds (a write, or a new file renamed over the old one).
 */
export const QUIET_MS = 30;

/** The signals that end the watch, with their numbers for the exit code. */
const ENDING_SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const satisfies Partial<Record<NodeJS.Signals, number>>;

type EndingSignal = keyof typeof ENDING_SIGNALS;

/** Where the ending signals come from: the process; tests pass an emitter of their own. */
export type SignalSource = Pick<NodeJS.Process, 'on' | 'off'>;

/** Runs the watch; resolves with the exit code once a signal has ended it and everything is closed. */
export function watchGenerate(request: GenerateRequest, signals: SignalSource = process): Promise<number> {
  return new CatalogWatch(request, signals).start();
}

class CatalogWatch {
  readonly #request: GenerateRequest;
  readonly #signals: SignalSource;
  #emitters: Emitters = startEmitters();
  readonly #files = new FileWatcher(() => this.#changed());
  readonly #stop = new AbortController();
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  /** A change came while a run was going: another run follows it. */
  #pending = false;
  /** The catalog files watched, as last announced. */
  #announced = '';
  #ended: (code: number) => void = () => {};

  constructor(request: GenerateRequest, signals: SignalSource) {
    this.#request = request;
    this.#signals = signals;
  }

  start(): Promise<number> {
    const ended = new Promise<number>((resolveEnded) => (this.#ended = resolveEnded));
    for (const signal of Object.keys(ENDING_SIGNALS) as EndingSignal[]) this.#signals.on(signal, this.#onSignal);
    // Armed before the first run, so that a change made meanwhile is not missed.
    this.#files.watch(catalogChainFiles(this.#request.invocation.catalogPath));
    void this.#run([]);
    return ended;
  }

  #changed(): void {
    if (this.#stop.signal.aborted) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#run(this.#files.watched()), QUIET_MS);
  }

  /** One run; `previous` are the files watched before it, kept watched when it fails (the chain it found is unknown then). */
  async #run(previous: readonly string[]): Promise<void> {
    if (this.#running) {
      this.#pending = true;
      return;
    }
    this.#running = true;
    let catalogFiles: readonly string[] | undefined;
    try {
      // The first run generates too, even when the record says the output is up to date: it
      // warms the emitters, so that the first change is as quick as the others. Output that is
      // up to date is left untouched all the same.
      const result = await generateRun(this.#request, this.#emitters, new Timings(), this.#stop.signal);
      catalogFiles = result.catalogFiles;
      // --strict stopped at warnings, which it printed.
      if (result.code !== 0) say(process.stderr, 'status-catalog: output left as it was; watching for changes');
    } catch (error) {
      if (this.#stop.signal.aborted) return;
      reportFailure(error, process.stderr, this.#request.debug);
      say(process.stderr, 'status-catalog: output left as it was; watching for changes');
      // Anything but a catalog or write problem may have broken an emitter (its worker gone):
      // fresh ones serve the next run.
      if (!(error instanceof CatalogError) && !(error instanceof WriteError)) {
        const broken = this.#emitters;
        this.#emitters = startEmitters();
        void closeEmitters(broken).catch(() => {});
      }
    } finally {
      this.#running = false;
    }
    if (this.#stop.signal.aborted) return;
    // The chain is found again after every run: a base named since is watched from now on.
    const files = [...new Set([...catalogChainFiles(this.#request.invocation.catalogPath), ...(catalogFiles ?? previous)])];
    this.#files.watch(files);
    this.#announce(files);
    if (this.#pending) {
      this.#pending = false;
      this.#changed();
    }
  }

  #announce(files: readonly string[]): void {
    const names = files.map((file) => displayPath(relative('.', file) || file)).join(', ');
    if (names === this.#announced) return;
    this.#announced = names;
    say(process.stdout, `status-catalog: watching ${names} for changes (Ctrl-C to stop)`);
  }

  readonly #onSignal = (signal: NodeJS.Signals): void => {
    // A second signal while closing: already on the way out.
    if (this.#stop.signal.aborted) return;
    this.#stop.abort();
    clearTimeout(this.#timer);
    this.#files.close();
    // The listener stays until everything is closed: while one is installed, the writer's
    // signal hold (write/signals.ts) leaves the ending to this one.
    void closeEmitters(this.#emitters)
      .catch(() => {})
      .finally(() => {
        for (const name of Object.keys(ENDING_SIGNALS) as EndingSignal[]) this.#signals.off(name, this.#onSignal);
        this.#ended(128 + (ENDING_SIGNALS[signal as EndingSignal] ?? 0));
      });
  };
}

/**
 * Watches files through the folders that hold them, not the files themselves: an editor that
 * saves by writing a new file and renaming it over the old one replaces the file (a watch on
 * it would see nothing more), while its folder sees every save. A file whose folder does not
 * exist yet is watched through the nearest folder that does.
 */
class FileWatcher {
  readonly #onChange: () => void;
  readonly #folders = new Map<string, { readonly watcher: FSWatcher; names: ReadonlySet<string> }>();
  #files: readonly string[] = [];

  constructor(onChange: () => void) {
    this.#onChange = onChange;
  }

  /** The files given to the last watch(). */
  watched(): readonly string[] {
    return this.#files;
  }

  /** Watches exactly `files` (absolute or relative to the working folder) from now on. */
  watch(files: readonly string[]): void {
    this.#files = files;
    const wanted = new Map<string, Set<string>>();
    for (const file of files) {
      // A symlinked catalog changes when the file it names does: both are watched.
      for (const path of new Set([resolve(file), realPathOf(file)])) {
        const [folder, name] = watchPoint(path);
        const names = wanted.get(folder) ?? new Set<string>();
        wanted.set(folder, names.add(name));
      }
    }
    for (const [folder, entry] of this.#folders) {
      if (wanted.has(folder)) continue;
      entry.watcher.close();
      this.#folders.delete(folder);
    }
    for (const [folder, names] of wanted) {
      const entry = this.#folders.get(folder);
      if (entry !== undefined) {
        entry.names = names;
        continue;
      }
      try {
        const watcher = watch(folder, (_event, name) => {
          // No name (some platforms): any change may be ours.
          if (name === null || this.#folders.get(folder)?.names.has(name) !== false) this.#onChange();
        });
        // The folder gone or unreadable: dropped, and found again by the run this starts.
        watcher.on('error', () => {
          watcher.close();
          if (this.#folders.get(folder)?.watcher === watcher) this.#folders.delete(folder);
          this.#onChange();
        });
        this.#folders.set(folder, { watcher, names });
      } catch {
        // Gone since it was found: the next change elsewhere, or the next run, looks again.
      }
    }
  }

  close(): void {
    for (const { watcher } of this.#folders.values()) watcher.close();
    this.#folders.clear();
  }
}

function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** The folder to watch for `path`, and the name in it that matters: its own folder, or the nearest one that exists. */
function watchPoint(path: string): [folder: string, name: string] {
  let folder = dirname(path);
  let name = basename(path);
  while (!isFolder(folder) && dirname(folder) !== folder) {
    name = basename(folder);
    folder = dirname(folder);
  }
  return [folder, name];
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
