/**
 * What a body preset is: a named layout of the error body (where each part of an error
 * travels, and the media type), which the catalog's `errorBody.fields`, `constants` and
 * `extra` then adjust. One module per preset (flat.ts, nested.ts, problem.ts); a new one is a
 * new module added to PRESETS in presets/index.ts.
 */

/** The parts of an error the body can carry, each filled in by the runtime from the error. */
export type BodyPart = 'code' | 'message' | 'requestId' | 'type' | 'title' | 'status' | 'instance';

/**
 * Parts that `errorBody.fields` may place; the others belong to a preset. A preset without a
 * member for one (status, but in problem) gets it where `fields` puts it.
 */
export const FIELD_PARTS = ['code', 'message', 'requestId', 'status'] as const satisfies readonly BodyPart[];

/** Field parts a body may go without: `fields.<part>: null` leaves the member out. */
export const OMISSIBLE_PARTS = ['message', 'requestId'] as const satisfies readonly FieldPart[];
export type FieldPart = (typeof FIELD_PARTS)[number];

export interface PresetMember {
  readonly part: BodyPart;
  /** JSON Pointer of the member in the body. */
  readonly pointer: string;
  /** What the member holds, when the preset says it better than the part's general text. */
  readonly description?: string;
}

/** The catalog's shorthands for the member names of the code and the message. */
export interface PresetShorthands {
  readonly codeField: string | undefined;
  readonly messageField: string | undefined;
}

/** Parts a client reads back from a response's body (runtime/error-body.ts, readErrorBody). */
export const READ_PARTS = ['code', 'message', 'requestId', 'instance'] as const satisfies readonly BodyPart[];
export type ReadPart = (typeof READ_PARTS)[number];

export interface BodyPreset {
  readonly name: string;
  readonly mediaType: string;
  /** One phrase for the docs: how the body is laid out. */
  readonly summary: string;
  /** What the generated ErrorBody type's documentation says the body is, followed by its media type; nothing by default. */
  readonly typeDoc?: string;
  /** Its members in body order, given the shorthands. */
  members(shorthands: PresetShorthands): readonly PresetMember[];
  /** Field parts the preset fixes: neither `fields` nor a shorthand may move them or leave them out. */
  readonly fixed: readonly FieldPart[];
  /**
   * JSON Pointers where bodies of this family carry a part under other names (gateways and
   * proxies answer in their own): every catalog's runtime reads a response's body there too,
   * after its own member, so that it understands bodies it did not write.
   */
  readonly alsoRead?: Readonly<Partial<Record<ReadPart, readonly string[]>>>;
}
