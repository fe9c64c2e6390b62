/** What every emitter returns: files in memory, keyed by a POSIX path relative to the output folder. */
export interface GeneratedFile {
  readonly path: string;
  readonly contents: string;
}
