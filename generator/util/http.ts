/** Facts about HTTP status codes that hold for every catalog (RFC 9110). */

export type StatusClass = 'informational' | 'success' | 'redirection' | 'clientError' | 'serverError';

export function statusClassOf(status: number): StatusClass {
  if (status < 200) return 'informational';
  if (status < 300) return 'success';
  if (status < 400) return 'redirection';
  if (status < 500) return 'clientError';
  return 'serverError';
}

/** 1xx, 204 and 304 responses never carry content (RFC 9110, sections 6.4.1 and 15). */
export function bodyForbidden(status: number): boolean {
  return status < 200 || status === 204 || status === 304;
}
