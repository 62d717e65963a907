/**
 * A value that survives `JSON.stringify` and `JSON.parse` unchanged: what
 * checkpoint data and alert context may hold, so saved progress restores.
 *
 * @example
 * ```ts
 * const data: JsonValue = { dayNumber: 19_800, stores: [1, 2, 3], note: null };
 * ```
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
