import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { JobEvent, RunService } from '@retail-datagen/service';
import {
  acceptedExportSchema,
  acceptedRunSchema,
  configOverridesSchema,
  configSchemaOutput,
  configValidationSchema,
  errorSchema,
  exportInfoSchema,
  exportRequestSchema,
  healthSchema,
  jobIdParamsSchema,
  previewQuerySchema,
  runInfoSchema,
  runRequestSchema,
  tableInfoSchema,
  tableParamsSchema,
  tablePreviewSchema,
} from './api-schemas.js';
import { dashboardFiles } from './dashboard-files.js';
import { errorResponse, validationErrorBody } from './http-errors.js';
import { version } from './version.js';

/**
 * Options of {@link createApiApp}.
 *
 * @example
 * ```ts
 * const app = createApiApp({ service, heartbeatMs: 15_000 });
 * ```
 */
export interface ApiAppOptions {
  readonly service: RunService;
  /** A comment line on idle event streams this often, ms, so proxies keep them open. Default 15 000. */
  readonly heartbeatMs?: number;
  /** Largest request body, bytes. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Clock of the uptime in `/health`. Default `Date.now`. */
  readonly now?: () => number;
  /** Called with the event streams' `close` functions, so a stopping server can end them. */
  readonly trackStream?: (close: () => void) => () => void;
}

const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
const errors = {
  400: json(errorSchema, 'A mistake in the request: the field at fault, the value and what is allowed'),
  404: json(errorSchema, 'Unknown run, export or table'),
  409: json(errorSchema, 'Another job runs on the database, or the job is in the wrong state'),
  500: json(errorSchema, 'A failure of the server'),
};
const eventStream = {
  content: { 'text/event-stream': { schema: z.string().openapi({ description: 'Server-Sent Events: `progress` events (data: the job as JSON), then one `end` event; the stream then closes' }) } },
  description: 'The job\'s events: its latest at once, then every progress update (throttled) and the end',
};

const routes = {
  startRun: createRoute({
    method: 'post',
    path: '/api/runs',
    tags: ['runs'],
    summary: 'Start a run: master data, then the facts day by day',
    request: { body: { content: { 'application/json': { schema: runRequestSchema } }, required: false } },
    responses: { 202: json(acceptedRunSchema, 'Started'), 400: errors[400], 409: errors[409], 500: errors[500] },
  }),
  listRuns: createRoute({ method: 'get', path: '/api/runs', tags: ['runs'], summary: 'Runs of this server, newest first', responses: { 200: json(z.object({ runs: z.array(runInfoSchema) }), 'The runs') } }),
  getRun: createRoute({
    method: 'get',
    path: '/api/runs/{id}',
    tags: ['runs'],
    summary: 'A run: status, percent, stage, day, rows per table, rows/s, ETA, checkpoints, alerts',
    request: { params: jobIdParamsSchema },
    responses: { 200: json(runInfoSchema, 'The run'), 404: errors[404] },
  }),
  runEvents: createRoute({
    method: 'get',
    path: '/api/runs/{id}/events',
    tags: ['runs'],
    summary: 'Follow a run with Server-Sent Events',
    request: { params: jobIdParamsSchema },
    responses: { 200: eventStream, 404: errors[404] },
  }),
  cancelRun: createRoute({
    method: 'delete',
    path: '/api/runs/{id}',
    tags: ['runs'],
    summary: 'Cancel a run at the next day boundary (the day being committed is finished)',
    request: { params: jobIdParamsSchema },
    responses: { 202: json(runInfoSchema, 'Cancelling; its end event follows'), 404: errors[404], 409: errors[409] },
  }),
  resumeRun: createRoute({
    method: 'post',
    path: '/api/runs/{id}/resume',
    tags: ['runs'],
    summary: 'Resume a cancelled or failed run over the days it had not committed',
    request: { params: jobIdParamsSchema },
    responses: { 202: json(acceptedRunSchema, 'Resumed'), 404: errors[404], 409: errors[409], 500: errors[500] },
  }),
  listTables: createRoute({
    method: 'get',
    path: '/api/tables',
    tags: ['tables'],
    summary: 'The tables of the database with their row counts',
    responses: { 200: json(z.object({ tables: z.array(tableInfoSchema) }), 'The tables'), 500: errors[500] },
  }),
  previewTable: createRoute({
    method: 'get',
    path: '/api/tables/{name}',
    tags: ['tables'],
    summary: 'A page of a table\'s rows as JSON',
    request: { params: tableParamsSchema, query: previewQuerySchema },
    responses: { 200: json(tablePreviewSchema, 'The rows'), 400: errors[400], 404: errors[404], 500: errors[500] },
  }),
  configDefaults: createRoute({
    method: 'get',
    path: '/api/config/defaults',
    tags: ['config'],
    summary: 'The configuration a run gets when it asks for nothing',
    responses: { 200: json(z.object({ config: configSchemaOutput }), 'The defaults') },
  }),
  validateConfig: createRoute({
    method: 'post',
    path: '/api/config/validate',
    tags: ['config'],
    summary: 'Validate configuration overrides as a run would use them',
    request: { body: { content: { 'application/json': { schema: configOverridesSchema } }, required: true } },
    responses: { 200: json(configValidationSchema, 'Valid: the full configuration'), 400: errors[400] },
  }),
  startExport: createRoute({
    method: 'post',
    path: '/api/exports',
    tags: ['exports'],
    summary: 'Export tables to Parquet, Arrow IPC or CSV files (one folder per job)',
    request: { body: { content: { 'application/json': { schema: exportRequestSchema } }, required: true } },
    responses: { 202: json(acceptedExportSchema, 'Started'), 400: errors[400], 409: errors[409], 500: errors[500] },
  }),
  listExports: createRoute({ method: 'get', path: '/api/exports', tags: ['exports'], summary: 'Export jobs, newest first', responses: { 200: json(z.object({ exports: z.array(exportInfoSchema) }), 'The jobs') } }),
  getExport: createRoute({
    method: 'get',
    path: '/api/exports/{id}',
    tags: ['exports'],
    summary: 'An export job: progress, and the files once done',
    request: { params: jobIdParamsSchema },
    responses: { 200: json(exportInfoSchema, 'The job'), 404: errors[404] },
  }),
  exportEvents: createRoute({
    method: 'get',
    path: '/api/exports/{id}/events',
    tags: ['exports'],
    summary: 'Follow an export job with Server-Sent Events',
    request: { params: jobIdParamsSchema },
    responses: { 200: eventStream, 404: errors[404] },
  }),
  health: createRoute({ method: 'get', path: '/health', tags: ['server'], summary: 'Liveness', responses: { 200: json(healthSchema, 'Up') } }),
  metrics: createRoute({
    method: 'get',
    path: '/metrics',
    tags: ['server'],
    summary: 'Prometheus metrics: runs by status, rows generated, current rows/s',
    responses: { 200: { content: { 'text/plain': { schema: z.string() } }, description: 'Prometheus text format 0.0.4' } },
  }),
};

/**
 * The HTTP API and dashboard over a {@link RunService}, as a Hono app: the
 * routes validate every request with the schemas `/openapi.json` documents;
 * mistakes are answered 400/404 with the field or name at fault, a busy
 * database 409, and no request can take the server down.
 *
 * @example
 * ```ts
 * const app = createApiApp({ service });
 * const response = await app.request('/health');
 * ```
 */
export function createApiApp(options: ApiAppOptions): OpenAPIHono {
  const { service } = options;
  const now = options.now ?? Date.now;
  const startedAt = now();
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const app = new OpenAPIHono({
    defaultHook: (result, context) => {
      if (!result.success) return context.json(validationErrorBody(result.error, result.target, (result as { data?: unknown }).data), 400);
      return undefined;
    },
  });

  app.onError((error, context) => {
    const { status, body } = errorResponse(error);
    if (status === 500) console.error(`retail-datagen api: ${context.req.method} ${context.req.path}: ${error.stack ?? error.message}`);
    return context.json(body, status);
  });
  app.notFound((context) => context.json({ error: { status: 404, code: 'NOT_FOUND', message: `no route ${context.req.method} ${context.req.path}; see /openapi.json` } }, 404));
  app.use('/api/*', bodyLimit({ maxSize: options.maxBodyBytes ?? 1_048_576, onError: (context) => context.json({ error: { status: 413, code: 'USER_INVALID_ARGUMENT', message: 'request body too large' } }, 413) }));

  app.openapi(routes.startRun, (context) => {
    const run = service.startRun(context.req.valid('json'));
    return context.json({ runId: run.id, run }, 202);
  });
  app.openapi(routes.listRuns, (context) => context.json({ runs: service.listRuns() }, 200));
  // Hot path (dashboards polling): the run's latest event is shared, and serialized once.
  app.openapi(routes.getRun, (context) => context.body(serializedJson(service.getRun(context.req.valid('param').id)), 200, jsonHeaders) as never);
  app.openapi(routes.cancelRun, (context) => context.json(service.cancelRun(context.req.valid('param').id), 202));
  app.openapi(routes.resumeRun, (context) => {
    const run = service.resumeRun(context.req.valid('param').id);
    return context.json({ runId: run.id, run }, 202);
  });
  app.openapi(routes.runEvents, (context) => {
    const { id } = context.req.valid('param');
    service.getRun(id); // 404 before the stream starts
    return followEvents(context, (listener) => service.subscribeToRun(id, listener), heartbeatMs, options.trackStream);
  });

  app.openapi(routes.listTables, async (context) => context.json({ tables: await service.listTables() }, 200));
  app.openapi(routes.previewTable, async (context) => {
    const { name } = context.req.valid('param');
    const query = context.req.valid('query');
    try {
      const preview = await service.previewTable(name, {
        ...(query.limit === undefined ? {} : { limit: query.limit }),
        ...(query.offset === undefined ? {} : { offset: query.offset }),
        ...(query.order === undefined ? {} : { order: query.order }),
      });
      return context.json(preview, 200);
    } catch (error) {
      const { status, body } = errorResponse(error, { unknownTable: 404 });
      if (status === 400 || status === 404) return context.json(body, status);
      throw error;
    }
  });

  app.openapi(routes.configDefaults, (context) => context.json({ config: service.configDefaults() }, 200));
  app.openapi(routes.validateConfig, (context) => context.json({ valid: true as const, config: service.validateConfig(context.req.valid('json')) }, 200));

  app.openapi(routes.startExport, async (context) => {
    const request = context.req.valid('json');
    const job = await service.startExport(request);
    return context.json({ exportId: job.id, export: job }, 202);
  });
  app.openapi(routes.listExports, (context) => context.json({ exports: service.listExports() }, 200));
  app.openapi(routes.getExport, (context) => context.json(service.getExport(context.req.valid('param').id), 200));
  app.openapi(routes.exportEvents, (context) => {
    const { id } = context.req.valid('param');
    service.getExport(id);
    return followEvents(context, (listener) => service.subscribeToExport(id, listener), heartbeatMs, options.trackStream);
  });

  app.openapi(routes.health, (context) => context.json({ status: 'ok' as const, database: service.database, activeJob: service.activeJob ?? null, uptimeMs: now() - startedAt }, 200));
  app.openapi(routes.metrics, (context) => context.text(service.metrics(), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }));

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'retail-datagen API',
      version,
      description:
        'Start, follow (Server-Sent Events), cancel and resume runs of the retail data generator on one DuckDB file; export tables; browse rows; metrics. ' +
        'Mistakes are answered 400 (404 for an unknown run, export or table) with the field at fault; 409 while another job runs.',
    },
  });

  for (const file of dashboardFiles()) {
    app.get(file.route, (context) => context.body(file.content, 200, { 'content-type': file.contentType, 'cache-control': 'no-cache' }));
  }
  return app;
}

const jsonHeaders = { 'content-type': 'application/json' } as const;
const serialized = new WeakMap<object, string>();

/** JSON text of a value the service shares between requests (a run's latest event): made once, however many clients ask. */
function serializedJson(value: object): string {
  let text = serialized.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    serialized.set(value, text);
  }
  return text;
}

/**
 * Streams a job's events as Server-Sent Events (`event: progress|end`, `id:`
 * the event's sequence, `data:` the job as JSON) and closes after the end. A
 * client that reads slowly gets the latest progress, never a backlog: a
 * progress event waiting to be written is replaced by a newer one (the end
 * is never dropped), so the percent it sees still never falls.
 */
function followEvents<T>(
  context: Context,
  subscribe: (listener: (event: JobEvent<T>) => void) => () => void,
  heartbeatMs: number,
  trackStream: ((close: () => void) => () => void) | undefined,
): Response {
  return streamSSE(context, async (stream: SSEStreamingApi) => {
    let waiting: JobEvent<T> | undefined;
    let writing = false;
    let ended = false;
    let finish: () => void = () => {};
    const done = new Promise<void>((resolve) => (finish = resolve));
    const write = async () => {
      if (writing) return;
      writing = true;
      try {
        while (waiting !== undefined && !stream.aborted && !stream.closed) {
          const event = waiting;
          waiting = undefined;
          await stream.writeSSE({ event: event.type, id: String(event.sequence), data: serializedJson(event.data as object) });
          if (event.type === 'end') {
            ended = true;
            finish();
          }
        }
      } catch {
        finish();
      } finally {
        writing = false;
      }
    };
    const unsubscribe = subscribe((event) => {
      if (ended) return;
      if (waiting?.type === 'end') return;
      waiting = event;
      void write();
    });
    const heartbeat = setInterval(() => {
      if (!writing && !ended) void stream.write(': keep-alive\n\n').catch(() => finish());
    }, heartbeatMs);
    heartbeat.unref();
    const untrack = trackStream?.(() => finish()) ?? (() => {});
    stream.onAbort(() => finish());
    try {
      await done;
    } finally {
      clearInterval(heartbeat);
      unsubscribe();
      untrack();
    }
  });
}
