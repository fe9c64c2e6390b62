/** The flat preset: `{"error_code": "S3M.0001", "error_msg": "Invalid parameter", "request_id": "…"}`. */
import type { BodyPreset } from '../preset.js';

export const flat: BodyPreset = {
  name: 'flat',
  mediaType: 'application/json',
  summary: 'code and message at the top level of a JSON object',
  members: ({ codeField, messageField }) => [
    { part: 'code', pointer: `/${codeField ?? 'error_code'}` },
    { part: 'message', pointer: `/${messageField ?? 'error_msg'}` },
    { part: 'requestId', pointer: '/request_id' },
  ],
  fixed: [],
  // What API gateways send: {"message": "Forbidden"}.
  alsoRead: { message: ['/message'] },
};
