/**
 * What an output target is. Each target is a folder under generator/targets/ whose index.ts
 * exports one Target; generator/targets/index.ts lists them. Everything else that names the
 * targets (the pipeline, the output layout, the generate command's flags and help, the
 * catalog's `output` keys, `--timings`) reads that list, and tests fail when the catalog's
 * JSON Schema or the help text drift from it.
 */
import type { CatalogModel } from '../model/model.js';

/** What every emitter returns: files in memory, keyed by a POSIX path relative to the output folder. */
export interface GeneratedFile {
  readonly path: string;
  readonly contents: string;
}

/** Emits one target's files for any number of catalogs, then is closed. */
export interface TargetEmitter {
  /**
   * Whether it works on a thread of its own: the pipeline hands such emitters the model first,
   * so that they work while the others run on the calling thread.
   */
  readonly onWorker: boolean;
  /** The target's files, at paths relative to the target's own folder. */
  emit(model: CatalogModel): Promise<GeneratedFile[]>;
  /** Frees what the emitter holds (the TypeScript target's worker thread); it cannot emit afterwards. */
  close(): Promise<void>;
}

export interface Target<Name extends string = string> {
  /** The catalog's `output` key, the stage name in `--timings`, and the name in the API's `outputs`. */
  readonly name: Name;
  /** What the target writes, for the help text: "the OpenAPI components files". */
  readonly summary: string;
  /** Its folder inside the main output folder (`--out`). */
  readonly folder: string;
  /** The `generate` option that gives it a folder of its own. */
  readonly option: `--${string}-out`;
  /**
   * A new emitter, started as early as the caller likes: creating it must be cheap and load
   * nothing heavy, so that `generate --check` stays fast; the emitter loads its modules when
   * first asked to emit (the TypeScript target starts its worker thread here, so ts-morph loads
   * while the catalog is read).
   */
  start(): TargetEmitter;
}

/** An emitter that runs `emit` on the calling thread, loading its module on first use. */
export function inThreadEmitter(emit: (model: CatalogModel) => Promise<GeneratedFile[]> | GeneratedFile[]): TargetEmitter {
  return {
    onWorker: false,
    emit: async (model) => emit(model),
    close: async () => {},
  };
}
