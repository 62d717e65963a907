import { createColumnBatch, tableRows, utf8ColumnOf, type ColumnBatch, type DictionaryColumn, type Utf8Column } from '@retail-datagen/generator-core';
import { defineTable } from '@retail-datagen/models';
import { describe, expect, it } from 'vitest';
import { rebatch } from './rebatch.js';

const lines = defineTable({
  name: 'FactLines',
  kind: 'fact',
  description: 'test lines: one column of each in-memory shape',
  primaryKey: ['Id'],
  fields: [
    { name: 'Id', type: 'int32' },
    { name: 'Amount', type: 'money', nullable: true },
    { name: 'Flag', type: 'boolean' },
    { name: 'Code', type: 'string', nullable: true },
    { name: 'Label', type: 'string' },
  ],
});

const moves = defineTable({
  name: 'FactMoves',
  kind: 'fact',
  description: 'test moves',
  primaryKey: ['Id'],
  fields: [
    { name: 'Id', type: 'int32' },
    { name: 'At', type: 'timestamp' },
  ],
});

const codeDictionary = ['A', 'B', 'C'] as const;

interface LinesShape {
  /** How `Code` is held: plain values, dictionary-encoded over `dictionary`, or UTF-8 bytes. */
  readonly code?: 'plain' | 'dictionary' | 'utf8';
  readonly dictionary?: readonly string[];
  /** Whether `Amount` carries a validity mask (NULL every fifth row). */
  readonly amountMask?: boolean;
}

/** Rows `first..first+count-1` of FactLines; every value derives from the row id. */
function linesBatch(first: number, count: number, shape: LinesShape = {}): ColumnBatch {
  const ids = Int32Array.from({ length: count }, (_, index) => first + index);
  const codes = Int32Array.from(ids, (id) => (id % 7 === 0 ? -1 : id % 3));
  const dictionary = shape.dictionary ?? [...codeDictionary];
  const values = Array.from(codes, (value) => (value < 0 ? null : (dictionary[value] as string)));
  const code = shape.code === 'dictionary' ? { kind: 'dictionary' as const, dictionary, codes } : shape.code === 'utf8' ? utf8ColumnOf(values) : values;
  const validity: Record<string, Uint8Array> = shape.amountMask ? { Amount: Uint8Array.from(ids, (id) => (id % 5 === 0 ? 0 : 1)) } : {};
  return createColumnBatch(
    lines,
    count,
    {
      Id: ids,
      Amount: Float64Array.from(ids, (id) => id * 125),
      Flag: Uint8Array.from(ids, (id) => id % 2),
      Code: code,
      Label: Array.from(ids, (id) => `L${id}`),
    },
    validity,
  );
}

function movesBatch(first: number, count: number): ColumnBatch {
  const ids = Int32Array.from({ length: count }, (_, index) => first + index);
  return createColumnBatch(moves, count, { Id: ids, At: Float64Array.from(ids, (id) => 1_700_000_000_000 + id * 60_000) });
}

const lengths = (batches: readonly ColumnBatch[]) => batches.map((batch) => batch.length);

describe('rebatch', () => {
  it('splits a large batch into target-sized views of the same buffers, the last holding the rest', () => {
    const input = linesBatch(1, 10, { code: 'dictionary', amountMask: true });
    const output = rebatch([input], 3);

    expect(lengths(output)).toEqual([3, 3, 3, 1]);
    expect(tableRows(output, lines)).toEqual(tableRows([input], lines));
    for (const batch of output) {
      // No copy: subarray views of the input's buffers, the dictionary kept as is.
      expect((batch.columns.Id as Int32Array).buffer).toBe((input.columns.Id as Int32Array).buffer);
      expect((batch.columns.Amount as Float64Array).buffer).toBe((input.columns.Amount as Float64Array).buffer);
      expect((batch.columns.Flag as Uint8Array).buffer).toBe((input.columns.Flag as Uint8Array).buffer);
      expect((batch.columns.Code as DictionaryColumn).codes.buffer).toBe((input.columns.Code as DictionaryColumn).codes.buffer);
      expect((batch.columns.Code as DictionaryColumn).dictionary).toBe((input.columns.Code as DictionaryColumn).dictionary);
      expect(batch.validity.Amount?.buffer).toBe(input.validity.Amount?.buffer);
    }
    expect(Array.from(output[3]!.columns.Id as Int32Array)).toEqual([10]);
    expect(output[3]!.validity.Amount).toEqual(Uint8Array.of(0)); // id 10 is NULL
  });

  it('merges consecutive small batches into one, keeping every row in order', () => {
    const input = [linesBatch(1, 2), linesBatch(3, 1), linesBatch(4, 4)];
    const output = rebatch(input, 1_000_000);

    expect(lengths(output)).toEqual([7]);
    expect(Array.from(output[0]!.columns.Id as Int32Array)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(tableRows(output, lines)).toEqual(tableRows(input, lines));
  });

  it('cuts every table into batches of exactly targetRows except its last, for every target', () => {
    const sizes = [5, 1, 2, 7, 0, 13, 3, 1, 1, 4];
    let first = 1;
    const input = sizes.map((size, index) => {
      const batch = linesBatch(first, size, { code: (['dictionary', 'plain', 'utf8'] as const)[index % 3], dictionary: ['Ä', 'b', 'ç✓'], amountMask: index % 4 === 0 });
      first += size;
      return batch;
    });
    const total = first - 1;
    for (let targetRows = 1; targetRows <= total + 2; targetRows++) {
      const output = rebatch(input, targetRows);
      const full = Math.floor(total / targetRows);
      const rest = total - full * targetRows;
      expect(lengths(output), `targetRows ${targetRows}`).toEqual([...Array<number>(full).fill(targetRows), ...(rest > 0 ? [rest] : [])]);
      expect(tableRows(output, lines), `targetRows ${targetRows}`).toEqual(tableRows(input, lines));
      // Cutting batches that were already cut (views, merged copies) gives the same rows again.
      expect(tableRows(rebatch(output, 4), lines), `targetRows ${targetRows}, then 4`).toEqual(tableRows(input, lines));
    }
  });

  it('gives one row per batch with targetRows 1', () => {
    const input = [linesBatch(1, 3, { code: 'dictionary' }), linesBatch(4, 2, { amountMask: true })];
    const output = rebatch(input, 1);

    expect(lengths(output)).toEqual([1, 1, 1, 1, 1]);
    expect(output.map((batch) => (batch.columns.Id as Int32Array)[0])).toEqual([1, 2, 3, 4, 5]);
    expect(tableRows(output, lines)).toEqual(tableRows(input, lines));
  });

  it('keeps a shared dictionary and concatenates the codes when merging', () => {
    const dictionary = ['north', 'south', 'east'];
    const input = [linesBatch(1, 4, { code: 'dictionary', dictionary }), linesBatch(5, 3, { code: 'dictionary', dictionary })];
    const output = rebatch(input, 100);

    const code = output[0]!.columns.Code as DictionaryColumn;
    expect(code.kind).toBe('dictionary');
    expect(code.dictionary).toBe(dictionary);
    expect(Array.from(code.codes)).toEqual([1, 2, 0, 1, 2, 0, -1]); // id % 3, id 7 NULL
    expect(tableRows(output, lines)).toEqual(tableRows(input, lines));
  });

  it('merges pieces with different dictionaries into one dictionary, each entry once, codes translated', () => {
    // Not the same arrays (as after a thread hop): codes of one cannot be read against the other; 'B' is in both.
    const input = [
      linesBatch(1, 3, { code: 'dictionary', dictionary: ['A', 'B', 'C'] }),
      linesBatch(4, 4, { code: 'dictionary', dictionary: ['x', 'B', 'z'] }),
      linesBatch(8, 2, { code: 'dictionary', dictionary: ['A', 'B', 'C'] }),
    ];
    const output = rebatch(input, 10);

    const code = output[0]!.columns.Code as DictionaryColumn;
    expect(code.kind).toBe('dictionary');
    expect(code.dictionary).toEqual(['A', 'B', 'C', 'x', 'z']);
    expect(tableRows(output, lines).map((row) => row.Code)).toEqual(['B', 'C', 'A', 'B', 'z', 'x', null, 'C', 'A']);
    expect(tableRows(output, lines)).toEqual(tableRows(input, lines));
  });

  it('with merge: false only cuts batches above the size, into views, and passes smaller ones as they are', () => {
    const small = linesBatch(1, 3, { code: 'utf8' });
    const large = linesBatch(4, 8, { code: 'dictionary' });
    const other = movesBatch(1, 2);
    const input = [small, other, large, linesBatch(12, 0)];
    const output = rebatch(input, 3, { merge: false });

    expect(output.map((batch) => `${batch.table.name}:${batch.length}`)).toEqual(['fact_lines:3', 'fact_moves:2', 'fact_lines:3', 'fact_lines:3', 'fact_lines:2']);
    expect(output[0]).toBe(small);
    expect(output[1]).toBe(other);
    expect((output[2]!.columns.Id as Int32Array).buffer).toBe((large.columns.Id as Int32Array).buffer);
    expect(tableRows(output, lines)).toEqual(tableRows(input, lines));
  });

  it('decodes into plain strings when plain and dictionary pieces are merged', () => {
    const input = [linesBatch(1, 2, { code: 'plain' }), linesBatch(3, 3, { code: 'dictionary' }), linesBatch(6, 2, { code: 'plain' })];
    const output = rebatch(input, 7);

    expect(output[0]!.columns.Code).toEqual(['B', 'C', 'A', 'B', 'C', 'A', null]);
    expect(output[0]!.columns.Label).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7']);
    expect(tableRows(output, lines)).toEqual(tableRows(input, lines));
  });

  it('splits a UTF-8 column into views of its offsets over the same bytes', () => {
    const input = linesBatch(1, 8, { code: 'utf8', dictionary: ['Ä', 'b', 'ç✓'] });
    const output = rebatch([input], 3);

    expect(lengths(output)).toEqual([3, 3, 2]);
    const whole = input.columns.Code as Utf8Column;
    for (const batch of output) {
      const code = batch.columns.Code as Utf8Column;
      expect(code.kind).toBe('utf8');
      expect(code.bytes).toBe(whole.bytes);
      expect(code.offsets.buffer).toBe(whole.offsets.buffer);
      expect(code.validity?.buffer).toBe(whole.validity?.buffer); // id 7 is NULL
    }
    expect(tableRows(output, lines).map((row) => row.Code)).toEqual(['b', 'ç✓', 'Ä', 'b', 'ç✓', 'Ä', null, 'ç✓']);
  });

  it('merges UTF-8 pieces into one UTF-8 column, encoding plain and dictionary pieces', () => {
    const dictionary = ['Ä', 'b', 'ç✓'];
    const input = [
      linesBatch(1, 3, { code: 'utf8', dictionary }),
      linesBatch(4, 4, { code: 'utf8', dictionary }), // id 7 NULL: a validity mask in this piece only
      linesBatch(8, 2, { code: 'plain', dictionary }),
      linesBatch(10, 2, { code: 'dictionary', dictionary }),
    ];
    const output = rebatch([input[0]!, input[1]!], 7);
    const merged = output[0]!.columns.Code as Utf8Column;
    expect(merged.kind).toBe('utf8');
    expect(merged.offsets[0]).toBe(0);
    expect(new TextDecoder().decode(merged.bytes)).toBe('bç✓Äbç✓Ä'); // ids 1..7; id 7 NULL holds no bytes
    expect(Array.from(merged.validity!)).toEqual([1, 1, 1, 1, 1, 1, 0]);

    const mixed = rebatch(input, 11);
    expect((mixed[0]!.columns.Code as Utf8Column).kind).toBe('utf8');
    expect(tableRows(mixed, lines).map((row) => row.Code)).toEqual(['b', 'ç✓', 'Ä', 'b', 'ç✓', 'Ä', null, 'ç✓', 'Ä', 'b', 'ç✓']);
    expect(tableRows(mixed, lines)).toEqual(tableRows(input, lines));
  });

  it('marks rows of pieces without a validity mask as present when others have one', () => {
    const input = [linesBatch(1, 5, { amountMask: true }), linesBatch(6, 5), linesBatch(11, 5, { amountMask: true })];
    const output = rebatch(input, 15);

    expect(Array.from(output[0]!.validity.Amount!)).toEqual([1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
    expect(output[0]!.validity.Code).toBeUndefined();
    const amounts = tableRows(output, lines).map((row) => row.Amount);
    expect(amounts.filter((amount) => amount === null)).toHaveLength(2); // ids 5 and 15; id 10 had no mask
    expect(tableRows(output, lines)).toEqual(tableRows(input, lines));
  });

  it('groups a table interleaved with others, tables in order of first appearance', () => {
    const input = [movesBatch(1, 2), linesBatch(1, 4), movesBatch(3, 5), linesBatch(5, 3), movesBatch(8, 1), linesBatch(8, 1)];
    const output = rebatch(input, 3);

    expect(output.map((batch) => `${batch.table.name}:${batch.length}`)).toEqual(['fact_moves:3', 'fact_moves:3', 'fact_moves:2', 'fact_lines:3', 'fact_lines:3', 'fact_lines:2']);
    expect(tableRows(output, moves)).toEqual(tableRows(input, moves));
    expect(tableRows(output, lines)).toEqual(tableRows(input, lines));
  });

  it('returns a batch that is exactly one output batch as it is', () => {
    const exact = linesBatch(1, 4);
    const alone = movesBatch(1, 2);
    const output = rebatch([exact, linesBatch(5, 6), alone], 4);

    expect(output[0]).toBe(exact);
    expect(output[3]).toBe(alone); // the whole table, under targetRows
    expect(lengths(output)).toEqual([4, 4, 2, 2]);
  });

  it('drops empty batches and returns nothing for no rows', () => {
    expect(rebatch([], 10)).toEqual([]);
    expect(rebatch([linesBatch(1, 0), movesBatch(1, 0)], 10)).toEqual([]);
    const output = rebatch([linesBatch(1, 0), linesBatch(1, 2), linesBatch(3, 0), linesBatch(3, 2)], 10);
    expect(lengths(output)).toEqual([4]);
  });

  it('rejects a targetRows that is not a whole number >= 1', () => {
    for (const targetRows of [0, -5, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => rebatch([linesBatch(1, 2)], targetRows)).toThrow(/targetRows must be a whole number >= 1/);
    }
  });

  it('names the column when two batches of a table hold it in different array types', () => {
    const good = movesBatch(1, 2);
    const odd: ColumnBatch = { table: moves, length: 2, columns: { Id: Float64Array.of(3, 4), At: Float64Array.of(0, 0) }, validity: {} };
    expect(() => rebatch([good, odd], 4)).toThrow('fact_moves.Id is held as Int32Array in one batch and Float64Array in another');
  });
});
