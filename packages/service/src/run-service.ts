import { basename, dirname, extname, join, resolve } from 'node:path';
import { isFileFormat } from '@retail-datagen/arrow';
import { openStore, type DuckDBStore } from '@retail-datagen/duckdb';
import { createGeneratorRegistry, dayNumberOf, isoDateOf, type GeneratorPlugin } from '@retail-datagen/generator-core';
import {
  InvalidArgumentError,
  mergeConfigInput,
  parseConfig,
  RetailDatagenError,
  type RetailConfig,
  type RetailConfigInput,
  type TableCatalog,
  type TableDefinition,
} from '@retail-datagen/models';
import { createProgressJob, RateEstimator, type ProgressJob, type ProgressSnapshot, type ThresholdRule } from '@retail-datagen/progress';
import { defaultWorkerCount, exportDatabase, factRunDuckDBSettings, generateFacts, generateMaster, parseBatchRows, resolveFactTables, runStageDefinitions, runStages } from '@retail-datagen/runner';
import { jobStatuses, type ExportInfo, type ExportedFile, type JobStatus, type RunInfo, type TableInfo, type TablePreview, type TableProgress } from './job-info.js';
import { JobEventStream, type JobEvent } from './job-events.js';
import { JobStateError } from './job-state-error.js';
import { formatPrometheusText } from './prometheus-text.js';
import { ServiceBusyError } from './service-busy-error.js';
import { listTables, previewTable, type PreviewOptions } from './table-preview.js';
import { UnknownJobError } from './unknown-job-error.js';

/**
 * Options of {@link openRunService}.
 *
 * @example
 * ```ts
 * const options: RunServiceOptions = {
 *   database: 'data/retail.duckdb',
 *   generators,
 *   generatorsModule: new URL('./generators.js', import.meta.url),
 *   baseConfig: { volumes: { stores: 8 } },
 * };
 * ```
 */
export interface RunServiceOptions {
  /** The DuckDB file the service owns: opened once (created when missing) and shared by every job. */
  readonly database: string;
  /** The generator packages of every run, as the app lists them. */
  readonly generators: Readonly<Record<string, GeneratorPlugin>>;
  /** Module exporting the same packages as `generators`: how worker threads load them. Without it runs use no worker threads. */
  readonly generatorsModule?: string | URL;
  /** Configuration every run starts from (a run's overrides go on top). Default: the models' defaults. */
  readonly baseConfig?: RetailConfigInput;
  /** Worker threads of a run that does not say. Default: cores - 1 (at least 1) with `generatorsModule`, else 0. */
  readonly defaultWorkers?: number;
  /** Folder of the export jobs, one subfolder per job. Default: `<name>-exports` beside the database file. */
  readonly exportsDirectory?: string;
  /** Alert rules of every run. Default: a warning when no row is written for two minutes. */
  readonly rules?: readonly ThresholdRule[];
  /** Progress events at most this often, ms. Default 250. */
  readonly eventIntervalMs?: number;
  /** DuckDB's memory limit for the open file. Default `'512MB'`. */
  readonly duckdbMemoryLimit?: string;
  /** Clock for timestamps and rates (epoch ms). Default `Date.now`. */
  readonly now?: () => number;
}

/**
 * What a run is asked to do: `datagen generate all` (master data, then the
 * facts day by day) with these overrides on top of the service's base
 * configuration.
 *
 * @example
 * ```ts
 * const request: RunRequest = { config: { volumes: { stores: 4 } }, seed: 7, start: '2024-11-28', days: 3, workers: 0 };
 * ```
 */
export interface RunRequest {
  /** Configuration overrides (any fields of the configuration file), validated with the models' schema. */
  readonly config?: Readonly<Record<string, unknown>>;
  readonly seed?: number;
  /** First day, YYYY-MM-DD. */
  readonly start?: string;
  /** Last day (inclusive), YYYY-MM-DD. */
  readonly end?: string;
  /** Days from the start, instead of `end`. */
  readonly days?: number;
  /** Fact tables to write (all are simulated). Default: all. */
  readonly tables?: readonly string[];
  /** Worker threads of the store phase; 0 runs it inline. The rows are the same for any count. */
  readonly workers?: number;
  /**
   * Most rows per batch handed to DuckDB, 1 to 1,000,000 (`--batch-rows` of
   * the CLI). Default: the server's `RETAIL_BATCH_ROWS`, else adapted from
   * write throughput and memory. The rows are the same for any size.
   */
  readonly batchRows?: number;
}

/**
 * What an export is asked to do.
 *
 * @example
 * ```ts
 * const request: ExportRequest = { format: 'parquet', tables: ['dim_stores', 'fact_receipts'] };
 * ```
 */
export interface ExportRequest {
  /** `parquet`, `arrow` (Arrow IPC stream files) or `csv`. */
  readonly format: string;
  /** Tables to export. Default: every table the database holds. */
  readonly tables?: readonly string[];
}

interface RunState {
  readonly id: string;
  readonly createdAt: number;
  readonly config: RetailConfig;
  readonly dimensionTables: readonly TableDefinition[];
  readonly factTables: readonly TableDefinition[];
  readonly workers: number;
  readonly batchRows: number | undefined;
  readonly days: number;
  readonly events: JobEventStream<RunInfo>;
  job: ProgressJob;
  status: JobStatus;
  sessions: number;
  controller: AbortController;
  cancelRequested: boolean;
  /** Set when the run changed in a way its latest event does not show yet. */
  changed: boolean;
  masterDone: boolean;
  /** The runner's run (in `generation_runs`) once the facts started: a resume continues it after its last checkpoint. */
  historyRunId: string | undefined;
  committedDays: number;
  finishedAt: number | undefined;
  error: { code: string; message: string } | undefined;
  tableRates: Map<string, RateEstimator>;
  finished: Promise<void>;
}

interface ExportState {
  readonly id: string;
  readonly createdAt: number;
  readonly format: string;
  readonly tables: readonly string[];
  readonly directory: string;
  readonly job: ProgressJob;
  readonly events: JobEventStream<ExportInfo>;
  status: JobStatus;
  finishedAt: number | undefined;
  files: ExportedFile[];
  manifestPath: string | undefined;
  error: { code: string; message: string } | undefined;
  finished: Promise<void>;
}

/** Checkpoints an event or a run's JSON carries at most (the latest): they go to every polling client. */
const checkpointsShown = 60;
const exportStage = 'tables';

/**
 * Runs, exports, tables and metrics of ONE DuckDB file, for a server: the
 * logic of the HTTP API, without HTTP. The file is opened once and shared:
 * generation writes through it, reads for tables and previews go through it
 * (DuckDB lets one process open a file for writing once). Jobs live in
 * memory. One job runs at a time; another is refused with
 * {@link ServiceBusyError}.
 *
 * A run is `datagen generate all` with a {@link ProgressJob}: stage, percent,
 * rows per table, rows/s, ETA, a checkpoint per committed day and alerts,
 * fanned out to subscribers ({@link RunService.subscribeToRun}) as throttled
 * events, the last one replayed to late subscribers. A cancel stops it at
 * the next day boundary; a cancelled or failed run can be resumed.
 *
 * @example
 * ```ts
 * const service = await openRunService({ database: 'data/retail.duckdb', generators });
 * const run = service.startRun({ days: 7 });
 * const stop = service.subscribeToRun(run.id, (event) => console.log(event.type, event.data.percent));
 * await service.waitForRun(run.id);
 * stop();
 * console.log(await service.listTables());
 * await service.close();
 * ```
 */
export class RunService {
  /** The DuckDB file. */
  readonly database: string;
  /** The folder export jobs write into. */
  readonly exportsDirectory: string;
  readonly #store: DuckDBStore;
  readonly #generators: Readonly<Record<string, GeneratorPlugin>>;
  readonly #generatorsModule: string | URL | undefined;
  readonly #catalog: TableCatalog;
  readonly #baseConfig: RetailConfigInput;
  readonly #defaultWorkers: number;
  readonly #rules: readonly ThresholdRule[];
  readonly #eventIntervalMs: number;
  readonly #now: () => number;
  readonly #runs = new Map<string, RunState>();
  readonly #exports = new Map<string, ExportState>();
  #active: { kind: 'run' | 'export'; id: string } | undefined;
  /** The run whose data the file holds now: only it can be resumed. */
  #latestRunId: string | undefined;
  #counter = 0;
  #closed = false;

  /** Use {@link openRunService}. */
  constructor(store: DuckDBStore, options: RunServiceOptions) {
    this.#store = store;
    this.database = options.database;
    this.#generators = options.generators;
    this.#generatorsModule = options.generatorsModule;
    this.#catalog = createGeneratorRegistry(options.generators).catalog;
    this.#baseConfig = options.baseConfig ?? {};
    // Fails early, at startup, on a bad base configuration.
    parseConfig(this.#baseConfig);
    this.#defaultWorkers = options.defaultWorkers ?? (options.generatorsModule === undefined ? 0 : defaultWorkerCount());
    this.#rules = options.rules ?? [{ id: 'stalled', metric: 'rowsPerSecond', below: 1, forMs: 120_000, message: 'no rows written for two minutes' }];
    this.#eventIntervalMs = options.eventIntervalMs ?? 250;
    this.#now = options.now ?? Date.now;
    this.exportsDirectory = options.exportsDirectory ?? defaultExportsDirectory(options.database);
  }

  /** The job running now, if any. */
  get activeJob(): { readonly kind: 'run' | 'export'; readonly id: string } | undefined {
    return this.#active === undefined ? undefined : { ...this.#active };
  }

  /**
   * The configuration a run gets when it asks for nothing: the models'
   * defaults under the service's base configuration.
   *
   * @example
   * ```ts
   * service.configDefaults().volumes.stores; // 24, or the base configuration's
   * ```
   */
  configDefaults(): RetailConfig {
    return parseConfig(this.#baseConfig);
  }

  /**
   * Validates configuration overrides as a run would use them (on top of the
   * base configuration) and returns the full configuration.
   *
   * @throws ConfigValidationError naming the field, the value and what is allowed.
   *
   * @example
   * ```ts
   * service.validateConfig({ volumes: { stores: 0 } }); // throws: config field volumes.stores: got 0; must be a whole number from 1 to 100000
   * ```
   */
  validateConfig(overrides: Readonly<Record<string, unknown>>): RetailConfig {
    return parseConfig(mergeConfigInput(this.#baseConfig, overrides as RetailConfigInput));
  }

  /**
   * Starts a run (master data, then facts) and returns at once; the run goes
   * on in the background. Everything asked is checked first: a mistake
   * throws before any data is touched.
   *
   * @throws ConfigValidationError, InvalidArgumentError (`days`, `workers`,
   * `batchRows`, `tables`), UnknownTableError; ServiceBusyError while another
   * job runs.
   *
   * @example
   * ```ts
   * const run = service.startRun({ seed: 7, days: 3, config: { volumes: { stores: 4 } } });
   * run.status; // 'running'
   * ```
   */
  startRun(request: RunRequest = {}): RunInfo {
    this.#checkOpen();
    const config = this.#runConfig(request);
    const factTables = this.#factTables(request.tables);
    const workers = this.#workers(request.workers);
    // A fixed batch size is checked before the run starts; without one the runner chooses (environment, else adaptive).
    const batchRows = request.batchRows === undefined ? undefined : parseBatchRows(request.batchRows, 'batchRows');
    this.#claim('run');
    const id = this.#nextId('run');
    this.#active = { kind: 'run', id };
    const dimensionTables = this.#catalog.tables.filter((table) => table.kind === 'dimension');
    const days = dayNumberOf(config.end) - dayNumberOf(config.start) + 1;
    const job = createProgressJob({ name: `run ${id}`, stages: runStageDefinitions({ master: true, facts: true }), rules: this.#rules, now: this.#now });
    const run: RunState = {
      id,
      createdAt: this.#now(),
      config,
      dimensionTables,
      factTables,
      workers,
      batchRows,
      days,
      events: new JobEventStream(),
      job,
      status: 'running',
      sessions: 1,
      controller: new AbortController(),
      cancelRequested: false,
      changed: false,
      masterDone: false,
      historyRunId: undefined,
      committedDays: 0,
      finishedAt: undefined,
      error: undefined,
      tableRates: new Map(),
      finished: Promise.resolve(),
    };
    this.#runs.set(id, run);
    this.#latestRunId = id;
    run.finished = this.#runSession(run, { master: true });
    return this.#runInfo(run);
  }

  /**
   * Continues a cancelled or failed run over the days it had not committed,
   * with the same configuration; its id, percent, counts and checkpoints go
   * on. Only the latest run can be resumed (a later run replaced the data).
   *
   * The runner resumes its run after the last checkpoint, with the world
   * state saved there, so the file ends as an uninterrupted run would have
   * left it.
   *
   * @throws UnknownJobError; JobStateError when the run is not resumable;
   * ServiceBusyError while another job runs.
   *
   * @example
   * ```ts
   * service.cancelRun(run.id);
   * await service.waitForRun(run.id);
   * service.resumeRun(run.id).status; // 'running'
   * ```
   */
  resumeRun(id: string): RunInfo {
    this.#checkOpen();
    const run = this.#run(id);
    if (run.status !== 'cancelled' && run.status !== 'failed') {
      throw new JobStateError(id, run.status, `run ${id} is ${run.status}; only a cancelled or failed run can be resumed`);
    }
    if (this.#latestRunId !== id) {
      throw new JobStateError(id, run.status, `run ${id} cannot be resumed: run ${this.#latestRunId} was started after it and replaced its data; start a new run instead`);
    }
    this.#claim('run');
    this.#active = { kind: 'run', id };
    // The job goes on where it stopped; the runner restarts the facts stage from the days it committed (the
    // percent never falls) and adds only rows the job has not counted.
    const previous = run.job;
    run.job = createProgressJob({ name: previous.name, stages: previous.stages, rules: this.#rules, now: this.#now, resume: previous.toJSON() });
    run.status = 'running';
    run.sessions += 1;
    run.controller = new AbortController();
    run.cancelRequested = false;
    run.changed = true;
    run.finishedAt = undefined;
    run.error = undefined;
    run.tableRates = new Map();
    run.finished = this.#runSession(run, { master: !run.masterDone });
    return this.#runInfo(run);
  }

  /**
   * Asks a running run to stop at the next day boundary: the day being
   * committed is finished, the one being generated is dropped. Returns at
   * once; the run's end event follows when it has stopped.
   *
   * @throws UnknownJobError; JobStateError when the run is not running.
   *
   * @example
   * ```ts
   * service.cancelRun('run-20241115-101500-1').cancelRequested; // true
   * ```
   */
  cancelRun(id: string): RunInfo {
    const run = this.#run(id);
    if (run.status !== 'running') throw new JobStateError(id, run.status, `run ${id} is ${run.status}; only a running run can be cancelled`);
    if (!run.cancelRequested) {
      run.cancelRequested = true;
      run.changed = true;
      run.controller.abort();
      run.job.setStep(`${run.job.snapshot().step} (stopping at the next day boundary)`);
    }
    return this.#runInfo(run);
  }

  /**
   * A run now; while it runs, as its latest progress event has it (at most
   * `eventIntervalMs` old), so that polling clients cost next to nothing.
   *
   * @throws UnknownJobError for an id the service does not know.
   *
   * @example
   * ```ts
   * const { status, percent, rows } = service.getRun(id);
   * ```
   */
  getRun(id: string): RunInfo {
    return this.#currentInfo(this.#run(id));
  }

  /**
   * Every run of this service, newest first.
   *
   * @example
   * ```ts
   * service.listRuns().map((run) => `${run.id} ${run.status}`);
   * ```
   */
  listRuns(): RunInfo[] {
    return [...this.#runs.values()].reverse().map((run) => this.#currentInfo(run));
  }

  /**
   * Follows a run: the listener hears its latest event at once, then every
   * progress event (throttled) and the end. Returns a function that stops.
   *
   * @throws UnknownJobError.
   *
   * @example
   * ```ts
   * const stop = service.subscribeToRun(id, (event) => {
   *   if (event.type === 'end') console.log('ended', event.data.status);
   * });
   * ```
   */
  subscribeToRun(id: string, listener: (event: JobEvent<RunInfo>) => void): () => void {
    return this.#run(id).events.subscribe(listener);
  }

  /**
   * Resolves with the run once its current session has ended (completed,
   * cancelled or failed); never rejects.
   *
   * @example
   * ```ts
   * const run = await service.waitForRun(id);
   * run.status; // 'completed'
   * ```
   */
  async waitForRun(id: string): Promise<RunInfo> {
    const run = this.#run(id);
    await run.finished;
    return this.#runInfo(run);
  }

  /**
   * Starts exporting tables into a new folder under {@link RunService.exportsDirectory}
   * (one subfolder per job, named by its id), through the open file.
   *
   * @throws InvalidArgumentError (`format`, `tables`), UnknownTableError, before
   * anything is written; ServiceBusyError while another job runs.
   *
   * @example
   * ```ts
   * const job = await service.startExport({ format: 'parquet' });
   * const done = await service.waitForExport(job.id);
   * done.files; // [{ table: 'dim_stores', path: 'dim_stores/part-0.parquet', rows: 24 }, ...]
   * ```
   */
  async startExport(request: ExportRequest): Promise<ExportInfo> {
    this.#checkOpen();
    if (!isFileFormat(request.format)) throw new InvalidArgumentError('format', request.format, 'parquet, arrow or csv');
    if (request.tables !== undefined && request.tables.length === 0) throw new InvalidArgumentError('tables', '', 'at least one table name, or no tables field for all of them');
    const requested = request.tables?.map((name) => this.#catalog.get(name));
    this.#claim('export');
    const id = this.#nextId('export');
    this.#active = { kind: 'export', id };
    let tables: TableDefinition[];
    try {
      const existing = new Set(await this.#store.existingTables());
      const absent = requested?.find((table) => !existing.has(table.name));
      const present = this.#catalog.tables.filter((table) => existing.has(table.name));
      if (absent !== undefined) {
        throw new InvalidArgumentError('tables', absent.name, `a table that ${this.database} holds: ${present.map((table) => table.name).join(', ') || 'it holds none yet'}`);
      }
      tables = requested ?? present;
      if (tables.length === 0) throw new RetailDatagenError({ code: 'USER_INVALID_ARGUMENT', message: `${this.database} holds no tables yet; start a run first` });
    } catch (error) {
      this.#active = undefined;
      throw error;
    }
    const job = createProgressJob({ name: `export ${id}`, stages: [{ name: exportStage }], now: this.#now });
    const state: ExportState = {
      id,
      createdAt: this.#now(),
      format: request.format,
      tables: tables.map((table) => table.name),
      directory: join(this.exportsDirectory, id),
      job,
      events: new JobEventStream(),
      status: 'running',
      finishedAt: undefined,
      files: [],
      manifestPath: undefined,
      error: undefined,
      finished: Promise.resolve(),
    };
    this.#exports.set(id, state);
    state.finished = this.#exportSession(state);
    return this.#exportInfo(state);
  }

  /**
   * An export job now.
   *
   * @throws UnknownJobError.
   *
   * @example
   * ```ts
   * service.getExport(id).percent;
   * ```
   */
  getExport(id: string): ExportInfo {
    return this.#exportInfo(this.#export(id));
  }

  /**
   * Every export job of this service, newest first.
   *
   * @example
   * ```ts
   * service.listExports().filter((job) => job.status === 'completed');
   * ```
   */
  listExports(): ExportInfo[] {
    return [...this.#exports.values()].reverse().map((state) => this.#exportInfo(state));
  }

  /**
   * Follows an export job like {@link RunService.subscribeToRun}.
   *
   * @example
   * ```ts
   * service.subscribeToExport(id, (event) => console.log(event.data.percent));
   * ```
   */
  subscribeToExport(id: string, listener: (event: JobEvent<ExportInfo>) => void): () => void {
    return this.#export(id).events.subscribe(listener);
  }

  /**
   * Resolves with the export job once it has ended; never rejects.
   *
   * @example
   * ```ts
   * (await service.waitForExport(id)).status; // 'completed'
   * ```
   */
  async waitForExport(id: string): Promise<ExportInfo> {
    const state = this.#export(id);
    await state.finished;
    return this.#exportInfo(state);
  }

  /**
   * The tables of the generators' catalog that the file holds, with row counts.
   *
   * @example
   * ```ts
   * await service.listTables(); // [{ name: 'dim_geographies', kind: 'dimension', description: '...', rows: 60 }, ...]
   * ```
   */
  listTables(): Promise<TableInfo[]> {
    return listTables(this.#store, this.#catalog);
  }

  /**
   * A page of a table's rows (see {@link previewTable}); at most 500 rows.
   *
   * @example
   * ```ts
   * const recent = await service.previewTable('fact_receipts', { limit: 20, order: 'desc' });
   * ```
   */
  previewTable(name: string, options: PreviewOptions = {}): Promise<TablePreview> {
    return previewTable(this.#store, this.#catalog, name, options);
  }

  /**
   * Metrics in the Prometheus text format: runs and exports by status, rows
   * generated by this service's runs, the running run's rows per second.
   *
   * @example
   * ```ts
   * service.metrics();
   * // # HELP datagen_runs Runs of this server by status.
   * // # TYPE datagen_runs gauge
   * // datagen_runs{status="running"} 1 ...
   * ```
   */
  metrics(): string {
    const runs = [...this.#runs.values()];
    const exports = [...this.#exports.values()];
    const running = runs.find((run) => run.status === 'running');
    const rowsGenerated = runs.reduce((sum, run) => sum + run.job.snapshot().counts.totalRows, 0);
    return formatPrometheusText([
      { name: 'datagen_runs', help: 'Runs of this server by status.', type: 'gauge', samples: jobStatuses.map((status) => ({ labels: { status }, value: runs.filter((run) => run.status === status).length })) },
      { name: 'datagen_rows_generated_total', help: 'Rows written by the runs of this server.', type: 'counter', samples: [{ value: rowsGenerated }] },
      { name: 'datagen_rows_per_second', help: 'Rows per second of the running run; 0 when none runs.', type: 'gauge', samples: [{ value: running?.job.snapshot().rowsPerSecond ?? 0 }] },
      { name: 'datagen_run_percent', help: 'Percent done of the running run; 0 when none runs.', type: 'gauge', samples: [{ value: running?.job.percent ?? 0 }] },
      {
        name: 'datagen_exports',
        help: 'Export jobs of this server by status.',
        type: 'gauge',
        samples: jobStatuses.map((status) => ({ labels: { status }, value: exports.filter((state) => state.status === status).length })),
      },
    ]);
  }

  /**
   * Stops the service: a running run is cancelled at the next day boundary,
   * a running export finishes, then the file is closed. Calling it again
   * waits for the same end.
   *
   * @example
   * ```ts
   * process.once('SIGTERM', () => void service.close());
   * ```
   */
  async close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      for (const run of this.#runs.values()) {
        if (run.status === 'running' && !run.cancelRequested) this.cancelRun(run.id);
      }
    }
    await Promise.all([...[...this.#runs.values()].map((run) => run.finished), ...[...this.#exports.values()].map((state) => state.finished)]);
    this.#store.close();
  }

  async #runSession(run: RunState, plan: { master: boolean }): Promise<void> {
    const { job } = run;
    const unsubscribe = this.#follow(run);
    const signal = run.controller.signal;
    let outcome: { status: 'completed' } | { status: 'cancelled'; message: string } | { status: 'failed'; error: unknown };
    try {
      if (plan.master) {
        await generateMaster({ database: this.database, store: this.#store, config: run.config, generators: this.#generators, progress: job });
        run.masterDone = true;
        run.committedDays = 0;
        run.historyRunId = undefined;
        job.milestone('master data written');
      }
      if (signal.aborted) {
        outcome = { status: 'cancelled', message: `cancelled after the master data; no day was committed. Resume the run to generate the facts` };
      } else {
        const result = await generateFacts({
          database: this.database,
          store: this.#store,
          config: run.config,
          generators: this.#generators,
          tables: run.factTables.map((table) => table.name),
          workers: run.workers,
          ...(run.batchRows === undefined ? {} : { batchRows: run.batchRows }),
          ...(this.#generatorsModule === undefined ? {} : { generatorsModule: this.#generatorsModule }),
          ...(run.historyRunId === undefined ? {} : { resume: run.historyRunId }),
          progress: job,
          signal,
          onStart: (start) => {
            run.historyRunId = start.runId;
          },
          // Counted from the date, whatever day the runner started from (a resumed or extended history).
          onDay: (day) => {
            run.committedDays = dayNumberOf(day.date) - dayNumberOf(run.config.start) + 1;
          },
        });
        outcome = result.cancelled
          ? {
              status: 'cancelled',
              message: `cancelled: ${run.committedDays} of ${run.days} days are committed${run.committedDays > 0 ? ` (${run.config.start} to ${isoDateOf(dayNumberOf(run.config.start) + run.committedDays - 1)})` : ''}, each complete; resume the run to generate the rest`,
            }
          : { status: 'completed' };
      }
    } catch (error) {
      outcome = { status: 'failed', error };
    }
    // The slot is free before the end event goes out: a client that sees the end may start the next job at once.
    this.#active = undefined;
    if (outcome.status === 'failed') {
      run.error = errorOf(outcome.error);
      job.error(outcome.error, { key: 'run failed', context: { committedDays: run.committedDays } });
    }
    run.status = outcome.status;
    run.finishedAt = this.#now();
    if (outcome.status === 'completed') job.complete();
    else if (outcome.status === 'cancelled') job.cancel(outcome.message);
    else job.fail(outcome.error);
    unsubscribe();
    await job.settled();
  }

  async #exportSession(state: ExportState): Promise<void> {
    const { job } = state;
    const unsubscribe = job.subscribe((update) => state.events.publish(update.final ? 'end' : 'progress', this.#exportInfo(state, update.value), update.time), {
      intervalMs: this.#eventIntervalMs,
      heartbeatMs: Math.max(this.#eventIntervalMs, 1_000),
    });
    job.startStage(exportStage, { total: state.tables.length, step: `${state.format}: ${state.tables.length} tables` });
    let failure: unknown;
    try {
      const result = await exportDatabase({
        database: this.database,
        store: this.#store,
        out: state.directory,
        format: state.format,
        tables: state.tables,
        catalog: this.#catalog,
        onTable: (progress) => {
          if (progress.phase === 'start') job.setStep(`table ${progress.index}/${progress.total} ${progress.table}: ${progress.rows} rows`);
          else {
            job.addRows(progress.table, progress.rows);
            job.advance(1, `table ${progress.index}/${progress.total} ${progress.table}: ${progress.files} files`);
          }
        },
      });
      state.files = result.tables.flatMap((table) => table.files.map((file) => ({ table: table.table, path: file.path, rows: file.rows })));
      state.manifestPath = result.manifestPath;
    } catch (error) {
      failure = error;
    }
    this.#active = undefined;
    state.finishedAt = this.#now();
    if (failure === undefined) {
      state.status = 'completed';
      job.complete();
    } else {
      state.status = 'failed';
      state.error = errorOf(failure);
      job.fail(failure);
    }
    unsubscribe();
    await job.settled();
  }

  /** Publishes the run's progress events: one subscription to its job, shared by every subscriber of the run. */
  #follow(run: RunState): () => void {
    return run.job.subscribe(
      (update) => {
        this.#recordTableRates(run, update.value);
        run.events.publish(update.final ? 'end' : 'progress', this.#runInfo(run, update.value), update.time);
        run.changed = false;
      },
      { intervalMs: this.#eventIntervalMs, heartbeatMs: Math.max(this.#eventIntervalMs, 1_000) },
    );
  }

  /**
   * A running run as its latest event has it (at most `eventIntervalMs` old,
   * unless a cancel was asked for since): many clients polling a run then
   * cost one snapshot per event, not one per request. Otherwise built now.
   */
  #currentInfo(run: RunState): RunInfo {
    const last = run.events.last;
    if (run.status === 'running' && !run.changed && last?.type === 'progress') return last.data;
    return this.#runInfo(run);
  }

  #recordTableRates(run: RunState, snapshot: ProgressSnapshot): void {
    for (const [table, rows] of Object.entries(snapshot.counts.rows)) {
      let rate = run.tableRates.get(table);
      if (rate === undefined) {
        rate = new RateEstimator({ now: this.#now, initialTotal: rows });
        run.tableRates.set(table, rate);
      } else {
        rate.record(rows);
      }
    }
  }

  #runInfo(run: RunState, snapshot: ProgressSnapshot = run.job.snapshot()): RunInfo {
    const running = run.status === 'running';
    const committedShare = run.days === 0 ? 1 : run.committedDays / run.days;
    const tables: TableProgress[] = [...run.dimensionTables, ...run.factTables].map((table) => {
      const rows = snapshot.counts.rows[table.name] ?? 0;
      const rate = running ? nullable(run.tableRates.get(table.name)?.rate()) : null;
      if (table.kind !== 'fact') {
        return { name: table.name, kind: 'dimension', rows, percent: run.masterDone ? 100 : 0, rowsPerSecond: rate, etaMs: run.masterDone ? 0 : null };
      }
      const expected = committedShare > 0 ? rows / committedShare : undefined;
      const done = run.committedDays >= run.days;
      const etaMs = done ? 0 : running && expected !== undefined && rate !== null && rate > 0 ? Math.round(((expected - rows) / rate) * 1000) : null;
      return { name: table.name, kind: 'fact', rows, percent: Math.round(committedShare * 100_000) / 1_000, rowsPerSecond: rate, etaMs };
    });
    const startDay = dayNumberOf(run.config.start);
    const current =
      running && run.masterDone && run.committedDays < run.days
        ? { day: run.committedDays + 1, days: run.days, date: isoDateOf(startDay + run.committedDays) }
        : null;
    return {
      id: run.id,
      kind: 'run',
      status: run.status,
      cancelRequested: run.cancelRequested,
      resumable: (run.status === 'cancelled' || run.status === 'failed') && this.#latestRunId === run.id,
      sessions: run.sessions,
      createdAt: run.createdAt,
      finishedAt: run.finishedAt ?? null,
      seed: run.config.seed,
      start: run.config.start,
      end: run.config.end,
      days: run.days,
      factTables: run.factTables.map((table) => table.name),
      workers: run.workers,
      batchRows: run.batchRows ?? null,
      percent: Number(snapshot.percent.toFixed(4)),
      stage: snapshot.stage ?? null,
      stages: snapshot.stages,
      step: snapshot.step,
      current,
      committedDays: run.committedDays,
      lastCommittedDate: run.committedDays > 0 ? isoDateOf(startDay + run.committedDays - 1) : null,
      rowsPerSecond: nullable(snapshot.rowsPerSecond),
      etaMs: snapshot.etaMs === undefined ? null : Math.round(snapshot.etaMs),
      elapsedMs: snapshot.elapsedMs,
      estimatedCompletionAt: snapshot.estimatedCompletionAt === undefined ? null : Math.round(snapshot.estimatedCompletionAt),
      rows: snapshot.counts.rows,
      totalRows: snapshot.counts.totalRows,
      tables,
      checkpoints: snapshot.checkpoints.slice(-checkpointsShown).map(({ counts, ...checkpoint }) => ({ ...checkpoint, totalRows: counts.totalRows })),
      alerts: { active: snapshot.alerts.active, resolved: snapshot.alerts.resolved },
      message: snapshot.message ?? null,
      error: run.error ?? null,
      config: run.config,
    };
  }

  #exportInfo(state: ExportState, snapshot: ProgressSnapshot = state.job.snapshot()): ExportInfo {
    return {
      id: state.id,
      kind: 'export',
      status: state.status,
      format: state.format,
      tables: state.tables,
      directory: state.directory,
      createdAt: state.createdAt,
      finishedAt: state.finishedAt ?? null,
      percent: Number(snapshot.percent.toFixed(4)),
      step: snapshot.step,
      rows: snapshot.counts.rows,
      totalRows: snapshot.counts.totalRows,
      rowsPerSecond: nullable(snapshot.rowsPerSecond),
      etaMs: snapshot.etaMs === undefined ? null : Math.round(snapshot.etaMs),
      elapsedMs: snapshot.elapsedMs,
      files: state.files,
      manifestPath: state.manifestPath ?? null,
      error: state.error ?? null,
    };
  }

  #runConfig(request: RunRequest): RetailConfig {
    const { config: overrides = {}, seed, start, end, days } = request;
    if (days !== undefined && end !== undefined) throw new InvalidArgumentError('days', days, 'either days or end, not both');
    const fields: RetailConfigInput = {};
    if (seed !== undefined) fields.seed = seed;
    if (start !== undefined) fields.start = start;
    if (end !== undefined) fields.end = end;
    const merged = mergeConfigInput(mergeConfigInput(this.#baseConfig, overrides as RetailConfigInput), fields);
    if (days === undefined) return parseConfig(merged);
    if (!Number.isSafeInteger(days) || days < 1 || days > 36_500) throw new InvalidArgumentError('days', days, 'a whole number from 1 to 36500');
    // The start the run will have, checked on its own (with end = start, so that an end before it is not what is reported).
    const firstDay = merged.start ?? parseConfig({}).start;
    const first = parseConfig({ ...merged, start: firstDay, end: firstDay }).start;
    return parseConfig({ ...merged, end: isoDateOf(dayNumberOf(first) + days - 1) });
  }

  #factTables(names: readonly string[] | undefined): TableDefinition[] {
    if (names === undefined) return resolveFactTables(this.#generators);
    if (names.length === 0) throw new InvalidArgumentError('tables', '', 'at least one fact table, or no tables field for all of them');
    const facts = this.#catalog.tables.filter((table) => table.kind === 'fact').map((table) => table.name);
    for (const name of names) {
      if (this.#catalog.get(name).kind !== 'fact') throw new InvalidArgumentError('tables', name, `fact tables only: ${facts.join(', ')}`);
    }
    return resolveFactTables(this.#generators, names);
  }

  #workers(workers: number | undefined): number {
    if (workers === undefined) return this.#defaultWorkers;
    if (!Number.isSafeInteger(workers) || workers < 0 || workers > 256) throw new InvalidArgumentError('workers', workers, 'a whole number from 0 to 256');
    if (workers > 0 && this.#generatorsModule === undefined) {
      throw new InvalidArgumentError('workers', workers, '0: this server has no generators module for worker threads');
    }
    return workers;
  }

  #claim(kind: 'run' | 'export'): void {
    if (this.#active !== undefined) throw new ServiceBusyError(this.database, this.#active);
    if (this.#closed) throw new RetailDatagenError({ code: 'DATABASE_BUSY', message: `the service of ${this.database} is shutting down; no new ${kind} is started` });
  }

  #checkOpen(): void {
    if (this.#closed) throw new RetailDatagenError({ code: 'DATABASE_BUSY', message: `the service of ${this.database} is shutting down; no new job is started` });
  }

  #nextId(kind: 'run' | 'export'): string {
    // Time-stamped, so the export folders of successive servers on one file do not collide.
    const stamp = new Date(this.#now()).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    return `${kind}-${stamp}-${++this.#counter}`;
  }

  #run(id: string): RunState {
    const run = this.#runs.get(id);
    if (run === undefined) throw new UnknownJobError('run', id, [...this.#runs.keys()]);
    return run;
  }

  #export(id: string): ExportState {
    const state = this.#exports.get(id);
    if (state === undefined) throw new UnknownJobError('export', id, [...this.#exports.keys()]);
    return state;
  }
}

/**
 * Opens the database file (creating it when missing) and returns the
 * service over it. The service holds the file until {@link RunService.close}.
 *
 * @throws StorageError when the file cannot be opened (another process holds
 * it, it is not a DuckDB file); ConfigValidationError for a bad `baseConfig`.
 *
 * @example
 * ```ts
 * const service = await openRunService({ database: 'data/retail.duckdb', generators, generatorsModule });
 * ```
 */
export async function openRunService(options: RunServiceOptions): Promise<RunService> {
  parseConfig(options.baseConfig ?? {});
  // Runs write through this store: they checkpoint as a fact run does; the larger cache serves the API's reads.
  const store = await openStore(options.database, { memoryLimit: options.duckdbMemoryLimit ?? '512MB', checkpointThreshold: factRunDuckDBSettings.checkpointThreshold });
  try {
    return new RunService(store, options);
  } catch (error) {
    store.close();
    throw error;
  }
}

function defaultExportsDirectory(database: string): string {
  const path = resolve(database);
  return join(dirname(path), `${basename(path, extname(path))}-exports`);
}

function nullable(value: number | undefined): number | null {
  return value === undefined || !Number.isFinite(value) ? null : Math.round(value * 10) / 10;
}

function errorOf(error: unknown): { code: string; message: string } {
  if (RetailDatagenError.isInstance(error)) return { code: error.code, message: error.message };
  return { code: 'GENERATION_FAILURE', message: error instanceof Error ? error.message : String(error) };
}
