import { setPriority } from 'node:os';

/**
 * The nice value of a run's worker threads. The writer (the main thread
 * appending to DuckDB, and DuckDB's own threads committing) sets a run's
 * pace; generation has slack and catches up while the writer waits. At a
 * lower priority the workers leave the cores to the writer when both want
 * them: on the 10M-row bench, a median of 11.35 s instead of 11.91 s over 13
 * interleaved runs each (BENCHMARKS.md).
 */
export const workerNice = 19;

/**
 * Lowers the calling thread's priority to {@link workerNice}. Only on Linux,
 * where a thread's nice value is its own; elsewhere it would lower the whole
 * process, so nothing changes. Returns whether it did.
 *
 * @example
 * ```ts
 * // at the top of a worker thread's module
 * yieldToWriter(); // true on Linux: os.getPriority() is now 19 in this thread, unchanged in the others
 * ```
 */
export function yieldToWriter(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    setPriority(0, workerNice);
    return true;
  } catch {
    // A sandbox may refuse it; the run only goes as fast as before.
    return false;
  }
}
