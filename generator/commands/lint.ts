/**
 * `status-catalog lint`: a valid catalog checked against RFC 9110 (generator/lint/rules.ts).
 * One line per finding, `file:line:col: severity rule-name (RFC 9110 §x.y): message`, in file
 * order; `--json` prints them as an array. Exit 1 when a finding is an error (or, with
 * --strict, a warning), else 0.
 */
import { formatPath } from '../util/diagnostics.js';
import type { SourceDocument } from '../catalog/read.js';
import { loadRegistry } from '../lint/registry.js';
import { RULES, type RuleHit, type Severity } from '../lint/rules.js';
import { acceptWarnings, catalogPathOf, COMMON_OPTIONS, noMoreArguments, parse, say } from './shared.js';
import { compareStrings } from '../util/compare.js';

export const LINT_OPTIONS = { ...COMMON_OPTIONS, json: { type: 'boolean', default: false } } as const;

export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The catalog field, e.g. `statuses[21].headers`. */
  readonly field: string;
  readonly severity: Severity;
  readonly rule: string;
  /** `RFC 9110 §15.5.2`. */
  readonly reference: string;
  readonly message: string;
}

export function formatFinding(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column}: ${finding.severity} ${finding.rule} (${finding.reference}): ${finding.message}`;
}

export async function runLint(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, LINT_OPTIONS);
  noMoreArguments(positionals, 1);
  const catalogPath = catalogPathOf(values.catalog);
  const [{ readCatalogChain }, { validateCatalog }, { buildModel }] = await Promise.all([
    import('../catalog/read.js'),
    import('../catalog/validate.js'),
    import('../model/model.js'),
  ]);
  const chain = readCatalogChain(catalogPath);
  const catalog = acceptWarnings(validateCatalog(chain), false);
  if (catalog === undefined) return 1;
  const context = { model: buildModel(catalog), registry: loadRegistry() };
  const locate = statusLocator(chain);
  const findings = RULES.flatMap((rule) =>
    rule.check(context).map((hit) => locate(hit, rule.name, rule.severity, hit.section ?? rule.section)),
  );
  findings.sort(
    (a, b) => locate.rank(a.file) - locate.rank(b.file) || a.line - b.line || a.column - b.column || compareStrings(a.rule, b.rule),
  );

  if (values.json) process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
  else for (const finding of findings) say(process.stdout, formatFinding(finding));
  const count = (severity: Severity): number => findings.filter((finding) => finding.severity === severity).length;
  // The catalog's own warnings (printed as it loaded) count with the findings: --strict fails on both.
  const warnings = count('warning') + catalog.warnings.length;
  const failing = count('error') + (values.strict ? warnings : 0);
  const fromCatalog = catalog.warnings.length === 0 ? '' : ` (${catalog.warnings.length} from the catalog's checks)`;
  say(
    process.stderr,
    `status-catalog: lint ${catalogPath}: ${count('error')} error(s), ${warnings} warning(s)${fromCatalog}, ${count('info')} info(s)${failing > 0 && count('error') === 0 ? ' and --strict' : ''}`,
  );
  return failing > 0 ? 1 : 0;
}

/**
 * Finds where each status was written: in the last file of the chain that lists it (an
 * extending catalog's entry replaces the inherited one), at the field the rule points to.
 */
function statusLocator(chain: readonly SourceDocument[]) {
  const where = new Map<number, { source: SourceDocument; index: number }>();
  for (const source of chain) {
    const statuses = (source.data as { statuses?: { status?: unknown }[] } | null)?.statuses ?? [];
    statuses.forEach((entry, index) => {
      if (typeof entry?.status === 'number') where.set(entry.status, { source, index });
    });
  }
  const locate = (hit: RuleHit, rule: string, severity: Severity, section: string): Finding => {
    const { source, index } = where.get(hit.status)!;
    const path = ['statuses', index, hit.field];
    const { line, column } = source.positionOf(path);
    return {
      file: source.file,
      line,
      column,
      field: formatPath(path),
      severity,
      rule,
      reference: `RFC 9110 §${section}`,
      message: hit.message,
    };
  };
  return Object.assign(locate, { rank: (file: string): number => chain.findIndex((source) => source.file === file) });
}
