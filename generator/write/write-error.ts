/** Raised when something cannot be written (or locked for writing); what was there is left as it was. */
export class WriteError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WriteError';
  }
}
