import { RetailDatagenError } from './retail-datagen-error.js';

/** One problem found in a configuration: where, what was given, what is allowed. */
export interface ConfigIssue {
  /** Dotted path of the field, e.g. `volumes.stores`. Empty for the whole document. */
  path: string;
  /** What was wrong and what is allowed. */
  message: string;
  /** The value that was given, when there was one. */
  received?: unknown;
}

/**
 * Thrown when a configuration does not validate. The message names the first
 * field, the bad value and what is allowed; `issues` holds all of them.
 *
 * @example
 * ```ts
 * // config: { "volumes": { "stores": -3 } }
 * // -> ConfigValidationError: config field volumes.stores: got -3; must be an integer >= 1
 * ```
 */
export class ConfigValidationError extends RetailDatagenError {
  readonly issues: readonly ConfigIssue[];
  readonly source: string | undefined;

  constructor(issues: readonly ConfigIssue[], options: { source?: string; cause?: unknown } = {}) {
    super({ code: 'USER_CONFIG_INVALID', message: formatIssues(issues, options.source), cause: options.cause });
    this.name = 'ConfigValidationError';
    this.issues = issues;
    this.source = options.source;
  }
}

function formatIssues(issues: readonly ConfigIssue[], source: string | undefined): string {
  const where = source ? ` in ${source}` : '';
  const first = issues[0];
  if (!first) return `invalid config${where}`;
  const field = first.path === '' ? 'config' : `config field ${first.path}`;
  const got = 'received' in first ? `got ${describeValue(first.received)}; ` : '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return `${field}${where}: ${got}${first.message}${more}`;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return String(value);
  }
}
