import type { Output } from './program.js';

/** Stops a run cleanly on the first Ctrl-C (SIGINT) or SIGTERM; a second one exits at once. */
export interface Interrupt {
  readonly signal: AbortSignal;
  /** Removes the handlers (the run is over). */
  dispose(): void;
}

import { exitCodes } from './exit-codes.js';

/**
 * Installs the SIGINT and SIGTERM handlers of a long command: the first
 * signal aborts `signal` (the runner stops at the next day boundary, leaving
 * only complete days) and says so; a second one exits immediately.
 */
export function listenForInterrupt(output: Output): Interrupt {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      output.stderr.write(`\ndatagen: ${name} again: exiting now; the day being committed is rolled back\n`);
      process.exit(exitCodes.cancelled);
    }
    output.stderr.write(`\ndatagen: ${name}: stopping after the day in progress (press Ctrl-C again to quit at once)\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
