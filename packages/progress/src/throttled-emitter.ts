import { systemClock, systemTimer, type Clock, type Timer, type TimerHandle } from './clock.js';
import { requireNumber } from './progress-error.js';

/**
 * One update delivered to a subscriber.
 *
 * @example
 * ```ts
 * const update: ThrottledUpdate<number> = { sequence: 3, time: 1_700_000_001_500, final: false, value: 42 };
 * ```
 */
export interface ThrottledUpdate<T> {
  /** 1, 2, 3... per subscriber, without gaps. */
  sequence: number;
  /** When it was sampled, epoch ms. */
  time: number;
  /** True for the last update, sent by {@link ThrottledEmitter.finish}. */
  final: boolean;
  value: T;
}

/**
 * How often one subscriber hears.
 *
 * @example
 * ```ts
 * const options: SubscribeOptions = { intervalMs: 5_000, heartbeatMs: 5_000 }; // a log line at least every 5 s
 * ```
 */
export interface SubscribeOptions {
  /** At most one update per this many ms (the final one excepted). Default 500. */
  intervalMs?: number;
  /** Also send an update when nothing was sent for this long (e.g. a plain log line at least every 5 s); at least `intervalMs`. Off by default. */
  heartbeatMs?: number;
}

/**
 * Options of {@link ThrottledEmitter}.
 *
 * @example
 * ```ts
 * const options: ThrottledEmitterOptions<Snapshot> = { sample: () => job.snapshot(), now: clock.now, timer: clock };
 * ```
 */
export interface ThrottledEmitterOptions<T> {
  /** Reads the current value; called only when an update is sent. */
  sample: () => T;
  now?: Clock;
  timer?: Timer;
  /** A subscriber that throws is reported here and keeps its subscription. Default: `process.emitWarning`. */
  onListenerError?: (error: unknown) => void;
}

interface Subscription<T> {
  listener: (update: ThrottledUpdate<T>) => void;
  intervalMs: number;
  heartbeatMs: number | undefined;
  sequence: number;
  lastSentAt: number | undefined;
  dirty: boolean;
  handle: TimerHandle | undefined;
  dueAt: number | undefined;
}

/**
 * Turns frequent change notices into throttled updates: each subscriber gets
 * at most one update per its interval (default 500 ms), the latest value
 * when it goes out (a change inside the interval is sent when the interval
 * ends), and always the final one. Values are sampled lazily, so notifying
 * on every batch costs nothing more than a flag.
 *
 * @example
 * ```ts
 * const emitter = new ThrottledEmitter({ sample: () => job.snapshot() });
 * const unsubscribe = emitter.subscribe((update) => process.stderr.write(`\r${formatProgressLine(update.value)}`));
 * emitter.notify(); // after each change
 * emitter.finish(); // sends the final update to everyone, then stops
 * ```
 */
export class ThrottledEmitter<T> {
  readonly #sample: () => T;
  readonly #now: Clock;
  readonly #timer: Timer;
  readonly #onListenerError: (error: unknown) => void;
  readonly #subscriptions = new Set<Subscription<T>>();
  #finished = false;

  constructor(options: ThrottledEmitterOptions<T>) {
    this.#sample = options.sample;
    this.#now = options.now ?? systemClock;
    this.#timer = options.timer ?? systemTimer;
    this.#onListenerError = options.onListenerError ?? ((error) => process.emitWarning(`a progress subscriber threw: ${error instanceof Error ? error.message : String(error)}`));
  }

  /** True after {@link ThrottledEmitter.finish}. */
  get finished(): boolean {
    return this.#finished;
  }

  /**
   * Adds a subscriber; it hears the current value at once (sequence 1), as
   * the final update when the emitter has already finished. Returns a
   * function that removes it.
   *
   * @example
   * ```ts
   * const stop = emitter.subscribe((update) => console.log(update.sequence, update.value), { intervalMs: 1000 });
   * stop();
   * ```
   */
  subscribe(listener: (update: ThrottledUpdate<T>) => void, options: SubscribeOptions = {}): () => void {
    const intervalMs = requireNumber('intervalMs', options.intervalMs ?? 500, { min: 1 });
    const subscription: Subscription<T> = {
      listener,
      intervalMs,
      // A heartbeat faster than the interval would break "at most one update per interval".
      heartbeatMs: options.heartbeatMs === undefined ? undefined : requireNumber('heartbeatMs', options.heartbeatMs, { min: intervalMs }),
      sequence: 0,
      lastSentAt: undefined,
      dirty: true,
      handle: undefined,
      dueAt: undefined,
    };
    if (this.#finished) {
      // A late subscriber still learns how it ended.
      this.#send(subscription, true);
      return () => {};
    }
    this.#subscriptions.add(subscription);
    this.#send(subscription, false);
    return () => {
      this.#cancel(subscription);
      this.#subscriptions.delete(subscription);
    };
  }

  /**
   * Says the value changed. Subscribers whose interval has passed hear it
   * now; the others when their interval ends.
   *
   * @example
   * ```ts
   * rows += batch.length;
   * emitter.notify();
   * ```
   */
  notify(): void {
    if (this.#finished) return;
    const now = this.#now();
    let value: { current: T } | undefined;
    for (const subscription of this.#subscriptions) {
      subscription.dirty = true;
      const readyAt = (subscription.lastSentAt ?? Number.NEGATIVE_INFINITY) + subscription.intervalMs;
      if (now >= readyAt) {
        value ??= { current: this.#sample() };
        this.#send(subscription, false, value.current);
      } else {
        this.#schedule(subscription, readyAt);
      }
    }
  }

  /**
   * Sends the final update (`final: true`) to every subscriber at once,
   * whatever their interval, and stops: later notices are ignored.
   *
   * @example
   * ```ts
   * job.complete(); // calls emitter.finish() for you
   * ```
   */
  finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    const value = this.#subscriptions.size > 0 ? { current: this.#sample() } : undefined;
    for (const subscription of this.#subscriptions) {
      this.#cancel(subscription);
      if (value) this.#send(subscription, true, value.current);
    }
    this.#subscriptions.clear();
  }

  #send(subscription: Subscription<T>, final: boolean, value: T = this.#sample()): void {
    this.#cancel(subscription);
    const time = this.#now();
    subscription.sequence += 1;
    subscription.lastSentAt = time;
    subscription.dirty = false;
    try {
      subscription.listener({ sequence: subscription.sequence, time, final, value });
    } catch (error) {
      this.#onListenerError(error);
    }
    if (!final && subscription.heartbeatMs !== undefined && this.#subscriptions.has(subscription)) {
      this.#schedule(subscription, time + subscription.heartbeatMs);
    }
  }

  #schedule(subscription: Subscription<T>, at: number): void {
    if (subscription.dueAt !== undefined && subscription.dueAt <= at) return;
    this.#cancel(subscription);
    subscription.dueAt = at;
    subscription.handle = this.#timer.setTimeout(() => {
      subscription.handle = undefined;
      subscription.dueAt = undefined;
      if (this.#finished || !this.#subscriptions.has(subscription)) return;
      const heartbeatDue = subscription.heartbeatMs !== undefined && this.#now() >= (subscription.lastSentAt ?? 0) + subscription.heartbeatMs;
      if (subscription.dirty || heartbeatDue) this.#send(subscription, false);
    }, Math.max(0, at - this.#now()));
  }

  #cancel(subscription: Subscription<T>): void {
    if (subscription.handle !== undefined) this.#timer.clearTimeout(subscription.handle);
    subscription.handle = undefined;
    subscription.dueAt = undefined;
  }
}
