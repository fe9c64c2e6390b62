// Deterministic synthetic catalogs for the benchmark: N error codes with realistic text,
// spread over the default catalog's statuses, which they reuse through `extends`.
// Also a synthetic OpenAPI spec of N paths, for merge.
// Usage: node bench/synthetic.js N OUT.yaml, node bench/synthetic.js spec N OUT.yaml   (or import them)
import { writeFileSync } from 'node:fs';
import { relative, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const STATUSES = [400, 401, 403, 404, 405, 408, 409, 410, 412, 413, 415, 422, 429, 500, 501, 502, 503, 504];
const PREFIXES = ['SVC.OBS', 'SVC.ECS', 'SVC.CCE-ADDONMGR', 'SVC.IAM', 'SVC.VPC', 'SVC.RDS', 'SVC.DNS', 'SVC.KMS'];
const SUBJECTS = [
  'bucket',
  'volume',
  'instance',
  'add-on',
  'user',
  'subnet',
  'database',
  'record',
  'key',
  'snapshot',
  'quota',
  'policy',
  'certificate',
  'listener',
  'image',
];
const PROBLEMS = [
  ["doesn't exist", 'Check the ID and the region.'],
  ['is being deleted', 'Wait until the deletion finishes.'],
  ['is in use', 'Detach it from every resource first.'],
  ['has an invalid name', 'Use 3 to 63 lower-case letters, digits and hyphens.'],
  ['limit reached', 'Delete unused resources or ask for a higher quota.'],
  ["can't be modified in its current state", 'Retry when its status is Available.'],
  ['is locked by another request', 'Retry after the time in Retry-After.'],
  ['parameters are invalid', "Check the request against the API reference's schema."],
];

/** YAML text of a catalog with `count` error codes; the same count always gives the same text. */
export function syntheticCatalog(count, path) {
  const base = relative(dirname(path), join(ROOT, 'data', 'status-codes.yaml'));
  const lines = [
    `extends: ${base}`,
    'service: SVC',
    `title: Synthetic catalog of ${count} error codes`,
    'errorBody:',
    "  codePattern: '^SVC\\.[A-Z]+(?:-[A-Z]+)*\\.[0-9]{4,8}$'",
    '  defaultCode: SVC.COMMON.0000',
    'errors:',
  ];
  for (let i = 0; i < count; i += 1) {
    const status = STATUSES[i % STATUSES.length];
    const prefix = PREFIXES[Math.floor(i / STATUSES.length) % PREFIXES.length];
    const subject = SUBJECTS[i % SUBJECTS.length];
    const [problem, measure] = PROBLEMS[Math.floor(i / 7) % PROBLEMS.length];
    const code = `${prefix}.${status}${String(i).padStart(5, '0')}`;
    lines.push(
      `  - code: ${code}`,
      `    status: ${status}`,
      `    message: "The ${subject} ${i} ${problem}."`,
      `    description: "The ${subject} named in the request ${problem}; the service answered ${status} and did nothing."`,
      `    measure: "${measure}"`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * YAML text of an OpenAPI 3.0 spec of `paths` paths, each with a get that answers 200: about
 * 80 bytes a path (32,000 paths are 2.5 MB), the same text for the same count. The
 * many-operations case of merge --attach.
 */
export function syntheticSpec(paths) {
  const lines = ['openapi: 3.0.3', 'info:', '  title: Synthetic spec', `  version: "${paths}"`, 'paths:'];
  for (let i = 0; i < paths; i += 1) {
    lines.push(
      `  /${SUBJECTS[i % SUBJECTS.length]}s/${i}:`,
      '    get:',
      '      responses:',
      '        "200":',
      '          description: OK.',
    );
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [what, count, out] = process.argv.slice(2);
  if (what === 'spec') writeFileSync(out, syntheticSpec(Number(count)));
  else writeFileSync(count, syntheticCatalog(Number(what), count));
}
