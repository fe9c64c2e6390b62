/**
 * axios: requests reject with the catalog's error classes instead of an AxiosError. An error
 * response is its class (`NotFoundError`, a code's class, `ClientError`...), with the body's
 * code and message and the declared headers (Retry-After); a 2xx whose body is an error body
 * (the catalog's constants) rejects too; a request that got no response (refused, reset, DNS,
 * axios' timeout, an abort) rejects with a ConnectionError whose cause is the AxiosError. Typed
 * by the members it uses: it compiles without axios.
 *
 * ```ts
 * import axios from "axios";
 * import { installErrorInterceptor } from "./generated/adapters/axios.js";
 * import { NotFoundError } from "./generated/index.js";
 *
 * const api = axios.create({ baseURL: "https://api.example.com" });
 * installErrorInterceptor(api);
 * try {
 *   await api.get("/widgets/7");
 * } catch (error) {
 *   if (error instanceof NotFoundError) console.log(error.errorCode, error.errorMsg);
 * }
 * ```
 */
import { isApiError } from "../api-error.js";
import { connectionErrorFrom, type AbortStateLike } from "../connection-error.js";
import { errorFromResponse, isErrorResponse } from "../from-response.js";
import type { HeaderInput } from "../headers.js";

/** What the adapter reads of an axios response. */
export interface AxiosResponseLike {
  /** HTTP status. */
  readonly status: number;
  /** The body as axios read it: parsed JSON, text, or bytes (responseType arraybuffer). */
  readonly data?: unknown;
  /** Response headers (AxiosHeaders, or a record). */
  readonly headers: HeaderInput;
}

/** What the adapter needs of an axios instance: its response interceptors. */
export interface AxiosInstanceLike {
  /** The interceptors of the instance. */
  readonly interceptors: {
    /** Those of its responses. */
    readonly response: {
      /** Adds an interceptor; returns its id (for `eject`). */
      use(
        onFulfilled: <Response extends AxiosResponseLike>(response: Response) => Response,
        onRejected: (error: unknown) => never,
      ): number;
    };
  };
}

/** The codes of AxiosErrors raised before any request was sent: a mistake of the caller's, no connection failure. */
const NOT_SENT = [
  "ERR_BAD_OPTION",
  "ERR_BAD_OPTION_VALUE",
  "ERR_INVALID_URL",
  "ERR_DEPRECATED",
  "ERR_NOT_SUPPORT",
  "ERR_FORM_DATA_DEPTH_EXCEEDED",
];

type TextDecoderLike = new () => { decode(input: Uint8Array): string };

/** A body as errorFromResponse reads it: bytes (responseType arraybuffer, a Buffer) as text; a stream or a Blob is none. */
function bodyOf(data: unknown): unknown {
  const bytes =
    data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : ArrayBuffer.isView(data)
        ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
        : undefined;
  if (bytes === undefined) return data;
  // Not in the ES2022 library: looked up where it is (Node, browsers, workers).
  const Decoder = (globalThis as { TextDecoder?: TextDecoderLike }).TextDecoder;
  return Decoder === undefined ? undefined : new Decoder().decode(bytes);
}

function member(value: object, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/**
 * The catalog's error for what an axios request rejected with: an AxiosError with a response is
 * that response's error (errorFromResponse); one without (refused, reset, DNS, axios' timeout,
 * a cancel or an abort, too many redirects) a ConnectionError whose cause is the AxiosError, its
 * request's signal telling an abort. Anything else is given back as it is: an ApiError already,
 * an AxiosError of the caller's own mistake (an invalid URL or option: nothing was sent), an
 * error of another interceptor.
 */
export function errorFromAxios(error: unknown): unknown {
  if (isApiError(error) || typeof error !== "object" || error === null) return error;
  if (member(error, "isAxiosError") !== true) return error;
  const response = member(error, "response");
  if (typeof response === "object" && response !== null) {
    const { status, data, headers } = response as AxiosResponseLike;
    return errorFromResponse(status, bodyOf(data), headers);
  }
  const code = member(error, "code");
  if (typeof code === "string" && NOT_SENT.includes(code)) return error;
  const config = member(error, "config");
  const signal =
    typeof config === "object" && config !== null ? member(config, "signal") : undefined;
  const state =
    typeof signal === "object" && signal !== null ? (signal as AbortStateLike) : undefined;
  return connectionErrorFrom(error, state);
}

/** The rejected handler: throws errorFromAxios of what the request rejected with (axios chains handlers with `then`: the request rejects with it). */
export function rejectWithApiError(error: unknown): never {
  throw errorFromAxios(error);
}

/**
 * The fulfilled handler: a 2xx whose body is an error body (the catalog's constants: see
 * isErrorResponse) throws its error; any other response is given back. Statuses a
 * `validateStatus` of the caller's lets through (a 404) are left as they are.
 */
export function rejectErrorBody<Response extends AxiosResponseLike>(response: Response): Response {
  const { status, data, headers } = response;
  if (status >= 200 && status <= 299) {
    const body = bodyOf(data);
    if (isErrorResponse(status, body)) throw errorFromResponse(status, body, headers);
  }
  return response;
}

/**
 * Installs the response interceptor on an axios instance (`axios.create()`, or `axios`
 * itself): responses go through rejectErrorBody, rejections through rejectWithApiError.
 * Returns the interceptor's id, for `instance.interceptors.response.eject(id)`.
 */
export function installErrorInterceptor(instance: AxiosInstanceLike): number {
  return instance.interceptors.response.use(rejectErrorBody, rejectWithApiError);
}
