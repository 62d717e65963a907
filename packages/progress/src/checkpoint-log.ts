import type { JsonValue } from './json-value.js';
import type { ProgressCounts } from './staged-progress.js';

/**
 * A named point in a job: a checkpoint (where a resumed job may continue, e.g.
 * each committed day) or a milestone (a moment worth showing, e.g. "master
 * data done"), with when it happened and the counts at the time.
 *
 * @example
 * ```ts
 * const checkpoint: Checkpoint = {
 *   kind: 'checkpoint', name: 'day 2024-01-12', time: 1_700_000_060_000, elapsedMs: 60_000, percent: 42,
 *   counts: { items: 12, rows: { sales: 40_000 }, totalRows: 40_000 }, data: { dayNumber: 19_734 },
 * };
 * ```
 */
export interface Checkpoint {
  kind: 'checkpoint' | 'milestone';
  name: string;
  /** Epoch ms. */
  time: number;
  /** Job time elapsed when it was recorded (across resumes). */
  elapsedMs: number;
  percent: number;
  counts: ProgressCounts;
  data?: JsonValue;
}

/**
 * The checkpoints and milestones of a job, oldest first. Keeps every
 * milestone and the latest `limit` checkpoints, so a job of ten thousand days
 * stays small to save and show.
 *
 * @example
 * ```ts
 * const log = new CheckpointLog(2);
 * log.add(checkpointA);
 * log.add(checkpointB);
 * log.add(checkpointC); // drops checkpointA
 * log.list(); // [checkpointB, checkpointC]
 * ```
 */
export class CheckpointLog {
  readonly #limit: number;
  #entries: Checkpoint[] = [];
  #checkpoints = 0;

  constructor(limit = 1_000, entries: readonly Checkpoint[] = []) {
    this.#limit = limit;
    for (const entry of entries) this.add(entry);
  }

  /**
   * Appends one entry.
   *
   * @example
   * ```ts
   * log.add({ kind: 'milestone', name: 'master data done', time, elapsedMs, percent, counts });
   * ```
   */
  add(entry: Checkpoint): void {
    this.#entries.push(entry);
    if (entry.kind !== 'checkpoint') return;
    this.#checkpoints += 1;
    if (this.#checkpoints > this.#limit) {
      const oldest = this.#entries.findIndex((candidate) => candidate.kind === 'checkpoint');
      this.#entries.splice(oldest, 1);
      this.#checkpoints -= 1;
    }
  }

  /**
   * All entries kept, oldest first.
   *
   * @example
   * ```ts
   * log.list().filter((entry) => entry.kind === 'milestone');
   * ```
   */
  list(): Checkpoint[] {
    return [...this.#entries];
  }

  /**
   * The latest checkpoint (not milestone), if any: where a resumed job continues.
   *
   * @example
   * ```ts
   * const from = log.lastCheckpoint()?.data;
   * ```
   */
  lastCheckpoint(): Checkpoint | undefined {
    for (let index = this.#entries.length - 1; index >= 0; index--) {
      const entry = this.#entries[index] as Checkpoint;
      if (entry.kind === 'checkpoint') return entry;
    }
    return undefined;
  }
}
