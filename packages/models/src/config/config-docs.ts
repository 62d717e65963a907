import { configSchema } from './config-schema.js';

/** One documented configuration field: dotted path, default and description. */
export interface ConfigFieldDoc {
  path: string;
  defaultValue: unknown;
  description: string;
}

/**
 * Lists every configuration field with its default and description, read
 * from the schema itself so the docs cannot drift from the code.
 *
 * @example
 * ```ts
 * describeConfigFields().find((field) => field.path === 'seed')?.defaultValue; // 42
 * ```
 */
export function describeConfigFields(): ConfigFieldDoc[] {
  const docs: ConfigFieldDoc[] = [];
  walk(configSchema, '', docs);
  return docs;
}

interface SchemaLike {
  def: { type: string; innerType?: SchemaLike; in?: SchemaLike; defaultValue?: unknown; shape?: Record<string, SchemaLike> };
  description?: string;
  shape?: Record<string, SchemaLike>;
}

function walk(schema: unknown, path: string, docs: ConfigFieldDoc[]): void {
  let current = schema as SchemaLike;
  let description = current.description;
  let defaultValue: unknown;
  while (!current.shape && (current.def.innerType || current.def.in)) {
    if (current.def.type === 'default' && defaultValue === undefined) defaultValue = current.def.defaultValue;
    current = (current.def.innerType ?? current.def.in) as SchemaLike;
    description ??= current.description;
  }
  if (current.shape) {
    for (const [key, child] of Object.entries(current.shape)) walk(child, path === '' ? key : `${path}.${key}`, docs);
    return;
  }
  docs.push({ path, defaultValue, description: description ?? '' });
}
