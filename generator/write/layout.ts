/**
 * Where each output goes. By default everything goes into one folder (`--out`), the OpenAPI
 * under openapi/, the TypeScript under ts/ and the docs under docs/. A target may have a folder
 * of its own (`--ts-out src/generated`, or the catalog's `output:`): its files then sit at the
 * top of that folder, which gets a manifest of its own and is owned and replaced as a whole,
 * like the main one.
 */
import { relative, resolve } from 'node:path';
import { TARGET_NAMES, TARGETS, type TargetName } from '../targets/index.js';
import { displayPath } from '../util/display-path.js';
import type { GeneratedFile } from '../targets/target.js';
import { emitManifest, MANIFEST_PATH, type ManifestInputs } from './manifest.js';
import { isWithin, realPathOf } from '../util/real-path.js';
import { WriteError } from './write-error.js';
import { byPath } from '../util/compare.js';

export type OutputTarget = TargetName;

export const OUTPUT_TARGETS: readonly OutputTarget[] = TARGET_NAMES;

/** The folder of each target's files inside the main output folder. */
const SUBFOLDER = Object.fromEntries(TARGETS.map((target) => [target.name, `${target.folder}/`])) as Readonly<Record<OutputTarget, string>>;

/** The option that names a target's own folder, for messages. */
export const TARGET_OPTION = Object.fromEntries(TARGETS.map((target) => [target.name, target.option])) as Readonly<
  Record<OutputTarget, string>
>;

export interface OutputLayout {
  /** The main folder: every target without a folder of its own goes there. */
  readonly out: string;
  /** Targets with a folder of their own. */
  readonly own: Readonly<Partial<Record<OutputTarget, string>>>;
}

/** One folder to write or check, with its files (and its manifest) at paths relative to it. */
export interface OutputFolder {
  readonly dir: string;
  /** Who named the folder, for messages: `--out`, `--ts-out`, `output.typescript`. */
  readonly namedBy: string;
  readonly files: readonly GeneratedFile[];
}

/**
 * Splits generated files (as `generate` returns them, manifest included) into their folders.
 * With no target in a folder of its own, that is the main folder with the files as they are.
 */
export function splitIntoFolders(
  files: readonly GeneratedFile[],
  layout: OutputLayout,
  inputs: ManifestInputs,
  namedBy: (target: OutputTarget) => string,
): OutputFolder[] {
  const own = OUTPUT_TARGETS.filter((target) => layout.own[target] !== undefined);
  if (own.length === 0) return [{ dir: layout.out, namedBy: '--out', files }];
  assertSeparate(layout, own, namedBy);
  const rest = files.filter((file) => file.path !== MANIFEST_PATH);
  const folders: OutputFolder[] = [];
  for (const target of own) {
    const prefix = SUBFOLDER[target];
    const mine = rest
      .filter((file) => file.path.startsWith(prefix))
      .map((file) => ({ path: file.path.slice(prefix.length), contents: file.contents }));
    folders.push(withManifest(layout.own[target]!, namedBy(target), mine, inputs));
  }
  const left = rest.filter((file) => !own.some((target) => file.path.startsWith(SUBFOLDER[target])));
  if (left.length > 0) folders.unshift(withManifest(layout.out, '--out', left, inputs));
  return folders;
}

function withManifest(dir: string, namedBy: string, files: readonly GeneratedFile[], inputs: ManifestInputs): OutputFolder {
  const all = [...files, emitManifest(files, inputs)].sort(byPath);
  return { dir, namedBy, files: all };
}

/**
 * Each folder is replaced as a whole, so no two may be the same folder or one inside the other:
 * writing one would delete the other. Compared by real paths, so that a symlink (or a folder
 * reached through one) is seen for the folder it is.
 */
function assertSeparate(layout: OutputLayout, own: readonly OutputTarget[], namedBy: (target: OutputTarget) => string): void {
  const folders = [
    ...(own.length < OUTPUT_TARGETS.length ? [{ name: '--out', dir: layout.out }] : []),
    ...own.map((target) => ({ name: namedBy(target), dir: layout.own[target]! })),
  ].map((folder) => ({ ...folder, real: realPathOf(folder.dir) }));
  for (const [index, a] of folders.entries()) {
    for (const b of folders.slice(index + 1)) {
      if (overlap(a.real, b.real)) {
        const shown = (dir: string): string => displayPath(relative('.', resolve(dir)) || '.');
        throw new WriteError(
          `${a.name} ${shown(a.dir)} and ${b.name} ${shown(b.dir)} ${a.real === b.real ? 'are the same folder' : 'are one inside the other'}${overlap(resolve(a.dir), resolve(b.dir)) ? '' : ' (through a symbolic link)'}: each output folder is replaced as a whole, so each needs its own`,
        );
      }
    }
  }
}

function overlap(a: string, b: string): boolean {
  return isWithin(a, b) || isWithin(b, a);
}
