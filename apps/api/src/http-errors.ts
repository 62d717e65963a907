import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { ConfigValidationError, InvalidArgumentError, RetailDatagenError, UnknownTableError } from '@retail-datagen/models';
import { JobStateError, ServiceBusyError, UnknownJobError } from '@retail-datagen/service';

/**
 * The JSON body of every error answer: the status, the error code
 * (`USER_*` for a mistake in the request), one line saying what was wrong,
 * and, when known, the field at fault and the value given.
 *
 * @example
 * ```ts
 * const body: ErrorBody = { error: { status: 400, code: 'USER_CONFIG_INVALID', message: 'config field volumes.stores: got 0; ...', field: 'volumes.stores', value: 0 } };
 * ```
 */
export interface ErrorBody {
  error: {
    status: number;
    code: string;
    message: string;
    field?: string;
    value?: unknown;
    issues?: { path: string; message: string; received?: unknown }[];
  };
}

/** The status codes the API answers errors with. */
export type ErrorStatus = 400 | 404 | 409 | 413 | 415 | 500;

/**
 * Maps an error to its answer: 404 for an unknown run, export or (where the
 * table is the resource) table; 409 when the database is busy or the job is
 * in the wrong state; 400 for any other mistake in the request; 500 for a
 * failure, whose message is still given.
 *
 * @example
 * ```ts
 * const { status, body } = errorResponse(error, { unknownTable: 404 });
 * return context.json(body, status);
 * ```
 */
export function errorResponse(error: unknown, options: { unknownTable?: 400 | 404 } = {}): { status: ErrorStatus; body: ErrorBody } {
  if (error instanceof HTTPException) {
    const status: ErrorStatus = error.status === 413 || error.status === 415 || error.status === 404 ? error.status : error.status >= 500 ? 500 : 400;
    const message = status === 415 ? 'unsupported content type; send JSON with content-type: application/json' : error.message || 'bad request';
    return { status, body: { error: { status, code: status === 500 ? 'INTERNAL' : 'USER_INVALID_ARGUMENT', message } } };
  }
  if (RetailDatagenError.isInstance(error)) {
    const status = statusOf(error, options.unknownTable ?? 400);
    const body: ErrorBody = { error: { status, code: error.code, message: error.message } };
    if (UnknownJobError.isInstance(error)) Object.assign(body.error, { field: 'id', value: error.jobId });
    if (error instanceof UnknownTableError) Object.assign(body.error, { field: 'table', value: error.tableName });
    if (error instanceof InvalidArgumentError) body.error.field = error.argument;
    if (error instanceof ConfigValidationError) {
      const first = error.issues[0];
      if (first !== undefined) {
        body.error.field = first.path;
        if ('received' in first) body.error.value = first.received;
      }
      body.error.issues = error.issues.map((issue) => ({ ...issue }));
    }
    return { status, body };
  }
  return { status: 500, body: { error: { status: 500, code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } } };
}

function statusOf(error: RetailDatagenError, unknownTable: 400 | 404): ErrorStatus {
  if (UnknownJobError.isInstance(error)) return 404;
  if (ServiceBusyError.isInstance(error) || JobStateError.isInstance(error) || error.code === 'DATABASE_BUSY') return 409;
  if (error.code === 'USER_UNKNOWN_TABLE') return unknownTable;
  if (error.code === 'USER_UNKNOWN_RUN') return 404;
  return error.isUserError ? 400 : 500;
}

/**
 * The answer to a request that does not match its schema: 400 naming the
 * first field at fault (`days`, `config`, `tables.0`, or the unknown field),
 * the value given and what is allowed.
 *
 * @example
 * ```ts
 * validationErrorBody(result.error, 'json'); // { error: { status: 400, code: 'USER_INVALID_ARGUMENT', message: 'days: got 0; ...', field: 'days' } }
 * ```
 */
export function validationErrorBody(error: ZodError, target: string, input: unknown): ErrorBody {
  const issues = error.issues.map((issue) => {
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''].join('.') : issue.path.join('.');
    const message = issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? `s ${issue.keys.join(', ')}` : ''}` : issue.message;
    const received = issue.code === 'unrecognized_keys' ? undefined : valueAt(input, issue.path);
    return received === undefined ? { path, message } : { path, message, received };
  });
  const first = issues[0] ?? { path: '', message: 'invalid request' };
  const where = first.path === '' ? (target === 'json' ? 'request body' : `request ${target}`) : first.path;
  const got = 'received' in first ? `got ${describe(first.received)}; ` : '';
  const body: ErrorBody = { error: { status: 400, code: 'USER_INVALID_ARGUMENT', message: `${where}: ${got}${first.message}`, field: first.path, issues } };
  if ('received' in first) body.error.value = first.received;
  return body;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  try {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return String(value);
  }
}
