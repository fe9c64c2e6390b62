/** The OpenAPI target: the catalog as a components document, OAS 3.1 and 3.0, in YAML and JSON. */
import { inThreadEmitter, type Target } from '../target.js';

export const openApiTarget = {
  name: 'openapi',
  summary: 'the OpenAPI components files',
  folder: 'openapi',
  option: '--openapi-out',
  start: () => inThreadEmitter(async (model) => (await import('./openapi.js')).emitOpenApi(model)),
} as const satisfies Target;
