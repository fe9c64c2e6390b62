/**
 * Rules on the errorBody: its codePattern, its defaultCode, how its members are laid out, and
 * the schemas of its extras.
 */
import { Ajv } from 'ajv';
import { errorBodyProblems } from '../../body/descriptor.js';
import type { ExtraSchema } from '../types.js';
import type { CatalogRule } from './context.js';

export const errorBody: CatalogRule = {
  name: 'error-body',
  check: ({ merged, body, bodyField, codePattern, report }) => {
    if (codePattern.problem !== undefined) report.error(bodyField('codePattern'), codePattern.problem);
    if (body.defaultCode !== undefined && codePattern.matching([body.defaultCode])?.[0] === false) {
      report.error(bodyField('defaultCode'), `"${body.defaultCode}" does not match codePattern ${codePattern.text}`);
    }
    // Of two members that cannot share a body, the one written in a later file of the chain is blamed.
    const fileOf = (field: readonly (string | number)[]): number => merged.chain.indexOf(bodyField(String(field[0])).source);
    for (const problem of errorBodyProblems(body, fileOf)) {
      const [key, ...rest] = problem.field;
      report.error(bodyField(String(key)), problem.message, ...rest);
    }
    for (const [pointer, extra] of Object.entries(body.extra ?? {})) {
      if (extra.schema === undefined) continue;
      const problem = extraSchemaProblem(extra.schema);
      if (problem !== undefined) report.error(bodyField('extra'), problem, pointer, 'schema');
    }
  },
};

let schemaChecker: Ajv | undefined;

/**
 * Why an extra's schema is not a usable JSON Schema, if it is not: ajv compiles it in strict
 * mode (a keyword without the type it applies to, `required` naming a member `properties` does
 * not, a pattern that is no regular expression; a format is not checked), and each value its `enum` lists must itself be
 * valid against it.
 */
export function extraSchemaProblem(schema: ExtraSchema): string | undefined {
  // OpenAPI's formats are open-ended (uri, int64, anything a tool knows): a format is not checked.
  schemaChecker ??= new Ajv({ strict: true, strictRequired: true, allowUnionTypes: true, validateFormats: false });
  let validate;
  try {
    validate = schemaChecker.compile(schema);
  } catch (caught) {
    return `is not a valid JSON Schema: ${(caught as Error).message.replace(/^strict mode: /, '')}`;
  }
  const invalid = (schema.enum ?? []).find((value) => !validate(value));
  if (invalid !== undefined) {
    return `lists ${JSON.stringify(invalid)} under enum, which the schema itself refuses (${schemaChecker.errorsText(validate.errors, { dataVar: 'it' })})`;
  }
  return undefined;
}
