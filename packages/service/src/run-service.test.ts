import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inventory } from '@retail-datagen/generator-inventory';
import { master } from '@retail-datagen/generator-master';
import { receipts } from '@retail-datagen/generator-receipts';
import { seasonal } from '@retail-datagen/generator-seasonal';
import { ConfigValidationError, InvalidArgumentError, RetailDatagenError, UnknownTableError } from '@retail-datagen/models';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { JobEvent } from './job-events.js';
import type { RunInfo } from './job-info.js';
import { JobStateError } from './job-state-error.js';
import { openRunService, type RunService } from './run-service.js';
import { ServiceBusyError } from './service-busy-error.js';
import { UnknownJobError } from './unknown-job-error.js';

const generators = { master, seasonal, inventory, receipts };
/** A chain small enough that a day takes a fraction of a second. */
const small = {
  seed: 3,
  start: '2024-11-26',
  volumes: { geographies: 8, stores: 5, distributionCenters: 2, customers: 600, products: 120 },
  traffic: { baseDailyCustomers: 150 },
  engine: { partitions: 4 },
};

let directory: string;
let service: RunService;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'retail-datagen-service-'));
  service = await openRunService({ database: join(directory, 'retail.duckdb'), generators, baseConfig: small, eventIntervalMs: 20 });
});
afterAll(async () => {
  await service.close();
  await rm(directory, { recursive: true, force: true });
});

/** Every event of a run until its end. */
function eventsUntilEnd(id: string, onEvent: (event: JobEvent<RunInfo>) => void = () => {}): Promise<JobEvent<RunInfo>[]> {
  return new Promise((resolve) => {
    const events: JobEvent<RunInfo>[] = [];
    const stop = service.subscribeToRun(id, (event) => {
      events.push(event);
      onEvent(event);
      if (event.type === 'end') {
        queueMicrotask(() => stop());
        resolve(events);
      }
    });
  });
}

function expectRisingPercent(events: readonly JobEvent<RunInfo>[]): void {
  for (let index = 1; index < events.length; index++) {
    expect(events[index]!.data.percent, `event ${events[index]!.sequence}`).toBeGreaterThanOrEqual(events[index - 1]!.data.percent);
    expect(events[index]!.sequence).toBe(events[index - 1]!.sequence + 1);
  }
}

describe('RunService runs', () => {
  test('a run writes master data then facts, reporting rows, rates, checkpoints and a final end event; a second run meanwhile is refused', async () => {
    const run = service.startRun({ days: 3, workers: 0 });
    expect(run).toMatchObject({ status: 'running', start: '2024-11-26', end: '2024-11-28', days: 3, seed: 3, workers: 0, sessions: 1 });
    expect(() => service.startRun({ days: 1 })).toThrow(ServiceBusyError);
    await expect(service.startExport({ format: 'csv' })).rejects.toThrow(`run ${run.id} is running on`);
    const events = await eventsUntilEnd(run.id);
    expectRisingPercent(events);
    const end = events.at(-1)!;
    expect(end.type).toBe('end');
    expect(events.filter((event) => event.type === 'end')).toHaveLength(1);
    expect(end.data).toMatchObject({ status: 'completed', percent: 100, committedDays: 3, lastCommittedDate: '2024-11-28', etaMs: 0, current: null, resumable: false });
    expect(end.data.checkpoints.filter((checkpoint) => checkpoint.kind === 'checkpoint').map((checkpoint) => checkpoint.name)).toEqual([
      'day 2024-11-26',
      'day 2024-11-27',
      'day 2024-11-28',
    ]);

    // The rows reported are the rows in the file.
    const tables = await service.listTables();
    const counted = Object.fromEntries(tables.map((table) => [table.name, table.rows]));
    expect(end.data.rows).toEqual(counted);
    expect(counted['dim_stores']).toBe(5);
    expect(counted['fact_receipts']).toBeGreaterThan(100);
    for (const table of end.data.tables) expect(table, table.name).toMatchObject({ percent: 100, etaMs: 0, rows: counted[table.name] });
    expect(service.getRun(run.id)).toMatchObject({ status: 'completed', totalRows: end.data.totalRows });

    // A late subscriber hears the end at once.
    const late: JobEvent<RunInfo>[] = [];
    service.subscribeToRun(run.id, (event) => late.push(event))();
    expect(late).toEqual([end]);
    expect(service.listRuns()[0]?.id).toBe(run.id);
  });

  test('a cancelled run stops at a day boundary with complete days, and resuming it completes the date range with the same id', async () => {
    const run = service.startRun({ days: 8, seed: 4, workers: 0 });
    const first = await eventsUntilEnd(run.id, (event) => {
      if (event.data.committedDays >= 1 && !event.data.cancelRequested && event.data.status === 'running') service.cancelRun(run.id);
    });
    const cancelled = first.at(-1)!.data;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.committedDays).toBeGreaterThanOrEqual(1);
    expect(cancelled.committedDays).toBeLessThan(8);
    expect(cancelled).toMatchObject({ resumable: true, cancelRequested: true });
    expect(cancelled.message).toContain(`${cancelled.committedDays} of 8 days are committed`);
    expect(() => service.cancelRun(run.id)).toThrow(JobStateError);
    expect(await daysInFile()).toEqual(dateRange('2024-11-26', cancelled.committedDays));

    const resumed = service.resumeRun(run.id);
    expect(resumed).toMatchObject({ id: run.id, status: 'running', sessions: 2, cancelRequested: false });
    const second = await eventsUntilEnd(run.id);
    expectRisingPercent([...first, ...second.filter((event) => event.sequence > first.at(-1)!.sequence)]);
    expect(second.at(-1)!.data).toMatchObject({ status: 'completed', percent: 100, committedDays: 8, lastCommittedDate: '2024-12-03', resumable: false });
    expect(await daysInFile()).toEqual(dateRange('2024-11-26', 8));
    const counts = Object.fromEntries((await service.listTables()).map((table) => [table.name, table.rows]));
    expect(second.at(-1)!.data.rows['fact_receipts']).toBe(counts['fact_receipts']);
    expect(() => service.resumeRun(run.id)).toThrow('only a cancelled or failed run can be resumed');
  });

  test('a run cancelled during master data ends with no day, and only the latest run can be resumed', async () => {
    const older = service.startRun({ days: 2, seed: 5, workers: 0 });
    service.cancelRun(older.id);
    const ended = await service.waitForRun(older.id);
    expect(ended).toMatchObject({ status: 'cancelled', committedDays: 0, resumable: true });
    const newer = service.startRun({ days: 1, seed: 6, workers: 0 });
    await service.waitForRun(newer.id);
    expect(service.getRun(older.id).resumable).toBe(false);
    expect(() => service.resumeRun(older.id)).toThrow(`run ${newer.id} was started after it and replaced its data`);
  });

  test('mistakes in a request are refused before anything starts, naming the field and value', () => {
    const before = service.listRuns().length;
    expect(() => service.startRun({ config: { volumes: { stores: 0 } } })).toThrow(ConfigValidationError);
    expect(() => service.startRun({ config: { volumes: { stores: 0 } } })).toThrow('config field volumes.stores: got 0; must be a whole number from 1 to 100000');
    expect(() => service.startRun({ config: { nope: 1 } })).toThrow('config field nope: unknown field');
    expect(() => service.startRun({ start: '2024-02-30' })).toThrow('config field start: got "2024-02-30"');
    expect(() => service.startRun({ start: '2024-12-01', end: '2024-11-01' })).toThrow('config field end: got "2024-11-01"; must not be before start');
    expect(() => service.startRun({ days: 0 })).toThrow(InvalidArgumentError);
    expect(() => service.startRun({ days: 2, end: '2024-12-01' })).toThrow('days: got 2; expected either days or end, not both');
    expect(() => service.startRun({ workers: 2 })).toThrow('workers: got 2; expected 0: this server has no generators module');
    expect(() => service.startRun({ workers: -1 })).toThrow('workers: got -1; expected a whole number from 0 to 256');
    expect(() => service.startRun({ tables: ['fact_nope'] })).toThrow(UnknownTableError);
    expect(() => service.startRun({ tables: ['dim_stores'] })).toThrow('tables: got "dim_stores"; expected fact tables only');
    expect(service.listRuns()).toHaveLength(before);
    expect(() => service.getRun('run-nope')).toThrow(UnknownJobError);
    expect(() => service.resumeRun('run-nope')).toThrow('unknown run "run-nope"');
  });

  test("batchRows fixes a run's batch size, checked before the run starts, and wins over the server's RETAIL_BATCH_ROWS", async () => {
    expect(() => service.startRun({ batchRows: 0 })).toThrow('batchRows: got 0; expected a whole number from 1 to 1,000,000');
    expect(() => service.startRun({ batchRows: 2.5 })).toThrow('batchRows: got 2.5; expected a whole number from 1 to 1,000,000');
    process.env['RETAIL_BATCH_ROWS'] = 'lots';
    try {
      const fromEnvironment = service.startRun({ days: 1, workers: 0 });
      expect(fromEnvironment.batchRows).toBeNull();
      expect((await eventsUntilEnd(fromEnvironment.id)).at(-1)!.data).toMatchObject({ status: 'failed', error: { message: expect.stringContaining('RETAIL_BATCH_ROWS') } });
      const fixed = service.startRun({ days: 1, workers: 0, batchRows: 7 });
      expect(fixed.batchRows).toBe(7);
      expect((await eventsUntilEnd(fixed.id)).at(-1)!.data).toMatchObject({ status: 'completed', batchRows: 7, committedDays: 1 });
    } finally {
      delete process.env['RETAIL_BATCH_ROWS'];
    }
  });

  test('days counts from the start of the request, the override or the base configuration', () => {
    expect(service.validateConfig({})).toMatchObject({ seed: 3, start: '2024-11-26', volumes: { stores: 5 } });
    expect(service.configDefaults()).toEqual(service.validateConfig({}));
    expect(() => service.validateConfig({ volumes: { stores: 'many' } })).toThrow('config field volumes.stores: got "many"; must be a number');
  });
});

describe('RunService tables, exports and metrics', () => {
  test('previews a page of a table as JSON values, most recent first on request, with the limit capped', async () => {
    const page = await service.previewTable('fact_receipts', { limit: 3, order: 'desc' });
    expect(page).toMatchObject({ table: 'fact_receipts', kind: 'fact', offset: 0, limit: 3, order: 'desc' });
    expect(page.rows).toHaveLength(3);
    expect(page.columns.find((column) => column.name === 'total_amount')).toEqual({ name: 'total_amount', type: 'money', nullable: false });
    const row = page.rows[0]!;
    expect(row['total_amount']).toMatch(/^-?\d+\.\d{2}$/);
    expect(row['event_ts']).toMatch(/^2024-11-26 \d{2}:\d{2}:\d{2}$/);
    const oldest = await service.previewTable('fact_receipts', { limit: 1 });
    expect(String(oldest.rows[0]!['event_ts']) < String(row['event_ts'])).toBe(true);
    expect((await service.previewTable('dim_stores', { limit: 1_000_000_000 })).limit).toBe(500);
    const stores = await service.previewTable('dim_stores', { limit: 2, offset: 3 });
    expect(stores.rows.map((store) => store['id'])).toEqual([4, 5]);
    expect(stores.total).toBe(5);
    await expect(service.previewTable('fact_nope')).rejects.toThrow(UnknownTableError);
    await expect(service.previewTable('fact_ble_pings')).rejects.toThrow('unknown table "fact_ble_pings"');
    await expect(service.previewTable('dim_stores', { offset: -1 })).rejects.toThrow('offset: got -1');
    await expect(service.previewTable('dim_stores', { limit: 0 })).rejects.toThrow('limit: got 0');
  });

  test('exports the tables to parquet through the open file and lists the files written', async () => {
    const job = await service.startExport({ format: 'parquet', tables: ['dim_stores', 'fact_receipts'] });
    expect(job).toMatchObject({ status: 'running', tables: ['dim_stores', 'fact_receipts'] });
    const done = await service.waitForExport(job.id);
    expect(done).toMatchObject({ status: 'completed', percent: 100, error: null });
    expect(done.files[0]).toEqual({ table: 'dim_stores', path: 'dim_stores/part-0.parquet', rows: 5 });
    expect(done.files.filter((file) => file.table === 'fact_receipts')).toHaveLength(1);
    for (const file of done.files) expect(existsSync(join(done.directory, file.path)), file.path).toBe(true);
    expect(existsSync(done.manifestPath!)).toBe(true);
    await expect(service.startExport({ format: 'xlsx' })).rejects.toThrow('format: got "xlsx"; expected parquet, arrow or csv');
    await expect(service.startExport({ format: 'csv', tables: ['fact_nope'] })).rejects.toThrow(UnknownTableError);
    expect(service.activeJob).toBeUndefined();
  });

  test('metrics in the Prometheus text format', () => {
    const text = service.metrics();
    expect(text).toMatch(/^# HELP datagen_runs .+\n# TYPE datagen_runs gauge\n/);
    const runs = service.listRuns();
    expect(text).toContain(`datagen_runs{status="completed"} ${runs.filter((run) => run.status === 'completed').length}\n`);
    expect(text).toContain('datagen_runs{status="cancelled"} 1\n');
    expect(text).toContain('datagen_runs{status="running"} 0\n');
    expect(text).toContain('datagen_rows_per_second 0\n');
    expect(text).toContain(`datagen_exports{status="completed"} ${service.listExports().filter((job) => job.status === 'completed').length}\n`);
    const total = runs.reduce((sum, run) => sum + run.totalRows, 0);
    expect(text).toContain(`datagen_rows_generated_total ${total}\n`);
    for (const line of text.trimEnd().split('\n')) expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+(\{\w+="[^"]*"\})? -?[\d.e+]+)$/);
  });

  test('a closed service starts nothing', async () => {
    const other = await openRunService({ database: join(directory, 'other.duckdb'), generators, baseConfig: small });
    await other.close();
    expect(() => other.startRun({ days: 1 })).toThrow(RetailDatagenError);
  });
});

/** The days fact_receipts holds, read from a CSV export of it (one folder per day): the service holds the file, so it is not opened a second time. */
async function daysInFile(): Promise<string[]> {
  const job = await service.startExport({ format: 'csv', tables: ['fact_receipts'] });
  const done = await service.waitForExport(job.id);
  return done.files.map((file) => /event_date=([\d-]+)/.exec(file.path)?.[1] ?? file.path).sort();
}

function dateRange(start: string, days: number): string[] {
  return Array.from({ length: days }, (_, day) => new Date(Date.parse(`${start}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10));
}
