import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { defaultWorkerCount } from '@retail-datagen/runner';
import type { ExportInfo, RunInfo } from '@retail-datagen/service';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer } from './start-server.js';
import { readServerEvents, type ServerEvent } from './test-support/server-events.js';

/** A chain small enough that a day takes a fraction of a second with every generator package. */
const small = {
  seed: 21,
  start: '2024-11-26',
  volumes: { geographies: 8, stores: 4, distributionCenters: 2, trucksPerDc: 2, poolTrucks: 1, customers: 500, products: 100 },
  traffic: { baseDailyCustomers: 120 },
  marketing: { impressionsPerCampaignDay: 200 },
  onlineOrders: { ordersPerStoreDay: 5 },
  engine: { partitions: 4 },
};

let directory: string;
let server: RunningServer;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'retail-datagen-api-'));
  server = await startServer({ database: join(directory, 'retail.duckdb'), port: 0, config: small, eventIntervalMs: 50 });
});
afterAll(async () => {
  await server?.close();
  await rm(directory, { recursive: true, force: true });
});

interface Answer<T = unknown> {
  status: number;
  body: T;
  contentType: string | null;
}

async function call<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const init: RequestInit = { method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers } };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await fetch(`${server.url}${path}`, init);
  const text = await response.text();
  const contentType = response.headers.get('content-type');
  return { status: response.status, contentType, body: (contentType?.includes('json') ? JSON.parse(text) : text) as T };
}

/** POSTs with node:http, which takes a response that arrives while the body is still being sent (as `fetch` does not). */
function postEarlyAnswer(path: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      let text = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      response.on('error', reject);
    });
    // Writing the rest may fail once the server has answered and closed; the answer is what counts.
    request.on('error', (error) => reject(error));
    request.end(body);
  });
}

type ErrorAnswer = { error: { status: number; code: string; message: string; field?: string; value?: unknown } };

/** Follows a run's events to the end, calling `onEvent` with each run as it arrives. */
async function followRun(id: string, onEvent: (run: RunInfo, event: ServerEvent) => void = () => {}): Promise<{ events: ServerEvent[]; runs: RunInfo[] }> {
  const runs: RunInfo[] = [];
  const { status, contentType, events } = await readServerEvents(`${server.url}/api/runs/${id}/events`, {
    onEvent: (event) => {
      const run = JSON.parse(event.data) as RunInfo;
      runs.push(run);
      onEvent(run, event);
    },
  });
  expect(status).toBe(200);
  expect(contentType).toContain('text/event-stream');
  return { events, runs };
}

function expectProgressThenEnd(events: readonly ServerEvent[], runs: readonly RunInfo[]): void {
  expect(events.length).toBeGreaterThanOrEqual(2);
  expect(events.at(-1)!.event).toBe('end');
  expect(events.slice(0, -1).every((event) => event.event === 'progress')).toBe(true);
  for (let index = 1; index < runs.length; index++) {
    expect(runs[index]!.percent, `event ${events[index]!.id}`).toBeGreaterThanOrEqual(runs[index - 1]!.percent);
    expect(Number(events[index]!.id)).toBeGreaterThan(Number(events[index - 1]!.id));
  }
}

async function poll<T>(path: string, done: (body: T) => boolean): Promise<T> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const { status, body } = await call<T>('GET', path);
    expect(status).toBe(200);
    if (done(body)) return body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${path} did not reach the expected state`);
}

describe('runs', () => {
  test('POST /api/runs starts a run (202); a second one meanwhile is 409; its events rise to the end; polling sees it completed', async () => {
    const started = await call<{ runId: string; run: RunInfo }>('POST', '/api/runs', { days: 3, workers: 0 });
    expect(started.status).toBe(202);
    const { runId } = started.body;
    expect(started.body.run).toMatchObject({ id: runId, status: 'running', start: '2024-11-26', end: '2024-11-28', seed: 21, workers: 0 });

    const second = await call<ErrorAnswer>('POST', '/api/runs', { days: 1, workers: 0 });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ status: 409, code: 'DATABASE_BUSY' });
    expect(second.body.error.message).toContain(`run ${runId} is running on`);
    expect((await call<ErrorAnswer>('POST', '/api/exports', { format: 'csv' })).status).toBe(409);

    const polled = await call<RunInfo>('GET', `/api/runs/${runId}`);
    expect(polled.status).toBe(200);
    expect(polled.body.id).toBe(runId);

    const { events, runs } = await followRun(runId);
    expectProgressThenEnd(events, runs);
    const end = runs.at(-1)!;
    expect(end).toMatchObject({ status: 'completed', percent: 100, committedDays: 3, lastCommittedDate: '2024-11-28', etaMs: 0 });
    expect(end.checkpoints.filter((checkpoint) => checkpoint.kind === 'checkpoint')).toHaveLength(3);
    expect(end.tables.map((table) => table.name)).toEqual(expect.arrayContaining(['dim_stores', 'fact_receipts', 'fact_truck_moves', 'fact_ble_pings', 'fact_marketing', 'fact_online_order_lines']));
    expect(runs.some((run) => run.status === 'running' && run.rowsPerSecond !== null)).toBe(true);

    const done = await poll<RunInfo>(`/api/runs/${runId}`, (run) => run.status === 'completed');
    expect(done.rows).toEqual(end.rows);
    const list = await call<{ runs: RunInfo[] }>('GET', '/api/runs');
    expect(list.body.runs[0]?.id).toBe(runId);

    // A stream opened after the end hears the end at once and closes.
    const late = await followRun(runId);
    expect(late.events.map((event) => event.event)).toEqual(['end']);
    expect(late.runs[0]?.status).toBe('completed');
  });

  test('DELETE cancels a run at a day boundary; POST resume continues it to the end under the same id', async () => {
    const { body } = await call<{ runId: string }>('POST', '/api/runs', { days: 6, seed: 22, workers: 0 });
    const id = body.runId;
    let cancel: Promise<Answer<RunInfo>> | undefined;
    const first = await followRun(id, (run) => {
      if (cancel === undefined && run.committedDays >= 1) cancel = call<RunInfo>('DELETE', `/api/runs/${id}`);
    });
    const cancelled = await cancel!;
    expect(cancelled.status).toBe(202);
    expect(cancelled.body.cancelRequested).toBe(true);
    expectProgressThenEnd(first.events, first.runs);
    const stopped = first.runs.at(-1)!;
    expect(stopped).toMatchObject({ status: 'cancelled', resumable: true });
    expect(stopped.committedDays).toBeGreaterThanOrEqual(1);
    expect(stopped.committedDays).toBeLessThan(6);

    const again = await call<ErrorAnswer>('DELETE', `/api/runs/${id}`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('only a running run can be cancelled');

    const resumed = await call<{ runId: string; run: RunInfo }>('POST', `/api/runs/${id}/resume`);
    expect(resumed.status).toBe(202);
    expect(resumed.body).toMatchObject({ runId: id, run: { status: 'running', sessions: 2 } });
    const second = await followRun(id);
    const finished = second.runs.at(-1)!;
    expect(finished).toMatchObject({ status: 'completed', percent: 100, committedDays: 6, lastCommittedDate: '2024-12-01' });
    expect(second.runs[0]!.percent).toBeGreaterThanOrEqual(stopped.percent);
    expect(Number(second.events[0]!.id)).toBeGreaterThan(Number(first.events.at(-1)!.id));

    // Every day of the range is in the file.
    const receipts = await call<{ total: number; rows: { event_ts: string }[] }>('GET', '/api/tables/fact_receipts?limit=1&order=desc');
    expect(receipts.body.rows[0]?.event_ts.slice(0, 10)).toBe('2024-12-01');
    expect(finished.rows['fact_receipts']).toBe(receipts.body.total);

    expect((await call<ErrorAnswer>('POST', `/api/runs/${id}/resume`)).status).toBe(409);
  });

  test('unknown runs are 404 naming the id, on every run route', async () => {
    for (const [method, path] of [
      ['GET', '/api/runs/run-nope'],
      ['DELETE', '/api/runs/run-nope'],
      ['POST', '/api/runs/run-nope/resume'],
      ['GET', '/api/runs/run-nope/events'],
      ['GET', '/api/exports/export-nope'],
      ['GET', '/api/exports/export-nope/events'],
    ] as const) {
      const answer = await call<ErrorAnswer>(method, path);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.body.error, `${method} ${path}`).toMatchObject({ status: 404, field: 'id', value: path.includes('run') ? 'run-nope' : 'export-nope' });
    }
  });
});

describe('tables, config, exports', () => {
  test('GET /api/tables lists the tables with rows; GET /api/tables/:name pages rows, caps the limit, and refuses bad paging and unknown tables', async () => {
    const tables = await call<{ tables: { name: string; kind: string; rows: number }[] }>('GET', '/api/tables');
    expect(tables.status).toBe(200);
    const byName = Object.fromEntries(tables.body.tables.map((table) => [table.name, table]));
    expect(byName['dim_stores']).toMatchObject({ kind: 'dimension', rows: 4 });
    expect(byName['fact_receipts']?.kind).toBe('fact');
    expect(byName['fact_receipts']?.rows).toBeGreaterThan(0);

    const page = await call<{ rows: Record<string, unknown>[]; limit: number; total: number; columns: { name: string }[] }>('GET', '/api/tables/dim_stores?limit=2&offset=1');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ limit: 2, total: 4 });
    expect(page.body.rows.map((row) => row['id'])).toEqual([2, 3]);
    expect(page.body.columns.map((column) => column.name)).toContain('store_number');
    expect((await call<{ limit: number; rows: unknown[] }>('GET', '/api/tables/fact_receipts?limit=1000000000000000000000')).body.limit).toBe(500);

    for (const [query, field] of [
      ['offset=-1', 'offset'],
      ['limit=0', 'limit'],
      ['limit=abc', 'limit'],
      ['offset=1.5', 'offset'],
      ['order=sideways', 'order'],
    ] as const) {
      const answer = await call<ErrorAnswer>('GET', `/api/tables/dim_stores?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body.error.field, query).toBe(field);
    }
    const unknown = await call<ErrorAnswer>('GET', '/api/tables/fact_nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'USER_UNKNOWN_TABLE', field: 'table', value: 'fact_nope' });
    expect(unknown.body.error.message).toContain('unknown table "fact_nope"; known tables: dim_geographies');
    const injected = await call<ErrorAnswer>('GET', `/api/tables/${encodeURIComponent('dim_stores; DROP TABLE dim_stores')}`);
    expect(injected.status).toBe(404);
    expect((await call('GET', '/api/tables/dim_stores')).status).toBe(200);
  });

  test('GET /api/config/defaults gives the server configuration; POST /api/config/validate gives the full configuration or 400 naming the field', async () => {
    const defaults = await call<{ config: { seed: number; volumes: { stores: number; customers: number }; traffic: { weekendLift: number } } }>('GET', '/api/config/defaults');
    expect(defaults.status).toBe(200);
    expect(defaults.body.config).toMatchObject({ seed: 21, volumes: { stores: 4, customers: 500 }, traffic: { weekendLift: 1.3 } });

    const valid = await call<{ valid: boolean; config: { volumes: { stores: number } } }>('POST', '/api/config/validate', { volumes: { stores: 9 } });
    expect(valid.status).toBe(200);
    expect(valid.body).toMatchObject({ valid: true, config: { volumes: { stores: 9 } } });

    const invalid = await call<ErrorAnswer & { error: { issues: unknown[] } }>('POST', '/api/config/validate', { volumes: { stores: 0 }, seed: -1 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatchObject({ code: 'USER_CONFIG_INVALID', field: 'seed', value: -1 });
    expect(invalid.body.error.issues).toHaveLength(2);
    const unknown = await call<ErrorAnswer>('POST', '/api/config/validate', { volumes: { shops: 3 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ field: 'volumes.shops' });
    expect(unknown.body.error.message).toContain('unknown field; allowed here: geographies, stores');
    expect((await call<ErrorAnswer>('POST', '/api/config/validate', [1, 2])).status).toBe(400);
  });

  test('POST /api/exports exports to Parquet as a job with progress; GET /api/exports/:id lists the files once done', async () => {
    const started = await call<{ exportId: string; export: ExportInfo }>('POST', '/api/exports', { format: 'parquet', tables: ['dim_stores', 'fact_receipts'] });
    expect(started.status).toBe(202);
    const id = started.body.exportId;
    const { events } = await readServerEvents(`${server.url}/api/exports/${id}/events`);
    expect(events.at(-1)?.event).toBe('end');
    const done = await poll<ExportInfo>(`/api/exports/${id}`, (job) => job.status !== 'running');
    expect(done).toMatchObject({ status: 'completed', percent: 100, format: 'parquet', tables: ['dim_stores', 'fact_receipts'], error: null });
    expect(done.files[0]).toEqual({ table: 'dim_stores', path: 'dim_stores/part-0.parquet', rows: 4 });
    expect(done.files.filter((file) => file.table === 'fact_receipts').map((file) => file.path)).toEqual([
      'fact_receipts/event_date=2024-11-26/part-0.parquet',
      'fact_receipts/event_date=2024-11-27/part-0.parquet',
      'fact_receipts/event_date=2024-11-28/part-0.parquet',
      'fact_receipts/event_date=2024-11-29/part-0.parquet',
      'fact_receipts/event_date=2024-11-30/part-0.parquet',
      'fact_receipts/event_date=2024-12-01/part-0.parquet',
    ]);
    for (const file of done.files) expect(existsSync(join(done.directory, file.path)), file.path).toBe(true);
    expect((await call<{ exports: ExportInfo[] }>('GET', '/api/exports')).body.exports[0]?.id).toBe(id);

    const badFormat = await call<ErrorAnswer>('POST', '/api/exports', { format: 'xlsx' });
    expect(badFormat.status).toBe(400);
    expect(badFormat.body.error).toMatchObject({ field: 'format', value: 'xlsx' });
    const unknownTable = await call<ErrorAnswer>('POST', '/api/exports', { format: 'csv', tables: ['fact_nope'] });
    expect(unknownTable.status).toBe(400);
    expect(unknownTable.body.error).toMatchObject({ code: 'USER_UNKNOWN_TABLE', value: 'fact_nope' });
  });
});

describe('bad input never takes the server down', () => {
  test('malformed JSON, unknown fields, wrong types, huge bodies and other content types are answered 4xx with the field at fault', async () => {
    const malformed = await call<ErrorAnswer>('POST', '/api/runs', '{"days": 3,');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/json/i);

    const unknownField = await call<ErrorAnswer>('POST', '/api/runs', { days: 1, dayz: 2 });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error).toMatchObject({ field: 'dayz', code: 'USER_INVALID_ARGUMENT' });

    for (const [body, field] of [
      [{ days: 0 }, 'days'],
      [{ days: 'three' }, 'days'],
      [{ workers: 1000 }, 'workers'],
      [{ batchRows: 0 }, 'batchRows'],
      [{ batchRows: 2_000_000 }, 'batchRows'],
      [{ tables: 'fact_receipts' }, 'tables'],
      [{ config: 'small' }, 'config'],
      [{ config: { volumes: { stores: -2 } } }, 'volumes.stores'],
      [{ seed: 1.5 }, 'seed'],
      [{ start: 'yesterday' }, 'start'],
      [{ tables: ['dim_stores'] }, 'tables'],
      [{ days: 2, end: '2024-12-01' }, 'days'],
      [null, ''],
      [[], ''],
    ] as const) {
      const answer = await call<ErrorAnswer>('POST', '/api/runs', body === null ? 'null' : body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.field, JSON.stringify(body)).toBe(field);
    }
    const unknownTable = await call<ErrorAnswer>('POST', '/api/runs', { tables: ['fact_nope'] });
    expect(unknownTable.status).toBe(400);
    expect(unknownTable.body.error).toMatchObject({ field: 'table', value: 'fact_nope' });

    // The server answers before reading a body over the limit, so the client takes the answer as soon as it comes.
    const huge = await postEarlyAnswer('/api/runs', JSON.stringify({ config: { padding: 'x'.repeat(2_000_000) } }));
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toMatchObject({ error: { status: 413, message: 'request body too large' } });
    const text = await call<ErrorAnswer>('POST', '/api/exports', 'format=csv', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    const longId = await call<ErrorAnswer>('GET', `/api/runs/${'x'.repeat(500)}`);
    expect(longId.status).toBe(400);
    const route = await call<ErrorAnswer>('GET', '/api/nothing-here');
    expect(route.status).toBe(404);

    expect(server.service.listRuns().filter((run) => run.status === 'running')).toEqual([]);
    expect((await call('GET', '/health')).body).toMatchObject({ status: 'ok', activeJob: null });
  });
});

describe('server', () => {
  test('GET /health and GET /metrics in the Prometheus text format', async () => {
    const health = await call<{ status: string; database: string; uptimeMs: number }>('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', database: join(directory, 'retail.duckdb') });

    const metrics = await call<string>('GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    const lines = metrics.body.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^(# (HELP|TYPE) [a-z_]+ .+|[a-z_]+(\{[a-z_]+="[a-z]+"\})? \d+(\.\d+)?(e[+-]?\d+)?)$/);
    expect(metrics.body).toContain('# TYPE datagen_runs gauge\n');
    expect(metrics.body).toMatch(/^datagen_runs\{status="completed"\} [1-9]\d*$/m);
    expect(metrics.body).toContain('datagen_runs{status="running"} 0\n');
    expect(metrics.body).toContain('# TYPE datagen_rows_generated_total counter\n');
    const generated = Number(/^datagen_rows_generated_total (\d+)$/m.exec(metrics.body)?.[1]);
    expect(generated).toBeGreaterThan(1000);
    expect(metrics.body).toContain('datagen_rows_per_second 0\n');
  });

  test('/openapi.json is a valid OpenAPI 3 document describing every route', async () => {
    const { status, body } = await call<{ openapi: string; paths: Record<string, Record<string, unknown>> }>('GET', '/openapi.json');
    expect(status).toBe(200);
    const validator = new Validator();
    const result = await validator.validate(body as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.fromEntries(Object.entries(body.paths).map(([path, methods]) => [path, Object.keys(methods).sort()]))).toEqual({
      '/api/runs': ['get', 'post'],
      '/api/runs/{id}': ['delete', 'get'],
      '/api/runs/{id}/events': ['get'],
      '/api/runs/{id}/resume': ['post'],
      '/api/tables': ['get'],
      '/api/tables/{name}': ['get'],
      '/api/config/defaults': ['get'],
      '/api/config/validate': ['post'],
      '/api/exports': ['get', 'post'],
      '/api/exports/{id}': ['get'],
      '/api/exports/{id}/events': ['get'],
      '/health': ['get'],
      '/metrics': ['get'],
    });
  });

  test('a run with the default worker count runs its store phase on worker threads', async () => {
    const { body } = await call<{ runId: string; run: RunInfo }>('POST', '/api/runs', { days: 2, seed: 23, tables: ['fact_receipts', 'fact_receipt_lines'] });
    expect(body.run.workers).toBe(defaultWorkerCount());
    expect(body.run.workers).toBeGreaterThan(0);
    const { runs } = await followRun(body.runId);
    expect(runs.at(-1)).toMatchObject({ status: 'completed', committedDays: 2, factTables: ['fact_receipts', 'fact_receipt_lines'] });
    // Only the tables asked for were written; the others are not in the file.
    const absent = await call<ErrorAnswer>('GET', '/api/tables/fact_truck_moves');
    expect(absent.status).toBe(404);
    expect(absent.body.error.message).toContain('is not in');
  });

  test('the dashboard is served at /; a second server on the same file is refused', async () => {
    const page = await call<string>('GET', '/');
    expect(page.status).toBe(200);
    expect(page.contentType).toContain('text/html');
    expect(page.body).toContain('<script src="/dashboard.js"');
    expect((await call<string>('GET', '/dashboard.js')).contentType).toContain('javascript');
    await expect(startServer({ database: join(directory, 'retail.duckdb'), port: 0 })).rejects.toThrow('already open in this process');
  });
});
