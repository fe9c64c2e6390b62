// Type-level tests of a catalog whose codes travel as JSON numbers and whose errors come in a
// list (`{"success":false,"errors":[{"code":7003,"message":"…"}],"messages":[],"result":null}`).
// Compiled with its generated module by test/targets/typescript/body-layouts.test.ts.
import {
  DEFAULT_ERROR_CODE,
  ErrorCode,
  ERRORS,
  errorClassForCode,
  errorFromResponse,
  getErrorInfo,
  isErrorCode,
  isErrorResponse,
  NoRouteError,
  NotFoundError,
  type DefaultErrorCode,
  type ErrorBody,
  type ErrorCodesByStatus,
  type ErrorCodeType,
  type RelatedError,
  type StatusErrorCode,
} from "./index.js";

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(_value?: T): void {}

// Codes are number literals: the ErrorCode values and types, the classes, the default code.
assertType<Equal<ErrorCodeType, number>>();
assertType<Equal<ErrorCode, 7003 | 1000 | 400>>();
assertType<Equal<typeof ErrorCode.NoRoute, 7003>>();
assertType<Equal<(typeof ErrorCode)['Padded'], 400>>();
assertType<Equal<typeof NoRouteError.errorCode, 7003>>();
assertType<Equal<NoRouteError["errorCode"], 7003>>();
assertType<Equal<DefaultErrorCode, 1000>>();
assertType<Equal<typeof DEFAULT_ERROR_CODE, number | undefined>>();
assertType<Equal<ErrorCodesByStatus[404], 7003>>();
assertType<Equal<NotFoundError["errorCode"], StatusErrorCode<404>>>();
assertType<Equal<(typeof ERRORS)[number]["code"], number>>();
const unlisted: NotFoundError["errorCode"] = 12345;
new NotFoundError("x", { errorCode: 7003 });
// @ts-expect-error codes are numbers
new NotFoundError("x", { errorCode: "7003" });
// @ts-expect-error codes are numbers
const textCode: NotFoundError["errorCode"] = "7003";
errorClassForCode(7003);
// @ts-expect-error codes are numbers
errorClassForCode("7003");
getErrorInfo(7003);
// @ts-expect-error codes are numbers
getErrorInfo("7003");
declare const someValue: unknown;
if (isErrorCode(someValue)) assertType<Equal<typeof someValue, ErrorCode>>();
void unlisted, textCode;

// The body: the error is the one item of a tuple; constants typed exactly.
const body: ErrorBody = new NoRouteError().toJSON();
assertType<Equal<(typeof body.errors)[0]["code"], number>>();
assertType<Equal<(typeof body.errors)[0]["message"], string>>();
assertType<Equal<typeof body.success, false>>();
assertType<Equal<typeof body.messages, readonly []>>();
assertType<Equal<typeof body.result, null>>();
assertType<Equal<typeof body.meta.api, 4>>();
assertType<Equal<typeof body.meta.tags, readonly ["a", { readonly deep: null }]>>();
assertType<Equal<typeof body.meta.empty, { readonly [key: string]: never }>>();
// @ts-expect-error the body has no request id member
void body.request_id;
// @ts-expect-error a tuple of one item
void body.errors[1];

// The other errors of the list, and isErrorResponse.
const related: readonly RelatedError[] | undefined = errorFromResponse(404, "{}").related;
assertType<Equal<RelatedError["errorCode"], number | undefined>>();
assertType<Equal<RelatedError["errorMsg"], string | undefined>>();
// @ts-expect-error read-only
errorFromResponse(404, "{}").related = [];
const isError: boolean = isErrorResponse(200, { success: false });
void related, isError;
