import { CommanderError } from 'commander';
import { RetailDatagenError } from '@retail-datagen/models';
import { createProgram, type Output } from './program.js';

import { exitCodes } from './exit-codes.js';

export { exitCodes };

/**
 * Runs the CLI with the given arguments and returns the exit code:
 * 0 on success, 2 on a user mistake (one line naming the flag or field), 1 on a runtime failure,
 * 130 when the user stopped a run (Ctrl-C).
 */
export async function main(argv: readonly string[], output: Output): Promise<number> {
  const program = createProgram(output);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCodes.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return exitCodes.ok;
      // Commander has already printed its one-line message.
      return exitCodes.usage;
    }
    if (RetailDatagenError.isInstance(error) && error.isUserError) {
      output.stderr.write(`datagen: ${error.message}\n`);
      return exitCodes.usage;
    }
    if (RetailDatagenError.isInstance(error) && error.code === 'CANCELLED') {
      output.stderr.write(`datagen: cancelled: ${error.message}\n`);
      return exitCodes.cancelled;
    }
    const message = error instanceof Error ? error.message : String(error);
    output.stderr.write(`datagen: error: ${message}\n`);
    if (RetailDatagenError.isInstance(error) && (error.code === 'CHECK_FAILED' || error.code === 'DATABASE_BUSY')) return exitCodes.failure;
    if (process.env.DATAGEN_DEBUG && error instanceof Error && error.stack) output.stderr.write(`${error.stack}\n`);
    else output.stderr.write('datagen: set DATAGEN_DEBUG=1 to see the stack trace\n');
    return exitCodes.failure;
  }
}
