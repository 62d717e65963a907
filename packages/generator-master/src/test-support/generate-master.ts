import { createGeneratorRegistry, runMasterPhase, stringAt, type ColumnBatch, type StringColumn } from '@retail-datagen/generator-core';
import { parseConfig, type RetailConfigInput } from '@retail-datagen/models';
import { master } from '../master-generator.js';

/** Runs the master phase with only the master generator. */
export async function generateMaster(input: RetailConfigInput = {}): Promise<Map<string, ColumnBatch>> {
  return runMasterPhase(createGeneratorRegistry({ master }), parseConfig(input));
}

/** The batch of a table, failing the test when it is missing. */
export function batchOf(tables: ReadonlyMap<string, ColumnBatch>, table: string): ColumnBatch {
  const batch = tables.get(table);
  if (!batch) throw new Error(`no batch for ${table}`);
  return batch;
}

export function int32(batch: ColumnBatch, field: string): Int32Array {
  const column = batch.columns[field];
  if (!(column instanceof Int32Array)) throw new Error(`${batch.table.name}.${field} is not an Int32Array`);
  return column;
}

export function float64(batch: ColumnBatch, field: string): Float64Array {
  const column = batch.columns[field];
  if (!(column instanceof Float64Array)) throw new Error(`${batch.table.name}.${field} is not a Float64Array`);
  return column;
}

export function uint8(batch: ColumnBatch, field: string): Uint8Array {
  const column = batch.columns[field];
  if (!(column instanceof Uint8Array)) throw new Error(`${batch.table.name}.${field} is not a Uint8Array`);
  return column;
}

/** Every value of a string column, decoded. */
export function strings(batch: ColumnBatch, field: string): (string | null)[] {
  const column = batch.columns[field];
  if (column === undefined || column instanceof Int32Array || column instanceof Float64Array || column instanceof Uint8Array) {
    throw new Error(`${batch.table.name}.${field} is not a string column`);
  }
  return Array.from({ length: batch.length }, (_, row) => stringAt(column as StringColumn, row));
}
