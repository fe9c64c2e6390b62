/** What the catalog says of a status and of an error code: the shapes of the generated tables. */

/**
 * How a client may retry a request that got this status:
 * - "modify": do not repeat the request without modifications;
 * - "anytime": the request may be repeated without modifications at any later time;
 * - "retry-after": repeat the request after the delay the Retry-After header gives;
 * - "if-retry-after": repeat the request only when the response carries Retry-After, after that delay.
 */
export type RetryPolicy = "modify" | "anytime" | "retry-after" | "if-retry-after";

/** What the catalog says of one status. */
export interface StatusInfo<Code extends number = number> {
  /** The status code. */
  readonly status: Code;
  /** Identifier used for the StatusCode member and the error class. */
  readonly name: string;
  /** The status message as the service publishes it. */
  readonly message: string;
  /** What the status means; paragraphs are separated by blank lines. */
  readonly description: string;
  /** Retry guidance, where the catalog gives any. */
  readonly retry?: RetryPolicy;
  /** Response headers this status sends. */
  readonly headers: readonly string[];
  /** Whether the response may carry content. */
  readonly bodyAllowed: boolean;
}

/** What the catalog says of one error code. */
export interface ErrorInfo<Code extends string | number = string> {
  /** The error code: a number where codes travel as JSON numbers (errorBody.codeType integer). */
  readonly code: Code;
  /** Identifier used for the ErrorCode member and the error class. */
  readonly name: string;
  /** The HTTP status it is answered with. */
  readonly status: number;
  /** The error message as the service publishes it. */
  readonly message: string;
  /** What the error means. */
  readonly description?: string;
  /** What the client should do about it. */
  readonly measure?: string;
  /** Whether the catalog marks the code deprecated. */
  readonly deprecated: boolean;
  /** Retry guidance of the code under this status, overriding the status's; absent where it has none. */
  readonly retry?: RetryPolicy;
  /** The page that documents the code, where the catalog gives one. */
  readonly docUrl?: string;
}

/**
 * The status and the catalog message of each error code, keyed by code (its decimal text where
 * codes are numbers): one pair per status it is listed under
 * (`[400, "Bad request", 413, "Request entity too large"]`), by status.
 */
export type ErrorMessageTable = {
  readonly [code: string]:
    readonly [status: number, message: string, ...more: (number | string)[]] | undefined;
};

/**
 * The page the catalog gives for an error code, keyed like ErrorMessageTable: one pair of status
 * and URL per status it gives one for (`[404, "https://docs.example.com/errors/E1"]`), by status;
 * codes without one are not there.
 */
export type ErrorDocUrlTable = {
  readonly [code: string]:
    readonly [status: number, url: string, ...more: (number | string)[]] | undefined;
};
