/**
 * One event of a job's stream: a progress update, or the end (the job's
 * final state; nothing follows until the job is resumed). `sequence` rises by
 * one per event of the job, across resumes.
 *
 * @example
 * ```ts
 * const event: JobEvent<RunInfo> = { type: 'progress', sequence: 7, time: 1_700_000_000_000, data: run };
 * ```
 */
export interface JobEvent<T> {
  readonly type: 'progress' | 'end';
  readonly sequence: number;
  /** Epoch ms. */
  readonly time: number;
  readonly data: T;
}

/**
 * Fans a job's events out to any number of subscribers (the HTTP server's
 * Server-Sent Event streams). A subscriber hears the last event at once, so
 * one that arrives late, even after the end, still learns where the job
 * stands. A subscriber that throws is dropped; it never disturbs the job or
 * the other subscribers.
 *
 * @example
 * ```ts
 * const events = new JobEventStream<number>();
 * events.publish('progress', 40, 1_700_000_000_000); // the time comes from the service's clock
 * const stop = events.subscribe((event) => console.log(event.sequence, event.data)); // 1 40, at once
 * events.publish('end', 100, 1_700_000_001_000); // 2 100
 * stop();
 * ```
 */
export class JobEventStream<T> {
  readonly #listeners = new Set<(event: JobEvent<T>) => void>();
  #last: JobEvent<T> | undefined;
  #sequence = 0;

  /** The latest event, if any. */
  get last(): JobEvent<T> | undefined {
    return this.#last;
  }

  /** Subscribers listening now. */
  get subscribers(): number {
    return this.#listeners.size;
  }

  /** Sends an event to every subscriber and keeps it for late ones. */
  publish(type: JobEvent<T>['type'], data: T, time: number): JobEvent<T> {
    const event: JobEvent<T> = { type, sequence: ++this.#sequence, time, data };
    this.#last = event;
    for (const listener of [...this.#listeners]) this.#deliver(listener, event);
    return event;
  }

  /** Adds a subscriber, which hears the last event at once; returns a function that removes it. */
  subscribe(listener: (event: JobEvent<T>) => void): () => void {
    this.#listeners.add(listener);
    if (this.#last !== undefined) this.#deliver(listener, this.#last);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  #deliver(listener: (event: JobEvent<T>) => void, event: JobEvent<T>): void {
    try {
      listener(event);
    } catch {
      // A subscriber that cannot take events (a closed connection) is dropped.
      this.#listeners.delete(listener);
    }
  }
}
