/** The nested preset: `{"error": {"code": "S3M.0001", "message": "Invalid parameter", "request_id": "…"}}`. */
import type { BodyPreset } from '../preset.js';

export const nested: BodyPreset = {
  name: 'nested',
  mediaType: 'application/json',
  summary: 'code and message inside an "error" object',
  members: ({ codeField, messageField }) => [
    { part: 'code', pointer: `/error/${codeField ?? 'code'}` },
    { part: 'message', pointer: `/error/${messageField ?? 'message'}` },
    { part: 'requestId', pointer: '/error/request_id' },
  ],
  fixed: [],
  // The flat preset's names inside an error object.
  alsoRead: { code: ['/error/error_code'], message: ['/error/error_msg'] },
};
