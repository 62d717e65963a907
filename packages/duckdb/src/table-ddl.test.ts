import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineTable } from '@retail-datagen/models';
import { openStore, type DuckDBStore } from './duckdb-store.js';
import { createTableStatement, quoteIdentifier } from './table-ddl.js';
import { everyTypeTable } from './test-support/every-type-table.js';

describe('createTableStatement', () => {
  let store: DuckDBStore;
  beforeEach(async () => {
    store = await openStore(':memory:');
  });
  afterEach(() => store.close());

  it('gives every logical type its DuckDB type and NOT NULL only where the field is not nullable', async () => {
    await store.createTables([everyTypeTable]);
    const columns = await store.query(
      "SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
      [everyTypeTable.name],
    );
    expect(columns).toEqual([
      { column_name: 'id', data_type: 'INTEGER', is_nullable: 'NO' },
      { column_name: 'quantity', data_type: 'INTEGER', is_nullable: 'YES' },
      { column_name: 'sequence_number', data_type: 'BIGINT', is_nullable: 'YES' },
      { column_name: 'ratio', data_type: 'DOUBLE', is_nullable: 'YES' },
      { column_name: 'unit_price', data_type: 'DECIMAL(12,2)', is_nullable: 'YES' },
      { column_name: 'refrigerated', data_type: 'BOOLEAN', is_nullable: 'YES' },
      { column_name: 'note', data_type: 'VARCHAR', is_nullable: 'YES' },
      { column_name: 'category', data_type: 'VARCHAR', is_nullable: 'NO' },
      { column_name: 'business_date', data_type: 'DATE', is_nullable: 'YES' },
      { column_name: 'event_ts', data_type: 'TIMESTAMP', is_nullable: 'YES' },
      { column_name: 'receipt_id_ext', data_type: 'VARCHAR', is_nullable: 'NO' },
    ]);
  });

  it('declares no primary or foreign key constraints', async () => {
    await store.createTables([everyTypeTable]);
    const constraints = await store.query(
      "SELECT constraint_type FROM duckdb_constraints() WHERE table_name = ? AND constraint_type <> 'NOT NULL'",
      [everyTypeTable.name],
    );
    expect(constraints).toEqual([]);
  });

  it('keeps odd names inert by quoting them', async () => {
    const odd = defineTable({
      name: 'OddNames',
      table: 'odd"; DROP TABLE x; --',
      kind: 'system',
      description: 'A table whose names would break unquoted SQL.',
      primaryKey: ['Select'],
      fields: [{ name: 'Select', type: 'int32', column: 'select' }],
    });
    expect(quoteIdentifier('a"b')).toBe('"a""b"');
    expect(createTableStatement(odd, { ifNotExists: true })).toBe('CREATE TABLE IF NOT EXISTS "odd""; DROP TABLE x; --" ("select" INTEGER NOT NULL)');
    await store.createTables([odd]);
    expect(await store.existingTables()).toEqual(['odd"; DROP TABLE x; --']);
  });

  it('fails on an existing table unless ifNotExists is given', async () => {
    await store.createTables([everyTypeTable]);
    await expect(store.createTables([everyTypeTable])).rejects.toMatchObject({ code: 'STORAGE_FAILURE' });
    await expect(store.createTables([everyTypeTable], { ifNotExists: true })).resolves.toBeUndefined();
  });
});
