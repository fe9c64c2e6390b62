/** The pipeline behind the CLI and the API: catalog → model → every target's emitter → files in memory. */
import type { Catalog } from './catalog/types.js';
import { buildModel } from './model/model.js';
import { TARGET_NAMES, TARGETS, targetNamed, type TargetName } from './targets/index.js';
import type { GeneratedFile, TargetEmitter } from './targets/target.js';
import { Timings } from './util/timings.js';
import { GENERATOR_VERSION, generatorFingerprint } from './util/version.js';
import { catalogName } from './util/catalog-name.js';
import { emitManifest, type ManifestInputs } from './write/manifest.js';
import { byPath } from './util/compare.js';

/** A target's name (the registry in generator/targets/index.ts lists them). */
export type OutputKind = TargetName;

/** Every target, in the registry's order. */
export const OUTPUT_KINDS: readonly OutputKind[] = TARGET_NAMES;

export interface GenerateOptions {
  /** Which outputs to build; all of them by default. */
  readonly outputs?: readonly OutputKind[];
  /**
   * Emitters a caller started early (`target.start()`, see generator/targets/target.ts), by
   * target; any other target's emitter is started and closed within the call.
   */
  readonly emitters?: Readonly<Partial<Record<OutputKind, TargetEmitter>>>;
  /** Where to record how long each stage took. */
  readonly timings?: Timings;
}

/** What the manifest records the outputs of a catalog were made from. */
export function manifestInputsOf(catalog: Catalog): ManifestInputs {
  return {
    generatorVersion: GENERATOR_VERSION,
    generatorFingerprint: generatorFingerprint(),
    catalog: catalogName(catalog.file),
    catalogFiles: catalog.fileHashes,
  };
}

/**
 * Builds every output file of a catalog in memory, sorted by path, with the manifest. Writes nothing: hand the
 * result to `writeAtomically`, or compare it with `checkOutput`.
 */
export async function generate(catalog: Catalog, options: GenerateOptions = {}): Promise<GeneratedFile[]> {
  const wanted = new Set(options.outputs ?? OUTPUT_KINDS);
  const targets = TARGETS.filter((target) => wanted.has(target.name));
  const own = new Map<OutputKind, TargetEmitter>();
  const emitterOf = (name: OutputKind): TargetEmitter => {
    const given = options.emitters?.[name];
    if (given !== undefined) return given;
    const started = own.get(name) ?? targetNamed(name).start();
    own.set(name, started);
    return started;
  };
  try {
    // Every emitter is started before the model is built: the TypeScript target's worker loads
    // ts-morph meanwhile.
    for (const target of targets) emitterOf(target.name);
    const timings = options.timings ?? new Timings();
    const model = timings.measure('model', () => buildModel(catalog));
    // Emitters on a thread of their own get the model first and work while the others run here,
    // one after another. A target's time is the wall time from handing over the model to having
    // its files.
    const emitOne = async (target: (typeof targets)[number]): Promise<GeneratedFile[]> => {
      const started = performance.now();
      const files = await emitterOf(target.name).emit(model);
      timings.add(target.name, performance.now() - started);
      return files.map((file) => ({ path: `${target.folder}/${file.path}`, contents: file.contents }));
    };
    const onWorkers = Promise.all(targets.filter((target) => emitterOf(target.name).onWorker).map(emitOne));
    // Awaited below; a failure here first must not leave its rejection unhandled meanwhile.
    onWorkers.catch(() => {});
    const files: GeneratedFile[] = [];
    for (const target of targets.filter((each) => !emitterOf(each.name).onWorker)) files.push(...(await emitOne(target)));
    for (const result of await onWorkers) files.push(...result);
    files.push(emitManifest(files, manifestInputsOf(catalog)));
    return files.sort(byPath);
  } finally {
    await Promise.all([...own.values()].map((emitter) => emitter.close()));
  }
}
