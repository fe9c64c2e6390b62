/** The one hash the tool records: of catalog files in the load stage, of outputs in manifests. */
import { createHash } from 'node:crypto';

/** `sha256-` and the hex digest, the form manifests record. */
export function sha256(text: string | Uint8Array): string {
  return `sha256-${createHash('sha256').update(text).digest('hex')}`;
}
