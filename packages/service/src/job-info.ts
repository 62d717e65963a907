import type { Alert, Checkpoint, ProgressJobStatus, StageProgress } from '@retail-datagen/progress';
import type { RetailConfig } from '@retail-datagen/models';

/**
 * Where a job stands: `running`, or how it ended. A `cancelled` or `failed`
 * run can be resumed.
 *
 * @example
 * ```ts
 * const status: JobStatus = 'cancelled';
 * ```
 */
export type JobStatus = ProgressJobStatus;

/**
 * The statuses, in the order metrics list them.
 *
 * @example
 * ```ts
 * jobStatuses.includes('failed'); // true
 * ```
 */
export const jobStatuses: readonly JobStatus[] = ['running', 'completed', 'cancelled', 'failed'];

/**
 * The progress of one table in a run: rows written so far, the share of its
 * work done, its rows per second and time left. Dimension tables are written
 * at once with the master data; fact tables grow day by day, so their
 * percent is the days committed and their ETA the rows still expected at
 * their own rate.
 *
 * @example
 * ```ts
 * const progress: TableProgress = { name: 'fact_receipts', kind: 'fact', rows: 40_000, percent: 40, rowsPerSecond: 12_000, etaMs: 5_000 };
 * ```
 */
export interface TableProgress {
  readonly name: string;
  readonly kind: 'dimension' | 'fact';
  readonly rows: number;
  /** 0 to 100. */
  readonly percent: number;
  readonly rowsPerSecond: number | null;
  /** Time left for this table, ms; 0 once written; null when unknown. */
  readonly etaMs: number | null;
}

/**
 * The day a run is on.
 *
 * @example
 * ```ts
 * const current: CurrentDay = { day: 3, days: 30, date: '2024-11-17' };
 * ```
 */
export interface CurrentDay {
  /** 1-based index of the day being generated. */
  readonly day: number;
  readonly days: number;
  /** YYYY-MM-DD. */
  readonly date: string;
}

/**
 * A checkpoint (a committed day) or milestone of a run, with the rows
 * written by then.
 *
 * @example
 * ```ts
 * const checkpoint: RunCheckpoint = { kind: 'checkpoint', name: 'day 2024-11-16', time: 1_700_000_060_000, elapsedMs: 60_000, percent: 42, totalRows: 812_345, data: { day: 2, date: '2024-11-16', rows: 400_112 } };
 * ```
 */
export type RunCheckpoint = Omit<Checkpoint, 'counts'> & { readonly totalRows: number };

/**
 * Everything about one run, as plain JSON: what `GET /api/runs/:id` answers
 * and every Server-Sent Event carries. Unknown values are `null`.
 *
 * @example
 * ```ts
 * const run: RunInfo = service.getRun('run-1');
 * console.log(run.status, run.percent.toFixed(1), run.rowsPerSecond, run.etaMs, run.rows['fact_receipts']);
 * ```
 */
export interface RunInfo {
  readonly id: string;
  readonly kind: 'run';
  readonly status: JobStatus;
  /** True once a cancel was asked for; the run stops at the next day boundary. */
  readonly cancelRequested: boolean;
  /** True when {@link RunService.resumeRun} would continue it. */
  readonly resumable: boolean;
  /** How many times it was started: 1, plus one per resume. */
  readonly sessions: number;
  /** Epoch ms. */
  readonly createdAt: number;
  readonly finishedAt: number | null;
  readonly seed: number;
  readonly start: string;
  readonly end: string;
  readonly days: number;
  /** Fact tables written. */
  readonly factTables: readonly string[];
  readonly workers: number;
  /** The run's fixed batch size (`batchRows` of the request); null when the runner chose (environment, else adaptive). */
  readonly batchRows: number | null;
  /** 0 to 100, never lower than in an earlier event of the run. */
  readonly percent: number;
  readonly stage: string | null;
  readonly stages: readonly StageProgress[];
  /** What it is doing, e.g. `day 3/30 2024-11-17: store partitions 4/16`. */
  readonly step: string;
  readonly current: CurrentDay | null;
  readonly committedDays: number;
  readonly lastCommittedDate: string | null;
  readonly rowsPerSecond: number | null;
  readonly etaMs: number | null;
  readonly elapsedMs: number;
  readonly estimatedCompletionAt: number | null;
  /** Rows written per table. */
  readonly rows: Readonly<Record<string, number>>;
  readonly totalRows: number;
  readonly tables: readonly TableProgress[];
  /** The latest 60 checkpoints (one per committed day) and milestones, oldest first. */
  readonly checkpoints: readonly RunCheckpoint[];
  readonly alerts: { readonly active: readonly Alert[]; readonly resolved: readonly Alert[] };
  /** Why it was cancelled or failed, and what to do next. */
  readonly message: string | null;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly config: RetailConfig;
}

/**
 * One file an export wrote, relative to its folder.
 *
 * @example
 * ```ts
 * const file: ExportedFile = { table: 'fact_receipts', path: 'fact_receipts/event_date=2024-11-15/part-0.parquet', rows: 5234 };
 * ```
 */
export interface ExportedFile {
  readonly table: string;
  readonly path: string;
  readonly rows: number;
}

/**
 * Everything about one export job, as plain JSON. `files` is filled when it completes.
 *
 * @example
 * ```ts
 * const job: ExportInfo = service.getExport('export-1');
 * if (job.status === 'completed') for (const file of job.files) console.log(file.path, file.rows);
 * ```
 */
export interface ExportInfo {
  readonly id: string;
  readonly kind: 'export';
  readonly status: JobStatus;
  readonly format: string;
  /** Tables asked for; every table of the file when none was named. */
  readonly tables: readonly string[];
  /** Folder the files are written to. */
  readonly directory: string;
  readonly createdAt: number;
  readonly finishedAt: number | null;
  readonly percent: number;
  readonly step: string;
  readonly rows: Readonly<Record<string, number>>;
  readonly totalRows: number;
  readonly rowsPerSecond: number | null;
  readonly etaMs: number | null;
  readonly elapsedMs: number;
  readonly files: readonly ExportedFile[];
  /** `manifest.json` of the export, once written. */
  readonly manifestPath: string | null;
  readonly error: { readonly code: string; readonly message: string } | null;
}

/**
 * A table of the database.
 *
 * @example
 * ```ts
 * const table: TableInfo = { name: 'dim_stores', kind: 'dimension', description: 'Stores', rows: 24 };
 * ```
 */
export interface TableInfo {
  readonly name: string;
  readonly kind: 'dimension' | 'fact' | 'system';
  readonly description: string;
  readonly rows: number;
}

/**
 * A column of a previewed table: its physical name and logical type.
 *
 * @example
 * ```ts
 * const column: PreviewColumn = { name: 'total_amount', type: 'money', nullable: false };
 * ```
 */
export interface PreviewColumn {
  readonly name: string;
  readonly type: string;
  readonly nullable: boolean;
}

/**
 * A page of a table's rows as JSON values: money, 64-bit integers, dates
 * and timestamps as exact strings (`"12.34"`, `"2024-11-15 09:30:00"`),
 * other values as JSON numbers, strings, booleans or null.
 *
 * @example
 * ```ts
 * const page: TablePreview = await service.previewTable('dim_stores', { limit: 2 });
 * page.rows[0]; // { id: 1, store_number: 'S000001', ... }
 * ```
 */
export interface TablePreview {
  readonly table: string;
  readonly kind: 'dimension' | 'fact' | 'system';
  /** Rows in the table. */
  readonly total: number;
  readonly offset: number;
  /** The limit applied (a larger one asked for is capped). */
  readonly limit: number;
  readonly order: 'asc' | 'desc';
  readonly columns: readonly PreviewColumn[];
  readonly rows: readonly Readonly<Record<string, string | number | boolean | null>>[];
}
