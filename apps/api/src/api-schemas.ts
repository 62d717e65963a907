import { z } from '@hono/zod-openapi';
import { configSchema } from '@retail-datagen/models';
import { maxPreviewRows } from '@retail-datagen/service';

// The request schemas below validate every request (the routes are built from them) and are the ones
// /openapi.json documents. The configuration is validated by the models' own schema (parseConfig), whose
// JSON Schema is the `RetailConfigInput` component, so its rules and messages live in one place.

const { $schema: _ignored, ...configJsonSchema } = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' });

/** Configuration overrides: any fields of the configuration file; checked by the models' schema. */
export const configOverridesSchema = z.record(z.string(), z.unknown()).openapi('RetailConfigInput', {
  ...(configJsonSchema as Record<string, unknown>),
  description: 'Configuration fields (every one optional, defaults shown), validated by the same schema as configuration files.',
});

/** A full configuration, every default filled in. */
export const configSchemaOutput = z.record(z.string(), z.unknown()).openapi('RetailConfig', {
  type: 'object',
  description: 'A validated configuration with every field (see RetailConfigInput for the fields and their defaults).',
});

export const runRequestSchema = z
  .strictObject({
    config: configOverridesSchema.optional(),
    seed: z.number().optional().openapi({ description: 'Random seed (0-4294967295), overrides config.seed', example: 7 }),
    start: z.string().max(100).optional().openapi({ description: 'First day, YYYY-MM-DD; overrides config.start', example: '2024-11-28' }),
    end: z.string().max(100).optional().openapi({ description: 'Last day (inclusive), YYYY-MM-DD; overrides config.end' }),
    days: z.number().int().min(1).max(36_500).optional().openapi({ description: 'Days from the start, instead of end', example: 3 }),
    tables: z.array(z.string().max(200)).min(1).max(500).optional().openapi({ description: 'Fact tables to write (all are simulated). Default: all' }),
    workers: z.number().int().min(0).max(256).optional().openapi({ description: 'Worker threads for the store phase; 0 runs it inline. Default: cores - 1' }),
    batchRows: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .optional()
      .openapi({ description: "Most rows per batch handed to DuckDB (the CLI's --batch-rows). Default: the server's RETAIL_BATCH_ROWS, else adapted from write throughput and memory", example: 16_384 }),
  })
  .openapi('RunRequest');

export const exportRequestSchema = z
  .strictObject({
    format: z.enum(['parquet', 'arrow', 'csv']).openapi({ description: 'parquet, arrow (Arrow IPC stream files) or csv' }),
    tables: z.array(z.string().max(200)).min(1).max(500).optional().openapi({ description: 'Tables to export. Default: every table the database holds' }),
  })
  .openapi('ExportRequest');

export const jobIdParamsSchema = z.object({ id: z.string().min(1).max(200).openapi({ param: { name: 'id', in: 'path' }, example: 'run-20241128-101500-1' }) });
export const tableParamsSchema = z.object({ name: z.string().min(1).max(200).openapi({ param: { name: 'name', in: 'path' }, example: 'fact_receipts' }) });

export const previewQuerySchema = z.object({
  limit: z.coerce
    .number()
    .min(1)
    .optional()
    .openapi({ param: { name: 'limit', in: 'query' }, description: `Rows to return (default 50); more than ${maxPreviewRows} is capped to ${maxPreviewRows}`, example: 20 }),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ param: { name: 'offset', in: 'query' }, description: 'Rows to skip (default 0)', example: 0 }),
  order: z
    .enum(['asc', 'desc'])
    .optional()
    .openapi({ param: { name: 'order', in: 'query' }, description: 'Fact tables by event time then key, others by key; desc gives the most recent rows first' }),
});

export const errorSchema = z
  .object({
    error: z.object({
      status: z.number().int(),
      code: z.string().openapi({ description: 'USER_* for a mistake in the request; DATABASE_BUSY for 409; other codes for failures' }),
      message: z.string(),
      field: z.string().optional().openapi({ description: 'The request field, parameter or configuration field at fault' }),
      value: z.unknown().optional(),
      issues: z.array(z.object({ path: z.string(), message: z.string(), received: z.unknown().optional() })).optional(),
    }),
  })
  .openapi('Error');

const alertSchema = z.object({
  id: z.string(),
  source: z.enum(['threshold', 'error']),
  key: z.string(),
  severity: z.enum(['info', 'warning', 'critical']),
  message: z.string(),
  job: z.string().optional(),
  metric: z.string().optional(),
  value: z.number().optional(),
  threshold: z.number().optional(),
  context: z.record(z.string(), z.unknown()).optional(),
  firedAt: z.number(),
  resolvedAt: z.number().optional(),
  resolvedValue: z.number().optional(),
  occurrences: z.number(),
});

const checkpointSchema = z.object({
  kind: z.enum(['checkpoint', 'milestone']),
  name: z.string(),
  time: z.number(),
  elapsedMs: z.number(),
  percent: z.number(),
  totalRows: z.number(),
  data: z.unknown().optional(),
});

const statusSchema = z.enum(['running', 'completed', 'cancelled', 'failed']);
const jobErrorSchema = z.object({ code: z.string(), message: z.string() }).nullable();

export const runInfoSchema = z
  .object({
    id: z.string(),
    kind: z.literal('run'),
    status: statusSchema,
    cancelRequested: z.boolean(),
    resumable: z.boolean(),
    sessions: z.number().int(),
    createdAt: z.number(),
    finishedAt: z.number().nullable(),
    seed: z.number(),
    start: z.string(),
    end: z.string(),
    days: z.number().int(),
    factTables: z.array(z.string()).readonly(),
    workers: z.number().int(),
    batchRows: z.number().int().nullable().openapi({ description: 'The fixed batch size asked for; null when the server chose' }),
    percent: z.number().openapi({ description: '0 to 100, never falling' }),
    stage: z.string().nullable(),
    stages: z.array(z.object({ name: z.string(), weight: z.number(), fraction: z.number(), state: z.enum(['pending', 'running', 'done']) })).readonly(),
    step: z.string(),
    current: z.object({ day: z.number().int(), days: z.number().int(), date: z.string() }).nullable(),
    committedDays: z.number().int(),
    lastCommittedDate: z.string().nullable(),
    rowsPerSecond: z.number().nullable(),
    etaMs: z.number().nullable(),
    elapsedMs: z.number(),
    estimatedCompletionAt: z.number().nullable(),
    rows: z.record(z.string(), z.number()).readonly(),
    totalRows: z.number(),
    tables: z
      .array(
        z.object({
          name: z.string(),
          kind: z.enum(['dimension', 'fact']),
          rows: z.number(),
          percent: z.number(),
          rowsPerSecond: z.number().nullable(),
          etaMs: z.number().nullable(),
        }),
      )
      .readonly(),
    checkpoints: z.array(checkpointSchema).readonly(),
    alerts: z.object({ active: z.array(alertSchema).readonly(), resolved: z.array(alertSchema).readonly() }),
    message: z.string().nullable(),
    error: jobErrorSchema,
    config: configSchemaOutput,
  })
  .openapi('Run');

export const exportInfoSchema = z
  .object({
    id: z.string(),
    kind: z.literal('export'),
    status: statusSchema,
    format: z.string(),
    tables: z.array(z.string()).readonly(),
    directory: z.string(),
    createdAt: z.number(),
    finishedAt: z.number().nullable(),
    percent: z.number(),
    step: z.string(),
    rows: z.record(z.string(), z.number()).readonly(),
    totalRows: z.number(),
    rowsPerSecond: z.number().nullable(),
    etaMs: z.number().nullable(),
    elapsedMs: z.number(),
    files: z.array(z.object({ table: z.string(), path: z.string(), rows: z.number() })).readonly(),
    manifestPath: z.string().nullable(),
    error: jobErrorSchema,
  })
  .openapi('Export');

export const tableInfoSchema = z
  .object({ name: z.string(), kind: z.enum(['dimension', 'fact', 'system']), description: z.string(), rows: z.number() })
  .openapi('Table');

export const tablePreviewSchema = z
  .object({
    table: z.string(),
    kind: z.enum(['dimension', 'fact', 'system']),
    total: z.number(),
    offset: z.number(),
    limit: z.number(),
    order: z.enum(['asc', 'desc']),
    columns: z.array(z.object({ name: z.string(), type: z.string(), nullable: z.boolean() })).readonly(),
    rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))).readonly(),
  })
  .openapi('TablePreview');

export const acceptedRunSchema = z.object({ runId: z.string(), run: runInfoSchema }).openapi('AcceptedRun');
export const acceptedExportSchema = z.object({ exportId: z.string(), export: exportInfoSchema }).openapi('AcceptedExport');

export const healthSchema = z
  .object({
    status: z.literal('ok'),
    database: z.string(),
    activeJob: z.object({ kind: z.enum(['run', 'export']), id: z.string() }).nullable(),
    uptimeMs: z.number(),
  })
  .openapi('Health');

export const configValidationSchema = z.object({ valid: z.literal(true), config: configSchemaOutput }).openapi('ConfigValidation');
