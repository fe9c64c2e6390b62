/**
 * What the runtime modules share among themselves and the entry point does not export: the
 * mark errorFromResponse puts on the options it passes.
 */
import type { ApiErrorOptions } from "./api-error.js";

/** Marks options that come from a response: no default code, only declared headers. */
export const FROM_RESPONSE: unique symbol = /*#__PURE__*/ Symbol(
  "status-catalog:from-response",
) as never;

/** Constructor options as errorFromResponse passes them. */
export interface ResponseErrorOptions extends ApiErrorOptions {
  /** Set by errorFromResponse only. */
  readonly [FROM_RESPONSE]?: true;
}
