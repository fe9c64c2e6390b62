// Type-level tests of a catalog that echoes the HTTP status as a JSON number
// (`{"error":{"code":404,"message":"…","status":"NOT_FOUND"}}`). Compiled with its generated
// module by test/targets/typescript/body-layouts.test.ts.
import { NotFoundError, type ErrorBody } from "./index.js";

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(_value?: T): void {}

assertType<Equal<ErrorBody["error"]["code"], number>>();
// The service's code, optional without a default code.
assertType<Equal<ErrorBody["error"]["status"], string | undefined>>();
const body: ErrorBody = new NotFoundError().toJSON();
void body;
