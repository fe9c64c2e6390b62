/**
 * The lint rules: what RFC 9110 says of statuses, checked on a valid catalog's model. Each rule
 * is one object (name, RFC 9110 section, severity, check); a check returns the statuses it finds
 * fault with and which of their fields to point at. Lint locates and prints them
 * (generator/commands/lint.ts). Validation already refuses what would break the generated
 * code (a body on a 204, say); these rules flag what is valid but contrary to the RFC.
 */
import type { CatalogModel, StatusModel } from '../model/model.js';
import { RFC9110_SECTIONS, UNUSED_STATUSES, type Registry } from './registry.js';

export type Severity = 'error' | 'warning' | 'info';

export interface LintContext {
  readonly model: CatalogModel;
  readonly registry: Registry;
}

/** A status a rule finds fault with. */
export interface RuleHit {
  readonly status: number;
  /** The field of the status entry the finding points at. */
  readonly field: 'status' | 'message' | 'headers';
  readonly message: string;
  /** The section, when more precise than the rule's (the status's own section). */
  readonly section?: string;
}

export interface LintRule {
  readonly name: string;
  /** Section of RFC 9110 the rule comes from. */
  readonly section: string;
  /** error: the RFC says MUST; warning: SHOULD, or a status not to use; info: a difference worth knowing. */
  readonly severity: Severity;
  check(context: LintContext): RuleHit[];
}

const lists = (status: StatusModel, header: string): boolean => status.headers.some((name) => name.toLowerCase() === header.toLowerCase());

/** A rule that some statuses must (or should) list a header. */
function headerRule(
  name: string,
  severity: Severity,
  header: string,
  statuses: readonly number[],
  section: string,
  requirement: string,
): LintRule {
  return {
    name,
    section,
    severity,
    check: ({ model }) =>
      model.statuses
        .filter((status) => statuses.includes(status.status) && !lists(status, header))
        .map((status) => ({
          status: status.status,
          field: 'headers' as const,
          message: `status ${status.status} does not list ${header}: a ${status.status} response ${requirement}`,
          ...(statuses.length > 1 ? { section: RFC9110_SECTIONS[status.status]! } : {}),
        })),
  };
}

export const RULES: readonly LintRule[] = [
  {
    name: 'unregistered-status',
    section: '16.2.1',
    severity: 'warning',
    check: ({ model, registry }) =>
      model.statuses
        .filter((status) => !registry.phrases.has(status.status) && !UNUSED_STATUSES.includes(status.status))
        .map((status) => ({
          status: status.status,
          field: 'status' as const,
          message: `${status.status} is not in the IANA status code registry: clients know it only by its class (${Math.floor(status.status / 100)}xx)`,
        })),
  },
  {
    name: 'unused-status',
    section: '15.4.7',
    severity: 'warning',
    check: ({ model }) =>
      model.statuses
        .filter((status) => UNUSED_STATUSES.includes(status.status))
        .map((status) => ({
          status: status.status,
          field: 'status' as const,
          message: `${status.status} is reserved as "(Unused)": it is not to be sent`,
          section: RFC9110_SECTIONS[status.status]!,
        })),
  },
  {
    name: 'deprecated-status',
    section: '15.4.6',
    severity: 'warning',
    check: ({ model }) =>
      model.statuses
        .filter((status) => status.status === 305)
        .map(() => ({ status: 305, field: 'status' as const, message: `305 (Use Proxy) is deprecated: clients do not act on it` })),
  },
  {
    name: 'reason-phrase',
    section: '15',
    severity: 'info',
    check: ({ model, registry }) =>
      model.statuses.flatMap((status) => {
        const section = RFC9110_SECTIONS[status.status];
        const phrase = registry.phrases.get(status.status);
        if (section === undefined || phrase === undefined || status.message === phrase) return [];
        return [
          {
            status: status.status,
            field: 'message' as const,
            section,
            message: `message "${status.message}" is not the reason phrase "${phrase}"`,
          },
        ];
      }),
  },
  headerRule('www-authenticate-on-401', 'error', 'WWW-Authenticate', [401], '15.5.2', 'MUST send it'),
  headerRule('allow-on-405', 'error', 'Allow', [405], '15.5.6', 'MUST send it'),
  headerRule('proxy-authenticate-on-407', 'error', 'Proxy-Authenticate', [407], '15.5.8', 'MUST send it'),
  headerRule('location-on-redirect', 'warning', 'Location', [301, 302, 303, 307, 308], '15.4', 'SHOULD send it'),
  headerRule('content-range-on-206', 'warning', 'Content-Range', [206], '15.3.7', 'with a single part MUST send it'),
  headerRule('content-range-on-416', 'warning', 'Content-Range', [416], '15.5.17', 'SHOULD send it'),
  {
    name: 'retry-after-listed',
    section: '10.2.3',
    severity: 'warning',
    check: ({ model }) =>
      model.statuses
        .filter((status) => (status.retry === 'retry-after' || status.retry === 'if-retry-after') && !lists(status, 'Retry-After'))
        .map((status) => ({
          status: status.status,
          field: 'headers' as const,
          message: `status ${status.status} says to retry after Retry-After (retry: ${status.retry}) but does not list the Retry-After header`,
        })),
  },
];
