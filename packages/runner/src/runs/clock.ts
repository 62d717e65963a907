/**
 * Where the run log (`generation_runs`, checkpoints) and the writer lock read
 * the time: their timestamps are bookkeeping for people (when a run started,
 * when a day committed), never part of a generated row. Runs take it as an
 * option so tests and embedders can fix it.
 *
 * @example
 * ```ts
 * const fixed: Clock = () => new Date('2026-11-23T10:00:00Z');
 * await generateFacts({ database, config, generators, clock: fixed });
 * ```
 */
export type Clock = () => Date;

/** The system clock: the one wall-clock read of the runner's bookkeeping. */
export const systemClock: Clock = () => new Date();
