import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createColumnBatch, utf8ColumnOf, type ColumnBatch } from '@retail-datagen/generator-core';
import { defineTable, RetailDatagenError } from '@retail-datagen/models';
import { openStore, type DuckDBStore } from './duckdb-store.js';
import { StorageError } from './storage-error.js';
import { everyTypeBatch, everyTypeTable, generatedRows, smallBatch, smallTable, type EveryTypeRow } from './test-support/every-type-table.js';
import { createTemporaryDirectory } from './test-support/temporary-directory.js';

const packageDirectory = resolve(dirname(fileURLToPath(import.meta.url)), '..');

let directory: { path: string; remove: () => void };
const openStores: DuckDBStore[] = [];

async function open(name = 'retail.duckdb'): Promise<DuckDBStore> {
  const store = await openStore(join(directory.path, name));
  openStores.push(store);
  return store;
}

beforeEach(() => {
  directory = createTemporaryDirectory();
});

afterEach(() => {
  for (const store of openStores.splice(0)) store.close();
  directory.remove();
});

/** Every column read back in a form that is exact: money and timestamps as text, dates as day numbers. */
async function readEveryType(store: DuckDBStore): Promise<unknown[]> {
  return store.query(`
    SELECT id, quantity, sequence_number, ratio, CAST(unit_price AS VARCHAR) AS unit_price, refrigerated, note, category,
           business_date - DATE '1970-01-01' AS business_date, epoch_ms(event_ts) AS event_ms, receipt_id_ext
    FROM test_every_type ORDER BY id`);
}

function expectedEveryType(rows: readonly EveryTypeRow[]): unknown[] {
  return rows.map((row) => ({
    id: row.id,
    quantity: row.quantity,
    sequence_number: row.sequenceNumber === null ? null : BigInt(row.sequenceNumber),
    ratio: row.ratio,
    unit_price: row.unitPriceCents === null ? null : centsAsText(row.unitPriceCents),
    refrigerated: row.refrigerated,
    note: row.note,
    category: row.category,
    business_date: row.businessDate === null ? null : BigInt(row.businessDate),
    event_ms: row.eventMilliseconds === null ? null : BigInt(row.eventMilliseconds),
    receipt_id_ext: row.receiptId,
  }));
}

function centsAsText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

describe('round trip', () => {
  it('stores every type, NULLs included, and reads the same values back after reopening', async () => {
    const rows = generatedRows(20);
    const store = await open();
    await store.replaceTables([everyTypeBatch(rows)]);
    store.close();
    const reopened = await open();
    expect(await readEveryType(reopened)).toEqual(expectedEveryType(rows));
  });

  it('keeps money exact to the cent', async () => {
    const cents = [1, 123_456_789, -1, -250, 0, 999_999_999_999, -999_999_999_999, 10, 12_345];
    const rows = generatedRows(cents.length).map((row, index) => ({ ...row, unitPriceCents: cents[index] as number }));
    const store = await open();
    await store.replaceTables([everyTypeBatch(rows)]);
    const stored = await store.query('SELECT CAST(unit_price AS VARCHAR) AS text, CAST(unit_price * 100 AS BIGINT) AS cents FROM test_every_type ORDER BY id');
    expect(stored.map((row) => row['text'])).toEqual([
      '0.01',
      '1234567.89',
      '-0.01',
      '-2.50',
      '0.00',
      '9999999999.99',
      '-9999999999.99',
      '0.10',
      '123.45',
    ]);
    expect(stored.map((row) => row['cents'])).toEqual(cents.map(BigInt));
    const [sum] = await store.query('SELECT CAST(sum(unit_price) AS VARCHAR) AS total FROM test_every_type WHERE abs(unit_price) < 100000000');
    expect(sum?.['total']).toBe('1234688.94');
  });

  it('keeps timestamps exact to the millisecond and dates to the day', async () => {
    const instants = [Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(1969, 11, 31, 23, 59, 59, 1), 0, Date.UTC(2030, 5, 1, 0, 0, 0, 7)];
    const rows = generatedRows(instants.length).map((row, index) => ({
      ...row,
      eventMilliseconds: instants[index] as number,
      businessDate: Math.floor((instants[index] as number) / 86_400_000),
    }));
    const store = await open();
    await store.replaceTables([everyTypeBatch(rows)]);
    const stored = await store.query(
      'SELECT CAST(event_ts AS VARCHAR) AS text, epoch_ms(event_ts) AS ms, CAST(business_date AS VARCHAR) AS day FROM test_every_type ORDER BY id',
    );
    expect(stored).toEqual([
      { text: '2024-02-29 23:59:59.999', ms: BigInt(instants[0] as number), day: '2024-02-29' },
      { text: '1969-12-31 23:59:59.001', ms: BigInt(instants[1] as number), day: '1969-12-31' },
      { text: '1970-01-01 00:00:00', ms: 0n, day: '1970-01-01' },
      { text: '2030-06-01 00:00:00.007', ms: BigInt(instants[3] as number), day: '2030-06-01' },
    ]);
  });

  it('looks dictionary codes up, with -1 as NULL, and plain string arrays with null as NULL', async () => {
    const table = smallTable;
    const store = await open();
    const dictionaryBatch: ColumnBatch = {
      table: everyTypeTable,
      length: 4,
      columns: {
        ...everyTypeBatch(generatedRows(4)).columns,
        Note: { kind: 'dictionary', dictionary: ['', 'ünïcödé ✓', "it's \"quoted\"\n"], codes: Int32Array.of(2, -1, 1, 0) },
      },
      validity: {},
    };
    await store.replaceTables([dictionaryBatch, smallBatch(['first', 'second'])]);
    expect((await store.query('SELECT note FROM test_every_type ORDER BY id')).map((row) => row['note'])).toEqual([
      "it's \"quoted\"\n",
      null,
      'ünïcödé ✓',
      '',
    ]);
    expect(await store.query(`SELECT id, name FROM ${table.name} ORDER BY id`)).toEqual([
      { id: 1, name: 'first' },
      { id: 2, name: 'second' },
    ]);
  });

  it('writes batches longer than one data chunk, with NULLs across chunk boundaries', async () => {
    const rows = generatedRows(5_000);
    const store = await open();
    await store.replaceTables([everyTypeBatch(rows.slice(0, 2_049)), everyTypeBatch(rows.slice(2_049))]);
    expect(await readEveryType(store)).toEqual(expectedEveryType(rows));
  });

  it('packs small batches into shared data chunks: every row lands once, NULLs and long strings at any row offset', async () => {
    // Long notes repeat on the next rows (the string heap path) and every seventh row has NULLs; batch sizes put
    // batch boundaries at odd rows inside chunks and across chunk boundaries.
    const rows = generatedRows(4_500).map((row) => (row.note === null ? row : { ...row, note: `a note longer than twelve bytes ${Math.floor(row.id / 3)}` }));
    const sizes = [1, 2, 5, 700, 1_339, 2, 2_048, 3, 400];
    const batches: ColumnBatch[] = [];
    let start = 0;
    for (const size of sizes) {
      batches.push(everyTypeBatch(rows.slice(start, start + size)));
      start += size;
    }
    expect(start).toBe(rows.length);
    const store = await open();
    await store.replaceTables(batches);
    expect(await readEveryType(store)).toEqual(expectedEveryType(rows));
  });

  it('stores an empty batch as an empty table', async () => {
    const store = await open();
    await store.replaceTables([everyTypeBatch([])]);
    expect(await store.rowCounts([everyTypeTable])).toEqual(new Map([['test_every_type', 0]]));
  });
});

describe('prepareBatches and appendPrepared', () => {
  it('appends prepared batches later, in a transaction of their own or an enclosing one, with the rows of each table', async () => {
    const store = await open();
    await store.createTables([everyTypeTable, smallTable]);
    const rows = generatedRows(3_000);
    const first = store.prepareBatches([everyTypeBatch(rows.slice(0, 1_000)), smallBatch(['a', 'b'])]);
    const second = store.prepareBatches([everyTypeBatch(rows.slice(1_000))]);
    expect([...first.rows]).toEqual([
      ['test_every_type', 1_000],
      ['test_small', 2],
    ]);
    await store.appendPrepared(first);
    await store.transaction(async () => {
      await store.appendPrepared(second);
      await store.appendBatch(smallBatch(['c'], 3));
    });
    expect(await readEveryType(store)).toEqual(expectedEveryType(rows));
    expect(await store.query('SELECT name FROM test_small ORDER BY id')).toEqual([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
  });

  it('refuses a prepared set twice, after its release, or from another store; a released set appends nothing', async () => {
    const store = await open();
    const other = await open('other.duckdb');
    await store.createTables([smallTable]);
    const appended = store.prepareBatches([smallBatch(['a'])]);
    await store.appendPrepared(appended);
    await expect(store.appendPrepared(appended)).rejects.toThrow('these prepared batches were already appended or released');
    const released = store.prepareBatches([smallBatch(['b'], 2)]);
    released.release();
    await expect(store.appendPrepared(released)).rejects.toThrow('already appended or released');
    await expect(other.appendPrepared(store.prepareBatches([smallBatch(['c'], 3)]))).rejects.toThrow(/not prepared by the store of .*other\.duckdb/);
    expect(await store.query('SELECT name FROM test_small')).toEqual([{ name: 'a' }]);
  });

  it('refuses a malformed batch when preparing, before anything is appended', async () => {
    const store = await open();
    await store.createTables([everyTypeTable]);
    const batch = everyTypeBatch(generatedRows(3));
    const fractional = createColumnBatch(everyTypeTable, 3, { ...batch.columns, UnitPrice: Float64Array.of(1, 2.5, 3) }, batch.validity);
    expect(() => store.prepareBatches([everyTypeBatch(generatedRows(2_100)), fractional])).toThrow(StorageError);
    expect(() => store.prepareBatches([fractional])).toThrow('cannot store test_every_type.unit_price row 1: got 2.5');
    expect(await store.rowCounts([everyTypeTable])).toEqual(new Map([['test_every_type', 0]]));
  });
});

describe('replaceTables', () => {
  it('replaces the previous rows of each table', async () => {
    const store = await open();
    await store.replaceTables([smallBatch(['a', 'b', 'c'])]);
    await store.replaceTables([smallBatch(['d'], 10)]);
    expect(await store.query('SELECT id, name FROM test_small')).toEqual([{ id: 10, name: 'd' }]);
  });

  it('leaves every table as it was when a later table violates NOT NULL, also after reopening', async () => {
    const store = await open();
    const before = [everyTypeBatch(generatedRows(3_000)), smallBatch(['kept', 'too'])];
    await store.replaceTables(before);
    const hashesBefore = [await store.tableHash(everyTypeTable), await store.tableHash(smallTable)];

    const violating = smallBatch(['x', 'y', 'z']);
    const withNull: ColumnBatch = { ...violating, columns: { ...violating.columns, Name: ['x', null, 'z'] } };
    const replacing = store.replaceTables([everyTypeBatch(generatedRows(4_000, 100)), withNull]);
    await expect(replacing).rejects.toThrow(StorageError);
    await expect(replacing).rejects.toThrow(/NOT NULL/);

    expect([await store.tableHash(everyTypeTable), await store.tableHash(smallTable)]).toEqual(hashesBefore);
    store.close();
    const reopened = await open();
    expect(await reopened.rowCounts([everyTypeTable, smallTable])).toEqual(
      new Map([
        ['test_every_type', 3_000],
        ['test_small', 2],
      ]),
    );
    expect([await reopened.tableHash(everyTypeTable), await reopened.tableHash(smallTable)]).toEqual(hashesBefore);
  });

  it('leaves no half-written table when a value fails mid-batch, and creates no new table', async () => {
    const store = await open();
    await store.replaceTables([smallBatch(['kept'])]);
    const rows = generatedRows(6_000);
    const bad = everyTypeBatch(rows);
    (bad.columns['UnitPrice'] as Float64Array)[5_000] = 12.5; // not whole cents, in the third chunk
    await expect(store.replaceTables([smallBatch(['new', 'rows']), bad])).rejects.toThrow(
      /test_every_type\.unit_price row 5000: got 12\.5; expected whole cents/,
    );
    store.close();
    const reopened = await open();
    expect(await reopened.existingTables()).toEqual(['test_small']);
    expect(await reopened.query('SELECT id, name FROM test_small')).toEqual([{ id: 1, name: 'kept' }]);
  });

  it('refuses two different definitions of one table', async () => {
    const store = await open();
    const impostor = { ...smallBatch(['a']), table: { ...smallTable } };
    await expect(store.replaceTables([smallBatch(['b']), impostor])).rejects.toThrow(/two different definitions of table test_small/);
  });
});

describe('appendBatch and transaction', () => {
  it('appends several batches to an existing table', async () => {
    const store = await open();
    await store.createTables([everyTypeTable, smallTable], { ifNotExists: true });
    const rows = generatedRows(300);
    await store.appendBatch(everyTypeBatch(rows.slice(0, 100)));
    await store.appendBatch(everyTypeBatch(rows.slice(100)));
    expect(await readEveryType(store)).toEqual(expectedEveryType(rows));
  });

  it('commits the appends of a transaction together, or none of them when it throws', async () => {
    const store = await open();
    await store.createTables([everyTypeTable, smallTable]);
    await store.transaction(async () => {
      await store.appendBatch(smallBatch(['a', 'b']));
      await store.appendBatch(everyTypeBatch(generatedRows(10)));
    });
    await expect(
      store.transaction(async () => {
        await store.appendBatch(smallBatch(['c'], 3));
        await store.appendBatch(everyTypeBatch(generatedRows(10, 10)));
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow('crash before commit');
    store.close();
    const reopened = await open();
    expect(await reopened.rowCounts([everyTypeTable, smallTable])).toEqual(
      new Map([
        ['test_every_type', 10],
        ['test_small', 2],
      ]),
    );
  });

  it('runs whileCommitting once the body is done, only for a transaction that commits, and rethrows its failure after the commit', async () => {
    const store = await open();
    await store.createTables([smallTable]);
    const calls: string[] = [];
    await store.transaction(
      async () => {
        await store.appendBatch(smallBatch(['a']));
        // A nested transaction joins the outer one: its hook is not called.
        await store.transaction(async () => calls.push('nested body'), { whileCommitting: () => calls.push('nested hook') });
        calls.push('body');
      },
      { whileCommitting: () => calls.push('hook') },
    );
    expect(calls).toEqual(['nested body', 'body', 'hook']);
    await expect(
      store.transaction(
        async () => {
          throw new Error('body failed');
        },
        { whileCommitting: () => calls.push('hook of a failed body') },
      ),
    ).rejects.toThrow('body failed');
    await expect(store.transaction(() => store.appendBatch(smallBatch(['b'], 2)), { whileCommitting: () => { throw new Error('side work failed'); } })).rejects.toThrow(
      'side work failed',
    );
    expect(calls).toEqual(['nested body', 'body', 'hook']);
    // The transaction itself committed.
    expect(await store.query('SELECT name FROM test_small ORDER BY id')).toEqual([{ name: 'a' }, { name: 'b' }]);
  });

  it('joins an enclosing transaction when nested, and rolls back a failure the body swallowed', async () => {
    const store = await open();
    await store.createTables([smallTable]);
    const swallowing = store.transaction(async () => {
      await store.transaction(() => store.appendBatch(smallBatch(['nested'])));
      const withNull = smallBatch(['x']);
      await store.appendBatch({ ...withNull, columns: { ...withNull.columns, Name: [null] } }).catch(() => undefined);
      return 'done';
    });
    await expect(swallowing).rejects.toThrow(/rolled back: a step in it failed/);
    expect(await store.rowCounts([smallTable])).toEqual(new Map([['test_small', 0]]));
  });

  it('serializes concurrent calls so one transaction never sees another', async () => {
    const store = await open();
    await store.createTables([smallTable]);
    const failing = store.transaction(async () => {
      await store.appendBatch(smallBatch(['rolled back'], 100));
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('fails after a pause');
    });
    const succeeding = store.appendBatch(smallBatch(['kept']));
    await expect(failing).rejects.toThrow('fails after a pause');
    await succeeding;
    expect(await store.query('SELECT id, name FROM test_small')).toEqual([{ id: 1, name: 'kept' }]);
  });

  it('refuses to append to a missing table or one with other columns', async () => {
    const store = await open();
    await expect(store.appendBatch(smallBatch(['a']))).rejects.toThrow(/test_small .*does not exist/);
    await store.query('CREATE TABLE test_small (name VARCHAR NOT NULL, id INTEGER NOT NULL)');
    await expect(store.appendBatch(smallBatch(['a']))).rejects.toThrow(
      /has columns \(name VARCHAR, id INTEGER\) but its definition has \(id INTEGER, name VARCHAR\)/,
    );
  });

  it('refuses a batch that lacks a field or has the wrong array type, before appending anything', async () => {
    const store = await open();
    await store.createTables([smallTable]);
    const batch = smallBatch(['a']);
    await expect(store.appendBatch({ ...batch, columns: { ID: batch.columns['ID'] as Int32Array } })).rejects.toThrow(/field Name is missing/);
    await expect(store.appendBatch({ ...batch, columns: { ...batch.columns, ID: Float64Array.of(1) } })).rejects.toThrow(
      /field ID is not held as a int32 column/,
    );
    expect(await store.rowCounts([smallTable])).toEqual(new Map([['test_small', 0]]));
  });
});

describe('closed sets of values (ENUM columns)', () => {
  const zones = ['ENTRANCE', 'PRODUCE', 'CHECKOUT'] as const;
  const closedSets = defineTable({
    name: 'TestClosedSets',
    kind: 'fact',
    description: 'A closed-set field, nullable and not, beside a plain one.',
    primaryKey: ['ID'],
    fields: [
      { name: 'ID', type: 'int32' },
      { name: 'Zone', type: 'string', values: zones },
      { name: 'PreviousZone', type: 'string', nullable: true, values: zones },
      { name: 'Note', type: 'string', nullable: true },
    ],
  });
  const batchOf = (zone: ColumnBatch['columns'][string], previous: ColumnBatch['columns'][string], firstId = 1): ColumnBatch =>
    createColumnBatch(closedSets, 3, { ID: Int32Array.of(firstId, firstId + 1, firstId + 2), Zone: zone, PreviousZone: previous, Note: ['a', null, 'c'] });

  it('stores a closed set as an ENUM of its values and reads plain strings back, from dictionaries, arrays and UTF-8 columns', async () => {
    const store = await open();
    await store.createTables([closedSets]);
    const columns = await store.query("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'test_closed_sets' ORDER BY ordinal_position");
    expect(columns.map((column) => column['data_type'])).toEqual(['INTEGER', "ENUM('ENTRANCE', 'PRODUCE', 'CHECKOUT')", "ENUM('ENTRANCE', 'PRODUCE', 'CHECKOUT')", 'VARCHAR']);
    await store.transaction(async () => {
      // A dictionary in another order than the values, with -1 as NULL.
      await store.appendBatch(batchOf({ kind: 'dictionary', dictionary: ['CHECKOUT', 'ENTRANCE'], codes: Int32Array.of(1, 0, 1) }, { kind: 'dictionary', dictionary: ['PRODUCE'], codes: Int32Array.of(-1, 0, 0) }));
      await store.appendBatch(batchOf(['PRODUCE', 'CHECKOUT', 'ENTRANCE'], [null, 'ENTRANCE', null], 4));
      await store.appendBatch(batchOf(utf8ColumnOf(['CHECKOUT', 'CHECKOUT', 'PRODUCE']), { ...utf8ColumnOf(['', 'PRODUCE', '']), validity: Uint8Array.of(0, 1, 0) }, 7));
    });
    const rows = await store.query('SELECT id, CAST(zone AS VARCHAR) AS zone, CAST(previous_zone AS VARCHAR) AS previous_zone FROM test_closed_sets ORDER BY id');
    expect(rows.map((row) => [row['id'], row['zone'], row['previous_zone']])).toEqual([
      [1, 'ENTRANCE', null],
      [2, 'CHECKOUT', 'PRODUCE'],
      [3, 'ENTRANCE', 'PRODUCE'],
      [4, 'PRODUCE', null],
      [5, 'CHECKOUT', 'ENTRANCE'],
      [6, 'ENTRANCE', null],
      [7, 'CHECKOUT', null],
      [8, 'CHECKOUT', 'PRODUCE'],
      [9, 'PRODUCE', null],
    ]);
    // Compared with string literals as if VARCHAR.
    expect(await store.query("SELECT count(*)::INTEGER AS n FROM test_closed_sets WHERE zone = 'CHECKOUT'")).toEqual([{ n: 4 }]);
    const read = await store.readTable(closedSets);
    expect(read.columns['Zone']).toEqual(['ENTRANCE', 'CHECKOUT', 'ENTRANCE', 'PRODUCE', 'CHECKOUT', 'ENTRANCE', 'CHECKOUT', 'CHECKOUT', 'PRODUCE']);
  });

  it('refuses a value outside the set with the row and the values, and stores nothing of the batch', async () => {
    const store = await open();
    await store.createTables([closedSets]);
    const failure = store.replaceTables([batchOf({ kind: 'dictionary', dictionary: ['PRODUCE', 'ATTIC'], codes: Int32Array.of(0, 1, 0) }, [null, null, null])]);
    await expect(failure).rejects.toThrow(StorageError);
    await expect(failure).rejects.toThrow('cannot store test_closed_sets.zone row 1: got "ATTIC"; expected one of ENTRANCE, PRODUCE, CHECKOUT');
    await expect(store.appendBatch(batchOf(['PRODUCE', 'PRODUCE', 'PRODUCE'], [null, 'produce', null]))).rejects.toThrow(
      'cannot store test_closed_sets.previous_zone row 1: got "produce"; expected one of ENTRANCE, PRODUCE, CHECKOUT',
    );
    await expect(store.appendBatch(batchOf({ kind: 'dictionary', dictionary: ['PRODUCE'], codes: Int32Array.of(0, 0, 1) }, [null, null, null]))).rejects.toThrow(
      'cannot store test_closed_sets.zone row 2: got 1; expected a dictionary code below 1, or -1 for NULL',
    );
    expect(await store.rowCounts([closedSets])).toEqual(new Map([['test_closed_sets', 0]]));
  });

  it('refuses to append to a table that holds the field as VARCHAR (a file of an older version)', async () => {
    const store = await open();
    await store.query('CREATE TABLE test_closed_sets (id INTEGER NOT NULL, zone VARCHAR NOT NULL, previous_zone VARCHAR, note VARCHAR)');
    await expect(store.appendBatch(batchOf(['PRODUCE', 'PRODUCE', 'PRODUCE'], [null, null, null]))).rejects.toThrow(
      "has columns (id INTEGER, zone VARCHAR, previous_zone VARCHAR, note VARCHAR) but its definition has (id INTEGER, zone ENUM('ENTRANCE', 'PRODUCE', 'CHECKOUT'), previous_zone ENUM('ENTRANCE', 'PRODUCE', 'CHECKOUT'), note VARCHAR)",
    );
  });
});

describe('reading', () => {
  it('counts the rows of existing tables and leaves missing ones out', async () => {
    const store = await open();
    expect(await store.rowCounts([everyTypeTable, smallTable])).toEqual(new Map());
    await store.replaceTables([smallBatch(['a', 'b', 'c'])]);
    expect(await store.rowCounts([everyTypeTable, smallTable])).toEqual(new Map([['test_small', 3]]));
    expect(await store.existingTables()).toEqual(['test_small']);
  });

  it('binds query parameters by position and by name', async () => {
    const store = await open();
    await store.replaceTables([smallBatch(['a', 'b', 'c'])]);
    expect(await store.query('SELECT name FROM test_small WHERE id >= ? ORDER BY id', [2])).toEqual([{ name: 'b' }, { name: 'c' }]);
    expect(await store.query('SELECT name FROM test_small WHERE name = $name', { name: 'c' })).toEqual([{ name: 'c' }]);
  });

  it('reports a bad query as a StorageError with DuckDB error as cause', async () => {
    const store = await open();
    const error: unknown = await store.query('SELECT * FROM no_such_table').catch((caught: unknown) => caught);
    expect(StorageError.isInstance(error)).toBe(true);
    expect(RetailDatagenError.isInstance(error) && error.code).toBe('STORAGE_FAILURE');
    expect((error as StorageError).message).toMatch(/no_such_table/);
    expect((error as StorageError).cause).toBeInstanceOf(Error);
  });
});

describe('openStore and close', () => {
  it('creates parent directories and releases the file on close', async () => {
    const path = join(directory.path, 'nested', 'deeper', 'retail.duckdb');
    const store = await openStore(path);
    await store.replaceTables([smallBatch(['a'])]);
    store.close();
    store.close();
    expect(existsSync(path)).toBe(true);
    await expect(store.rowCounts([smallTable])).rejects.toThrow(/is closed/);
    const again = await openStore(path);
    expect(await again.rowCounts([smallTable])).toEqual(new Map([['test_small', 1]]));
    again.close();
  });

  it('supports :memory:', async () => {
    const store = await openStore(':memory:');
    await store.replaceTables([smallBatch(['a'])]);
    expect(await store.rowCounts([smallTable])).toEqual(new Map([['test_small', 1]]));
    store.close();
  });

  it('refuses a directory with a StorageError naming the path', async () => {
    const error: unknown = await openStore(directory.path).catch((caught: unknown) => caught);
    expect(StorageError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'STORAGE_FAILURE', path: directory.path, name: 'StorageError' });
    expect((error as Error).message).toContain(directory.path);
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it('refuses a second open of the same file in one process', async () => {
    const store = await open();
    await expect(openStore(join(directory.path, '.', 'retail.duckdb'))).rejects.toThrow(/already open in this process/);
    store.close();
  });

  it('refuses a read-only open of a missing file', async () => {
    await expect(openStore(join(directory.path, 'missing.duckdb'), { readOnly: true })).rejects.toThrow(StorageError);
  });

  it('refuses a file held by another process, naming the path and the lock', async () => {
    const path = join(directory.path, 'held.duckdb');
    const holder = await holdFileInChildProcess(path);
    try {
      const error: unknown = await openStore(path).catch((caught: unknown) => caught);
      expect(StorageError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(new RegExp(`cannot open DuckDB database ${escapeRegExp(path)}: another process holds it open`));
      expect(((error as Error).cause as Error).message).toMatch(/lock/i);
    } finally {
      holder.kill();
    }
  });
});

function holdFileInChildProcess(path: string): Promise<ChildProcess> {
  const script = `
    import { DuckDBInstance } from '@duckdb/node-api';
    const instance = await DuckDBInstance.create(${JSON.stringify(path)});
    await instance.connect();
    process.stdout.write('ready\\n');
    setTimeout(() => {}, 60_000);`;
  const child = spawn(process.execPath, ['--input-type=module', '--eval', script], { cwd: packageDirectory, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolvePromise, reject) => {
    let errors = '';
    child.stderr?.on('data', (data: Buffer) => (errors += String(data)));
    child.stdout?.on('data', (data: Buffer) => {
      if (String(data).includes('ready')) resolvePromise(child);
    });
    child.on('exit', (code) => reject(new Error(`lock holder exited with ${code}: ${errors}`)));
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
