import { createColumnBatch, utf8ColumnOf, type ColumnBatch, type ColumnData, type UnitResult, type UnitStates } from '@retail-datagen/generator-core';
import type { TableCatalog } from '@retail-datagen/models';

/**
 * A column batch as it crosses a thread: the table by name, typed arrays
 * transferred, not copied. Plain string columns of unit results travel as
 * UTF-8 bytes (Utf8Column, Arrow's Utf8 layout), so they are transferred too
 * and the receiving thread builds no strings.
 */
export interface WireBatch {
  readonly table: string;
  readonly length: number;
  readonly columns: Readonly<Record<string, ColumnData>>;
  readonly validity: Readonly<Record<string, Uint8Array>>;
}

/** A unit's result as it crosses a thread. */
export interface WireUnitResult {
  readonly partition: number;
  readonly batches: readonly WireBatch[];
  readonly summaries: Readonly<Record<string, unknown>>;
  readonly states: UnitStates;
}

/**
 * `strings: 'utf8'` encodes plain string arrays as UTF-8 bytes (what unit
 * results do); `as-is` keeps every column as it is (the dimension batches a
 * worker's generators read).
 */
export function toWireBatch(batch: ColumnBatch, strings: 'utf8' | 'as-is' = 'as-is'): WireBatch {
  if (strings === 'as-is') return { table: batch.table.name, length: batch.length, columns: batch.columns, validity: batch.validity };
  const columns: Record<string, ColumnData> = {};
  for (const [name, column] of Object.entries(batch.columns)) {
    columns[name] = Array.isArray(column) ? utf8ColumnOf(column as readonly (string | null)[]) : column;
  }
  return { table: batch.table.name, length: batch.length, columns, validity: batch.validity };
}

/** Rebuilds a batch against the run's catalog (checks every column against the definition). */
export function fromWireBatch(wire: WireBatch, catalog: TableCatalog): ColumnBatch {
  return createColumnBatch(catalog.get(wire.table), wire.length, { ...wire.columns }, { ...wire.validity });
}

export function toWireUnitResult(result: UnitResult, states: UnitStates): WireUnitResult {
  return { partition: result.partition, batches: result.batches.map((batch) => toWireBatch(batch, 'utf8')), summaries: Object.fromEntries(result.summaries), states };
}

export function fromWireUnitResult(wire: WireUnitResult, catalog: TableCatalog): UnitResult {
  return { partition: wire.partition, batches: wire.batches.map((batch) => fromWireBatch(batch, catalog)), summaries: new Map(Object.entries(wire.summaries)) };
}

/**
 * The ArrayBuffers behind every typed array in a value (objects, arrays,
 * maps), each once: the transfer list that moves them to another thread
 * instead of copying. Arrays of strings or numbers are not walked.
 *
 * @example
 * ```ts
 * port.postMessage(result, transferablesOf(result));
 * ```
 */
export function transferablesOf(value: unknown): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const seen = new Set<object>();
  const visit = (item: unknown): void => {
    if (item === null || typeof item !== 'object' || seen.has(item)) return;
    seen.add(item);
    if (ArrayBuffer.isView(item)) {
      if (item.buffer instanceof ArrayBuffer && item.buffer.byteLength > 0) buffers.add(item.buffer);
      return;
    }
    if (item instanceof ArrayBuffer) {
      buffers.add(item);
      return;
    }
    if (Array.isArray(item)) {
      if (item.length > 0 && typeof item[0] !== 'object') return;
      for (const element of item) visit(element);
      return;
    }
    if (item instanceof Map) {
      for (const element of item.values()) visit(element);
      return;
    }
    for (const key of Object.keys(item)) visit((item as Record<string, unknown>)[key]);
  };
  visit(value);
  return [...buffers];
}
