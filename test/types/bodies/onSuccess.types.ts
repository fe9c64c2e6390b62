// Type-level tests of a catalog that answers errors on 200 (`{"ok":false,"error":"invalid_auth"}`)
// and whose body has no message member. Compiled with its generated module by
// test/targets/typescript/body-layouts.test.ts.
import {
  ApiError,
  ClientError,
  ErrorCode,
  InvalidAuthError,
  isErrorResponse,
  RatelimitedError,
  type ErrorBody,
  type ErrorCodesByStatus,
  type ErrorCodeType,
} from "./index.js";

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(_value?: T): void {}

assertType<Equal<ErrorCodeType, string>>();
assertType<Equal<ErrorCode, "invalid_auth" | "ratelimited">>();
assertType<Equal<ErrorCodesByStatus[200], "invalid_auth" | "ratelimited">>();

// A code class under 200 is an ApiError with the status 200, not a ClientError.
assertType<Equal<InvalidAuthError["status"], 200>>();
assertType<Equal<typeof InvalidAuthError.status, 200>>();
assertType<Equal<InvalidAuthError["errorCode"], "invalid_auth">>();
const asApi: ApiError = new InvalidAuthError();
// @ts-expect-error not a 4xx
const asClient: ClientError = new InvalidAuthError();
const onRateLimit: ClientError = new RatelimitedError();
void asApi, asClient, onRateLimit;

// The body has the members the catalog places, no message.
assertType<Equal<keyof ErrorBody, "ok" | "error">>();
assertType<Equal<ErrorBody["ok"], false>>();
const body: ErrorBody = new InvalidAuthError().toJSON();
// @ts-expect-error no message member
void body.message;

// isErrorResponse takes the status as a number or its text, and any body.
const checks: boolean[] = [isErrorResponse(200, '{"ok":false}'), isErrorResponse("200", undefined)];
// @ts-expect-error a status is a number or its text
isErrorResponse(null, {});
void checks;
