import { createColumnBatch, type ColumnBatch } from '@retail-datagen/generator-core';
import { defineTable } from '@retail-datagen/models';

/** One field of each logical type, nullable and not, and a column-name override. */
export const everyTypeTable = defineTable({
  name: 'TestEveryType',
  kind: 'fact',
  description: 'One field of each column type, for storage tests.',
  primaryKey: ['ID'],
  fields: [
    { name: 'ID', type: 'int32' },
    { name: 'Quantity', type: 'int32', nullable: true },
    { name: 'SequenceNumber', type: 'int64', nullable: true },
    { name: 'Ratio', type: 'float64', nullable: true },
    { name: 'UnitPrice', type: 'money', nullable: true },
    { name: 'Refrigerated', type: 'boolean', nullable: true },
    { name: 'Note', type: 'string', nullable: true },
    { name: 'Category', type: 'string' },
    { name: 'BusinessDate', type: 'date', nullable: true },
    { name: 'EventTS', type: 'timestamp', nullable: true },
    { name: 'ReceiptId', type: 'string', column: 'receipt_id_ext' },
  ],
});

/** A second, smaller table for multi-table tests. */
export const smallTable = defineTable({
  name: 'TestSmall',
  kind: 'dimension',
  description: 'Two columns, for multi-table tests.',
  primaryKey: ['ID'],
  fields: [
    { name: 'ID', type: 'int32' },
    { name: 'Name', type: 'string' },
  ],
});

export interface EveryTypeRow {
  id: number;
  quantity: number | null;
  sequenceNumber: number | null;
  ratio: number | null;
  unitPriceCents: number | null;
  refrigerated: boolean | null;
  note: string | null;
  category: string;
  businessDate: number | null;
  eventMilliseconds: number | null;
  receiptId: string;
}

/** Builds a batch of {@link everyTypeTable} from rows; strings of `Category` are dictionary-encoded. */
export function everyTypeBatch(rows: readonly EveryTypeRow[]): ColumnBatch {
  const length = rows.length;
  const mask = (pick: (row: EveryTypeRow) => unknown) => Uint8Array.from(rows, (row) => (pick(row) === null ? 0 : 1));
  const dictionary = [...new Set(rows.map((row) => row.category))];
  return createColumnBatch(
    everyTypeTable,
    length,
    {
      ID: Int32Array.from(rows, (row) => row.id),
      Quantity: Int32Array.from(rows, (row) => row.quantity ?? 0),
      SequenceNumber: Float64Array.from(rows, (row) => row.sequenceNumber ?? 0),
      Ratio: Float64Array.from(rows, (row) => row.ratio ?? 0),
      UnitPrice: Float64Array.from(rows, (row) => row.unitPriceCents ?? 0),
      Refrigerated: Uint8Array.from(rows, (row) => (row.refrigerated ? 1 : 0)),
      Note: rows.map((row) => row.note),
      Category: { kind: 'dictionary', dictionary, codes: Int32Array.from(rows, (row) => dictionary.indexOf(row.category)) },
      BusinessDate: Int32Array.from(rows, (row) => row.businessDate ?? 0),
      EventTS: Float64Array.from(rows, (row) => row.eventMilliseconds ?? 0),
      ReceiptId: rows.map((row) => row.receiptId),
    },
    {
      Quantity: mask((row) => row.quantity),
      SequenceNumber: mask((row) => row.sequenceNumber),
      Ratio: mask((row) => row.ratio),
      UnitPrice: mask((row) => row.unitPriceCents),
      Refrigerated: mask((row) => row.refrigerated),
      BusinessDate: mask((row) => row.businessDate),
      EventTS: mask((row) => row.eventMilliseconds),
    },
  );
}

/** `count` generated rows, every seventh value NULL where the field allows it. */
export function generatedRows(count: number, start = 0): EveryTypeRow[] {
  return Array.from({ length: count }, (_, index) => {
    const id = start + index;
    const isNull = id % 7 === 3;
    return {
      id,
      quantity: isNull ? null : id % 100,
      sequenceNumber: isNull ? null : id * 1_000_003,
      ratio: isNull ? null : id / 8,
      unitPriceCents: isNull ? null : (id * 37) % 100_000 - 5_000,
      refrigerated: isNull ? null : id % 2 === 0,
      note: isNull ? null : `note ${id}`,
      category: ['GROCERY', 'DAIRY', 'FROZEN'][id % 3] as string,
      businessDate: isNull ? null : 19_723 + (id % 365),
      eventMilliseconds: isNull ? null : Date.UTC(2024, 0, 1) + id * 1_234,
      receiptId: `R${String(id).padStart(8, '0')}`,
    };
  });
}

/** Rows of {@link smallTable}, one per name, ids from `firstId`. */
export function smallBatch(names: readonly string[], firstId = 1): ColumnBatch {
  return createColumnBatch(smallTable, names.length, {
    ID: Int32Array.from(names, (_, index) => firstId + index),
    Name: [...names],
  });
}
