// Type-level tests of a catalog that echoes the HTTP status as text
// (`{"error":{"code":"404","message":"…","status":"NOT_FOUND"}}`). Compiled with its generated
// module by test/targets/typescript/body-layouts.test.ts.
import { NotFoundError, type ErrorBody } from "./index.js";

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(_value?: T): void {}

assertType<Equal<ErrorBody["error"]["code"], string>>();
// @ts-expect-error the status is text
const numeric: ErrorBody["error"]["code"] = 404;
const body: ErrorBody = new NotFoundError().toJSON();
void numeric, body;
