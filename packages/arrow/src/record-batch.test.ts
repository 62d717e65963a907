import { RecordBatchReader, RecordBatchStreamWriter, tableFromIPC, util, type RecordBatch } from 'apache-arrow';
import { createColumnBatch, utf8ColumnOf } from '@retail-datagen/generator-core';
import { RetailDatagenError } from '@retail-datagen/models';
import { describe, expect, it } from 'vitest';
import { arrowSchemaOf } from './arrow-schema.js';
import { ArrowConversionError } from './arrow-conversion-error.js';
import { fromRecordBatch, toRecordBatch } from './record-batch.js';
import { everyTypeBatch, everyTypeTable, generatedRows, rowsOf, smallBatch, smallTable } from './test-support/every-type-table.js';

function ipcRoundTrip(batches: RecordBatch[]): RecordBatch[] {
  const bytes = RecordBatchStreamWriter.writeAll(batches).toUint8Array(true);
  return [...RecordBatchReader.from(bytes)];
}

describe('toRecordBatch / fromRecordBatch', () => {
  it('round-trips every column type exactly, NULLs, edge values, dictionary and non-ASCII strings included', () => {
    const batch = everyTypeBatch(generatedRows(500));
    const recordBatch = toRecordBatch(batch);
    expect(recordBatch.numRows).toBe(500);
    const back = fromRecordBatch(recordBatch, everyTypeTable);
    expect(rowsOf(back)).toEqual(rowsOf(batch));
    expect(back.columns.Category).toMatchObject({ kind: 'dictionary' });
    expect(Object.keys(back.validity).sort()).toEqual(['BusinessDate', 'Category', 'Note', 'Quantity', 'Ratio', 'Refrigerated', 'SequenceNumber', 'UnitPrice']);
  });

  it('shares the buffers of UTF-8 byte columns (no re-encoding) and reads the same values back, through IPC too', () => {
    const batch = everyTypeBatch(generatedRows(300));
    const note = utf8ColumnOf(rowsOf(batch).map((row) => row[6] as string | null));
    const receiptId = utf8ColumnOf(rowsOf(batch).map((row) => row[10] as string));
    const utf8Batch = createColumnBatch(everyTypeTable, batch.length, { ...batch.columns, Note: note, ReceiptId: receiptId }, batch.validity);
    const recordBatch = toRecordBatch(utf8Batch);
    expect(recordBatch.getChild('note')?.data[0]?.values.buffer).toBe(note.bytes.buffer);
    expect(String(recordBatch.schema.fields[6]?.type)).toBe('Utf8');
    expect(rowsOf(fromRecordBatch(recordBatch, everyTypeTable))).toEqual(rowsOf(batch));
    expect(rowsOf(fromRecordBatch(ipcRoundTrip([recordBatch])[0] as RecordBatch, everyTypeTable))).toEqual(rowsOf(batch));
  });

  it('maps logical types to Arrow types readers understand, named by physical column', () => {
    const schema = toRecordBatch(everyTypeBatch(generatedRows(10))).schema;
    expect(schema.fields.map((field) => `${field.name}:${String(field.type)}:${field.nullable}`)).toEqual([
      'id:Int32:false',
      'quantity:Int32:true',
      'sequence_number:Int64:true',
      'ratio:Float64:true',
      'unit_price:Decimal[12e+2]:true',
      'refrigerated:Bool:true',
      'note:Utf8:true',
      'category:Dictionary<Int32, Utf8>:true',
      'business_date:Date32<DAY>:true',
      'event_ts:Timestamp<MILLISECOND>:false',
      'receipt_id_ext:Utf8:false',
    ]);
    expect(schema.metadata.get('retail-datagen.table')).toBe('test_every_type');
    expect(schema.fields[4]?.metadata.get('retail-datagen.type')).toBe('money');
  });

  it('gives apache-arrow readers the values themselves: strings, epoch-ms timestamps, day dates, booleans', () => {
    const rows = generatedRows(30);
    const table = tableFromIPC(RecordBatchStreamWriter.writeAll([toRecordBatch(everyTypeBatch(rows))]).toUint8Array(true));
    expect(table.getChild('receipt_id_ext')?.toArray()).toEqual(rows.map((row) => row.receiptId));
    expect(table.getChild('note')?.toArray()).toEqual(rows.map((row) => row.note));
    expect(table.getChild('category')?.toArray()).toEqual(rows.map((row) => row.category));
    expect([...(table.getChild('event_ts') ?? [])].map(Number)).toEqual(rows.map((row) => row.eventMilliseconds));
    expect([...(table.getChild('refrigerated') ?? [])]).toEqual(rows.map((row) => row.refrigerated));
    expect([...(table.getChild('sequence_number') ?? [])]).toEqual(rows.map((row) => (row.sequenceNumber === null ? null : BigInt(row.sequenceNumber))));
  });

  it('survives an IPC stream of several batches whose dictionaries differ', () => {
    const first = everyTypeBatch(generatedRows(40));
    const second = everyTypeBatch(generatedRows(40, 1_000).reverse());
    const [one, two] = ipcRoundTrip([toRecordBatch(first), toRecordBatch(second)]);
    expect(rowsOf(fromRecordBatch(one!, everyTypeTable))).toEqual(rowsOf(first));
    expect(rowsOf(fromRecordBatch(two!, everyTypeTable))).toEqual(rowsOf(second));
  });

  it('reads sliced record batches (offsets into bitmaps, booleans and string offsets)', () => {
    const rows = generatedRows(200);
    const recordBatch = toRecordBatch(everyTypeBatch(rows));
    for (const [start, end] of [[0, 1], [5, 77], [13, 200], [199, 200]] as const) {
      const slice = fromRecordBatch(recordBatch.slice(start, end), everyTypeTable);
      expect(rowsOf(slice)).toEqual(rowsOf(everyTypeBatch(rows.slice(start, end))));
    }
  });

  it('expands dictionaries to Utf8 on request, so every batch of a table has one schema', () => {
    const dictionary = toRecordBatch(everyTypeBatch(generatedRows(20)), { strings: 'utf8' });
    const plain = toRecordBatch(everyTypeBatch(generatedRows(20), { plainCategory: true }));
    expect(util.compareSchemas(dictionary.schema, plain.schema)).toBe(true);
    expect(util.compareSchemas(dictionary.schema, arrowSchemaOf(everyTypeTable))).toBe(true);
    expect(util.compareSchemas(toRecordBatch(everyTypeBatch(generatedRows(20))).schema, plain.schema)).toBe(false);
    expect(rowsOf(fromRecordBatch(dictionary, everyTypeTable))).toEqual(rowsOf(everyTypeBatch(generatedRows(20))));
  });

  it('handles empty batches and all-NULL columns', () => {
    expect(fromRecordBatch(toRecordBatch(everyTypeBatch([])), everyTypeTable).length).toBe(0);
    const rows = generatedRows(8).map((row) => ({ ...row, quantity: null, note: null, category: null }));
    expect(rowsOf(fromRecordBatch(toRecordBatch(everyTypeBatch(rows)), everyTypeTable))).toEqual(rowsOf(everyTypeBatch(rows)));
    expect(rowsOf(fromRecordBatch(toRecordBatch(smallBatch(['a', 'b'])), smallTable))).toEqual([[1, 'a'], [2, 'b']]);
  });

  it('refuses values a column cannot hold exactly, naming the column and row', () => {
    const rows = generatedRows(5);
    const batch = everyTypeBatch(rows);
    (batch.columns.UnitPrice as Float64Array)[2] = 12.5;
    expect(() => toRecordBatch(batch)).toThrow('test_every_type.unit_price: row 2 holds 12.5; expected whole cents between -999999999999 and 999999999999');
    (batch.columns.UnitPrice as Float64Array)[2] = 1e13;
    expect(() => toRecordBatch(batch)).toThrow(ArrowConversionError);
    const timestamps = everyTypeBatch(rows);
    (timestamps.columns.EventTS as Float64Array)[4] = 2 ** 60;
    expect(() => toRecordBatch(timestamps)).toThrow('test_every_type.event_ts: row 4');
    try {
      toRecordBatch(batch);
    } catch (error) {
      expect(RetailDatagenError.isInstance(error) && error.code).toBe('GENERATION_FAILURE');
    }
  });

  it('refuses a record batch that does not fit the table: missing column, other type, NULLs where not nullable', () => {
    const small = toRecordBatch(smallBatch(['a']));
    expect(() => fromRecordBatch(small, everyTypeTable)).toThrow('test_every_type.quantity: the record batch has no column quantity; its columns are id, name');
    const renamed = createColumnBatch(smallTable, 1, { ID: Int32Array.of(1), Name: ['x'] });
    expect(() => fromRecordBatch(toRecordBatch(renamed), { ...smallTable, fields: [{ ...smallTable.fields[0]!, type: 'money' }] })).toThrow(
      'test_small.id: a money field cannot be read from an Arrow Int32 column',
    );
    const nullable = toRecordBatch(everyTypeBatch(generatedRows(10)));
    const strict = { ...everyTypeTable, fields: everyTypeTable.fields.map((field) => ({ ...field, nullable: false })) };
    expect(() => fromRecordBatch(nullable, strict)).toThrow('test_every_type.quantity: 1 NULL values in a column that is not nullable');
    try {
      fromRecordBatch(small, everyTypeTable);
    } catch (error) {
      expect(ArrowConversionError.isInstance(error) && error.isUserError).toBe(true);
    }
  });
});
