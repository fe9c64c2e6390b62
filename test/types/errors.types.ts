// Type-level tests of the generated module: compiled by `npm run typecheck`, never run.
// Each @ts-expect-error must stay an error; a line without it must compile.
import {
  ApiError,
  BadRequestError,
  ClientError,
  ConnectionError,
  connectionErrorFrom,
  DEFAULT_ERROR_CODE,
  ErrorCode,
  errorClassFor,
  errorClassForCode,
  errorFromFetch,
  errorFromResponse,
  getStatusCode,
  getStatusMessage,
  InternalServerError,
  isApiError,
  isErrorResponse,
  isHttpStatus,
  isRetryable,
  MAX_ERROR_BODY_LENGTH,
  MAX_ERROR_CODE_LENGTH,
  MAX_RETRY_AFTER_SECONDS,
  MethodNotAllowedError,
  NotFoundError,
  ProxyAuthenticationRequiredError,
  ServerError,
  ServiceUnavailableError,
  StatusCode,
  toApiError,
  UnauthorizedError,
  withRetry,
  type ApiErrorClass,
  type DefaultErrorCode,
  type ErrorBody,
  type ErrorCodesByStatus,
  type ErrorCodeType,
  type ErrorCodeValue,
  type RelatedError,
  type RequiredHeadersByStatus,
  type ResponseLike,
  type StatusCodeValue,
  type StatusErrorCode,
} from '../../output/ts/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(_value?: T): void {}

// Status classes carry their status as a literal, on the class and on instances.
assertType<Equal<typeof NotFoundError.status, 404>>();
assertType<Equal<NotFoundError['status'], 404>>();
const notFound = new NotFoundError('missing', { errorCode: 'S3M.0404', headers: { 'x-a': '1' } });
const status404: 404 = notFound.status;
void status404;
// statusCode is status by the http-errors name, as literal; getResponse gives a fetch Response
// whatever the program's lib (this one has no DOM and no @types/node).
assertType<Equal<NotFoundError['statusCode'], 404>>();
assertType<Equal<ApiError['statusCode'], number>>();
const wire = notFound.getResponse();
const wireStatus: number = wire.status;
const wireText: Promise<string> = wire.text();
void wireStatus, wireText;
// toApiError takes anything and gives an ApiError.
const normalised: ApiError = toApiError(new Error('x'));
const fromString: ApiError = toApiError('thrown text');
void normalised, fromString;

// The hierarchy: status class → ClientError/ServerError → ApiError → Error.
const asClient: ClientError = notFound;
const asApi: ApiError = new ServiceUnavailableError();
const asServer: ServerError = new ServiceUnavailableError();
const asError: Error = asApi;
void asClient, asServer, asError;
// @ts-expect-error a 4xx class is not a ServerError
const wrongSide: ServerError = new BadRequestError();
void wrongSide;

// Constructors follow Error: (message?, options?).
new NotFoundError();
new NotFoundError(undefined, { cause: new Error('db') });
// @ts-expect-error errorCode is a string
new NotFoundError('x', { errorCode: 42 });
// @ts-expect-error unknown option
new NotFoundError('x', { code: 'S3M.0001' });
new InternalServerError('db down', { expose: true, cause: new Error('db') });
// @ts-expect-error expose is a boolean
new InternalServerError('db down', { expose: 'yes' });

// Statuses whose responses must send a header the catalog marks required take it, in its exact case.
assertType<Equal<RequiredHeadersByStatus[401], 'WWW-Authenticate'>>();
assertType<Equal<RequiredHeadersByStatus[405], 'Allow'>>();
assertType<Equal<RequiredHeadersByStatus[407], 'Proxy-Authenticate'>>();
assertType<Equal<keyof RequiredHeadersByStatus, 401 | 405 | 407>>();
new UnauthorizedError(undefined, { headers: { 'WWW-Authenticate': 'Bearer' } });
new UnauthorizedError('expired', { headers: { 'WWW-Authenticate': 'Bearer', 'X-Request-Id': 'r1' }, errorCode: 'S3M.0401' });
// @ts-expect-error WWW-Authenticate is required
new UnauthorizedError();
// @ts-expect-error WWW-Authenticate is required
new UnauthorizedError('x', {});
// @ts-expect-error WWW-Authenticate is required, not any header
new UnauthorizedError('x', { headers: { 'Retry-After': '5' } });
// Spelled as declared or in lower case, as HTTP/2 and Node's IncomingHttpHeaders spell it.
new UnauthorizedError('x', { headers: { 'www-authenticate': 'Bearer' } });
// @ts-expect-error in another case
new UnauthorizedError('x', { headers: { 'Www-Authenticate': 'Bearer' } });
// A class looked up by a status known only at run time is called like any other.
const Looked = errorClassFor(Number('401'));
if (Looked !== undefined) new Looked('x');

new MethodNotAllowedError(undefined, { headers: { Allow: 'GET, HEAD' } });
// @ts-expect-error Allow is required
new MethodNotAllowedError();
// @ts-expect-error Allow is required
new MethodNotAllowedError('x', {});
new ProxyAuthenticationRequiredError(undefined, { headers: { 'Proxy-Authenticate': 'Basic' } });
// @ts-expect-error Proxy-Authenticate is required
new ProxyAuthenticationRequiredError();
// A status without a required header takes none.
new NotFoundError('x', {});

// errorCode: the codes listed under the status (none in the default catalog), the default code, any other string, or none.
assertType<Equal<ErrorCodesByStatus[404], never>>();
assertType<Equal<DefaultErrorCode, 'S3M.0000'>>();
assertType<Equal<NotFoundError['errorCode'], StatusErrorCode<404>>>();
const maybeCode: string | undefined = notFound.errorCode;
const defaultCode: NotFoundError['errorCode'] = 'S3M.0000';
const defaultCodeValue: string | undefined = DEFAULT_ERROR_CODE;
// @ts-expect-error a status error may have no code (one received without it)
const sureCode: string = notFound.errorCode;
void maybeCode, defaultCode, defaultCodeValue, sureCode;

// errorClassFor gives the class of a catalog status, errorClassForCode a class or undefined.
assertType<Equal<ReturnType<typeof errorClassFor<404>>, typeof NotFoundError>>();
const anyClass: ApiErrorClass | undefined = errorClassForCode('S3M.0001');
void anyClass;

// toJSON is the wire body.
const body: ErrorBody = notFound.toJSON();
assertType<Equal<typeof body.error_code, string>>();

// errorFromResponse takes anything as body and returns an ApiError; the status as a number or its text.
const fromResponse: ApiError = errorFromResponse(404, 'not json at all');
const fromTextStatus: ApiError = errorFromResponse('404', '{}');
// @ts-expect-error a status is a number or its text, not any value
errorFromResponse(null, '{}');
void fromResponse, fromTextStatus;

// Codes of this catalog are strings; an error read from a body with a list has the list's other errors.
assertType<Equal<ErrorCodeType, string>>();
assertType<Equal<typeof fromResponse.related, readonly RelatedError[] | undefined>>();
assertType<Equal<RelatedError, { readonly errorCode: string | undefined; readonly errorMsg: string | undefined }>>();
// @ts-expect-error read-only
fromResponse.related = [];

// isErrorResponse: the status as a number or its text, any body; a boolean.
assertType<Equal<ReturnType<typeof isErrorResponse>, boolean>>();
isErrorResponse(200, '{"ok":false}');
isErrorResponse('404');
// @ts-expect-error a status is a number or its text
isErrorResponse(undefined, '{}');

// Retry-After in seconds and in milliseconds, either undefined without a valid header.
assertType<Equal<typeof fromResponse.retryAfter, number | undefined>>();
assertType<Equal<typeof fromResponse.retryAfterMs, number | undefined>>();
// @ts-expect-error read-only: derived from the headers
fromResponse.retryAfterMs = 5;

// The runtime's bounds are numbers; isHttpStatus narrows.
const bounds: readonly number[] = [MAX_RETRY_AFTER_SECONDS, MAX_ERROR_BODY_LENGTH, MAX_ERROR_CODE_LENGTH];
void bounds;
declare const someStatus: unknown;
if (isHttpStatus(someStatus)) assertType<Equal<typeof someStatus, number>>();

// isApiError narrows, and with a status narrows the status too.
declare const unknownValue: unknown;
if (isApiError(unknownValue, 404)) {
  const narrowed: 404 = unknownValue.status;
  assertType<Equal<typeof unknownValue.status, 404>>();
  // @ts-expect-error narrowed to 404
  const other: 500 = unknownValue.status;
  void narrowed, other;
}
if (isApiError(unknownValue)) {
  const code: string | undefined = unknownValue.errorCode;
  const status: number = unknownValue.status;
  // @ts-expect-error not narrowed to a status
  const notNarrowed: 404 = unknownValue.status;
  void code, status, notNarrowed;
}
// @ts-expect-error not narrowed without the check
const unchecked: number = unknownValue.status;
void unchecked;

// Lookups return undefined for unknown input instead of throwing; a listed code always has its message.
const anyMessage: string | undefined = getStatusMessage(418);
const knownMessage: string = getStatusMessage(StatusCode.NotFound);
// @ts-expect-error a plain number may not be listed
const unsure: string = getStatusMessage(418);
void anyMessage, knownMessage, unsure;
assertType<Equal<ReturnType<typeof getStatusCode>, StatusCode | undefined>>();
const known: StatusCodeValue = StatusCode.NotFound;
// @ts-expect-error 418 is not in the catalog
const unknownCode: StatusCodeValue = 418;
void known, unknownCode;

// StatusCode is an `as const` object and a type: StatusCode.NotFound is 404, and its type typeof StatusCode.NotFound.
const notFoundValue: 404 = StatusCode.NotFound;
const notFoundType: typeof StatusCode.NotFound = 404;
// @ts-expect-error typeof StatusCode.NotFound is 404 only
const badRequestAsNotFound: typeof StatusCode.NotFound = 400;
// @ts-expect-error a value of the type typeof StatusCode.NotFound is 404, whatever number is passed
const anyNumberAsNotFound: typeof StatusCode.NotFound = 404 as number;
assertType<Equal<typeof StatusCode.NotFound, 404>>();
assertType<Equal<(typeof StatusCode)['TooManyRequests'], 429>>();
// @ts-expect-error no namespace: a member's type is typeof StatusCode.NotFound
type NotFoundByNamespace = StatusCode.NotFound;
assertType<Equal<StatusCode, StatusCodeValue>>();
const anyStatus: StatusCode = 503;
// @ts-expect-error 418 is not in the catalog
const teapot: StatusCode = 418;
// @ts-expect-error the object is read-only
StatusCode.NotFound = 404;
// @ts-expect-error no reverse mapping, unlike a numeric enum
const reverse: string = StatusCode[404];
void notFoundValue, notFoundType, badRequestAsNotFound, anyNumberAsNotFound, anyStatus, teapot, reverse;

// ErrorCode likewise: the default catalog lists no error code, so the type is never.
assertType<Equal<ErrorCode, never>>();
assertType<Equal<ErrorCodeValue, ErrorCode>>();
assertType<Equal<keyof typeof ErrorCode, never>>();
// @ts-expect-error no code is listed
const listedCode: ErrorCode = 'S3M.0000';
void listedCode;

// The default catalog documents no extras: an error's extras are an empty object, of which nothing can be read.
new BadRequestError('x', { extras: {} });
// @ts-expect-error extras are an object
new BadRequestError('x', { extras: 'doc_url' });
// @ts-expect-error the catalog documents no extra doc_url
const undocumented: unknown = new BadRequestError().extras.doc_url;
void undocumented;

// A user's subclass keeps working.
class MissingWidgetError extends NotFoundError {}
const widget = new MissingWidgetError('no widget');
const widgetStatus: 404 = widget.status;
const widgetName: string = widget.name;
void widgetStatus, widgetName;
class MissingLoginError extends UnauthorizedError {}
// @ts-expect-error a subclass of a class requiring headers requires them too
new MissingLoginError();
new MissingLoginError(undefined, { headers: { 'WWW-Authenticate': 'Bearer' } });

// A request that got no response is a ServerError of the hierarchy, and no 4xx.
const connection = connectionErrorFrom(new TypeError('fetch failed'));
const connectionAsServer: ServerError = connection;
const failure: 'network' | 'timeout' | 'abort' = connection.failure;
// @ts-expect-error a ConnectionError is no ClientError
const connectionAsClient: ClientError = new ConnectionError();
void connectionAsServer, failure, connectionAsClient;

// errorFromFetch takes a Response or its promise (here a structural one: no DOM types) and never rejects.
declare const response: ResponseLike;
const fromFetch: Promise<ApiError | undefined> = errorFromFetch(Promise.resolve(response));
// @ts-expect-error a status alone is no response
void errorFromFetch({ status: 404 });
void fromFetch;

// withRetry gives what the attempt gives; its options are checked.
const retried: Promise<number> = withRetry(async ({ attempt }) => attempt, { maxAttempts: 5, onRetry: ({ delayMs }) => void delayMs });
// @ts-expect-error maxAttempts is a number
void withRetry(() => 1, { maxAttempts: '5' });
// @ts-expect-error no such option
void withRetry(() => 1, { retries: 5 });
void retried;

// isRetryable takes the error code, whose own guidance wins.
const codeRetryable: boolean = isRetryable(429, true, 'S3M.0429');
void codeRetryable;

// `instanceof` narrows to the class with its members typed, not to `ApiError<any, any>`: what a
// catch block reads is a number status and a code, and a wrong use is an error.
{
  const caught: unknown = new NotFoundError();
  if (caught instanceof ApiError) {
    const status: number = caught.status;
    // @ts-expect-error status is a number, not any
    const asText: string = caught.status;
    void [status, asText];
  }
  if (caught instanceof ClientError) {
    // @ts-expect-error status is a number, not any
    const asText: string = caught.status;
    void asText;
  }
  if (caught instanceof ServerError) {
    // @ts-expect-error errorCode is a code or undefined, not any
    const asBoolean: boolean = caught.errorCode;
    void asBoolean;
  }
  if (caught instanceof NotFoundError) {
    const status: 404 = caught.status;
    void status;
  }
  if (caught instanceof ConnectionError) {
    // @ts-expect-error status is a number, not any
    const asText: string = caught.status;
    void asText;
  }
}
