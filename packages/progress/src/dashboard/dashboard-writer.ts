import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { systemClock, systemTimer, type Clock, type Timer, type TimerHandle } from '../clock.js';
import { requireNumber } from '../progress-error.js';
import type { ProgressSnapshot } from '../progress-snapshot.js';
import { renderDashboardHtml } from './render-dashboard-html.js';

/**
 * Options of {@link createDashboardWriter}.
 *
 * @example
 * ```ts
 * const options: DashboardWriterOptions = { file: 'out/progress.html', snapshots: () => [job.snapshot()], intervalMs: 2000 };
 * ```
 */
export interface DashboardWriterOptions {
  file: string;
  /** The jobs to show, read at each write. */
  snapshots: () => readonly ProgressSnapshot[];
  /** Time between rewrites while started. Default 2 000 ms. */
  intervalMs?: number;
  title?: string;
  /** Tells the browser to reload the page this often while a job runs. Default: the interval, rounded up to a second. */
  refreshSeconds?: number;
  now?: Clock;
  timer?: Timer;
  /** A failed rewrite on the interval is reported here, and the writer keeps going. Default: `process.emitWarning`. */
  onError?: (error: unknown) => void;
}

/**
 * Keeps an HTML dashboard file up to date. Each write renders to a temporary
 * file beside the target and renames it over the target, so a reader never
 * sees half a page. Writes never overlap.
 *
 * @example
 * ```ts
 * const dashboard = createDashboardWriter({ file: 'progress.html', snapshots: () => [job.snapshot()] });
 * dashboard.start(); // writes now, then every 2 s
 * // ... the job runs ...
 * job.complete();
 * await dashboard.stop(); // the final page
 * ```
 */
export class DashboardWriter {
  readonly file: string;
  readonly #options: DashboardWriterOptions;
  readonly #intervalMs: number;
  readonly #now: Clock;
  readonly #timer: Timer;
  readonly #onError: (error: unknown) => void;
  #queue: Promise<void> = Promise.resolve();
  #ticking: Promise<void> = Promise.resolve();
  #handle: TimerHandle | undefined;
  #running = false;
  #writes = 0;
  #temporary = 0;

  constructor(options: DashboardWriterOptions) {
    this.file = options.file;
    this.#options = options;
    this.#intervalMs = requireNumber('intervalMs', options.intervalMs ?? 2_000, { min: 1 });
    this.#now = options.now ?? systemClock;
    this.#timer = options.timer ?? systemTimer;
    this.#onError = options.onError ?? ((error) => process.emitWarning(`dashboard ${options.file} was not written: ${error instanceof Error ? error.message : String(error)}`));
  }

  /** Pages written so far. */
  get writes(): number {
    return this.#writes;
  }

  /**
   * Writes now, then again every interval until {@link DashboardWriter.stop}.
   *
   * @example
   * ```ts
   * dashboard.start();
   * ```
   */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#tick();
  }

  /**
   * Writes the page once (after any write in progress). Rejects when the
   * file cannot be written.
   *
   * @example
   * ```ts
   * await dashboard.write();
   * ```
   */
  write(): Promise<void> {
    const next = this.#queue.then(() => this.#writeNow());
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Stops the interval and writes the final page. Rejects when that write fails.
   *
   * @example
   * ```ts
   * await dashboard.stop();
   * ```
   */
  async stop(): Promise<void> {
    this.#running = false;
    if (this.#handle !== undefined) this.#timer.clearTimeout(this.#handle);
    this.#handle = undefined;
    await this.write();
  }

  /**
   * Resolves when the writes started so far have finished (failed ones
   * included). Never rejects.
   *
   * @example
   * ```ts
   * dashboard.start();
   * await dashboard.settled(); // the first page is on disk
   * ```
   */
  async settled(): Promise<void> {
    await this.#ticking;
    await this.#queue;
  }

  #tick(): void {
    this.#handle = undefined;
    this.#ticking = this.write()
      .catch((error: unknown) => this.#onError(error))
      .finally(() => {
        // The next write is timed from the end of this one, so slow disks never pile writes up.
        if (this.#running) this.#handle = this.#timer.setTimeout(() => this.#tick(), this.#intervalMs);
      });
  }

  async #writeNow(): Promise<void> {
    const snapshots = this.#options.snapshots();
    const refreshSeconds = this.#options.refreshSeconds ?? Math.ceil(this.#intervalMs / 1000);
    const html = renderDashboardHtml(snapshots, {
      generatedAt: this.#now(),
      refreshSeconds,
      ...(this.#options.title === undefined ? {} : { title: this.#options.title }),
    });
    const temporary = `${this.file}.${process.pid}.${++this.#temporary}.tmp`;
    await mkdir(dirname(this.file), { recursive: true });
    try {
      await writeFile(temporary, html, 'utf8');
      await rename(temporary, this.file);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      throw error;
    }
    this.#writes += 1;
  }
}

/**
 * Creates a {@link DashboardWriter}.
 *
 * @example
 * ```ts
 * const dashboard = createDashboardWriter({ file: flags.dashboard, snapshots: () => [job.snapshot()] });
 * ```
 */
export function createDashboardWriter(options: DashboardWriterOptions): DashboardWriter {
  return new DashboardWriter(options);
}
