/**
 * The problem preset: an RFC 9457 problem document (application/problem+json) with the error
 * code as an extension member. Its own members are fixed by the RFC; `detail` is the message, `status` the HTTP status.
 */
import type { BodyPreset } from '../preset.js';

export const problem: BodyPreset = {
  name: 'problem',
  mediaType: 'application/problem+json',
  summary: 'an RFC 9457 problem document, with the error code as an extension member',
  typeDoc: 'An RFC 9457 problem document',
  members: ({ codeField }) => [
    { part: 'type', pointer: '/type' },
    { part: 'title', pointer: '/title' },
    { part: 'status', pointer: '/status' },
    { part: 'message', pointer: '/detail', description: 'Explanation of this occurrence: the error message.' },
    { part: 'instance', pointer: '/instance' },
    { part: 'code', pointer: `/${codeField ?? 'code'}` },
    { part: 'requestId', pointer: '/request_id' },
  ],
  fixed: ['message', 'status'],
};
