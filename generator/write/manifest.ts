/**
 * The manifest written beside the outputs: which generator wrote them, from which inputs, and
 * a hash of every file. It marks a folder as status-catalog's own (the writer only ever
 * replaces such folders), lets anyone verify the outputs were not edited by hand, and lets
 * `--check` decide from hashes alone that nothing changed.
 */
import { sha256 } from '../util/hash.js';
import type { GeneratedFile } from '../targets/target.js';

// The manifest records the catalog by this name; the pipeline takes it from here.

export const MANIFEST_PATH = '.status-catalog.json';

export interface ManifestInputs {
  readonly generatorVersion: string;
  readonly generatorFingerprint: string;
  /** Base name of the catalog (it appears in the outputs). */
  readonly catalog: string;
  /** sha256 of each catalog file, the most basic first (see readCatalogChain). */
  readonly catalogFiles: readonly string[];
}

export interface Manifest {
  readonly generator: 'status-catalog';
  readonly generatorVersion: string;
  readonly catalog: string;
  /** One hash over everything the outputs depend on. */
  readonly inputs: string;
  readonly files: Readonly<Record<string, string>>;
}

export function inputsHash(inputs: ManifestInputs): string {
  return sha256(JSON.stringify([inputs.generatorFingerprint, inputs.catalog, ...inputs.catalogFiles]));
}

export function emitManifest(files: readonly GeneratedFile[], inputs: ManifestInputs): GeneratedFile {
  const hashes: Record<string, string> = {};
  for (const file of files) hashes[file.path] = sha256(file.contents);
  const manifest: Manifest = {
    generator: 'status-catalog',
    generatorVersion: inputs.generatorVersion,
    catalog: inputs.catalog,
    inputs: inputsHash(inputs),
    files: hashes,
  };
  return { path: MANIFEST_PATH, contents: `${JSON.stringify(manifest, null, 2)}\n` };
}

/** The manifest in a file's text, or undefined for anything that is not one. */
export function parseManifest(text: string): Manifest | undefined {
  try {
    const value = JSON.parse(text) as Partial<Manifest> | null;
    if (
      value?.generator !== 'status-catalog' ||
      typeof value.inputs !== 'string' ||
      typeof value.files !== 'object' ||
      value.files === null
    ) {
      return undefined;
    }
    return value as Manifest;
  } catch {
    return undefined;
  }
}
