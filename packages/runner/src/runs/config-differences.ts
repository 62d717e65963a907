/**
 * The fields whose values differ between two JSON-like values, as dotted
 * paths with both values, in a stable order: what a resume names when it
 * refuses a changed config.
 *
 * @example
 * ```ts
 * configDifferences({ seed: 5, volumes: { stores: 24 } }, { seed: 6, volumes: { stores: 24 } });
 * // [{ field: 'seed', before: 5, after: 6 }]
 * ```
 */
export function configDifferences(before: unknown, after: unknown, path = ''): ConfigDifference[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => configDifferences(before[key], after[key], path === '' ? key : `${path}.${key}`));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((item, index) => configDifferences(item, after[index], `${path}[${index}]`));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ field: path === '' ? '(the whole value)' : path, before, after }];
}

/**
 * One field that differs (see {@link configDifferences}).
 *
 * @example
 * ```ts
 * const difference: ConfigDifference = { field: 'volumes.stores', before: 24, after: 30 };
 * ```
 */
export interface ConfigDifference {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * `field (before -> after)` for each difference, comma-separated.
 *
 * @example
 * ```ts
 * formatDifferences([{ field: 'seed', before: 5, after: 6 }]); // 'seed (5 -> 6)'
 * ```
 */
export function formatDifferences(differences: readonly ConfigDifference[]): string {
  const show = (value: unknown) => (value === undefined ? 'unset' : JSON.stringify(value));
  return differences.map(({ field, before, after }) => `${field} (${show(before)} -> ${show(after)})`).join(', ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
