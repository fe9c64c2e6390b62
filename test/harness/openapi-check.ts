/** The real validators for generated OpenAPI files: the official schemas and Redocly's recommended rules. */
import { createConfig, lint, type Config, type NormalizedProblem } from '@redocly/openapi-core';
import { Validator } from '@seriousme/openapi-schema-validator';

let recommended: Promise<Config> | undefined;

/** Redocly's recommended ruleset, every rule as it sets it. */
export function recommendedLintConfig(): Promise<Config> {
  recommended ??= createConfig({ extends: ['recommended'] });
  return recommended;
}

/**
 * The warnings the recommended rules give every components fragment, as `ruleId at pointer`
 * prefixes: `info-license` (the catalog format has no licence), and `no-unused-components` for
 * what only operations can use (responses, and the headers and the ErrorCode schema that specs
 * `$ref` for their own responses), since a fragment has none. Merged with --only-used, a spec
 * gets only the components its operations use.
 */
export const FRAGMENT_WARNING =
  /^(?:info-license at #\/info|no-unused-components at #\/components\/(?:responses\/[^/]+|headers\/[^/]+|schemas\/\w*ErrorCode)):/;

/** Lint problems of a file under the recommended rules, as `ruleId at pointer: message`. */
export async function lintFragment(path: string): Promise<{ errors: string[]; warnings: string[] }> {
  const problems = await lint({ ref: path, config: await recommendedLintConfig() });
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
