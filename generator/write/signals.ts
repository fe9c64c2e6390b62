/**
 * Holding the signals that would end the process mid-write. A write is synchronous, so no
 * JavaScript runs until it ends; but a signal's default action ends the process at once,
 * leaving a temporary folder or no output at all.
 */

/** The signals whose default is to end the process at once. */
const ENDING_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * With a listener installed, a signal waits for the write to end (whole, cleaned up) and is
 * then raised again with its default action, unless the program has listeners of its own,
 * which then decide. Installed once, on the first write; each listener removes itself when it
 * fires.
 */
export function holdEndingSignals(): void {
  for (const signal of ENDING_SIGNALS) {
    if (process.listeners(signal).includes(raiseAgain)) continue;
    process.on(signal, raiseAgain);
  }
}

function raiseAgain(signal: NodeJS.Signals): void {
  process.removeListener(signal, raiseAgain);
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}
