import { createColumnBatch, stringAt, type ColumnBatch, type StringColumn } from '@retail-datagen/generator-core';
import { defineTable } from '@retail-datagen/models';

/** One field of each logical type, nullable and not, a dictionary string and a column-name override. */
export const everyTypeTable = defineTable({
  name: 'TestEveryType',
  kind: 'fact',
  description: 'One field of each column type, for conversion tests.',
  primaryKey: ['ID'],
  fields: [
    { name: 'ID', type: 'int32' },
    { name: 'Quantity', type: 'int32', nullable: true },
    { name: 'SequenceNumber', type: 'int64', nullable: true },
    { name: 'Ratio', type: 'float64', nullable: true },
    { name: 'UnitPrice', type: 'money', nullable: true },
    { name: 'Refrigerated', type: 'boolean', nullable: true },
    { name: 'Note', type: 'string', nullable: true },
    { name: 'Category', type: 'string', nullable: true },
    { name: 'BusinessDate', type: 'date', nullable: true },
    { name: 'EventTS', type: 'timestamp' },
    { name: 'ReceiptId', type: 'string', column: 'receipt_id_ext' },
  ],
});

/** A dimension-like table without timestamps: written unpartitioned. */
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
  category: string | null;
  businessDate: number | null;
  eventMilliseconds: number;
  receiptId: string;
}

const categories = ['GROCERY', 'DAIRY', 'FROZEN', 'Crème brûlée', ''];
const notes = ['plain', 'comma, "quoted"\nnew line', 'héllo 東京 🍕', '', 'NULL', ' padded '];
const dayMilliseconds = 86_400_000;

/** `count` rows with awkward values: every seventh nullable value NULL, edge numbers, non-ASCII and CSV-hostile strings, three days of timestamps. */
export function generatedRows(count: number, start = 0): EveryTypeRow[] {
  return Array.from({ length: count }, (_, index) => {
    const id = start + index;
    const isNull = id % 7 === 3;
    const edges = [0, -1, 2 ** 31 - 1, -(2 ** 31)];
    return {
      id,
      quantity: isNull ? null : id % 11 === 0 ? (edges[id % 4] as number) : id % 100,
      sequenceNumber: isNull ? null : id % 13 === 0 ? (id % 2 === 0 ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER) : id * 1_000_003 - 77,
      ratio: isNull ? null : id % 17 === 0 ? 1e300 : id / 8 - 3.3,
      unitPriceCents: isNull ? null : id % 19 === 0 ? (id % 2 === 0 ? 999_999_999_999 : -999_999_999_999) : ((id * 37) % 100_000) - 5_000,
      refrigerated: isNull ? null : id % 2 === 0,
      note: isNull ? null : `${notes[id % notes.length]}${id}`,
      category: id % 9 === 4 ? null : (categories[id % categories.length] as string),
      businessDate: isNull ? null : id % 23 === 0 ? -400 : 19_723 + (id % 365),
      eventMilliseconds: Date.UTC(2024, 0, 1) + (id % 3) * dayMilliseconds + ((id * 1_234_567) % dayMilliseconds),
      receiptId: `R${String(id).padStart(8, '0')}`,
    };
  });
}

/** Builds a batch of {@link everyTypeTable}; `Category` is dictionary-encoded unless `plainCategory`. */
export function everyTypeBatch(rows: readonly EveryTypeRow[], options: { plainCategory?: boolean } = {}): ColumnBatch {
  const length = rows.length;
  const mask = (pick: (row: EveryTypeRow) => unknown) => Uint8Array.from(rows, (row) => (pick(row) === null ? 0 : 1));
  const dictionary = [...new Set(rows.map((row) => row.category).filter((category): category is string => category !== null))];
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
      Category: options.plainCategory
        ? rows.map((row) => row.category)
        : { kind: 'dictionary', dictionary, codes: Int32Array.from(rows, (row) => (row.category === null ? -1 : dictionary.indexOf(row.category))) },
      BusinessDate: Int32Array.from(rows, (row) => row.businessDate ?? 0),
      EventTS: Float64Array.from(rows, (row) => row.eventMilliseconds),
      ReceiptId: rows.map((row) => row.receiptId),
    },
    {
      Quantity: mask((row) => row.quantity),
      SequenceNumber: mask((row) => row.sequenceNumber),
      Ratio: mask((row) => row.ratio),
      UnitPrice: mask((row) => row.unitPriceCents),
      Refrigerated: mask((row) => row.refrigerated),
      BusinessDate: mask((row) => row.businessDate),
    },
  );
}

/** Rows of {@link smallTable}, one per name, ids from `firstId`. */
export function smallBatch(names: readonly string[], firstId = 1): ColumnBatch {
  return createColumnBatch(smallTable, names.length, {
    ID: Int32Array.from(names, (_, index) => firstId + index),
    Name: [...names],
  });
}

/** The rows of a batch as plain values (NULL as null), for comparisons. */
export function rowsOf(batch: ColumnBatch): unknown[][] {
  const rows: unknown[][] = [];
  for (let row = 0; row < batch.length; row++) {
    rows.push(
      batch.table.fields.map((field) => {
        const mask = batch.validity[field.name];
        if (mask && mask[row] === 0) return null;
        const column = batch.columns[field.name];
        if (column !== undefined && (Array.isArray(column) || 'kind' in column)) return stringAt(column as StringColumn, row);
        return (column as ArrayLike<number>)[row];
      }),
    );
  }
  return rows;
}
