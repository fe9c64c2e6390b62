/**
 * What `status-catalog lint` prints for test/fixtures/lint/every-rule.yaml, the catalog that
 * breaks every rule once: one line per finding, in file order, `file` as the catalog was named.
 */
export function everyRuleLines(file: string): string[] {
  return [
    `${file}:10:5: warning content-range-on-206 (RFC 9110 §15.3.7): status 206 does not list Content-Range: a 206 response with a single part MUST send it`,
    `${file}:14:5: warning location-on-redirect (RFC 9110 §15.4.2): status 301 does not list Location: a 301 response SHOULD send it`,
    `${file}:18:13: warning deprecated-status (RFC 9110 §15.4.6): 305 (Use Proxy) is deprecated: clients do not act on it`,
    `${file}:22:13: warning unused-status (RFC 9110 §15.4.7): 306 is reserved as "(Unused)": it is not to be sent`,
    `${file}:26:5: error www-authenticate-on-401 (RFC 9110 §15.5.2): status 401 does not list WWW-Authenticate: a 401 response MUST send it`,
    `${file}:32:14: info reason-phrase (RFC 9110 §15.5.5): message "Nothing here" is not the reason phrase "Not Found"`,
    `${file}:38:14: error allow-on-405 (RFC 9110 §15.5.6): status 405 does not list Allow: a 405 response MUST send it`,
    `${file}:39:5: error proxy-authenticate-on-407 (RFC 9110 §15.5.8): status 407 does not list Proxy-Authenticate: a 407 response MUST send it`,
    `${file}:43:5: warning content-range-on-416 (RFC 9110 §15.5.17): status 416 does not list Content-Range: a 416 response SHOULD send it`,
    `${file}:47:5: warning retry-after-listed (RFC 9110 §10.2.3): status 429 says to retry after Retry-After (retry: retry-after) but does not list the Retry-After header`,
    `${file}:52:13: warning unregistered-status (RFC 9110 §16.2.1): 499 is not in the IANA status code registry: clients know it only by its class (4xx)`,
  ];
}
