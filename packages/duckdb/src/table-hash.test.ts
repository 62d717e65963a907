import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createColumnBatch } from '@retail-datagen/generator-core';
import { defineTable } from '@retail-datagen/models';
import { openStore, type DuckDBStore } from './duckdb-store.js';
import { everyTypeBatch, everyTypeTable, generatedRows, smallBatch, smallTable } from './test-support/every-type-table.js';

const pairTable = defineTable({
  name: 'TestPairs',
  kind: 'fact',
  description: 'Two nullable strings, for hash ambiguity tests.',
  primaryKey: ['ID'],
  fields: [
    { name: 'ID', type: 'int32' },
    { name: 'Left', type: 'string', nullable: true },
    { name: 'Right', type: 'string', nullable: true },
  ],
});

function pairBatch(pairs: readonly (readonly [string | null, string | null])[]) {
  return createColumnBatch(pairTable, pairs.length, {
    ID: Int32Array.from(pairs, (_, index) => index),
    Left: pairs.map((pair) => pair[0]),
    Right: pairs.map((pair) => pair[1]),
  });
}

describe('tableHash', () => {
  let store: DuckDBStore;
  beforeEach(async () => {
    store = await openStore(':memory:');
  });
  afterEach(() => store.close());

  it('is 32 hex digits and the same for the same rows inserted in another order and batching', async () => {
    const rows = generatedRows(3_000);
    await store.replaceTables([everyTypeBatch(rows)]);
    const inOrder = await store.tableHash(everyTypeTable);
    expect(inOrder).toMatch(/^[0-9a-f]{32}$/);
    const reversed = [...rows].reverse();
    await store.replaceTables([everyTypeBatch(reversed.slice(0, 1_000)), everyTypeBatch(reversed.slice(1_000))]);
    expect(await store.tableHash(everyTypeTable)).toBe(inOrder);
  });

  it('changes when one value changes, a value becomes NULL, or a row is duplicated', async () => {
    const rows = generatedRows(500);
    await store.replaceTables([everyTypeBatch(rows)]);
    const original = await store.tableHash(everyTypeTable);

    const oneCentMore = rows.map((row) => (row.id === 250 ? { ...row, unitPriceCents: (row.unitPriceCents ?? 0) + 1 } : row));
    await store.replaceTables([everyTypeBatch(oneCentMore)]);
    const changedValue = await store.tableHash(everyTypeTable);

    const oneNull = rows.map((row) => (row.id === 250 ? { ...row, note: null } : row));
    await store.replaceTables([everyTypeBatch(oneNull)]);
    const changedNull = await store.tableHash(everyTypeTable);

    await store.replaceTables([everyTypeBatch([...rows, rows[10]!])]);
    const duplicated = await store.tableHash(everyTypeTable);

    await store.replaceTables([everyTypeBatch([...rows, rows[10]!, rows[10]!])]);
    const duplicatedTwice = await store.tableHash(everyTypeTable);

    expect(new Set([original, changedValue, changedNull, duplicated, duplicatedTwice]).size).toBe(5);
  });

  it('tells apart values that would read the same when concatenated', async () => {
    const variants: (readonly [string | null, string | null])[][] = [
      [['ab', 'c']],
      [['a', 'bc']],
      [['a|1:b', null]],
      [['a', '1:b']],
      [[null, '']],
      [['', null]],
      [['-', '']],
      [['NULL', '']],
    ];
    const hashes = [];
    for (const pairs of variants) {
      await store.replaceTables([pairBatch(pairs)]);
      hashes.push(await store.tableHash(pairTable));
    }
    expect(new Set(hashes).size).toBe(variants.length);
  });

  it('hashes an empty table, and fails clearly for a missing one', async () => {
    await store.replaceTables([smallBatch([])]);
    expect(await store.tableHash(smallTable)).toMatch(/^[0-9a-f]{32}$/);
    await expect(store.tableHash(everyTypeTable)).rejects.toThrow(/cannot hash table test_every_type/);
  });

  it('gives equal hashes in two separate database files with equal content', async () => {
    const other = await openStore(':memory:');
    try {
      await store.replaceTables([everyTypeBatch(generatedRows(100))]);
      await other.replaceTables([everyTypeBatch(generatedRows(100).reverse())]);
      expect(await other.tableHash(everyTypeTable)).toBe(await store.tableHash(everyTypeTable));
    } finally {
      other.close();
    }
  });
});
