/**
 * What a command's failure prints and the exit code it ends with: one line per problem for what
 * the user can fix (exit 2 for the command line, 1 for the catalog, spec or a write), never a
 * stack trace unless asked for; anything else is a bug (exit 70).
 */
import { CatalogError, formatDiagnostic } from '../util/diagnostics.js';
import { WriteError } from '../write/write-error.js';
import { say, UsageError } from './shared.js';

/** Prints `error` on `stderr` as the CLI reports it, and returns the exit code it ends with. */
export function reportFailure(error: unknown, stderr: NodeJS.WriteStream, debug: boolean): number {
  if (error instanceof UsageError) {
    say(stderr, `status-catalog: ${error.message}`);
    say(stderr, 'Run status-catalog --help for usage.');
    return 2;
  }
  if (error instanceof CatalogError) {
    for (const diagnostic of error.diagnostics) say(stderr, formatDiagnostic(diagnostic));
    return 1;
  }
  if (error instanceof WriteError) {
    say(stderr, `status-catalog: ${error.message}`);
    if (debug) stderr.write(`${String((error.cause as Error | undefined)?.stack ?? error.stack)}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  say(stderr, `status-catalog: internal error: ${message.split('\n', 1)[0]}${debug ? '' : ' (run with --debug for details)'}`);
  if (debug && error instanceof Error) stderr.write(`${error.stack ?? ''}\n`);
  return 70;
}
