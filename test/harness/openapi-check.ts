/** The real validators for generated OpenAPI files: the official schemas and Redocly's recommended rules. */
import { createConfig, lint, type Config, type NormalizedProblem } from '@redocly/openapi-core';
import { Validator } from '@seriousme/openapi-schema-validator';

/**
 * Rules of the recommended ruleset turned off because they cannot apply to a components-only
 * fragment (one with `paths: {}`, meant to be `$ref`'d into or merged with a real spec).
 */
export const RULES_OFF_FOR_FRAGMENT = [
  // warn: every response (the fragment's whole product) is reported as unused, because nothing
  // but operations can use a response and a fragment has none. Whether each header, example and
  // schema is referenced is checked by the component-set tests instead.
  'no-unused-components',
  // error: "Servers must be present." Servers say where operations are served; the fragment has
  // no operations, and a `servers` entry in it would be wrong for (or clash with) the spec that
  // merges it in.
  'no-empty-servers',
] as const;

let fragmentConfig: Promise<Config> | undefined;

/** Redocly's recommended ruleset less RULES_OFF_FOR_FRAGMENT. */
export function fragmentLintConfig(): Promise<Config> {
  fragmentConfig ??= createConfig({
    extends: ['recommended'],
    rules: Object.fromEntries(RULES_OFF_FOR_FRAGMENT.map((rule) => [rule, 'off'])),
  });
  return fragmentConfig;
}

/** Lint problems of a file as `severity ruleId at pointer: message`. */
export async function lintFragment(path: string): Promise<{ errors: string[]; warnings: string[] }> {
  const problems = await lint({ ref: path, config: await fragmentLintConfig() });
  const describe = (p: NormalizedProblem): string => `${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`;
  return {
    errors: problems.filter((p) => p.severity === 'error').map(describe),
    warnings: problems.filter((p) => p.severity !== 'error').map(describe),
  };
}

/** Validates against the official OpenAPI schema of the document's version. */
export async function validateSpec(document: Record<string, unknown>): Promise<{ valid: boolean; errors: unknown }> {
  const result = await new Validator().validate(document);
  return { valid: result.valid, errors: result.errors };
}
