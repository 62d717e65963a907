import type { z } from 'zod';
import { ConfigValidationError, type ConfigIssue } from '../errors/config-validation-error.js';
import { configSchema, type RetailConfig, type RetailConfigInput } from './config-schema.js';

/**
 * Validates a configuration object and fills in every default.
 * Throws {@link ConfigValidationError} naming the field path, the value and what is allowed.
 *
 * @example
 * ```ts
 * parseConfig({ seed: 7 }).volumes.stores; // 24
 * parseConfig({ volumes: { stores: 0 } }); // throws: config field volumes.stores: got 0; must be a whole number from 1 to 100000
 * ```
 */
export function parseConfig(input: unknown, source?: string): RetailConfig {
  const result = configSchema.safeParse(input ?? {}, { reportInput: true });
  if (result.success) return result.data;
  throw new ConfigValidationError(result.error.issues.map(toConfigIssue), source === undefined ? {} : { source });
}

/**
 * Parses configuration text (JSON). Syntax errors are reported like field errors.
 *
 * @example
 * ```ts
 * parseConfigText('{"seed": 8}', 'retail.json').seed; // 8
 * ```
 */
export function parseConfigText(text: string, source?: string): RetailConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigValidationError([{ path: '', message: `is not valid JSON (${(error as Error).message})` }], {
      ...(source === undefined ? {} : { source }),
      cause: error,
    });
  }
  return parseConfig(json, source);
}

/** The configuration with every default, as a user would write it to a file. */
export function defaultConfig(): RetailConfig {
  return parseConfig({});
}

/** Merges overrides (e.g. CLI flags) into a configuration input before validation. */
export function mergeConfigInput(base: RetailConfigInput, overrides: RetailConfigInput): RetailConfigInput {
  return deepMerge(base as Record<string, unknown>, overrides as Record<string, unknown>) as RetailConfigInput;
}

function deepMerge(base: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const current = merged[key];
    merged[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toConfigIssue(issue: z.core.$ZodIssue): ConfigIssue {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys;
    const prefix = path === '' ? '' : `${path}.`;
    return {
      path: `${prefix}${keys[0] ?? ''}`,
      message: `unknown field${keys.length > 1 ? `s ${keys.join(', ')}` : ''}; allowed here: ${allowedKeys(issue.path).join(', ')}`,
    };
  }
  const message = issue.code === 'invalid_type' ? `must be ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}` : issue.message;
  return 'input' in issue && issue.input !== undefined ? { path, message, received: issue.input } : { path, message };
}

function allowedKeys(path: readonly PropertyKey[]): string[] {
  let shape = unwrapObject(configSchema);
  for (const key of path) {
    const next = (shape as { shape?: Record<string, unknown> } | undefined)?.shape?.[String(key)];
    shape = unwrapObject(next);
  }
  const fields = (shape as { shape?: Record<string, unknown> } | undefined)?.shape;
  return fields ? Object.keys(fields) : [];
}

function unwrapObject(schema: unknown): unknown {
  let current = schema as { def?: { type: string; innerType?: unknown; in?: unknown; schema?: unknown }; shape?: unknown } | undefined;
  for (let depth = 0; depth < 10 && current && !current.shape; depth++) {
    const def = current.def;
    current = (def?.innerType ?? def?.in ?? def?.schema) as typeof current;
  }
  return current;
}
