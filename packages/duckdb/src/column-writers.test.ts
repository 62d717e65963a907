import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { carriedHigh } from './column-writers.js';
import { utf8ColumnOf, type ColumnBatch } from '@retail-datagen/generator-core';
import { openStore, type DuckDBStore } from './duckdb-store.js';
import { everyTypeBatch, everyTypeTable, generatedRows } from './test-support/every-type-table.js';

/** A valid batch of three rows with one column's values replaced. */
function withColumn(field: string, values: ColumnBatch['columns'][string]): ColumnBatch {
  const batch = everyTypeBatch(generatedRows(3));
  return { ...batch, columns: { ...batch.columns, [field]: values } };
}

describe('column writers', () => {
  let store: DuckDBStore;
  beforeEach(async () => {
    store = await openStore(':memory:');
    await store.createTables([everyTypeTable]);
  });
  afterEach(() => store.close());

  it.each([
    ['UnitPrice', Float64Array.of(1, 0.5, 2), /unit_price row 1: got 0\.5; expected whole cents/],
    ['UnitPrice', Float64Array.of(1, 2, 1e12), /unit_price row 2: got 1000000000000; expected whole cents between -999999999999 and 999999999999/],
    ['UnitPrice', Float64Array.of(Number.NaN, 1, 2), /unit_price row 0: got NaN/],
    ['EventTS', Float64Array.of(0, 1.5, 2), /event_ts row 1: got 1\.5; expected whole milliseconds/],
    ['SequenceNumber', Float64Array.of(2 ** 53, 1, 2), /sequence_number row 0: got 9007199254740992; expected an integer/],
    ['Category', { kind: 'dictionary', dictionary: ['A'], codes: Int32Array.of(0, 1, 0) }, /category row 1: got 1; expected a dictionary code below 1/],
  ] as const)('refuses a value %s cannot store exactly', async (field, values, message) => {
    await expect(store.appendBatch(withColumn(field, values))).rejects.toThrow(message);
    expect(await store.rowCounts([everyTypeTable])).toEqual(new Map([['test_every_type', 0]]));
  });

  it('honours a validity mask on a string column and stores booleans from any non-zero byte', async () => {
    const batch = everyTypeBatch(generatedRows(3));
    await store.appendBatch({
      ...batch,
      columns: { ...batch.columns, Refrigerated: Uint8Array.of(0, 1, 255) },
      validity: { ...batch.validity, Refrigerated: Uint8Array.of(1, 1, 1), Note: Uint8Array.of(1, 0, 1) },
    });
    expect(await store.query('SELECT refrigerated, note FROM test_every_type ORDER BY id')).toEqual([
      { refrigerated: false, note: 'note 0' },
      { refrigerated: true, note: null },
      { refrigerated: true, note: 'note 2' },
    ]);
  });

  it('stores the extreme values of int32, int64 and float64', async () => {
    const batch = everyTypeBatch(generatedRows(3));
    await store.appendBatch({
      ...batch,
      columns: {
        ...batch.columns,
        Quantity: Int32Array.of(-(2 ** 31), 2 ** 31 - 1, 0),
        SequenceNumber: Float64Array.of(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 0),
        Ratio: Float64Array.of(Number.MAX_VALUE, 5e-324, -0.1),
      },
      validity: {},
    });
    expect(await store.query('SELECT quantity, sequence_number, ratio FROM test_every_type ORDER BY id')).toEqual([
      { quantity: -(2 ** 31), sequence_number: BigInt(Number.MAX_SAFE_INTEGER), ratio: Number.MAX_VALUE },
      { quantity: 2 ** 31 - 1, sequence_number: -BigInt(Number.MAX_SAFE_INTEGER), ratio: 5e-324 },
      { quantity: 0, sequence_number: 0n, ratio: -0.1 },
    ]);
  });
});

describe('bulk column writes', () => {
  let store: DuckDBStore;
  beforeEach(async () => {
    store = await openStore(':memory:');
    await store.createTables([everyTypeTable]);
  });
  afterEach(() => store.close());

  it('stores strings inline up to 12 UTF-8 bytes and through the string heap beyond, in arrays and dictionaries', async () => {
    const notes = ['', 'abcdefghijkl', 'abcdefghijklm', 'éééééé', 'ééééééé', 'a', null, 'R00017-20241129-00042'];
    const categories = ['twelve bytes', 'thirteen byte', 'ü', 'x'];
    const batch = everyTypeBatch(generatedRows(notes.length));
    await store.appendBatch({
      ...batch,
      columns: {
        ...batch.columns,
        Note: notes,
        Category: { kind: 'dictionary', dictionary: categories, codes: Int32Array.from(notes, (_, row) => row % categories.length) },
      },
    });
    const rows = await store.query('SELECT note, category, strlen(note) AS bytes FROM test_every_type ORDER BY id');
    expect(rows.map((row) => row.note)).toEqual(notes);
    expect(rows.map((row) => row.category)).toEqual(notes.map((_, row) => categories[row % categories.length]));
    expect(rows.map((row) => row.bytes)).toEqual([0n, 12n, 13n, 12n, 14n, 1n, null, 21n]);
    expect(await store.query("SELECT count(*)::INTEGER AS n FROM test_every_type WHERE note = 'abcdefghijkl' OR note LIKE 'é%'")).toEqual([{ n: 3 }]);
  });

  it('stores negative and pre-1970 64-bit values exactly, and NULLs in every nullable type', async () => {
    const batch = everyTypeBatch(generatedRows(4));
    await store.appendBatch({
      ...batch,
      columns: {
        ...batch.columns,
        UnitPrice: Float64Array.of(-1, -999_999_999_999, 4_294_967_296, 0),
        EventTS: Float64Array.of(-1, Date.UTC(1900, 0, 1, 0, 0, 0, 1), Date.UTC(2024, 11, 25, 23, 59, 59, 999), 0),
        SequenceNumber: Float64Array.of(-4_294_967_297, 4_294_967_296, -1, 0),
        Quantity: Int32Array.of(-5, 0, 7, 0),
      },
      validity: Object.fromEntries(['Quantity', 'SequenceNumber', 'Ratio', 'UnitPrice', 'Refrigerated', 'BusinessDate', 'EventTS'].map((name) => [name, Uint8Array.of(1, 1, 1, 0)])),
    });
    const rows = await store.query(
      'SELECT CAST(unit_price AS VARCHAR) AS price, CAST(event_ts AS VARCHAR) AS ts, sequence_number, quantity, ratio, refrigerated, business_date FROM test_every_type ORDER BY id',
    );
    expect(rows.map((row) => row.price)).toEqual(['-0.01', '-9999999999.99', '42949672.96', null]);
    expect(rows.map((row) => row.ts)).toEqual(['1969-12-31 23:59:59.999', '1900-01-01 00:00:00.001', '2024-12-25 23:59:59.999', null]);
    expect(rows.map((row) => row.sequence_number)).toEqual([-4_294_967_297n, 4_294_967_296n, -1n, null]);
    expect(rows.map((row) => row.quantity)).toEqual([-5, 0, 7, null]);
    expect(rows[3]).toMatchObject({ ratio: null, refrigerated: null, business_date: null });
  });
});

describe('repeated long dictionary strings', () => {
  it('stores every row of a dictionary column whose long entries (ASCII and multi-byte UTF-8) repeat within and across data chunks, with NULLs', async () => {
    const store = await openStore(':memory:');
    try {
      await store.createTables([everyTypeTable]);
      const rows = 5_000;
      // Long entries of plain ASCII, and of multi-byte UTF-8 (whose 4-byte prefix ends inside a character).
      const dictionary = ['short', 'ünï', ...Array.from({ length: 7 }, (_, index) => `a long dictionary entry number ${index}`), 'aaaü long entry ✓ with accents: é è ê', '✓✓✓✓✓'];
      const codes = Int32Array.from({ length: rows }, (_, row) => (row % 11 === 0 ? -1 : (row * 7) % dictionary.length));
      const batch = everyTypeBatch(generatedRows(rows));
      await store.appendBatch({ ...batch, columns: { ...batch.columns, Note: { kind: 'dictionary', dictionary, codes } } });
      const stored = await store.query('SELECT note FROM test_every_type ORDER BY id');
      expect(stored.map((row) => row.note)).toEqual(Array.from(codes, (code) => (code < 0 ? null : dictionary[code])));
    } finally {
      store.close();
    }
  });
});

describe('repeated long strings in a plain array', () => {
  it('stores every row when long values repeat on the rows after them, across data chunks, between short values and NULLs', async () => {
    const store = await openStore(':memory:');
    try {
      await store.createTables([everyTypeTable]);
      const rows = 5_000;
      // Runs of 1 to 5 rows share a long id (a receipt id on its lines); some rows are short or NULL in between.
      const values = Array.from({ length: rows }, (_, row) => {
        if (row % 13 === 0) return null;
        if (row % 17 === 0) return `s${row % 10}`;
        return `R00017-20241129-${String(Math.floor(row / (1 + (row % 5)))).padStart(5, '0')}`;
      });
      const batch = everyTypeBatch(generatedRows(rows));
      await store.appendBatch({ ...batch, columns: { ...batch.columns, Note: values } });
      const stored = await store.query('SELECT note FROM test_every_type ORDER BY id');
      expect(stored.map((row) => row.note)).toEqual(values);
    } finally {
      store.close();
    }
  });
});

describe('UTF-8 byte columns (Utf8Column)', () => {
  it('stores the same text as plain strings: inline and heap lengths, Unicode, NULLs, long repeats, across chunks and batches', async () => {
    const store = await openStore(':memory:');
    try {
      await store.createTables([everyTypeTable]);
      const rows = 5_000;
      const values = Array.from({ length: rows }, (_, row) => {
        if (row % 13 === 0) return null;
        if (row % 17 === 0) return ['', 'abcdefghijkl', 'éééééé', 'ééééééé', '東京'][row % 5] as string;
        // Long values repeat on the following rows, as a receipt id does on its lines; equal lengths, different bytes.
        return `R00017-20241129-${String(Math.floor(row / (1 + (row % 5)))).padStart(5, '0')}`;
      });
      const batchOf = (from: number, to: number) => {
        const part = everyTypeBatch(generatedRows(to - from, from));
        return { ...part, columns: { ...part.columns, Note: utf8ColumnOf(values.slice(from, to)) } };
      };
      await store.appendBatches([batchOf(0, 3), batchOf(3, 2_050), batchOf(2_050, rows)]);
      const stored = await store.query('SELECT note FROM test_every_type ORDER BY id');
      expect(stored.map((row) => row.note)).toEqual(values);
    } finally {
      store.close();
    }
  });
});

describe('heap pointers of long strings', () => {
  // Low and high words as DuckDB's string slots hold them, read as signed 32-bit integers.
  it.each([
    ['no carry', 0x1000, 0x10, 7, 7],
    ['carry out of an all-ones low word', -1, 1, 7, 8],
    ['carry from a low word over 2^31', -10, 100, 7, 8],
    ['no carry across the sign bit', 0x7fff_ffff, 1, 7, 7],
    ['no carry just below 2^32', -2, 1, 7, 7],
    ['the high word wraps', -1, 1, -1, 0],
  ])('%s', (_case, low, add, high, expected) => {
    const sumLow = (low + add) | 0;
    expect(carriedHigh(low, sumLow, high)).toBe(expected);
    // The same pointer computed with unsigned 64-bit arithmetic.
    const pointer = (BigInt.asUintN(32, BigInt(high)) << 32n) + BigInt.asUintN(32, BigInt(low)) + BigInt(add);
    expect(BigInt.asUintN(64, pointer) >> 32n).toBe(BigInt.asUintN(32, BigInt(expected)));
    expect(BigInt.asUintN(32, pointer)).toBe(BigInt.asUintN(32, BigInt(sumLow)));
  });
});
