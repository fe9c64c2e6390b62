// Type-level tests of the generated module: compiled by `npm run typecheck`, never run.
// Each @ts-expect-error must stay an error; a line without it must compile.
import {
  ApiError,
  BadRequestError,
  ClientError,
  errorFromResponse,
  getStatusCode,
  getStatusMessage,
  isApiError,
  NotFoundError,
  ServerError,
  ServiceUnavailableError,
  StatusCode,
  type ErrorBody,
  type StatusCodeValue,
} from '../../output/ts/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(_value?: T): void {}

// Status classes carry their status as a literal, on the class and on instances.
assertType<Equal<typeof NotFoundError.status, 404>>();
assertType<Equal<NotFoundError['status'], 404>>();
const notFound = new NotFoundError('missing', { errorCode: 'S3M.0404', headers: { 'x-a': '1' } });
const status404: 404 = notFound.status;
void status404;

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

// toJSON is the wire body.
const body: ErrorBody = notFound.toJSON();
assertType<Equal<typeof body.error_code, string>>();

// errorFromResponse takes anything as body and returns an ApiError.
const fromResponse: ApiError = errorFromResponse(404, 'not json at all');
void fromResponse;

// isApiError narrows, and with a status narrows the status too.
declare const unknownValue: unknown;
if (isApiError(unknownValue, 404)) {
  const narrowed: 404 = unknownValue.status;
  void narrowed;
}
if (isApiError(unknownValue)) {
  const code: string = unknownValue.errorCode;
  void code;
}

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

// A user's subclass keeps working.
class MissingWidgetError extends NotFoundError {}
const widget = new MissingWidgetError('no widget');
const widgetStatus: 404 = widget.status;
void widgetStatus;
