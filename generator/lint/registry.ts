/**
 * What lint checks a catalog against: the IANA status code registry, which the package ships as
 * a catalog (data/iana.yaml, the one `init --from iana` copies), and the statuses RFC 9110
 * itself defines, with their sections.
 */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';

export interface Registry {
  /** Registered status → its description in the registry: for RFC 9110's statuses, the reason phrase. */
  readonly phrases: ReadonlyMap<number, string>;
}

/**
 * The section of RFC 9110 that defines each status it defines (RFC 9110, section 18.3). 306 and
 * 418 are registered as "(Unused)" and are not in data/iana.yaml.
 */
export const RFC9110_SECTIONS: Readonly<Record<number, string>> = {
  100: '15.2.1',
  101: '15.2.2',
  200: '15.3.1',
  201: '15.3.2',
  202: '15.3.3',
  203: '15.3.4',
  204: '15.3.5',
  205: '15.3.6',
  206: '15.3.7',
  300: '15.4.1',
  301: '15.4.2',
  302: '15.4.3',
  303: '15.4.4',
  304: '15.4.5',
  305: '15.4.6',
  306: '15.4.7',
  307: '15.4.8',
  308: '15.4.9',
  400: '15.5.1',
  401: '15.5.2',
  402: '15.5.3',
  403: '15.5.4',
  404: '15.5.5',
  405: '15.5.6',
  406: '15.5.7',
  407: '15.5.8',
  408: '15.5.9',
  409: '15.5.10',
  410: '15.5.11',
  411: '15.5.12',
  412: '15.5.13',
  413: '15.5.14',
  414: '15.5.15',
  415: '15.5.16',
  416: '15.5.17',
  417: '15.5.18',
  418: '15.5.19',
  421: '15.5.20',
  422: '15.5.21',
  426: '15.5.22',
  500: '15.6.1',
  501: '15.6.2',
  502: '15.6.3',
  503: '15.6.4',
  504: '15.6.5',
  505: '15.6.6',
};

/** Statuses the registry reserves as "(Unused)": never to be sent. */
export const UNUSED_STATUSES: readonly number[] = [306, 418];

/** Reads the registry from the shipped data/iana.yaml (two levels above dist/lint/). */
export function loadRegistry(file: URL = new URL('../../data/iana.yaml', import.meta.url)): Registry {
  const data = load(readFileSync(file, 'utf8')) as { statuses: { status: number; message: string }[] };
  return { phrases: new Map(data.statuses.map((entry) => [entry.status, entry.message])) };
}
